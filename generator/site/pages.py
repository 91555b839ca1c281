"""Every page of the site: one function per kind of page, each returning a plain :class:`Page`.

A page function decides the page's address (from :mod:`generator.site.urls`),
its title and description (plain text: the engine escapes them), whether the
search index takes its body, the date of its newest content (for the sitemap)
and its body, rendered from one template.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from generator import vietnamese as vi
from generator.content.models import Campaign, Document, Task, edition_of
from generator.content.validate import DocumentEntry, PageEntry
from generator.problems import Origin
from generator.site import urls
from generator.site.cascade import CitedDocument
from generator.site.events import year_events
from generator.site.guidance import (
    NATIONAL,
    UnitGuide,
    scope_of,
    units_by_level_and_sector,
)
from generator.site.labels import document_date, document_title, theme_text
from generator.site.render import (
    SiteData,
    count_by_province,
    listed_by_name,
    named_and_counted,
    render_body,
)
from generator.site.sanitize import safe_markdown

SITE_NAME = "Ngày Công tác xã hội Việt Nam"
LICENCE = "Dữ liệu mở theo giấy phép Creative Commons CC BY 4.0; văn bản gốc thuộc cơ quan ban hành."
# Pagefind filter keys (ASCII) and their labels on the search page.
SEARCH_FILTERS = (("nam", "Năm"), ("tinh", "Tỉnh, thành phố"), ("cap", "Cấp ban hành"),
                  ("loai", "Loại văn bản"), ("don-vi", "Đơn vị được giao việc"))


@dataclass(frozen=True)
class Page:
    """One page, as the engine takes it."""

    url: str  # directory URL from the site root, as urls.year(2024) gives it ("" for the home page)
    title: str  # plain text
    description: str  # plain text
    body: str  # HTML, every value from content escaped (the engine does not read it as Markdown)
    searchable: bool = True  # Pagefind indexes its body
    lastmod: dt.date | None = None  # date of the newest content it shows
    image: str | None = None  # share card (site path) when the page has its own
    origin: Origin | None = None  # the content field its address comes from; None: the site's own pages
    runs_search: bool = False  # the search page: its policy lets Pagefind run WebAssembly


NavEntry = tuple[str | None, "str | list[NavEntry]"]  # (title, URL) or (title, entries); None: the page's title


def _newest(entries: list[DocumentEntry], *extra: dt.date | None) -> dt.date | None:
    dates = [d for d in (document_date(entry.doc) for entry in entries) if d] + [d for d in extra if d]
    return max(dates, default=None)


def _site_newest(data: SiteData) -> dt.date | None:
    return _newest(list(data.corpus.documents),
                   *(c.national_dispatch.date for c in data.corpus.campaigns if c.national_dispatch))


def _year_image(data: SiteData, year: int) -> str | None:
    return urls.share_image(year) if urls.share_image(year) in data.files else None


def next_day(today: dt.date) -> dt.date:
    """The Day a visitor is preparing for: this year's 25/3 until it has passed, then next year's."""
    this_year = dt.date(today.year, 3, 25)
    return this_year if today <= this_year else dt.date(today.year + 1, 3, 25)


def home_page(data: SiteData) -> Page:
    """The coming Day: its campaign when the site has it, else its date and edition, with the
    theme and slogans shown as unknown (a past year's slogans are not offered as this year's)."""
    corpus = data.corpus
    day = next_day(data.today)
    campaign = corpus.campaign(day.year)
    body = render_body(
        data, "home.html.j2", urls.HOME,
        day=day, edition=edition_of(day.year), campaign=campaign, years=[c.year for c in corpus.campaigns],
        latest=next((c for c in reversed(corpus.campaigns) if c.year < day.year), None),
        latest_known=next((c for c in reversed(corpus.campaigns) if c.theme and c.theme.status == "confirmed"), None),
        timeline=year_events(corpus, day.year), documents=corpus.documents[:6],
        unit_groups=units_by_level_and_sector(list(corpus.units)))
    return Page(urls.HOME, SITE_NAME, "Ngày Công tác xã hội Việt Nam (25 tháng 3): chủ đề, khẩu hiệu, văn bản "
                "hướng dẫn và việc cần làm của từng đơn vị.", body, searchable=False, lastmod=_site_newest(data))


def years_index(data: SiteData) -> Page:
    body = render_body(data, "years.html.j2", urls.YEARS, campaigns=list(reversed(data.corpus.campaigns)))
    return Page(urls.YEARS, "Các năm", "Ngày Công tác xã hội Việt Nam qua các năm: lần thứ, chủ đề, văn bản.",
                body, searchable=False, lastmod=_site_newest(data))


def year_page(data: SiteData, campaign: Campaign) -> Page:
    """A year: national facts, province plans' slogans and windows (each naming its province), the
    national and province documents, and per-province counts for the rest."""
    corpus, url = data.corpus, urls.year(campaign.year)
    documents = corpus.documents_of(campaign.year)
    main = listed_by_name(documents)
    provincial = [e for e in main if scope_of(e) != NATIONAL]
    body = render_body(data, "year.html.j2", url, campaign=campaign, years=[c.year for c in corpus.campaigns],
                       timeline=year_events(corpus, campaign.year), main_documents=main,
                       province_counts=count_by_province(documents),
                       provincial_slogans=[e for e in provincial if e.doc.slogans],
                       provincial_windows=[e for e in provincial if e.doc.display_windows],
                       units=data.guidance.units_with_tasks_in(campaign.year),
                       trees=data.cascade.tree(campaign.year, main))
    nd = campaign.national_dispatch
    return Page(url, f"Năm {campaign.year} — lần thứ {campaign.edition}",
                f"Ngày Công tác xã hội Việt Nam lần thứ {campaign.edition}, {vi.long_date(campaign.date)}. "
                f"Chủ đề: {theme_text(campaign)}.", body,
                lastmod=_newest(documents, nd.date if nd else None), image=_year_image(data, campaign.year))


def documents_index(data: SiteData) -> Page:
    """Documents by year and by province, with counts: the lists themselves are on the year
    and province pages, so this page does not grow with the corpus."""
    documents = data.corpus.documents
    years: dict[int, int] = defaultdict(int)
    for entry in documents:
        years[entry.doc.year] += 1
    body = render_body(data, "documents.html.j2", urls.DOCUMENTS, years=sorted(years.items(), reverse=True),
                       province_counts=count_by_province(documents), latest=documents[:10])
    return Page(urls.DOCUMENTS, "Văn bản", "Công văn, kế hoạch về Ngày Công tác xã hội Việt Nam, theo năm và theo "
                "tỉnh, thành phố.", body, searchable=False, lastmod=_site_newest(data))


def tasks_by_assignee(doc: Document) -> list[tuple[str, list[Task]]]:
    """Tasks grouped under each assignee, in the order assignees first appear."""
    groups: dict[str, list[Task]] = defaultdict(list)
    for task in doc.tasks:
        for assignee in task.assignees:
            groups[assignee].append(task)
    return list(groups.items())


def document_page(data: SiteData, entry: DocumentEntry) -> Page:
    doc = entry.doc
    url = urls.document(doc.year, doc.slug)
    body = render_body(data, "document.html.j2", url, entry=entry, doc=doc, groups=tasks_by_assignee(doc),
                       blocks=entry.blocks,
                       downloads=data.files.in_folder(url))
    description = (f"{vi.DOC_TYPE_NAMES[doc.doc_type]} của {doc.issuer.name}"
                   + (f": {doc.subject}" if doc.subject else f", năm {doc.year}"))
    return Page(url, document_title(doc), description, body, lastmod=document_date(doc),
                image=_year_image(data, doc.year), origin=entry.origin(("slug",)))


def search_filter_values(data: SiteData) -> list[tuple[str, str, list[str]]]:
    """(key, label, values) of each search filter, written into the search page at build
    time so that opening it does not download Pagefind's filter index."""
    corpus, guidance = data.corpus, data.guidance
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


