"""Validate: raw files → pydantic models, the checks across files, and each text repaired and outlined.

Every problem names the file, the line and the field, says what was expected,
and all problems are reported together (an editor fixes them in one pass).
Each dispatch's body is repaired (:mod:`generator.reading.normalize`) and cut
into numbered items (:mod:`generator.reading.outline`) here, because a task's
``anchor`` must point at an item that exists.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from generator.content.load import (
    KeyPath,
    RawContent,
    SourceFile,
    field_name,
    load_front_matter_file,
)
from generator.content.models import (
    FIRST_YEAR,
    LATEST_DATE,
    Campaign,
    Document,
    Page,
    Unit,
    UnitCatalog,
    edition_of,
)
from generator.content.site_config import SiteConfig, theme_file_problems
from generator.content.text import body_problems, text_problems
from generator.problems import ContentError, Origin, Problem
from generator.reading.normalize import repair_text
from generator.reading.outline import Block, outline


@dataclass(frozen=True)
class DocumentEntry:
    """A validated dispatch: its structure, its repaired text and that text's outline."""

    doc: Document
    file: str
    body: str
    blocks: tuple[Block, ...]
    source: SourceFile  # for the line of each field in later checks

    @property
    def key(self) -> str:
        """The document's identity in the corpus, e.g. ``2024/son-tay-640-ubnd``."""
        return f"{self.doc.year}/{self.doc.slug}"

    def origin(self, path: KeyPath) -> Origin:
        return origin(self.source, path)


@dataclass(frozen=True)
class PageEntry:
    page: Page
    file: str
    body: str
    source: SourceFile

    def origin(self, path: KeyPath) -> Origin:
        return origin(self.source, path)


@dataclass(frozen=True)
class Corpus:
    """Everything the site is built from, validated; campaigns sorted by year."""

    campaigns: tuple[Campaign, ...]
    documents: tuple[DocumentEntry, ...]
    pages: tuple[PageEntry, ...]
    units: tuple[Unit, ...]
    campaign_sources: dict[int, SourceFile]  # by year: for the line of a campaign's fields
    site: SiteConfig  # what mkdocs.yml says of the site, checked

    def campaign(self, year: int) -> Campaign | None:
        return next((c for c in self.campaigns if c.year == year), None)

    def documents_of(self, year: int) -> list[DocumentEntry]:
        return [entry for entry in self.documents if entry.doc.year == year]

    def campaign_origin(self, year: int, path: KeyPath) -> Origin:
        return origin(self.campaign_sources[year], path)


def origin(source: SourceFile, path: KeyPath) -> Origin:
    """The file, line and field name of ``path`` in ``source``."""
    return Origin(source.name, source.line_of(path), field_name(path))


def _model_at(model: type[BaseModel], path: KeyPath) -> type[BaseModel] | None:
    """The model class that holds the last key of ``path`` (for "did you mean")."""
    for key in path[:-1]:
        if isinstance(key, int):
            continue
        field = model.model_fields.get(key)
        if field is None:
            return None
        candidates = [field.annotation, *get_args(field.annotation)]
        for arg in list(candidates):
            candidates.extend(get_args(arg))
        nested = [c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)]
        if not nested:
            return None
        model = nested[0]
    return model


_EXPECTED = {  # pydantic error types → what the field should hold, in plain words
    "int_type": "một số nguyên", "int_parsing": "một số nguyên", "int_from_float": "một số nguyên",
    "bool_type": "true hoặc false", "bool_parsing": "true hoặc false",
    "string_type": "một đoạn văn bản", "list_type": "một danh sách (mỗi mục một dòng bắt đầu bằng '- ')",
    "dict_type": "một nhóm trường dạng 'tên: giá trị'", "model_type": "một nhóm trường dạng 'tên: giá trị'",
    "model_attributes_type": "một nhóm trường dạng 'tên: giá trị'",
}


def _found(error: dict[str, Any]) -> str:
    shown = repr(error.get("input"))
    return f"gặp {shown if len(shown) <= 80 else shown[:60] + '…'}"


def _explain(error: dict[str, Any], model: type[BaseModel]) -> str:
    """A pydantic error in plain Vietnamese: what the field should hold, what was found."""
    kind = error["type"]
    loc = tuple(error["loc"])
    context = error.get("ctx") or {}
    if kind == "extra_forbidden":
        holder = _model_at(model, loc)
        known = sorted(holder.model_fields) if holder else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"; có phải là '{close[0]}'?" if close else f"; các trường hợp lệ: {', '.join(known)}"
        return f"không có trường '{loc[-1]}' trong mẫu{hint}"
    if kind == "missing":
        return "thiếu trường bắt buộc này"
    if kind.startswith("date"):
        return f"cần một ngày có thật, viết dạng NĂM-THÁNG-NGÀY (ví dụ 2024-03-25); {_found(error)}"
    if kind == "literal_error":
        expected = str(context.get("expected", "")).replace(" or ", " hoặc ")
        return f"chỉ nhận một trong các giá trị {expected}; {_found(error)}"
    if kind == "value_error":  # raised by the models' own validators, already in plain words
        return f"{context.get('error')}"
    if kind in _EXPECTED:
        return f"cần {_EXPECTED[kind]}; {_found(error)}"
    if kind in ("too_short", "string_too_short"):
        return "không được để trống"
    if kind == "string_too_long":
        return f"dài quá {context.get('max_length')} ký tự; {_found(error)}"
    if kind == "too_long":
        return f"có quá {context.get('max_length')} mục"
    if kind in ("greater_than_equal", "less_than_equal"):
        sign = "≥" if kind == "greater_than_equal" else "≤"
        limit = context.get("ge", context.get("le"))
        return f"phải {sign} {limit}; {_found(error)}"
    if kind == "string_pattern_mismatch":
        return f"chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối (ví dụ son-tay-640-ubnd); {_found(error)}"
    return f"giá trị không hợp lệ ({error['msg']}); {_found(error)}"


