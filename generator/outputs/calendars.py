"""Calendar files (.ics): a year's key dates, and each unit's deadlines and banner windows,
nationally and in each province where documents address it.

Deterministic: every value comes from the data (UIDs from the event, DTSTAMP
from the event's own date), so the same content gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from generator.content.validate import Corpus
from generator.site import urls
from generator.site.events import Event, unit_events, year_events
from generator.site.files import Download
from generator.site.guidance import Guidance, year_guides

PRODUCT_ID = "-//Ngay Cong tac xa hoi Viet Nam//ctxh//VI"


def calendar_file(name: str, events: list[Event]) -> bytes:
    """All-day events, from ``start`` to ``end`` inclusive."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        item = CalendarEvent()
        item.add("uid", event.uid)
        item.add("dtstamp", dt.datetime.combine(event.start, dt.time(0, 0), tzinfo=dt.UTC))
        item.add("summary", event.label)
        item.add("dtstart", event.start)
        item.add("dtend", (event.end or event.start) + dt.timedelta(days=1))  # DTEND of an all-day event is exclusive
        item.add("description", event.description)
        calendar.add_component(item)
    return calendar.to_ical()


def calendar_files(corpus: Corpus, guidance: Guidance) -> Iterator[Download]:
    """Each year's calendar, each unit's national calendar and one per province that addresses it."""
    for c in corpus.campaigns:
        yield Download(urls.year_calendar(c.year), "iCalendar",
                       calendar_file(f"Ngày Công tác xã hội Việt Nam {c.year}", year_events(corpus, c.year)))
    for uid, guide in guidance.guides.items():
        national = year_guides(guide.national(), corpus, guide.unit, guidance.resolver)
        yield Download(urls.unit_calendar(uid), "iCalendar", calendar_file(
            f"Ngày Công tác xã hội — {guide.unit.name}", unit_events(national)))
        for province in guide.provinces:
            years = year_guides(guide.in_province(province), corpus, guide.unit, guidance.resolver)
            yield Download(urls.unit_calendar(uid, province), "iCalendar", calendar_file(
                f"Ngày Công tác xã hội — {guide.unit.name} — {province}", unit_events(years)))