def search_page(data: SiteData) -> Page:
    body = render_body(data, "search.html.j2", urls.SEARCH, filters=search_filter_values(data))
    return Page(urls.SEARCH, "Tra cứu", "Tìm văn bản, nhiệm vụ và đơn vị; gõ có dấu hoặc không dấu.", body,
                searchable=False, lastmod=_site_newest(data), runs_search=True)


def units_index(data: SiteData) -> Page:
    body = render_body(data, "units.html.j2", urls.UNITS, groups=units_by_level_and_sector(list(data.corpus.units)))
    return Page(urls.UNITS, "Đơn vị", "Mỗi loại đơn vị cần làm gì nhân Ngày Công tác xã hội Việt Nam: nhiệm vụ, "
                "thời hạn, khẩu hiệu.", body, searchable=False, lastmod=_site_newest(data))


def unit_page(data: SiteData, guide: UnitGuide) -> Page:
    """A kind of unit: what it is, its national tasks, and the provinces where documents address it."""
    unit, url = guide.unit, urls.unit(guide.unit.id)
    provinces = sorted(guide.provinces.items(), key=lambda item: vi.ascii_fold(item[0]))
    body = render_body(data, "unit.html.j2", url, guide=guide, provinces=provinces,
                       national=data.year_guides(guide.national(), unit),
                       unplaced=data.year_guides(guide.unplaced(), unit, with_campaign=False))
    return Page(url, f"{unit.name}: việc cần làm", f"Nhiệm vụ, thời hạn, khẩu hiệu và thời gian treo băng rôn của "
                f"{unit.name} nhân Ngày Công tác xã hội Việt Nam, theo từng tỉnh, thành phố.", body,
                lastmod=_newest([r.entry for r in guide.national()]))


