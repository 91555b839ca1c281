"""Stage 4, extract: the structure of a dispatch read from its repaired text.

Input is text already through :func:`generator.reading.normalize.repair_text`; output
is a plain dict with the keys and shapes of the gold files (front matter of a
document, ISO date strings, ``None`` where the document leaves a field blank).
Used by ``ctxh import``; an editor reviews the result before publishing.

The rules follow the state's document format (Nghị định 30/2020/NĐ-CP): a
header with the issuing body, "Số: N/SYMBOL", "Place, ngày D tháng M năm Y",
"V/v …" or a title under "KẾ HOẠCH", "Kính gửi:", a preamble of "Căn cứ /
Thực hiện / Theo đề nghị", numbered items, "Nơi nhận:" and a signature block.
The frame is read in :mod:`.header`, the body's fields in :mod:`.fields`, the
tasks in :mod:`.tasks`.
"""

from __future__ import annotations

import re
from typing import Any

from generator.reading.dates import iso
from generator.reading.fields import (
    extract_deadlines,
    extract_edition,
    extract_references,
    extract_slogans,
    extract_theme,
    extract_windows,
)
from generator.reading.header import (
    DATE_LINE,
    DOC_TYPE_TITLES,
    NUMBER_LINE,
    extract_issuer,
    list_after,
    signature,
)
from generator.reading.normalize import plain
from generator.reading.outline import Block, outline
from generator.reading.tasks import extract_tasks
from generator.reading.units import strip_end

_SUBJECT_STOP = re.compile(r"^(?:Kính gửi|Căn cứ|Thực hiện|Số\s*:|CỘNG HÒA|Độc lập|[^,\d]{2,60},\s*ngày)")
_SUBJECT_START = re.compile(r"^[“\"]?(?:V/v|Về việc)\s*")
_APPENDIX = re.compile(r"^PHỤ LỤC\b")
_NO_TASKS = ("bao_cao", "to_trinh")  # a report of results, a proposal: nothing is assigned


class ImpossibleDate(ValueError):
    """The date line of the header names a day that does not exist ("ngày 31 tháng 02")."""

    def __init__(self, line: str):
        super().__init__(f"dòng ngày tháng “{line}” ghi một ngày không có thật")
        self.line = line


def _number_and_date(lines: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {"number": None, "symbol": None, "place": None, "date": None, "year": None}
    for line in lines:
        number = NUMBER_LINE.match(line)
        if number and found["symbol"] is None:
            found["number"], found["symbol"] = number.group("number") or None, number.group("symbol")
        dated = DATE_LINE.match(line)
        if dated and found["year"] is None:
            found["place"], found["year"] = dated.group("place").strip(), int(dated.group("year"))
            if dated.group("day") and dated.group("month"):
                found["date"] = iso(dated.group("day"), dated.group("month"), dated.group("year"))
                if found["date"] is None:
                    raise ImpossibleDate(line)
    return found


def _subject(lines: list[str]) -> tuple[str | None, str | None]:
    """(doc_type, subject): the V/v or Về việc line(s), or the line under a document title."""
    title = next((i for i, line in enumerate(lines) if line in DOC_TYPE_TITLES), None)
    doc_type = DOC_TYPE_TITLES[lines[title]] if title is not None else None
    for index, line in enumerate(lines):
        start = _SUBJECT_START.match(line)
        if not start or (title is not None and index > title + 2):
            continue
        parts = [line[start.end():]]
        for following in lines[index + 1:]:
            if (_SUBJECT_STOP.match(following) or following.isupper()  # a line of the letterhead or a title
                    or parts[-1].endswith((".", "”", "\""))):
                break
            parts.append(following)
        subject = " ".join(parts).strip()
        if line.startswith(("“", "\"")):
            subject = subject.rstrip("”\"").strip()
        return doc_type or "cong_van", subject
    if doc_type is None:
        return ("cong_van" if any(line.startswith("Kính gửi") for line in lines) else "khac"), None
    subject = lines[title + 1] if title + 1 < len(lines) and doc_type != "cong_van" else None
    return doc_type, subject


def _appendix(lines: list[str]) -> tuple[list[str], list[str]]:
    """The document's lines before an appendix after the signature, and the appendix's lines."""
    closing = next((i for i, line in enumerate(lines) if line.startswith("Nơi nhận")), len(lines))
    start = next((i for i in range(closing, len(lines)) if _APPENDIX.match(lines[i])), len(lines))
    return lines[:start], lines[start:]


def _closing_start(blocks: list[Block]) -> int:
    return next((i for i, b in enumerate(blocks) if re.match(r"^(?:#+\s*)?Nơi nhận", plain(b.lines[0]))),
                len(blocks))


def extract(text: str, source: str | None = None) -> dict[str, Any]:
    """Structure of one repaired dispatch text, in the shape of the gold files."""
    lines, appendix = _appendix([plain(line) for line in text.strip().split("\n") if line.strip()])
    blocks = outline(text)
    frame = _number_and_date(lines)
    doc_type, subject = _subject(lines)

    first_item = next((i for i, b in enumerate(blocks) if b.label), len(blocks))
    preamble = [" ".join(b.lines) for b in blocks[:first_item]]
    references = extract_references(preamble)
    recipients, inline_recipient, _ = list_after(lines, re.compile(r"^Kính gửi\s*:?"))
    if inline_recipient:
        recipients = [inline_recipient] + recipients
    signer, distribution = signature(lines)

    body_blocks = blocks[:_closing_start(blocks)]
    tasks, owner = extract_tasks(body_blocks, preamble) if doc_type not in _NO_TASKS else ([], {})
    last_task_end = max(owner, default=first_item)
    closing = [b for i, b in enumerate(body_blocks) if i > last_task_end and not b.label]
    year = frame["year"]
    if year is None:
        mention = re.search(r"Ngày Công tác xã hội Việt Nam[^0-9]{0,40}25/3/(\d{4})", " ".join(lines))
        year = int(mention.group(1)) if mention else None

    return {
        "source": source,
        "doc_type": doc_type,
        "issuer": extract_issuer(lines, text, frame["place"], references),
        "number": frame["number"],
        "symbol": frame["symbol"],
        "place": frame["place"],
        "date": frame["date"],
        "year": year,
        "subject": subject,
        "campaign": {"year": year, "edition": extract_edition(" ".join(lines))},
        "theme": extract_theme(blocks),
        "recipients": [strip_end(r, ";.") for r in recipients],
        "references": references,
        "tasks": tasks,
        "deadlines": extract_deadlines(body_blocks, closing, owner),
        "slogans": extract_slogans(body_blocks, appendix),
        "display_windows": extract_windows(body_blocks, owner, year),
        "signer": signer,
        "distribution": [strip_end(d, ";") for d in distribution],
        "notes": [],
    }