def parse_model(source: SourceFile, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    """Validate ``source.data`` as ``model``; problems carry file, line and field."""
    try:
        return model.model_validate(source.data), []
    except ValidationError as err:
        problems = []
        for error in err.errors():
            loc = tuple(error["loc"])
            problems.append(Problem(source.name, source.line_of(loc), field_name(loc) or None,
                                    _explain(error, model)))
        return None, problems


def _campaign_problems(source: SourceFile, campaign: Campaign | None) -> list[Problem]:
    """Checks across fields; year, edition and date are checked on the raw values too,
    so that they are reported even when another field made the model invalid."""
    problems = []

    def add(path: KeyPath, message: str) -> None:
        problems.append(Problem(source.name, source.line_of(path), field_name(path), message))

    year, edition, date = (source.data.get(key) for key in ("year", "edition", "date"))
    if not isinstance(year, int):
        return problems
    stem = PurePosixPath(source.name).stem
    if stem != str(year):
        add(("year",), f"tệp tên {stem}.yml nhưng ghi năm {year}; tên tệp và năm phải khớp nhau")
    if not FIRST_YEAR <= year <= LATEST_DATE.year:
        return problems  # reported by the model; edition and date cannot be compared with such a year
    expected_edition = edition_of(year)
    if isinstance(edition, int) and edition != expected_edition:
        add(("edition",), f"năm {year} là lần thứ {expected_edition} ({year} − 2016), nhưng tệp ghi {edition}")
    try:
        day = dt.date.fromisoformat(str(date))
    except ValueError:
        day = None  # reported by the model as an invalid date
    if day is not None and day != dt.date(year, 3, 25):
        add(("date",), f"Ngày Công tác xã hội là 25 tháng 3: cần {year}-03-25, nhưng tệp ghi {day.isoformat()}")
    for index, window in enumerate(campaign.display if campaign else []):
        if window.end < window.start:
            add(("display", index, "end"), f"ngày kết thúc ({window.end}) trước ngày bắt đầu ({window.start})")
    return problems


def _document_problems(source: SourceFile, doc: Document, blocks: list[Block]) -> list[Problem]:
    problems = []

    def add(path: KeyPath, message: str) -> None:
        problems.append(Problem(source.name, source.line_of(path), field_name(path), message))

    path = PurePosixPath(source.name)
    if path.stem != doc.slug:
        add(("slug",), f"tệp tên {path.name} nhưng slug là '{doc.slug}'; tên tệp và slug phải khớp nhau")
    if path.parent.name != str(doc.year):
        add(("year",), f"văn bản nằm trong thư mục {path.parent.name}/ nhưng ghi năm {doc.year}; "
                       f"chuyển tệp vào content/dispatches/{doc.year}/ hoặc sửa năm")
    if doc.date is not None and doc.date.year != doc.year:
        add(("date",), f"ngày {doc.date.isoformat()} không thuộc năm {doc.year} của văn bản")
    anchors = {block.anchor for block in blocks if block.anchor}
    for index, task in enumerate(doc.tasks):
        if task.anchor is not None and task.anchor not in anchors:
            known = ", ".join(sorted(anchors)) or "không có"
            add(("tasks", index, "anchor"), f"toàn văn không có mục đánh số '{task.anchor}' (các mục: {known})")
    for index, window in enumerate(doc.display_windows):
        if window.end < window.start:
            add(("display_windows", index, "end"),
                f"ngày kết thúc ({window.end}) trước ngày bắt đầu ({window.start})")
    return problems


MAX_UNITS = 500  # kinds of unit (not units): the catalog holds some forty
MAX_PAGES = 20  # editors' pages: each is in the navigation of every page
_SUGGESTIONS = 20  # "did you mean" for the first unknown ids only: each is a comparison with every id


def _validate_units(source: SourceFile | None, problems: list[Problem]) -> tuple[Unit, ...]:
    if source is None:
        return ()
    catalog, found = parse_model(source, UnitCatalog)
    problems += found + text_problems(source, source.data)
    if catalog is None:
        return ()
    if len(catalog.units) > MAX_UNITS:
        problems.append(Problem(source.name, source.line_of(("units",)), "units",
                                f"danh mục có {len(catalog.units)} loại đơn vị; tối đa {MAX_UNITS}"))
        return ()
    first: dict[str, int] = {}
    unknown = 0
    for index, unit in enumerate(catalog.units):
        if first.setdefault(unit.id, index) != index:
            problems.append(Problem(source.name, source.line_of(("units", index, "id")), f"units[{index}].id",
                                    f"id '{unit.id}' đã được dùng cho một đơn vị khác"))
    for index, unit in enumerate(catalog.units):
        for key in ("successors", "predecessors"):
            for position, other in enumerate(getattr(unit, key)):
                if other in first:
                    continue
                unknown += 1
                close = difflib.get_close_matches(other, list(first), n=1) if unknown <= _SUGGESTIONS else []
                hint = f"; có phải là '{close[0]}'?" if close else ""
                problems.append(Problem(source.name, source.line_of(("units", index, key, position)),
                                        f"units[{index}].{key}[{position}]",
                                        f"không có đơn vị nào có id '{other}'{hint}"))
    return tuple(catalog.units)


def check_document(path: Path, root: Path) -> tuple[DocumentEntry | None, list[Problem]]:
    """One dispatch, read, repaired, outlined and checked on its own (the checks across files
    are validate's); None when it cannot be used."""
    try:
        source = load_front_matter_file(path, root)
    except ContentError as err:
        return None, err.problems
    doc, problems = parse_model(source, Document)
    problems += text_problems(source, source.data)
    if doc is None:
        return None, problems
    problems += body_problems(source)
    if any(p.severity == "error" for p in problems):
        return None, problems
    body = repair_text(source.body)
    blocks = outline(body)
    problems += _document_problems(source, doc, blocks)
    # The entry keeps what later stages use (lines, the file as read); not the raw mapping and body.
    kept = SourceFile(source.name, {}, source.lines, "", source.text)
    return DocumentEntry(doc, source.name, body, tuple(blocks), kept), problems


DocumentChecks = Iterable[tuple[DocumentEntry | None, list[Problem]]]


def validate(raw: RawContent,
             map_documents: Callable[[Callable[[Path], Any], list[Path]], DocumentChecks] = map) -> Corpus:
    """Check everything; raise :class:`ContentError` listing every problem found. ``map_documents``
    runs :func:`check_document` over the dispatches (a process pool's map, for many)."""
    problems: list[Problem] = []
    campaigns: dict[int, Campaign] = {}
    campaign_sources: dict[int, SourceFile] = {}
    campaign_files: dict[object, str] = {}  # year as written → file, valid or not
    for source in raw.campaigns:
        campaign, found = parse_model(source, Campaign)
        problems += found + text_problems(source, source.data) + _campaign_problems(source, campaign)
        year = source.data.get("year")
        if year in campaign_files:
            problems.append(Problem(source.name, source.line_of(("year",)), "year",
                                    f"năm {year} đã được mô tả trong {campaign_files[year]}"))
        campaign_files[year] = source.name
        if campaign is not None:
            campaigns[campaign.year] = campaign
            campaign_sources[campaign.year] = source

    documents: list[DocumentEntry] = []
    slugs: dict[tuple[int, str], str] = {}
    for entry, found in map_documents(functools.partial(check_document, root=raw.root), raw.document_files):
        problems += found
        if entry is None:
            continue
        doc, source = entry.doc, entry.source
        key = (doc.year, doc.slug)
        if key in slugs:
            problems.append(Problem(source.name, source.line_of(("slug",)), "slug",
                                    f"slug '{doc.slug}' đã được dùng cho {slugs[key]}"))
        slugs[key] = source.name
        if doc.campaign.year not in campaign_files:
            problems.append(Problem(source.name, source.line_of(("campaign", "year")), "campaign.year",
                                    f"chưa có tệp campaigns/{doc.campaign.year}.yml cho năm của văn bản này"))
        documents.append(entry)

    pages: list[PageEntry] = []
    if len(raw.pages) > MAX_PAGES:
        problems.append(Problem("content/pages", 1, "file", f"có {len(raw.pages)} trang; tối đa {MAX_PAGES} trang "
                                "(mỗi trang có mặt trong thanh điều hướng của mọi trang)"))
    for source in raw.pages:
        page, found = parse_model(source, Page)
        problems += found + text_problems(source, source.data)
        if page is not None:
            pages.append(PageEntry(page, source.name, source.body, source))

    units = _validate_units(raw.units, problems)
    site = None
    if raw.site_config is not None:
        site, found = parse_model(raw.site_config, SiteConfig)
        problems += found + (theme_file_problems(raw.site_config, site, raw.root / "theme") if site else [])

    if any(p.severity == "error" for p in problems):
        raise ContentError(problems)
    documents.sort(key=lambda e: (-e.doc.year, -(e.doc.date or dt.date.min).toordinal(), e.doc.slug))
    return Corpus(tuple(campaigns[y] for y in sorted(campaigns)), tuple(documents), tuple(pages), units,
                  campaign_sources, site)
