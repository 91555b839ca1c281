"""Stage 5, render: the validated corpus → Markdown pages for the site engine.

Pure: takes a :class:`~generator.content.validate.Corpus`, returns ``{docs path: text}``
and the navigation. Every value from content is HTML-escaped by Jinja's
autoescape and placed inside HTML blocks, which Markdown passes through as is:
document text is data, never markup. Links between pages are written relative
to the page, so the site works under any base path.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from generator import vietnamese as vi
from generator.outputs.calendar import unit_calendar
from generator.site.cascade import Cascade, CitedDocument, Node
from generator.outputs.downloads import BANNER_SIZES, Download, banner_name, share_image_path
from generator.site.guidance import Guidance, item_text, units_by_level_and_sector
from generator.content.models import Campaign, Document
from generator.site.sanitize import safe_markdown
from generator.content.validate import Corpus

SITE_NAME = "Ngày Công tác xã hội Việt Nam"
YEARS_INDEX = "nam/index.md"
DOCUMENTS_INDEX = "van-ban/index.md"
SEARCH_PAGE = "tra-cuu.md"
UNITS_INDEX = "don-vi/index.md"
PROVINCES_INDEX = "tinh/index.md"
OPEN_DATA_PAGE = "du-lieu/index.md"
LICENCE = "Dữ liệu mở theo giấy phép Creative Commons CC BY 4.0; văn bản gốc thuộc cơ quan ban hành."
# Pagefind filter keys (ASCII) and their labels on the search page.
SEARCH_FILTERS = (("nam", "Năm"), ("tinh", "Tỉnh, thành phố"), ("cap", "Cấp ban hành"),
                  ("loai", "Loại văn bản"), ("don-vi", "Đơn vị được giao việc"))


def page_url(path: str) -> str:
    """Docs path → directory URL relative to the site root: 'nam/2024.md' → 'nam/2024/'."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/"


def relative_url(from_path: str, to_path: str, fragment: str | None = None, is_page: bool | None = None) -> str:
    """Link from a page to another page (a docs path ending in .md) or to a site file
    (``is_page=False``, e.g. a downloadable source 'x/x.md')."""
    is_page = to_path.endswith(".md") if is_page is None else is_page
    origin = page_url(from_path)
    target = page_url(to_path) if is_page else to_path
    link = posixpath.relpath(target or ".", origin or ".")
    if is_page and not link.endswith("/"):
        link = "./" if link == "." else link + "/"
    return link + (f"#{fragment}" if fragment else "")


def editor_link(from_path: str, address: str) -> str:
    """A link as an editor writes it ('nam/index.md#2024', docs paths as in mkdocs) → relative URL."""
    target, _, fragment = address.partition("#")
    if not target.endswith(".md"):
        return address
    return relative_url(from_path, target, fragment or None)


def year_path(year: int) -> str:
    return f"nam/{year}.md"


def unit_path(unit_id: str) -> str:
    return f"don-vi/{unit_id}.md"


_EMPHASIS = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_UNPAIRED_EMPHASIS = re.compile(r"^\*+(?=\S)|(?<=\S)\*+$", re.MULTILINE)
_EMPHASIS_TAGS = {1: ("<em>", "</em>"), 2: ("<strong>", "</strong>"), 3: ("<strong><em>", "</em></strong>")}


def inline_html(text: str) -> Markup:
    """Escape document text, then render its ``*``/``**`` emphasis and line breaks."""
    escaped = str(escape(text))

    def emphasis(match: re.Match[str]) -> str:
        opening, closing = _EMPHASIS_TAGS[len(match.group(1))]
        return f"{opening}{match.group(2)}{closing}"

    paired = _EMPHASIS.sub(emphasis, escaped)
    unpaired = _UNPAIRED_EMPHASIS.sub("", paired)  # emphasis opened in another block
    return Markup(unpaired.replace("\n", "<br>\n"))


