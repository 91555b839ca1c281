"""Stage 3, normalize: repair the text damage that PDF and Word extraction leaves.

What is repaired, in order:

* line ends (CRLF, CR), tabs, non-breaking spaces; characters that are no text
  (controls, direction overrides, zero-width and private-use characters) removed;
* combining marks detached by a space ("hoa ̣t" → "hoạt"), then Unicode NFC;
* letter-spaced lines ("C h ủ  t r ì ,  p h ố i" → "Chủ trì, phối"): single
  spaces sit inside words, two or more between words;
* tables given cell by cell or with wrapped rows, as one " | " line per row (:mod:`.tables`);
* lone page-number lines;
* sentences broken across lines or blank lines ("tỉnh Tuyên\\n\\nQuang").

What is kept: the wording, genuine typos, numbering, headings, list items,
short header and signature lines, and inline ``*`` / ``**`` emphasis.

The repair is run to a fixed point, which makes it idempotent by construction.
"""

from __future__ import annotations

import re
import unicodedata

from generator.reading.emphasis import without_emphasis
from generator.reading.tables import is_table_row, table_rows

_DETACHED_MARK = re.compile(r"(?<![ \u00a0])[ \u00a0]+(?=[\u0300-\u036f])")  # from a run's first space only
_SPACES = re.compile(r"[ \u00a0]{2,}")
# What extraction leaves that is no text: control characters (a terminal would obey them), direction
# overrides, zero-width and private-use characters, non-characters and lone surrogates.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
                       "\ufeff\ufdd0-\ufdef\ufffe\uffff\ue000-\uf8ff\ud800-\udfff]")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?\s*$")
# Two columns side by side (pdftotext -layout: letterhead | motto, Nơi nhận | signature):
# a run of three or more spaces between text, except the blank left for a number or a day.
_COLUMN_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
_BLANK_FIELD = re.compile(r"(?:\bngày|Số\s*:)$")
_WORD_GAP = re.compile(r" {2,}")
# Item markers: "- ", "+ ", "1. ", "1.2. ", "a) ", "IV. ", "Điều 2. " (inside or after any Markdown ** or #).
_MARKER = re.compile(r"^(?:[-+•]\s|\d+(?:\.\d+)*[.)]\**\s|[a-zđ][)]\**\s|[IVXLC]+\.\**\s|Điều \d+\.\**\s)")
_EMPHASIS_OR_HEADING = re.compile(r"^(?:#+\s+|\*+)")
# Openings of the parts of a state document (Nghị định 30/2020/NĐ-CP): always a new paragraph.
_PART_OPENING = re.compile(
    r"^(?:Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Kính gửi|Nơi nhận|V/v|Số\s*:|[^,\d]{2,40},\s*ngày\b)")
_LETTER_SPACED_MIN_TOKENS = 8
_SPACED_WORD_MIN_TOKENS = 3
_SHORT_TITLE = 60  # characters: a numbered line shorter than this may be a title ("1. Phòng Y tế")


def repair_text(text: str) -> str:
    """Return ``text`` repaired (see module doc); NFC, no trailing spaces, ``\\n`` line ends."""
    previous = None
    while text != previous:
        previous, text = text, _repair_pass(text)
    return text


