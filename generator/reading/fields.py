"""Fields of a dispatch's body: references, deadlines, slogans, theme, edition,
banner display windows."""

from __future__ import annotations

import re
from typing import Any

from generator.reading.dates import DATE_ANY, date_of, parse_date, periods
from generator.reading.normalize import plain
from generator.reading.outline import Block
from generator.reading.tables import task_rows
from generator.reading.units import clause_subject, split_names

REFERENCE_KINDS = ("Quyết định", "Công văn", "Văn bản", "Tờ trình", "Kế hoạch", "Thông tư",
                   "Nghị định", "Chỉ thị", "Hướng dẫn", "Thông báo", "Nghị quyết", "Luật", "Chương trình")
_REFERENCE = re.compile(
    rf"(?P<kind>{'|'.join(REFERENCE_KINDS)})\s+số\s+(?P<number>\d+\s*[-/]\s*[\wĐđ&/\-]+)"
    rf"\s+ngày\s+(?P<date>{DATE_ANY})"
    r"(?:\s+của\s+(?P<issuer>.+?))?(?=\s+(?:có\s+)?về\b|\s+(?:quy định|ban hành|hướng dẫn)\b|\s*[,;.]|\s*$)"
)
# "Căn cứ Chương trình công tác … năm 2023 của Ban Thường vụ Tỉnh đoàn;": a named document
# without number or date (no "số", no "N/…" in the citation); its issuer after the last "của".
_UNNUMBERED = re.compile(rf"^(?:Căn cứ|Thực hiện)\s+(?P<kind>{'|'.join(REFERENCE_KINDS)})\s+(?!số\b)")
_PROPOSER = re.compile(r"đề nghị của\s+(?P<issuer>.+?)\s+tại\s*$")


def extract_references(preamble: list[str]) -> list[dict[str, Any]]:
    references = []
    for paragraph in preamble:
        text = plain(paragraph)
        if not re.match(r"^(?:Căn cứ|Thực hiện|Theo|Xét|Triển khai)", text):
            continue
        for match in _REFERENCE.finditer(text):
            issuer = match.group("issuer")
            if not issuer:
                proposer = _PROPOSER.search(text[: match.start()])
                issuer = proposer.group("issuer") if proposer else None
            references.append({
                "kind": match.group("kind"),
                "number": re.sub(r"\s+", "", match.group("number")),
                "date": parse_date(match.group("date")),
                "issuer": issuer.strip() if issuer else None,
            })
        unnumbered = _UNNUMBERED.match(text)
        citation = text.partition(";")[0].rstrip(".")
        if unnumbered and " của " in citation and not re.search(r"\d/", citation):
            references.append({"kind": unnumbered.group("kind"), "number": None, "date": None,
                               "issuer": citation.rsplit(" của ", 1)[1].strip()})
    return references


_BY = r"(?:(?:trước|chậm nhất)(?:\s+\d{1,2}\s*(?:giờ|h)\s*\d{0,2})?|\d{1,2}\s*(?:giờ|h)\s*\d{2})\s+ngày\s+"
# Where a dated requirement ends: "trước ngày 15/4/2024", "chậm nhất 16 giờ 00 ngày 05/4/2025". The
# requirement is then read in the text just before it (at most _REACH characters), so that the
# work stays linear in the length of a paragraph, however it is written.
_BY_DATE = re.compile(rf"{_BY}(?:{DATE_ANY})")
_REACH = 600
# "báo cáo kết quả … (gửi) về <to> trước ngày …", "lập danh sách …, gửi <to> trước ngày …",
# "rà soát <object>, gửi danh sách về <to> …" (the list is of the object).
_DEADLINE_DATED = re.compile(
    r"(?:(?:rà soát|đề xuất)\s+(?P<object>[^,.;]{1,120}?),\s+)?"
    r"(?P<what>(?:[Tt]ổng hợp(?:,\s+báo cáo)?|[Bb]áo cáo|[Gg]ửi danh sách|[Đđ]ăng ký|[Nn]ộp|[Ll]ập danh sách)"
    r"(?:\s+[^,.;]{0,160}?)?)(?:(?P<send>,?\s+gửi)\s+(?:về\s+)?|\s+về\s+)"
    rf"(?P<to>[^;]{{1,200}}?)\s*,?\s+{_BY}(?P<date>{DATE_ANY})\Z"
)
# "tổng hợp kết quả, báo cáo <to> trước ngày …": the body reported to follows "báo cáo".
_DEADLINE_SUMMARY = re.compile(
    r"(?P<what>[Tt]ổng hợp kết quả(?:\s+thực hiện)?,\s+báo cáo)\s+(?!về\b)"
    rf"(?P<to>[^;]{{1,200}}?)\s*,?\s+{_BY}(?P<date>{DATE_ANY})\Z"
)
_DEADLINE_UNDATED = re.compile(r"(?P<what>báo cáo(?:\s+[^,.;]{0,160}?)?)\s+về\s+(?P<to>[^.;]{1,200}?)\s+"
                               r"(?:tổng hợp|để)\b")