def number_symbol(doc: Document) -> str:
    """'640/UBND'; a blank number stays blank ('/KH-UBND'), as the document has it."""
    if doc.symbol:
        return f"{doc.number or ''}/{doc.symbol}"
    return doc.number or ""


def document_date(doc: Document) -> dt.date | None:
    """The document's date; for a blank date, the newest date it cites (it is issued after)."""
    cited = [reference.date for reference in doc.references if reference.date]
    return doc.date or max(cited, default=None)


def document_title(doc: Document) -> str:
    kind = vi.DOC_TYPE_NAMES[doc.doc_type]
    if doc.number and doc.symbol:
        return f"{kind} {number_symbol(doc)} của {doc.issuer.name}"
    return f"{kind} của {doc.issuer.name} năm {doc.year}"


@dataclass(frozen=True)
class KeyDate:
    """One dated event of a year, for the timeline."""

    start: dt.date
    end: dt.date | None
    label: str
    link: str | None  # docs path of the page that states it
    fragment: str | None = None


def key_dates(corpus: Corpus, year: int) -> list[KeyDate]:
    """The year's timeline: national dispatch, documents, banner windows, the Day, deadlines."""
    campaign = corpus.campaign(year)
    events: list[KeyDate] = []
    if campaign:
        events.append(KeyDate(campaign.date, None, f"Ngày Công tác xã hội Việt Nam lần thứ {campaign.edition}", None))
        if campaign.national_dispatch:
            nd = campaign.national_dispatch
            events.append(KeyDate(nd.date, None, f"Công văn {nd.number} của {nd.issuer}", None))
        for window in campaign.display:
            who = ", ".join(window.applies_to) if window.applies_to else "các cơ quan, đơn vị"
            events.append(KeyDate(window.start, window.end, f"Treo băng rôn, khẩu hiệu: {who}", None))
    for entry in corpus.documents_of(year):
        doc = entry.doc
        if doc.date:
            events.append(KeyDate(doc.date, None, f"Ban hành: {document_title(doc)}", entry.path))
        for deadline in doc.deadlines:
            if deadline.due:
                to = f" về {deadline.to}" if deadline.to else ""
                events.append(KeyDate(deadline.due, None, f"Hạn {deadline.what}{to} ({doc.issuer.name})",
                                      entry.path, "han-bao-cao"))
    return sorted(events, key=lambda e: (e.start, e.end or e.start, e.label))


