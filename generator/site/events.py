"""Dated events, one representation for the year's timeline and every calendar file.

A year's events are national (the Day, the ministry's dispatch, national
documents and their deadlines, national banner windows) plus the banner windows
of province documents, named with their province; what local documents ask of
their own units is on those units' pages, so that no page grows with the corpus.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from generator.content.models import Campaign, Deadline, edition_of
from generator.content.validate import Corpus
from generator.site import urls
from generator.site.guidance import NATIONAL, YearGuide, scope_name, scope_of
from generator.site.labels import document_title


@dataclass(frozen=True)
class Event:
    """One dated event; ``page`` is the URL of the page that states it (with ``fragment``)."""

    start: dt.date
    end: dt.date | None
    label: str
    description: str
    page: str | None = None
    fragment: str | None = None

    @property
    def uid(self) -> str:
        """Stable across builds: made from what the event is, not from when it was built."""
        key = f"{self.start}|{self.end}|{self.label}|{self.page}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest() + "@ctxh"


def _deadline_label(deadline: Deadline) -> str:
    return f"Hạn {deadline.what}" + (f" gửi {deadline.to}" if deadline.to else "")


def _audience(names: list[str]) -> str:
    return ", ".join(names) if names else "các cơ quan, đơn vị"


def _sorted(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.start, e.end or e.start, e.label))


def _day(year: int, page: str | None) -> Event:
    """The Day itself: 25 March of every year (Quyết định 1791/QĐ-TTg), whether or not the year has a campaign."""
    return Event(dt.date(year, 3, 25), None, f"Ngày Công tác xã hội Việt Nam lần thứ {edition_of(year)}",
                 "25 tháng 3 hằng năm (Quyết định 1791/QĐ-TTg).", page)


def _campaign_events(campaign: Campaign) -> list[Event]:
    events = [_day(campaign.year, urls.year(campaign.year))]
    if campaign.national_dispatch:
        nd = campaign.national_dispatch
        events.append(Event(nd.date, None, f"Công văn {nd.number} của {nd.issuer}", "Công văn hướng dẫn của Bộ.",
                            urls.year(campaign.year), "cong-van-cua-bo"))
    for window in campaign.display:
        who = _audience(window.applies_to)
        events.append(Event(window.start, window.end, f"Cả nước: treo băng rôn, khẩu hiệu ({who})",
                            "Thời gian treo băng rôn, khẩu hiệu theo hướng dẫn chung.", urls.year(campaign.year),
                            "treo-bang-ron"))
    return events


def year_events(corpus: Corpus, year: int) -> list[Event]:
    """The year's key dates: national ones, and the banner windows of province documents, named
    with their province (windows of districts and communes are on their units' pages)."""
    campaign = corpus.campaign(year)
    events = _campaign_events(campaign) if campaign else [_day(year, None)]
    for entry in corpus.documents_of(year):
        doc, scope = entry.doc, scope_of(entry)
        page = urls.document(doc.year, doc.slug)
        if scope == NATIONAL:
            if doc.date:
                events.append(Event(doc.date, None, f"Ban hành: {document_title(doc)}", doc.subject or "", page))
            events += [Event(d.due, None, _deadline_label(d), f"Theo {document_title(doc)}.", page, "han-bao-cao")
                       for d in doc.deadlines if d.due]
        if scope != NATIONAL and doc.issuer.level != "province":
            continue
        where = scope_name(entry)
        for window in doc.display_windows:
            label = f"{where[:1].upper()}{where[1:]}: treo băng rôn, khẩu hiệu ({_audience(window.applies_to)})"
            events.append(Event(window.start, window.end, label,
                                f"Theo {document_title(doc)}.", page, "khau-hieu"))
    return _sorted(events)


def unit_events(years: list[YearGuide]) -> list[Event]:
    """A unit's deadlines and banner windows, each window named with where it applies."""
    events = []
    for yg in years:
        for entry, deadline in yg.deadlines:
            if deadline.due:
                events.append(Event(deadline.due, None, _deadline_label(deadline), f"Theo {document_title(entry.doc)}.",
                                    urls.document(entry.doc.year, entry.doc.slug), "han-bao-cao"))
        for line in yg.windows:
            source = f"Theo {document_title(line.entry.doc)}." if line.entry else "Theo hướng dẫn chung."
            where = scope_name(line.entry) if line.entry else "cả nước"
            events.append(Event(line.window.start, line.window.end,
                                f"Treo băng rôn, khẩu hiệu Ngày Công tác xã hội Việt Nam ({where})", source,
                                urls.document(line.entry.doc.year, line.entry.doc.slug) if line.entry else None))
    return _sorted(events)