# What the report is of, not of what: "báo cáo kết quả tổ chức các hoạt động …" → "báo cáo kết quả".
_COMPLEMENT = re.compile(r"(?<!\s)\s+(?:tổ chức|triển khai|các hoạt động)\b.*$|(?<!\s)\s*\([^()]*\)")
_TABLE_DEADLINE = re.compile(r"^(?:Trước|Chậm nhất)\b")


def _what(text: str, sent: bool = False, listed: str | None = None) -> str:
    """The requirement as the gold phrases it: its verb and object, lower case first.
    A list made and sent in one go ("lập danh sách X gửi về …") is sent; a list of the
    object reviewed before ("rà soát X, gửi danh sách") is of that object."""
    what = _COMPLEMENT.sub("", text).strip()
    what = what[:1].lower() + what[1:]
    if sent:
        what = re.sub(r"^lập danh sách", "gửi danh sách", what)
    if listed and what in ("gửi danh sách", "nộp danh sách"):
        what = f"{what} {listed}"
    return what


def _narrowed(text: str, position: int, applies_to: list[str] | str) -> list[str] | str:
    """Of a task's units, those that open the clause of the requirement ("…; Trưởng các khối rà
    soát, lập danh sách … trước ngày …"), or all of them."""
    start = max(text.rfind(mark, 0, position) for mark in ("; ", ": ", ". "))
    subject = clause_subject(text[start + 2 if start >= 0 else 0:])
    return subject if isinstance(applies_to, list) and subject and set(subject) < set(applies_to) else applies_to


def _dated(text: str, applies_to: list[str] | str) -> list[dict[str, Any]]:
    """Each requirement that ends with a date ("… gửi về Sở … trước ngày 15/4/2024")."""
    found, summaries, taken = [], [], 0
    for by in _BY_DATE.finditer(text):
        start = max(taken, by.start() - _REACH)
        before = text[start:by.end()]
        if match := _DEADLINE_DATED.search(before):
            send = match.group("send")
            what = _what(match.group("what"), bool(send) and not send.startswith(","), match.group("object"))
            found.append({"what": what, "due": date_of(_first_date(match.group("date"))), "to": match.group("to"),
                          "applies_to": _narrowed(text, start + match.start(), applies_to)})
            taken = by.end()
        elif match := _DEADLINE_SUMMARY.search(before):
            summaries.append({"what": _what(match.group("what")), "due": date_of(_first_date(match.group("date"))),
                              "to": match.group("to"), "applies_to": applies_to})
            taken = by.end()
    return found + summaries


def _table_deadlines(block: Block) -> list[dict[str, Any]]:
    """A row of a table of tasks whose time is a "Trước ngày …": a deadline on its lead units."""
    found = []
    for row in task_rows(block.lines):
        due = parse_date(row.time)
        if not _TABLE_DEADLINE.match(row.time) or due is None:
            continue
        units = split_names(row.lead)
        read = _dated(f"{row.content} {row.time[:1].lower()}{row.time[1:]}", units)
        found += read or [{"what": _what(row.content), "due": due, "to": None, "applies_to": units}]
    return found


def extract_deadlines(blocks: list[Block], closing: list[Block], owner: dict[int, list[str]]) -> list[dict[str, Any]]:
    deadlines = []
    for index, block in enumerate(blocks):
        if task_rows(block.lines):
            deadlines += _table_deadlines(block)
        else:
            deadlines += _dated(plain(" ".join(block.lines)), owner.get(index) or "all")
    if not deadlines:
        for block in closing:
            match = _DEADLINE_UNDATED.search(plain(" ".join(block.lines)))
            if match:
                deadlines.append({"what": match.group("what"), "due": None, "to": match.group("to"),
                                  "applies_to": "all"})
    return deadlines


def _first_date(text: str) -> re.Match[str]:
    match = re.search(DATE_ANY, text)
    assert match is not None  # the deadline pattern matched a date here
    return match