def excerpt(text: str, limit: int = 220) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def tasks_by_assignee(doc: Document) -> list[tuple[str, list[Any]]]:
    """Tasks grouped under each assignee, in the order assignees first appear."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for task in doc.tasks:
        for assignee in task.assignees:
            groups[assignee].append(task)
    return list(groups.items())


def _front_matter(title: str, description: str, search_exclude: bool = False, image: str | None = None) -> str:
    """Page metadata for the engine; values escaped because the theme prints them raw."""
    lines = ["---", f"title: {_yaml_string(html.escape(title))}",
             f"description: {_yaml_string(html.escape(description))}"]
    if image:
        lines.append(f"image: {_yaml_string(image)}")
    if search_exclude:
        lines.append("search_exclude: true")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@functools.cache
def _environment() -> Environment:
    """The template environment, compiled once a process (the live preview rebuilds often)."""
    env = Environment(
        loader=PackageLoader("generator.site", "templates"),
        autoescape=True,
        # "{#id}" is Markdown's attribute syntax for heading ids, not a comment here.
        comment_start_string="{!--",
        comment_end_string="--!}",
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        long_date=vi.long_date,
        short_date=vi.short_date,
        date_words=vi.date_words,
        date_range=vi.date_range,
        doc_type=lambda value: vi.DOC_TYPE_NAMES[value],
        level=lambda value: vi.LEVEL_NAMES[value],
        inline=inline_html,
        capfirst=lambda text: text[:1].upper() + text[1:],
        file_size=file_size,
        markdown=lambda text: Markup(safe_markdown(text, id_prefix="tom-tat-")),
    )
    env.globals.update(
        UNKNOWN=vi.UNKNOWN,
        number_symbol=number_symbol,
        document_title=document_title,
        year_path=year_path,
        unit_path=unit_path,
        province_path=province_path,
        banner_name=banner_name,
        BANNER_SIZES=BANNER_SIZES,
        node_label=node_label,
        item_text=item_text,
        excerpt=excerpt,
    )
    return env


@dataclass
class RenderedSite:
    """What the engine needs: page texts by docs path, and the navigation;
    for the sitemap, the date of the newest content shown on each page."""

    pages: dict[str, str]
    nav: list[Any]
    lastmod: dict[str, dt.date | None]
    searchable: list[str]  # pages Pagefind indexes (the others opt out)
    announcements: list[dict[str, str]]  # display windows with their slogan, for the announcement bar


def _theme_text(campaign: Campaign | None) -> str:
    if campaign is None or campaign.theme is None:
        return vi.UNKNOWN
    return " / ".join(claim.text for claim in campaign.theme.claims)


def search_filter_values(corpus: Corpus, guidance: Guidance) -> list[tuple[str, str, list[str]]]:
    """(key, label, values) of each search filter, written into the search page at build
    time so that opening it does not download Pagefind's filter index."""
    docs = [entry.doc for entry in corpus.documents]
    values = {
        "nam": [str(year) for year in sorted({c.year for c in corpus.campaigns} | {d.year for d in docs},
                                             reverse=True)],
        "tinh": sorted({d.issuer.province for d in docs if d.issuer.province}, key=vi.ascii_fold),
        "cap": [vi.LEVEL_NAMES[level] for level in vi.LEVEL_NAMES if any(d.issuer.level == level for d in docs)],
        "loai": sorted({vi.DOC_TYPE_NAMES[d.doc_type] for d in docs}, key=vi.ascii_fold),
        "don-vi": sorted({guidance.guides[uid].unit.name for units in guidance.documents.values()
                          for ids in units.assignees.values() for uid in ids}, key=vi.ascii_fold),
    }
    return [(key, label, values[key]) for key, label in SEARCH_FILTERS]


def node_label(node: Node) -> str:
    """'Cấp tỉnh · Kế hoạch /KH-UBND · Ủy ban nhân dân tỉnh Bình Phước'."""
    if isinstance(node, CitedDocument):
        return f"{vi.LEVEL_NAMES[node.level]} · {node.kind} {node.number}" + (f" · {node.issuer}" if node.issuer else "")
    doc = node.doc
    kind = vi.DOC_TYPE_NAMES[doc.doc_type]
    numbered = f" {number_symbol(doc)}" if number_symbol(doc) else ""
    return f"{vi.LEVEL_NAMES[doc.issuer.level]} · {kind}{numbered} · {doc.issuer.name}"


def province_path(province: str) -> str:
    return f"tinh/{vi.slugify(province)}.md"


