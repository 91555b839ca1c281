"""Stage 3, normalize: repair the text damage that PDF and Word extraction leaves.

What is repaired, in order:

* line ends (CRLF, CR), tabs, non-breaking spaces;
* combining marks detached by a space ("hoa ̣t" → "hoạt"), then Unicode NFC;
* letter-spaced lines ("C h ủ  t r ì ,  p h ố i" → "Chủ trì, phối"): single
  spaces sit inside words, two or more between words;
* lone page-number lines;
* sentences broken across lines or blank lines ("tỉnh Tuyên\\n\\nQuang").

What is kept: the wording, genuine typos, numbering, headings, list items,
short header and signature lines, and inline ``*`` / ``**`` emphasis.

The repair is run to a fixed point, which makes it idempotent by construction.
"""

from __future__ import annotations

import re
import unicodedata

_DETACHED_MARK = re.compile(r"[ \u00a0]+(?=[\u0300-\u036f])")
_SPACES = re.compile(r"[ \u00a0]{2,}")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")
_WORD_GAP = re.compile(r" {2,}")
# Item markers: "- ", "+ ", "1. ", "1.2. ", "a) ", "IV. " (after any Markdown ** or #).
_MARKER = re.compile(r"^(?:[-+•]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ][)]\s|[IVXLC]+\.\s)")
_EMPHASIS_OR_HEADING = re.compile(r"^(?:#+\s+|\*+)")
_TERMINAL = re.compile(r"[.!?:;]\W*$")
_LETTER_SPACED_MIN_TOKENS = 8


def repair_text(text: str) -> str:
    """Return ``text`` repaired (see module doc); NFC, no trailing spaces, ``\\n`` line ends."""
    previous = None
    while text != previous:
        previous, text = text, _repair_pass(text)
    return text


def _repair_pass(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0c", "\n\n")
    text = unicodedata.normalize("NFC", _DETACHED_MARK.sub("", text))
    lines = [_collapse_letter_spacing(line) for line in text.split("\n")]
    lines = ["" if _PAGE_NUMBER.match(line) else _SPACES.sub(" ", line).strip() for line in lines]
    return _rejoin(lines)


def _collapse_letter_spacing(line: str) -> str:
    """Collapse a line whose characters are separated by single spaces.

    Words are told apart by gaps of two or more spaces; a line without such a
    gap is left alone (after repair no gap remains, which keeps this idempotent).
    """
    tokens = line.split()
    if len(tokens) < _LETTER_SPACED_MIN_TOKENS or not _WORD_GAP.search(line.strip()):
        return line
    singles = sum(1 for token in tokens if len(token) == 1)
    if singles < 0.9 * len(tokens):
        return line
    words = _WORD_GAP.split(line.strip())
    return " ".join(word.replace(" ", "") for word in words if word)


def is_item_start(line: str) -> bool:
    """True when ``line`` opens a list item or a numbered/lettered section."""
    return bool(_MARKER.match(_EMPHASIS_OR_HEADING.sub("", line)))


def _is_heading(line: str) -> bool:
    return line.startswith("#")


def _starts_lower(line: str) -> bool:
    for char in line:
        if char.isalpha():
            return char.islower()
        if char.isdigit():
            return False
    return False


def _is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _typical_width(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return 0
    return lengths[(len(lengths) * 9) // 10 - (1 if len(lengths) % 10 == 0 else 0)]


def _is_full(line: str, width: int) -> bool:
    """A line that reaches the text's usual width was wrapped, not ended."""
    return width >= 40 and len(line) >= 0.8 * width


def _joins_line(previous: str, line: str, width: int) -> bool:
    """Should ``line`` continue ``previous`` within a paragraph?"""
    if is_item_start(line) or _is_heading(line) or _is_heading(previous):
        return False
    if _starts_lower(line) or previous.endswith(","):
        return True
    return _is_full(previous, width) and not _is_caps(previous) and not _is_caps(line)


def _joins_paragraph(previous: str, line: str, width: int) -> bool:
    """Should the paragraph starting with ``line`` continue the one ending with ``previous``?"""
    if _TERMINAL.search(previous) or previous.endswith("/."):
        return False
    if is_item_start(line) or _is_heading(line) or _is_heading(previous) or _is_caps(previous):
        return False
    if _starts_lower(line):
        return True
    return _is_full(previous, width) and not _is_caps(line)


def _rejoin(lines: list[str]) -> str:
    width = _typical_width(lines)
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
                current = []
            continue
        if current and _joins_line(current[-1], line, width):
            current[-1] += " " + line
        elif current:
            current.append(line)
        elif paragraphs and _joins_paragraph(paragraphs[-1][-1], line, width):
            current = paragraphs.pop()
            current[-1] += " " + line
        elif paragraphs and paragraphs[-1][-1].startswith("- ") and line.startswith("- "):
            current = paragraphs.pop()
            current.append(line)
        else:
            current = [line]
    if current:
        paragraphs.append(current)
    return "\n\n".join("\n".join(paragraph) for paragraph in paragraphs) + ("\n" if paragraphs else "")


def plain(text: str) -> str:
    """Text without Markdown emphasis markers and with whitespace collapsed (for fields)."""
    text = re.sub(r"(\*{1,3})(\S(?:.*?\S)?)\1", r"\2", text)
    return " ".join(text.split())
