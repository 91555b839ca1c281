"""The dated events of a year, for its timeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.content.validate import Corpus
from generator.site import urls
from generator.site.labels import document_title


@dataclass(frozen=True)
class KeyDate:
    """One dated event of a year; ``page`` is the URL of the page that states it."""

    start: dt.date
    end: dt.date | None
    label: str
    page: str | None
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
        page = urls.document(doc.year, doc.slug)
        if doc.date:
            events.append(KeyDate(doc.date, None, f"Ban hành: {document_title(doc)}", page))
        for deadline in doc.deadlines:
            if deadline.due:
                to = f" về {deadline.to}" if deadline.to else ""
                events.append(KeyDate(deadline.due, None, f"Hạn {deadline.what}{to} ({doc.issuer.name})",
                                      page, "han-bao-cao"))
    return sorted(events, key=lambda e: (e.start, e.end or e.start, e.label))