def unit_place_pages(data: SiteData, guide: UnitGuide, province: str) -> Iterator[Page]:
    """A kind of unit in one province: its newest year, and each older year on a page of its own
    (so that no page grows with the years)."""
    unit = guide.unit
    years = data.year_guides(guide.in_province(province), unit)
    if not years:
        return
    other_years = [(yg.year, len(yg.tasks)) for yg in years]
    for index, shown in enumerate(years):
        year = None if index == 0 else shown.year
        url = urls.unit_in(unit.id, province, year)
        body = render_body(data, "unit_place.html.j2", url, guide=guide, province=province, shown=[shown],
                           year=year, newest=years[0].year,
                           other_years=[item for item in other_years if item[0] != shown.year])
        title = f"{unit.name} — {province}" + (f", năm {year}" if year else "")
        entries = {id(a.entry): a.entry for a in shown.tasks} | {id(e): e for e, _ in shown.deadlines}
        yield Page(url, title, f"Việc {unit.name} ở {province} cần làm nhân Ngày Công tác xã hội Việt Nam năm "
                   f"{shown.year}: nhiệm vụ, thời hạn, khẩu hiệu, thời gian treo băng rôn.", body,
                   searchable=year is None,  # search finds the unit in its province once; older years link from it
                   lastmod=_newest(list(entries.values())))


def open_data_page(data: SiteData) -> Page:
    body = render_body(data, "opendata.html.j2", urls.OPEN_DATA, licence=LICENCE)
    return Page(urls.OPEN_DATA, "Dữ liệu mở", "Toàn bộ dữ liệu của cổng: các năm, văn bản, nhiệm vụ, đơn vị (JSON, "
                "CSV, JSON Schema) và nguồn tin Atom.", body, searchable=False, lastmod=_site_newest(data))


def cited_page(data: SiteData, cited: CitedDocument) -> Page:
    url = urls.cited(cited.slug)
    named, counts = named_and_counted([entry for entry, _ in cited.citations])
    keys = {entry.key for entry in named}
    body = render_body(data, "cited.html.j2", url, cited=cited, province_counts=counts,
                       citations=[(entry, ref) for entry, ref in cited.citations if entry.key in keys])
    entry, reference = cited.citations[0]
    index = next(i for i, r in enumerate(entry.doc.references) if r is reference)
    return Page(url, cited.title, f"{cited.title}: văn bản được trích dẫn trong các văn bản về Ngày Công tác xã "
                "hội Việt Nam.", body, lastmod=_newest([entry for entry, _ in cited.citations]),
                origin=entry.origin(("references", index, "number")))


def _provinces_counted(data: SiteData) -> list[tuple[str, int]]:
    """Each province that issued documents and how many, in one order (even for names that fold alike)."""
    counts = Counter(e.doc.issuer.province for e in data.corpus.documents if e.doc.issuer.province)
    return sorted(counts.items(), key=lambda item: (vi.ascii_fold(item[0]), item[0]))


