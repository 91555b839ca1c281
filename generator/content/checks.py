"""What a careful reader flags in valid content: warnings, not errors.

A dispatch is published as it was issued, oddities included (a blank number,
a cited date in the wrong year). These checks point them out to the editor
with file and line; ``ctxh check --strict`` turns them into errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.content.load import field_name
from generator.content.models import edition_of
from generator.content.validate import Corpus, DocumentEntry
from generator.problems import Problem

# Documents of the yearly cycle; a legal basis (Quyết định 1791/QĐ-TTg of 2016)
# is expected to be older than the campaign.
CAMPAIGN_CYCLE_KINDS = {"Công văn", "Văn bản", "Kế hoạch", "Tờ trình", "Thông báo", "Hướng dẫn"}


def _window_text(start: dt.date, end: dt.date) -> str:
    return f"{start.day}/{start.month}–{end.day}/{end.month}/{end.year}"


def _audience(names: list[str]) -> str:
    return ", ".join(names) if names else "mọi đơn vị"


def document_warnings(entry: DocumentEntry) -> Iterator[Problem]:
    doc, source = entry.doc, entry.source

    def warn(path: tuple, message: str) -> Problem:
        field = field_name(path)
        return Problem(entry.file, source.line_of(path), field, message, "warning")

    if doc.number is None:
        yield warn(("number",), "văn bản để trống số (Số: /…)" if doc.symbol
                   else "toàn văn không có dòng số, ký hiệu (Số:)")
    if doc.date is None:
        yield warn(("date",), f"văn bản để trống ngày ký (chỉ biết năm {doc.year})")
    expected_edition = edition_of(doc.campaign.year)
    if doc.campaign.edition is not None and doc.campaign.edition != expected_edition:
        yield warn(("campaign", "edition"), f"văn bản ghi lần thứ {doc.campaign.edition}, nhưng năm "
                                             f"{doc.campaign.year} là lần thứ {expected_edition}")
    for index, reference in enumerate(doc.references):
        if reference.kind in CAMPAIGN_CYCLE_KINDS and reference.date and reference.date.year != doc.campaign.year:
            yield warn(("references", index, "date"),
                       f"trích dẫn {reference.kind} {reference.number or ''} ngày {reference.date:%d/%m/%Y}, "
                       f"khác năm {doc.campaign.year} của đợt kỷ niệm (văn bản gốc ghi nhầm năm?)")
    for index, deadline in enumerate(doc.deadlines):
        if deadline.due and doc.date and deadline.due < doc.date:
            yield warn(("deadlines", index, "due"),
                       f"hạn {deadline.due:%d/%m/%Y} trước ngày ký văn bản {doc.date:%d/%m/%Y}")
    windows = doc.display_windows
    for index, window in enumerate(windows):
        day = dt.date(window.start.year, 3, 25)
        if not window.start <= day <= window.end:
            yield warn(("display_windows", index), f"thời gian treo {_window_text(window.start, window.end)} "
                                                    "không gồm ngày 25/3")
        for other_index in range(index):
            other = windows[other_index]
            overlap = other.start <= window.end and window.start <= other.end
            if overlap and (other.start, other.end) != (window.start, window.end):
                yield warn(("display_windows", index),
                           f"khác thời gian treo thứ {other_index + 1}: {_window_text(other.start, other.end)} "
                           f"({_audience(other.applies_to)}) và {_window_text(window.start, window.end)} "
                           f"({_audience(window.applies_to)})")


def reader_warnings(corpus: Corpus) -> list[Problem]:
    """What a careful reader flags in every document of the corpus."""
    return [problem for entry in corpus.documents for problem in document_warnings(entry)]
