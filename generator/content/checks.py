"""What a careful reader flags in valid content: warnings, not errors.

A dispatch is published as it was issued, oddities included (a blank number,
a cited date in the wrong year). These checks point them out to the editor
with file and line; ``ctxh check --strict`` turns them into errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.content.validate import FIRST_YEAR, Corpus, DocumentEntry, field_name
from generator.problems import Problem

# Documents of the yearly cycle; a legal basis (Quyết định 1791/QĐ-TTg of 2016)
# is expected to be older than the campaign.
CAMPAIGN_CYCLE_KINDS = {"Công văn", "Văn bản", "Kế hoạch", "Tờ trình", "Thông báo", "Hướng dẫn"}


def _window_text(start: dt.date, end: dt.date) -> str:
    return f"{start.day}/{start.month}–{end.day}/{end.month}/{end.year}"


def document_warnings(entry: DocumentEntry) -> Iterator[Problem]:
    doc, source = entry.doc, entry.source

    def warn(path: tuple, message: str) -> Problem:
        field = field_name(path)
        return Problem(entry.file, source.line_of(path), field, message, "warning")

    if doc.number is None:
        yield warn(("number",), "the number is blank in the document (Số: /…)" if doc.symbol
                   else "the document has no number and symbol (Số:) in its text")
    if doc.date is None:
        yield warn(("date",), f"the day is left blank in the document (only the year {doc.year} is known)")
    expected_edition = doc.campaign.year - FIRST_YEAR + 1
    if doc.campaign.edition is not None and doc.campaign.edition != expected_edition:
        yield warn(("campaign", "edition"), f"says lần thứ {doc.campaign.edition}, but {doc.campaign.year} "
                                             f"is lần thứ {expected_edition}")
    for index, reference in enumerate(doc.references):
        if reference.kind in CAMPAIGN_CYCLE_KINDS and reference.date and reference.date.year != doc.campaign.year:
            yield warn(("references", index, "date"),
                       f"cites {reference.kind} {reference.number or ''} dated {reference.date:%d/%m/%Y}, "
                       f"in another year than the {doc.campaign.year} campaign (a slip in the source?)")
    for index, deadline in enumerate(doc.deadlines):
        if deadline.due and doc.date and deadline.due < doc.date:
            yield warn(("deadlines", index, "due"),
                       f"the deadline {deadline.due:%d/%m/%Y} is before the document's date {doc.date:%d/%m/%Y}")
    windows = doc.display_windows
    for index, window in enumerate(windows):
        day = dt.date(window.start.year, 3, 25)
        if not window.start <= day <= window.end:
            yield warn(("display_windows", index), f"the window {_window_text(window.start, window.end)} "
                                                    "does not include 25/3")
        for other_index in range(index):
            other = windows[other_index]
            overlap = other.start <= window.end and window.start <= other.end
            if overlap and (other.start, other.end) != (window.start, window.end):
                yield warn(("display_windows", index),
                           f"conflicts with window {other_index + 1}: {_window_text(other.start, other.end)} "
                           f"({', '.join(other.applies_to)}) vs {_window_text(window.start, window.end)} "
                           f"({', '.join(window.applies_to)})")


def reader_warnings(corpus: Corpus) -> list[Problem]:
    """What a careful reader flags in every document of the corpus."""
    return [problem for entry in corpus.documents for problem in document_warnings(entry)]