def provinces(data: SiteData) -> list[str]:
    return [province for province, _ in _provinces_counted(data)]


def provinces_index(data: SiteData) -> Page:
    body = render_body(data, "provinces.html.j2", urls.PROVINCES, provinces=_provinces_counted(data))
    return Page(urls.PROVINCES, "Tỉnh, thành phố", "Văn bản về Ngày Công tác xã hội Việt Nam theo tỉnh, thành phố "
                "ban hành.", body, searchable=False, lastmod=_site_newest(data))


def province_page(data: SiteData, province: str) -> Page:
    url = urls.province(province)
    documents = [e for e in data.corpus.documents if e.doc.issuer.province == province]
    years = sorted({e.doc.year for e in documents}, reverse=True)
    trees = {year: data.cascade.tree(year, [e for e in documents if e.doc.year == year]) for year in years}
    units = [(g.unit, counts[province]) for g in data.guidance.guides.values() if province in (counts := g.provinces)]
    body = render_body(data, "province.html.j2", url, province=province, documents=documents, years=years,
                       trees=trees, units=units)
    return Page(url, f"{province}: văn bản theo năm", f"Văn bản về Ngày Công tác xã hội Việt Nam của {province}, "
                "theo năm.", body, searchable=False, lastmod=_newest(documents),
                origin=documents[0].origin(("issuer", "province")))


def editor_link(from_page: str, address: str) -> str:
    """A link as an editor writes it ('nam/index.md#2024', docs paths as in mkdocs) → relative URL."""
    target, _, fragment = address.partition("#")
    if not target.endswith(".md"):
        return address
    return urls.relative(from_page, urls.from_docs_path(target), fragment or None)


def editor_page(entry: PageEntry) -> Page:
    page = entry.page
    url = urls.editor_page(page.slug)
    body = safe_markdown(entry.body, link=functools.partial(editor_link, url)) + "\n"
    return Page(url, page.title, page.description or page.title, body, origin=entry.origin(("slug",)))


def site_pages(data: SiteData) -> Iterator[Page]:
    """Every page of the site, in the order the navigation and sitemap list them."""
    corpus = data.corpus
    yield home_page(data)
    yield years_index(data)
    yield from (year_page(data, campaign) for campaign in corpus.campaigns)
    yield documents_index(data)
    yield search_page(data)
    yield from (document_page(data, entry) for entry in corpus.documents)
    yield units_index(data)
    for guide in data.guidance.guides.values():
        yield unit_page(data, guide)
        for province in sorted(guide.provinces, key=vi.ascii_fold):
            yield from unit_place_pages(data, guide, province)
    yield open_data_page(data)
    yield from (cited_page(data, cited) for cited in data.cascade.cited.values())
    yield provinces_index(data)
    yield from (province_page(data, province) for province in provinces(data))
    yield from (editor_page(entry) for entry in corpus.pages)


def navigation(data: SiteData) -> list[NavEntry]:
    years = [c.year for c in data.corpus.campaigns]
    nav: list[NavEntry] = [
        ("Trang chủ", urls.HOME),
        ("Các năm", [(None, urls.YEARS)] + [(str(year), urls.year(year)) for year in reversed(years)]),
        ("Văn bản", [(None, urls.DOCUMENTS), ("Theo tỉnh, thành phố", urls.PROVINCES)]),
        ("Đơn vị", urls.UNITS),
        ("Tra cứu", urls.SEARCH),
        ("Dữ liệu mở", urls.OPEN_DATA),
    ]
    nav += [(entry.page.title, urls.editor_page(entry.page.slug))
            for entry in sorted(data.corpus.pages, key=lambda p: p.page.order)]
    return nav


def announcements(data: SiteData) -> list[dict[str, str]]:
    """National display windows with their slogan, for the announcement bar (decided in the browser);
    a province's windows are on its units' pages, never in a bar every visitor sees."""
    return [{"start": w.start.isoformat(), "end": w.end.isoformat(), "text": c.slogans[0].text}
            for c in data.corpus.campaigns if c.slogans for w in c.display if not w.applies_to]
