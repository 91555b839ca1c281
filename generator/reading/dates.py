"""Dates and periods as Vietnamese dispatches write them.

"ngày 05 tháng 3 năm 2026", "05/3/2026", "5-3-2026"; periods "từ ngày 20/3 đến hết
ngày 27/3/2026", "từ 21 - 27/3/2025", "trong thời gian từ 22 - 28/3" (the year from
the document). Every pattern is linear: no nested quantifiers.
"""

from __future__ import annotations

import datetime as dt
import re

DATE_NUMERIC = r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"
DATE_HYPHEN = r"(\d{1,2})-(\d{1,2})-(\d{4})"
DATE_WORDS = r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
DATE_ANY = rf"{DATE_NUMERIC}|{DATE_HYPHEN}|{DATE_WORDS}"
_DATE_ANY = re.compile(DATE_ANY)
_DAY_MONTH = r"(\d{1,2})\s*[/-]\s*(\d{1,2})"
_YEAR = r"(?:\s*[/-]\s*(\d{4}))?"
# "từ ngày 20/3 đến hết ngày 27/3/2026", "từ ngày 23/3/2026 đến ngày 27/3/2026"
_PERIOD_FULL = re.compile(rf"\btừ\s+(?:ngày\s+)?{_DAY_MONTH}{_YEAR}\s*(?:[-–]|đến)\s*(?:hết\s+)?(?:ngày\s+)?"
                          rf"{_DAY_MONTH}{_YEAR}")
# "từ 21 - 27/3/2025", "từ ngày 22 - 28/3"
_PERIOD_SHARED = re.compile(rf"\btừ\s+(?:ngày\s+)?(\d{{1,2}})\s*(?:[-–]|đến)\s*(?:hết\s+)?(?:ngày\s+)?"
                            rf"{_DAY_MONTH}{_YEAR}")


def iso(day: str | int, month: str | int, year: str | int) -> str | None:
    """ISO date of day, month and year, or None when there is no such day."""
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def date_of(match: re.Match[str]) -> str | None:
    """The date of a match of :data:`DATE_ANY` (three groups of the alternative that matched)."""
    day, month, year = (g for g in match.groups() if g is not None)
    return iso(day, month, year)


def parse_date(text: str) -> str | None:
    """First date in ``text`` ('24/02/2023', '5-3-2026', '15 tháng 9 năm 2016') as ISO, or None."""
    match = _DATE_ANY.search(text)
    return date_of(match) if match else None


def periods(text: str, year: int | None) -> list[tuple[str, str, int]]:
    """(start, end, position) of each period in ``text``; a missing year is ``year``."""
    found = []
    for match in _PERIOD_FULL.finditer(text):
        day, month, year1, end_day, end_month, year2 = match.groups()
        end_year = year2 or year1 or year
        start, end = iso(day, month, year1 or end_year or 0), iso(end_day, end_month, end_year or 0)
        if start and end and start <= end:
            found.append((start, end, match.start()))
    taken = {position for _, _, position in found}
    for match in _PERIOD_SHARED.finditer(text):
        day, end_day, month, given = match.groups()
        start, end = iso(day, month, given or year or 0), iso(end_day, month, given or year or 0)
        if match.start() not in taken and start and end and start <= end:
            found.append((start, end, match.start()))
    return sorted(found, key=lambda period: period[2])
