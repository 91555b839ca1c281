"""Tables of a plan: "STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian".

Word's text export writes a row per line, cells between " | "; that is the shape the
repaired text keeps. A PDF wraps a long row over several lines (joined back until the
row has as many cells as the header), and plain pdftotext gives a table one cell after
another, each cell wrapped in its narrow column: the header's cells, then for each row
its number alone on a line and its cells. A cell ends where the next line opens with a
capital and the line before does not end inside a phrase (",", ";", "-"); a row whose
cells do not come out as many as the header's is left as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

SEPARATOR = " | "
_NUMBER_HEADER = re.compile(r"^S?TT$")
_ROW_START = re.compile(r"^(\d{1,3}) \|")
_HEADER_CELL_MAX = 40  # characters: a header cell is a short label ("Đơn vị phối hợp")
_INSIDE_PHRASE = (",", ";", "-", "–")
_GOES_ON = re.compile(r"^(?:[a-zà-ỹđ]|\d{1,2}/\d{1,2})")


def is_table_row(line: str) -> bool:
    return line.count(SEPARATOR) >= 2


def _cell_count(row: str) -> int:
    return row.count("|") + 1


def table_rows(lines: list[str], is_footer: Callable[[str], object]) -> list[str]:
    """``lines`` with each table as one " | " line per row (header first); page footers
    (``is_footer``) and blank lines between the lines of a table are left out."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        if is_table_row(line):
            rows, index = _wrapped_rows(lines, index, is_footer)
        elif _NUMBER_HEADER.match(line):
            rows, index = _cell_rows(lines, index)
        else:
            rows, index = [lines[index]], index + 1
        out += rows
    return out


def _wrapped_rows(lines: list[str], start: int, is_footer: Callable[[str], object]) -> tuple[list[str], int]:
    """Rows from ``lines[start]`` (a " | " header or row), wrapped lines joined back: until a row
    has the header's cells, then lines that go on with its last cell (lower case, a date)."""
    width = _cell_count(lines[start].strip())
    rows = [[lines[start].strip()]]  # each row as its lines, joined at the end (no quadratic copying)
    cells = width
    index = start + 1
    while index < len(lines):
        ahead = index
        while ahead < len(lines) and (not lines[ahead].strip() or is_footer(lines[ahead])):
            ahead += 1
        line = lines[ahead].strip() if ahead < len(lines) else ""
        if _ROW_START.match(line):
            rows.append([line])
            cells = _cell_count(line)
        elif line and (cells < width or _GOES_ON.match(line)):
            rows[-1].append(line)
            cells += line.count("|")
        else:
            break
        index = ahead + 1
    return [" ".join(" ".join(parts).split()) for parts in rows], index


def _cell_rows(lines: list[str], start: int) -> tuple[list[str], int]:
    """Rows of a table given cell by cell from the number header at ``lines[start]``."""
    header = [lines[start].strip()]
    index = start + 1
    while index < len(lines) and lines[index].strip() != "1":
        cell = lines[index].strip()
        if not cell or len(cell) > _HEADER_CELL_MAX:
            return [lines[start]], start + 1
        header.append(cell)
        index += 1
    if len(header) < 3 or index == len(lines):
        return [lines[start]], start + 1
    rows = [SEPARATOR.join(header)]
    number = 1
    while index < len(lines) and lines[index].strip() == str(number):
        end = index + 1
        while end < len(lines) and lines[end].strip() and lines[end].strip() != str(number + 1):
            end += 1
        cells = _cells([line.strip() for line in lines[index + 1:end]])
        if len(cells) != len(header) - 1:
            return rows + lines[index:end], end
        rows.append(SEPARATOR.join([str(number)] + cells))
        index, number = end, number + 1
    return rows, index


def _cells(lines: list[str]) -> list[str]:
    cells: list[list[str]] = []
    for line in lines:
        if cells and (not line[:1].isupper() or cells[-1][-1].endswith(_INSIDE_PHRASE)):
            cells[-1].append(line)
        else:
            cells.append([line])
    return [" ".join(parts) for parts in cells]


@dataclass(frozen=True)
class TaskRow:
    """A row of a table of tasks: its number, what is to be done, the lead units, the time."""

    number: str
    content: str
    lead: str
    time: str


def _column(header: list[str], words: tuple[str, ...]) -> int | None:
    return next((i for i, cell in enumerate(header) if any(word in cell for word in words)), None)


def task_rows(lines: tuple[str, ...] | list[str]) -> list[TaskRow]:
    """The rows of a " | " table of tasks (one with a "… chủ trì" column), or [] for any other text."""
    if not lines or not is_table_row(lines[0]):
        return []
    header = [cell.strip().lower() for cell in lines[0].split("|")]
    lead = _column(header, ("chủ trì",))
    if lead is None:
        return []
    content, time = _column(header, ("nội dung",)), _column(header, ("thời gian", "thời hạn"))
    rows = []
    for line in lines[1:]:
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) == len(header) and cells[0].isdigit():
            rows.append(TaskRow(cells[0], cells[content] if content is not None else "", cells[lead],
                                cells[time] if time is not None else ""))
    return rows