def file_size(size: int) -> str:
    """'18 KB', '1,2 MB' (Vietnamese decimal comma), as download lists show them."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def render(corpus: Corpus, guidance: Guidance, cascade: Cascade, downloads: dict[str, Download]) -> RenderedSite:
    env = _environment()

    by_folder: dict[str, list[Download]] = defaultdict(list)
    for site_path in sorted(downloads):
        by_folder[posixpath.dirname(site_path)].append(downloads[site_path])

    def files_in(folder: str, suffix: str = "", prefix: str = "") -> list[Download]:
        """Downloads directly in ``folder`` (site path) whose names start and end as given."""
        return [d for d in by_folder.get(folder, [])
                if posixpath.basename(d.path).startswith(prefix) and d.path.endswith(suffix)]

    env.globals["files_in"] = files_in
    env.globals["unit_names"] = lambda units: sorted(
        {guidance.guides[uid].unit.name for ids in units.assignees.values() for uid in ids})
    pages: dict[str, str] = {}

    lastmod: dict[str, dt.date | None] = {}
    searchable: list[str] = []

    def emit(path: str, template: str, title: str, description: str, search_exclude: bool = False,
             newest: dt.date | None = None, year: int | None = None, **context: Any) -> None:
        lastmod[path] = newest
        if not search_exclude:
            searchable.append(path)
        def url(target: str, fragment: str | None = None) -> str:
            return relative_url(path, target, fragment)

        def file_url(target: str) -> str:
            return relative_url(path, target, is_page=False)

        body = env.get_template(template).render(path=path, url=url, corpus=corpus, guidance=guidance,
                                                 cascade=cascade, file_url=file_url, **context)
        image = share_image_path(year) if year and share_image_path(year) in downloads else None
        pages[path] = _front_matter(title, description, search_exclude, image) + body

    doc_dates = {entry.path: document_date(entry.doc) for entry in corpus.documents}

    def newest(paths: list[str], *extra: dt.date | None) -> dt.date | None:
        dates = [doc_dates[p] for p in paths if doc_dates.get(p)] + [d for d in extra if d]
        return max(dates, default=None)

    everything = newest(list(doc_dates), *(c.national_dispatch.date for c in corpus.campaigns if c.national_dispatch))
    years = [c.year for c in corpus.campaigns]
    current = corpus.campaigns[-1] if corpus.campaigns else None
    latest_known = next((c for c in reversed(corpus.campaigns) if c.theme and c.theme.status == "confirmed"), None)
    emit("index.md", "home.md.j2", SITE_NAME,
         "Ngày Công tác xã hội Việt Nam (25 tháng 3): chủ đề, khẩu hiệu, văn bản hướng dẫn và việc cần làm của từng đơn vị.",
         campaign=current, latest_known=latest_known, years=years,
         slogan_campaign=next((c for c in reversed(corpus.campaigns) if c.slogans), None),
         timeline=key_dates(corpus, current.year) if current else [],
         documents=corpus.documents[:6], unit_groups=units_by_level_and_sector(list(corpus.units)),
         search_exclude=True, newest=everything)
    emit(YEARS_INDEX, "years.md.j2", "Các năm", "Ngày Công tác xã hội Việt Nam qua các năm: lần thứ, chủ đề, văn bản.",
         campaigns=list(reversed(corpus.campaigns)), search_exclude=True, newest=everything)
    for campaign in corpus.campaigns:
        emit(year_path(campaign.year), "year.md.j2", f"Năm {campaign.year} — lần thứ {campaign.edition}",
             f"Ngày Công tác xã hội Việt Nam lần thứ {campaign.edition}, {vi.long_date(campaign.date)}. "
             f"Chủ đề: {_theme_text(campaign)}.",
             campaign=campaign, years=years, timeline=key_dates(corpus, campaign.year),
             documents=corpus.documents_of(campaign.year), year=campaign.year,
             newest=newest([e.path for e in corpus.documents_of(campaign.year)],
                           campaign.national_dispatch.date if campaign.national_dispatch else None))
    emit(DOCUMENTS_INDEX, "documents.md.j2", "Văn bản",
         "Công văn, kế hoạch về Ngày Công tác xã hội Việt Nam, theo năm.",
         years=sorted({entry.doc.year for entry in corpus.documents}, reverse=True), search_exclude=True,
         newest=everything)
    emit(SEARCH_PAGE, "search.md.j2", "Tra cứu",
         "Tìm văn bản, nhiệm vụ và đơn vị; gõ có dấu hoặc không dấu.",
         filters=search_filter_values(corpus, guidance), search_exclude=True, newest=everything)
    for entry in corpus.documents:
        doc = entry.doc
        emit(entry.path, "document.md.j2", document_title(doc),
             f"{vi.DOC_TYPE_NAMES[doc.doc_type]} của {doc.issuer.name}"
             + (f": {doc.subject}" if doc.subject else f", năm {doc.year}"),
             entry=entry, doc=doc, groups=tasks_by_assignee(doc), blocks=entry.blocks, newest=doc_dates[entry.path],
             year=doc.year)
    emit(UNITS_INDEX, "units.md.j2", "Đơn vị",
         "Mỗi loại đơn vị cần làm gì nhân Ngày Công tác xã hội Việt Nam: nhiệm vụ, thời hạn, khẩu hiệu.",
         groups=units_by_level_and_sector(list(corpus.units)), search_exclude=True, newest=everything)
    for unit_id, guide in guidance.guides.items():
        emit(unit_path(unit_id), "unit.md.j2", f"{guide.unit.name}: việc cần làm",
             f"Nhiệm vụ, thời hạn, khẩu hiệu và thời gian treo băng rôn của {guide.unit.name} "
             "nhân Ngày Công tác xã hội Việt Nam.", guide=guide,
             newest=newest([a.entry.path for a in guide.tasks + guide.general]))
        pages[f"don-vi/{unit_id}/lich.ics"] = unit_calendar(guide).decode("utf-8")
    emit(OPEN_DATA_PAGE, "opendata.md.j2", "Dữ liệu mở",
         "Toàn bộ dữ liệu của cổng: các năm, văn bản, nhiệm vụ, đơn vị (JSON, CSV, JSON Schema) và nguồn tin Atom.",
         search_exclude=True, newest=everything, licence=LICENCE)
    for cited in cascade.cited.values():
        emit(cited.path, "cited.md.j2", cited.title,
             f"{cited.title}: văn bản được trích dẫn trong các văn bản về Ngày Công tác xã hội Việt Nam.",
             cited=cited, newest=newest([entry.path for entry, _ in cited.citations]))
    provinces = sorted({e.doc.issuer.province for e in corpus.documents if e.doc.issuer.province},
                       key=vi.ascii_fold)
    emit(PROVINCES_INDEX, "provinces.md.j2", "Tỉnh, thành phố",
         "Văn bản về Ngày Công tác xã hội Việt Nam theo tỉnh, thành phố ban hành.",
         provinces=provinces, search_exclude=True, newest=everything)
    for province in provinces:
        emit(province_path(province), "province.md.j2", f"{province}: văn bản theo năm",
             f"Văn bản về Ngày Công tác xã hội Việt Nam của {province}, theo năm.", province=province,
             documents=[e for e in corpus.documents if e.doc.issuer.province == province], search_exclude=True,
             newest=newest([e.path for e in corpus.documents if e.doc.issuer.province == province]))
    for page in corpus.pages:
        pages[f"{page.page.slug}.md"] = (_front_matter(page.page.title, page.page.description or page.page.title)
                                         + safe_markdown(page.body, link=functools.partial(editor_link, f"{page.page.slug}.md"))
                                         + "\n")
        lastmod[f"{page.page.slug}.md"] = None
        searchable.append(f"{page.page.slug}.md")

    nav: list[Any] = [
        {"Trang chủ": "index.md"},
        {"Các năm": [YEARS_INDEX] + [{str(y): year_path(y)} for y in reversed(years)]},
        {"Văn bản": [DOCUMENTS_INDEX, {"Theo tỉnh, thành phố": PROVINCES_INDEX}]},
        {"Đơn vị": UNITS_INDEX},
        {"Tra cứu": SEARCH_PAGE},
        {"Dữ liệu mở": OPEN_DATA_PAGE},
    ]
    nav += [{entry.page.title: f"{entry.page.slug}.md"} for entry in sorted(corpus.pages, key=lambda p: p.page.order)]
    announcements = [{"start": w.start.isoformat(), "end": w.end.isoformat(), "text": c.slogans[0].text}
                     for c in corpus.campaigns if c.slogans for w in c.display if not w.applies_to]
    return RenderedSite(pages=pages, nav=nav, lastmod=lastmod, searchable=searchable, announcements=announcements)

