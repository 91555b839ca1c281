"""Templates → page bodies: the Jinja environment and what every template may use.

Every value from content is HTML-escaped by Jinja's autoescape and placed in
HTML blocks, which the engine's Markdown passes through as is: document text
is data, never markup. Links are written relative to the page that holds
them (``url(...)``), so the site works under any base path.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from generator import vietnamese as vi
from generator.content.models import Unit
from generator.content.validate import Corpus, DocumentEntry
from generator.reading.emphasis import spans
from generator.site import urls
from generator.site.cascade import Cascade, CitedDocument, Node
from generator.site.files import FileIndex
from generator.site.guidance import (
    NATIONAL,
    Guidance,
    Reach,
    YearGuide,
    item_text,
    scope_name,
    scope_of,
    year_guides,
)
from generator.site.labels import (
    DOWNLOAD_KINDS,
    document_title,
    excerpt,
    file_size,
    node_label,
    numbered,
)
from generator.site.sanitize import safe_markdown

_EMPHASIS_TAGS = {"": ("", ""), "i": ("<em>", "</em>"), "b": ("<strong>", "</strong>"),
                  "bi": ("<strong><em>", "</em></strong>")}


def inline_html(text: str) -> Markup:
    """Document text as HTML: escaped, its emphasis (reading.emphasis) and line breaks rendered."""
    parts = []
    for piece, style in spans(text):
        opening, closing = _EMPHASIS_TAGS[style]
        parts.append(f"{opening}{escape(piece)}{closing}")
    return Markup("".join(parts).replace("\n", "<br>\n"))


def listed_by_name(entries: list[DocumentEntry]) -> list[DocumentEntry]:
    """National and province documents (and local ones of no known province): what a year page
    lists by name; the others are counted by province."""
    return [e for e in entries if scope_of(e) in (NATIONAL, None) or e.doc.issuer.level == "province"]


def count_by_province(entries: list[DocumentEntry]) -> list[tuple[str, int]]:
    counts: dict[str, int] = defaultdict(int)
    for entry in entries:
        if entry.doc.issuer.province and scope_of(entry) != NATIONAL:
            counts[entry.doc.issuer.province] += 1
    return sorted(counts.items(), key=lambda item: vi.ascii_fold(item[0]))


def named_and_counted(entries: list[DocumentEntry]) -> tuple[list[DocumentEntry], list[tuple[str, int]]]:
    """``entries`` as a national-scale page shows them: some by name, the rest counted by province."""
    named = listed_by_name(entries)
    keys = {entry.key for entry in named}
    return named, count_by_province([entry for entry in entries if entry.key not in keys])


def page_of(node: Node) -> str:
    """URL of a document's page, or of a cited document's."""
    if isinstance(node, CitedDocument):
        return urls.cited(node.slug)
    return urls.document(node.doc.year, node.doc.slug)


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
        auto_reload=False,  # templates are code: no file check on each of the 20,000 renders of a national build
    )
    env.filters.update(
        long_date=vi.long_date,
        short_date=vi.short_date,
        date_words=vi.date_words,
        date_range=vi.date_range,
        weekday=lambda day: vi.WEEKDAYS[day.weekday()],
        doc_type=lambda value: vi.DOC_TYPE_NAMES[value],
        level=lambda value: vi.LEVEL_NAMES[value],
        inline=inline_html,
        capfirst=lambda text: text[:1].upper() + text[1:],
        file_size=file_size,
        download_kind=DOWNLOAD_KINDS.__getitem__,
        markdown=lambda text: Markup(safe_markdown(text, id_prefix="tom-tat-")),
    )
    env.globals.update(
        UNKNOWN=vi.UNKNOWN,
        urls=urls,
        page_of=page_of,
        scope_name=scope_name,
        named_and_counted=named_and_counted,
        document_title=document_title,
        node_label=node_label,
        numbered=numbered,
        item_text=item_text,
        excerpt=excerpt,
    )
    return env


@dataclass(frozen=True)
class SiteData:
    """Everything pages are made from: the content, who must do what, which document
    implements which, the files that sit beside the pages, and the day of the build."""

    corpus: Corpus
    guidance: Guidance
    cascade: Cascade
    files: FileIndex
    today: dt.date = field(default_factory=dt.date.today)  # the build's date: which Day the home page shows
    bodies: bool = True  # False: pages without bodies, for their addresses only (ctxh check)

    def year_guides(self, reaches: list[Reach], unit: Unit, with_campaign: bool = True) -> list[YearGuide]:
        return year_guides(reaches, self.corpus, unit, self.guidance.resolver, with_campaign)

    def unit_names(self, entry: DocumentEntry) -> list[str]:
        """Names of the units a document assigns tasks to (a search filter)."""
        units = self.guidance.documents[entry.key]
        return sorted({self.guidance.guides[uid].unit.name for ids in units.assignees.values() for uid in ids})


def render_body(data: SiteData, template: str, page_url: str, **context: Any) -> str:
    """The body of the page at ``page_url`` from ``template``; ``url(address, fragment)``
    in templates links to any page or file of the site, relative to this page."""
    if not data.bodies:
        return ""
    return _environment().get_template(template).render(
        url=functools.partial(urls.relative, page_url), files_in=data.files.in_folder,
        unit_names=data.unit_names, corpus=data.corpus, guidance=data.guidance, cascade=data.cascade, **context)
