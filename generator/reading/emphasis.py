"""Inline emphasis in document text (``*nghiêng*``, ``**đậm**``, ``***cả hai***``): the one parser.

Imported dispatches keep the emphasis of a Markdown or Word source. Reading
(fields taken as plain text), the pages (HTML) and the copies (DOCX, PDF runs)
all read it here, the same way.

Linear in the text, by construction: an emphasis holds no asterisk, so each
attempt from a run of asterisks ends at the next asterisk. (markdown-it-py's
inline parser, tried first, is linear too but runs in Python character by
character: 15 s on a 2 MB line of ``**a ``, against a fraction of a second
here.) Nested emphasis is not read (documents do not use it); a marker left
unpaired at the start or end of a line (an emphasis opened on another line)
is dropped; any other asterisk is text.
"""

from __future__ import annotations

import re

Span = tuple[str, str]  # a piece of text and its style: "", "b" (bold), "i" (italic) or "bi"

_EMPHASIS = re.compile(r"(\*{1,3})(?=[^\s*])([^*]+?)(?<=\S)\1")
_STRAY = re.compile(r"^\*+(?=\S)|(?<=[^\s*])\*+$", re.MULTILINE)
_STYLES = {1: "i", 2: "b", 3: "bi"}


def spans(text: str) -> list[Span]:
    """``text`` as pieces of plain, bold and italic text, markers removed (pieces may be empty)."""
    if "*" not in text:
        return [(text, "")]
    emphasis = list(_EMPHASIS.finditer(text))
    masked = list(text)  # each emphasis as letters, so that only unpaired markers are seen as such
    for match in emphasis:
        masked[match.start():match.end()] = "x" * (match.end() - match.start())
    stray = {index for match in _STRAY.finditer("".join(masked)) for index in range(match.start(), match.end())}
    found: list[Span] = []
    position = 0
    for match in emphasis:
        found.append(("".join(c for i, c in enumerate(text[position:match.start()], position) if i not in stray), ""))
        found.append((match.group(2), _STYLES[len(match.group(1))]))
        position = match.end()
    found.append(("".join(c for i, c in enumerate(text[position:], position) if i not in stray), ""))
    return found


def without_emphasis(text: str) -> str:
    """``text`` with its emphasis markers removed."""
    return "".join(piece for piece, _ in spans(text))