def _repair_pass(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0c", "\n\n")
    text = _NOT_TEXT.sub("", text.replace("\x0b", "\n"))  # a vertical tab is Word's line break
    text = unicodedata.normalize("NFC", _DETACHED_MARK.sub("", text))
    lines = [column for line in text.split("\n") for column in _columns(_collapse_letter_spacing(line))]
    lines = table_rows(lines, _PAGE_NUMBER.match)
    lines = ["" if _PAGE_NUMBER.match(line) else _SPACES.sub(" ", line).strip() for line in lines]
    return _rejoin(lines)


def _collapse_letter_spacing(line: str) -> str:
    """Collapse a line whose characters are separated by single spaces.

    Words are told apart by gaps of two or more spaces. A line without such a gap
    is one spaced-out word ("h ợ p .", "2 4 / 3") only when every token is a single
    character; otherwise it is left alone, which keeps the repair idempotent.
    """
    tokens = line.split()
    singles = sum(1 for token in tokens if len(token) == 1)
    if singles == len(tokens) >= _SPACED_WORD_MIN_TOKENS and any(t.isalnum() for t in tokens):
        pass  # every token one character: one or more spaced-out words ("h ợ p .")
    elif len(tokens) < _LETTER_SPACED_MIN_TOKENS or singles < 0.9 * len(tokens):
        return line
    elif not _WORD_GAP.search(line.strip()):
        return line
    words = _WORD_GAP.split(line.strip())
    return " ".join(word.replace(" ", "") for word in words if word)


def _columns(line: str) -> list[str]:
    """A line of two columns side by side as two lines, left column first."""
    parts = [line.lstrip()]
    for gap in _COLUMN_GAP.finditer(line.lstrip()):
        left = line.lstrip()[: gap.start()]
        if not _BLANK_FIELD.search(left):
            return [left, line.lstrip()[gap.end():]]
    return parts if line.strip() else [line]


def is_item_start(line: str) -> bool:
    """True when ``line`` opens a list item or a numbered/lettered section."""
    return bool(_MARKER.match(_EMPHASIS_OR_HEADING.sub("", line)))


def _is_bullet(line: str) -> bool:
    return line.startswith("- ")


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


def _has_lower(line: str) -> bool:
    return any(c.islower() for c in line)


def _typical_width(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return 0
    return lengths[(len(lengths) * 9) // 10 - (1 if len(lengths) % 10 == 0 else 0)]


def _ends_sentence(line: str) -> bool:
    """The line ends with . ! ? : or ; (closing quotes and brackets may follow). A scan from the end:
    the pattern that said so (``[.!?:;]\\W*$``) went quadratic on long runs of punctuation."""
    end = len(line)
    while end and not (line[end - 1].isalnum() or line[end - 1] == "_"):
        end -= 1
    return any(char in ".!?:;" for char in line[end:])


def _is_full(line: str, width: int) -> bool:
    """A line that reaches the text's usual width was wrapped, not ended."""
    return width >= 40 and len(line) >= 0.8 * width


def _wrapped(previous: str, width: int) -> bool:
    """``previous`` was cut by the page width in mid-sentence."""
    return _is_full(previous, width) and not _ends_sentence(previous) and not _is_caps(previous)


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


_ITEM_MARKERS = (("roman", re.compile(r"^([IVXLC]+)\.\**\s")), ("number", re.compile(r"^(\d+)\.\**\s")),
                 ("decimal", re.compile(r"^(\d+\.\d+)\.\**\s")), ("letter", re.compile(r"^([a-zđ])\)\**\s")),
                 ("article", re.compile(r"^Điều (\d+)\.\**\s")))


def item_marker(line: str) -> tuple[str, str] | None:
    """('roman', 'IV') for 'IV. …', ('number', '2') for '2. …', ('decimal', '2.1') for '2.1. …',
    ('letter', 'b') for 'b) …', ('article', '2') for 'Điều 2. …' (inside or after any Markdown
    heading or emphasis marks: '**1.** …')."""
    text = _EMPHASIS_OR_HEADING.sub("", line)
    for kind, pattern in _ITEM_MARKERS:
        if match := pattern.match(text):
            return kind, match.group(1)
    return None


def item_number(line: str) -> tuple[str, int] | None:
    """('number', 2) for '2. …', ('letter', 1) for 'b) …', ('roman', 4) for 'IV. …'."""
    marker = item_marker(line)
    if marker is None:
        return None
    kind, text = marker
    value = {"number": int, "article": int, "decimal": lambda d: int(d.split(".")[1]),
             "letter": lambda c: ord(c) - ord("a"), "roman": _roman}[kind](text)
    return kind, value


def _opens_item(previous: str, line: str, width: int, last: dict[str, int]) -> bool:
    """A marker ("- ", "2.", "a)") opens an item unless the line before was cut mid-sentence
    ("Lao động\n- Thương binh", "năm\n2024. Trong"); a number that continues the
    numbering in force ("2." after "1.") always opens one."""
    if not is_item_start(line):
        return False
    number = item_number(line)
    if number and number[1] == last.get(number[0], 0) + 1:
        return True
    return not (_wrapped(previous, width) and not previous.endswith(":"))


def _joins_line(previous: str, line: str, width: int, last: dict[str, int], in_bullet: bool) -> bool:
    """Should ``line`` continue ``previous`` within a paragraph (``in_bullet``: of a "- " item)?"""
    if _opens_item(previous, line, width, last) or _is_heading(line) or _is_heading(previous):
        return False
    if _PART_OPENING.match(line):
        return False
    if _is_caps(previous) and not _has_lower(line):
        return _is_full(previous, width)  # a heading wrapped by the page width
    if _starts_lower(line) or previous.endswith(",") or is_item_start(line):
        return True
    if in_bullet and _is_full(previous, width) and not _is_caps(line):
        return True  # a list item wrapped after an inner ";" ("Đào tạo;\nY tế;")
    return _wrapped(previous, width) and not _is_caps(line)


def _joins_paragraph(paragraph: tuple[list[str], str], line: str, width: int) -> bool:
    """Should the paragraph starting with ``line`` continue ``paragraph`` (its lines, its tail)?"""
    lines, previous = paragraph
    if _ends_sentence(previous) or previous.endswith("/.") or is_table_row(previous):
        return False
    if _is_title(lines) and not _starts_lower(line):
        return False
    if is_item_start(line) or _is_heading(line) or _is_heading(previous) or _is_caps(previous):
        return False
    if _PART_OPENING.match(line):
        return False
    if _starts_lower(line):
        return True
    return _is_full(previous, width) and not _is_caps(line)


def _is_title(lines: list[str]) -> bool:
    """A paragraph that is one short numbered line: "1. Phòng Lao động - TB&XH huyện"."""
    return len(lines) == 1 and is_item_start(lines[0]) and len(lines[0]) < _SHORT_TITLE


def _ends_paragraph(current: list[str], tail: str, line: str) -> bool:
    """Text without blank lines (PDF extraction) gets its paragraphs back: a sentence
    that ends at the line end, or a short numbered title line, closes a paragraph."""
    if _is_bullet(current[-1]) and _is_bullet(line):
        return False
    if _ends_sentence(tail) or _PART_OPENING.match(line) or (_is_caps(tail) and _has_lower(line)):
        return True
    return _is_title(current) and not _starts_lower(line)


def _rejoin(lines: list[str]) -> str:
    """Rebuild paragraphs. Decisions look at ``tail``, the last *physical* line of
    the paragraph so far, not at the logical line it was joined into."""
    width = _typical_width(lines)
    paragraphs: list[tuple[list[str], str]] = []
    current: list[str] = []
    tail = ""
    last: dict[str, int] = {}  # last item number seen, by kind of numbering
    for line in lines:
        if not line or current and is_table_row(line) != is_table_row(tail):
            if current:  # a table is a paragraph of its own, a row per line
                paragraphs.append((current, tail))
                current = []
            if not line:
                continue
        if is_table_row(line):
            current.append(line)
            tail = line
            continue
        if current and _joins_line(tail, line, width, last, _is_bullet(current[-1])):
            current[-1] += " " + line
            tail = line
            continue
        elif current and _ends_paragraph(current, tail, line):
            paragraphs.append((current, tail))
            current = [line]
        elif current:
            current.append(line)
        elif paragraphs and _joins_paragraph(paragraphs[-1], line, width):
            current = paragraphs.pop()[0]
            current[-1] += " " + line
        elif paragraphs and _is_bullet(paragraphs[-1][0][-1]) and _is_bullet(line):
            current = paragraphs.pop()[0]
            current.append(line)
        else:
            current = [line]
        tail = line
        number = item_number(line)
        if number:
            last[number[0]] = number[1]
    if current:
        paragraphs.append((current, tail))
    return "\n\n".join("\n".join(paragraph) for paragraph, _ in paragraphs) + ("\n" if paragraphs else "")


def plain(text: str) -> str:
    """Text without emphasis markers and with whitespace collapsed (for fields)."""
    return " ".join(without_emphasis(text).split())
