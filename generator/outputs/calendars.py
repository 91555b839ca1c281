"""Calendar files (.ics): a unit's deadlines and banner windows, as all-day events.

Deterministic: every value comes from the data (UIDs from content, DTSTAMP
from the event's own date), so the same content gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Calendar, Event

from generator.content.models import Campaign
from generator.content.validate import DocumentEntry
from generator.site.guidance import UnitGuide

PRODUCT_ID = "-//Ngay Cong tac xa hoi Viet Nam//ctxh//VI"


def add_event(calendar: Calendar, uid_source: str, summary: str, start: dt.date, end: dt.date,
              description: str) -> None:
    """An all-day event from ``start`` to ``end`` inclusive, with a UID derived from ``uid_source``."""
    event = Event()
    event.add("uid", hashlib.sha1(uid_source.encode("utf-8")).hexdigest() + "@ctxh")
    event.add("dtstamp", dt.datetime.combine(start, dt.time(0, 0), tzinfo=dt.timezone.utc))
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("dtend", end + dt.timedelta(days=1))  # DTEND of an all-day event is exclusive
    event.add("description", description)
    calendar.add_component(event)


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def unit_calendar(guide: UnitGuide) -> bytes:
    calendar = new_calendar(f"Ngày Công tác xã hội — {guide.unit.name}")
    for item in guide.deadlines:
        deadline, doc = item.deadline, item.entry.doc
        if deadline.due is None:
            continue
        to = f" về {deadline.to}" if deadline.to else ""
        add_event(calendar, f"{guide.unit.id}|deadline|{item.entry.key}|{deadline.what}|{deadline.due}",
                  f"Hạn {deadline.what}{to}", deadline.due, deadline.due,
                  f"Theo văn bản của {doc.issuer.name} ({doc.year}).")
    for window in guide.windows:
        add_event(calendar, f"{guide.unit.id}|window|{window.source}|{window.start}|{window.end}",
                  "Treo băng rôn, khẩu hiệu Ngày Công tác xã hội Việt Nam", window.start, window.end,
                  f"Theo: {window.source}.")
    return calendar.to_ical()


def year_calendar(campaign: Campaign, documents: list[DocumentEntry]) -> bytes:
    calendar = new_calendar(f"Ngày Công tác xã hội Việt Nam {campaign.year}")
    add_event(calendar, f"day|{campaign.year}", f"Ngày Công tác xã hội Việt Nam lần thứ {campaign.edition}",
              campaign.date, campaign.date, "25 tháng 3 hằng năm (Quyết định 1791/QĐ-TTg).")
    if campaign.national_dispatch:
        nd = campaign.national_dispatch
        add_event(calendar, f"dispatch|{nd.number}", f"Công văn {nd.number} của {nd.issuer}", nd.date, nd.date,
                  "Công văn hướng dẫn của Bộ.")
    for window in campaign.display:
        who = ", ".join(window.applies_to) if window.applies_to else "các cơ quan, đơn vị"
        add_event(calendar, f"window|{window.start}|{window.end}|{who}", f"Treo băng rôn, khẩu hiệu: {who}",
                  window.start, window.end, "Thời gian treo băng rôn, khẩu hiệu.")
    for entry in documents:
        for deadline in entry.doc.deadlines:
            if deadline.due:
                add_event(calendar, f"deadline|{entry.key}|{deadline.what}|{deadline.due}",
                          f"Hạn {deadline.what}" + (f" về {deadline.to}" if deadline.to else ""),
                          deadline.due, deadline.due, f"Theo văn bản của {entry.doc.issuer.name}.")
    return calendar.to_ical()