# A banner window: a period in a sentence about hanging banners or slogans.
_WINDOW_CONTEXT = re.compile(r"treo|băng rôn|khẩu hiệu|pano|cờ", re.IGNORECASE)
_NOT_WINDOW = re.compile(r"đăng tải|phát sóng|tư vấn|phát thanh|đăng tin", re.IGNORECASE)


def _table_windows(block: Block, year: int | None) -> list[dict[str, Any]]:
    """A row of a table of tasks about banners whose time is a period: a window of its lead units."""
    return [{"start": start, "end": end, "applies_to": split_names(row.lead)}
            for row in task_rows(block.lines) if _WINDOW_CONTEXT.search(row.content)
            for start, end, _ in periods(row.time[:1].lower() + row.time[1:], year)]


def extract_windows(blocks: list[Block], owner: dict[int, list[str]], year: int | None) -> list[dict[str, Any]]:
    windows: list[dict[str, Any]] = []
    for index, block in enumerate(blocks):
        if task_rows(block.lines):
            windows += [window for window in _table_windows(block, year) if window not in windows]
            continue
        text = plain(" ".join(block.lines))
        for sentence in re.split(r"(?<=[.;])\s+", text):
            if not _WINDOW_CONTEXT.search(sentence):
                continue
            for start, end, position in periods(sentence, year):
                if _NOT_WINDOW.search(sentence[max(0, position - 80):position]):
                    continue
                window = {"start": start, "end": end, "applies_to": owner.get(index) or ["all"]}
                if window not in windows:
                    windows.append(window)
    return windows


_QUOTED = re.compile(r"[“\"]([^”\"]{3,200})[”\"]")
_SLOGAN_LEAD = re.compile(r"(?:nội dung|khẩu hiệu|băng rôn|pano|áp phích)\s*:?\s*$", re.IGNORECASE)
_SLOGAN_LIST = re.compile(r"^(?:khẩu hiệu tuyên truyền|các khẩu hiệu|khẩu hiệu)\b[^:]{0,80}:\s*$", re.IGNORECASE)


def _unquoted(text: str) -> str:
    return plain(text).strip().strip("“”\"").rstrip(";").strip().strip("“”\"").rstrip(",;").strip()


def extract_slogans(blocks: list[Block], appendix: list[str]) -> list[str]:
    """Quoted banner texts after 'nội dung' or 'khẩu hiệu', bullets under 'Khẩu hiệu tuyên truyền:',
    numbered lines of a slogan appendix."""
    slogans: list[str] = []

    def add(text: str) -> None:
        if text and text not in slogans:
            slogans.append(text)

    for index, block in enumerate(blocks):
        text = plain(" ".join(block.lines))
        for match in _QUOTED.finditer(text):
            lead = text[max(0, match.start() - 160):match.start()]
            lead = re.split(r"[.;]\s", lead)[-1]
            if _SLOGAN_LEAD.search(re.sub(r"[“\"][^”\"]*[”\"]\s*(?:,|và|hoặc)?\s*", "", lead)):
                add(match.group(1).strip())
        if block.kind == "list" and index and _SLOGAN_LIST.search(plain(" ".join(blocks[index - 1].lines))
                                                                 .split(". ")[-1]):
            for line in block.lines:
                add(_unquoted(line))
    for line in appendix:
        if re.match(r"^\d+\.\s", line):
            add(_unquoted(re.sub(r"^\d+\.\s+", "", line)))
    return slogans


def extract_theme(blocks: list[Block]) -> str | None:
    for index, block in enumerate(blocks):
        text = plain(" ".join(block.lines))
        match = re.search(r"chủ đề\s*:?\s*[“\"]([^”\"]+)[”\"]", text, re.IGNORECASE)
        if match:
            return match.group(1).strip()
        if "CHỦ ĐỀ" in text and index + 1 < len(blocks):
            following = plain(" ".join(blocks[index + 1].lines))
            quoted = re.fullmatch(r"[“\"]([^”\"]+)[”\"]\.?", following)
            if quoted:
                return quoted.group(1).strip()
    return None


ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
            "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12}
_EDITION = re.compile(r"(?:lần|năm) thứ\s+(\d{1,2}\b|mười một|mười hai|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)")


def extract_edition(text: str) -> int | None:
    """'lần thứ 10', 'lần thứ sáu', 'năm thứ mười' → the edition of the Day."""
    match = _EDITION.search(text)
    if not match:
        return None
    word = match.group(1)
    return int(word) if word.isdigit() else ORDINALS[word]
