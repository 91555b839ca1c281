"""The outline of a document's text: blocks, item numbering and anchors.

A dispatch numbers its items "I.", "1.", "a)" at any depth. Each block that
opens an item gets a label made of the numbering in force ("IV.1", "2.a") and
a stable element id ("muc-iv-1"), used both by the document page (ids on the
full text) and by task front matter (``anchor``) so that a link to a task
lands on the exact paragraph of the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from generator.reading.normalize import item_marker
from generator.vietnamese import slugify

_HEADING = re.compile(r"^(#{1,6})\s+")
_BULLET = re.compile(r"^[-+•]\s+")
SHORT_TITLE = 120  # characters: an item opening shorter than this is a title line


@dataclass(frozen=True)
class Block:
    """A run of the text: a heading, a paragraph (lines kept) or a bulleted list."""

    kind: Literal["heading", "paragraph", "list"]
    lines: tuple[str, ...]
    label: str | None = None
    anchor: str | None = None


def anchor_for(label: str) -> str:
    """'IV.1' → 'muc-iv-1'."""
    return "muc-" + slugify(label)


_DEPTHS = {"roman": 0, "article": 0, "number": 1, "decimal": 2, "letter": 2}


def _numbering(text: str) -> tuple[int, str] | None:
    """(depth, marker) of an item opening ``text``: 0 roman or article ("Điều 2"), 1 number,
    2 letter or decimal ("1.2", a number and its sub-number)."""
    marker = item_marker(text)
    if marker is None:
        return None
    kind, value = marker
    return _DEPTHS[kind], f"Điều {value}" if kind == "article" else value


def _split_paragraph(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Split a paragraph's lines into runs of plain lines and runs of bullets."""
    runs: list[tuple[str, list[str]]] = []
    for line in lines:
        kind = "list" if _BULLET.match(line) else "paragraph"
        if runs and runs[-1][0] == kind and kind == "list":
            runs[-1][1].append(_BULLET.sub("", line))
        elif runs and runs[-1][0] == kind == "paragraph" and not _numbering(line):
            runs[-1][1].append(line)
        else:
            runs.append((kind, [_BULLET.sub("", line)] if kind == "list" else [line]))
    return runs


def outline(body: str) -> list[Block]:
    """Cut repaired text into blocks, labelling and anchoring each numbered item."""
    blocks: list[Block] = []
    context: list[str | None] = [None, None, None]
    used: set[str] = set()
    for paragraph in re.split(r"\n\s*\n", body.strip()):
        if not paragraph.strip():
            continue
        for kind, lines in _split_paragraph(paragraph.split("\n")):
            heading = _HEADING.match(lines[0])
            text = lines[0][heading.end():] if heading else lines[0]
            label = anchor = None
            found = _numbering(text) if kind != "list" else None
            if found:
                depth, marker = found
                if "." in marker:  # decimal "1.2": its number, then its sub-number
                    context[1], marker = marker.split(".")
                context[depth] = marker
                for deeper in range(depth + 1, len(context)):
                    context[deeper] = None
                label = ".".join(part for part in context[: depth + 1] if part)
                anchor = anchor_for(label)
                suffix = 2
                while anchor in used:
                    anchor = f"{anchor_for(label)}-{suffix}"
                    suffix += 1
                used.add(anchor)
            if heading:
                blocks.append(Block("heading", (text,), label, anchor))
            else:
                blocks.append(Block(kind, tuple(lines), label, anchor))
    return blocks


def item_blocks(blocks: list[Block], anchor: str) -> list[Block]:
    """The blocks of the item at ``anchor``: its opening block and what follows
    until the next item at the same or a shallower depth.

    The last item of a document is followed by closing text ("Trên đây là…",
    the report request, Nơi nhận); there it takes only its own paragraph (and
    the next one when the opening is a short title line) and any bullets.
    """
    start = next((i for i, block in enumerate(blocks) if block.anchor == anchor), None)
    if start is None:
        return []
    depth = blocks[start].label.count(".")
    end = start + 1
    while end < len(blocks):
        block = blocks[end]
        if block.label is not None and block.label.count(".") <= depth:
            return blocks[start:end]
        if block.kind == "heading" and block.label is None:
            break
        end += 1
    taken = start + 1
    if len(" ".join(blocks[start].lines)) < SHORT_TITLE and taken < end and blocks[taken].kind == "paragraph":
        taken += 1
    while taken < end and blocks[taken].kind == "list":
        taken += 1
    return blocks[start:taken]
