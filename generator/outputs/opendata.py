"""/du-lieu/: the content as open data: JSON and CSV, their JSON Schemas, an Atom feed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from feedgen.feed import FeedGenerator
from pydantic import TypeAdapter

from generator.content.models import Campaign, Document, Unit
from generator.content.validate import Corpus
from generator.site import urls
from generator.site.files import Download
from generator.site.guidance import Guidance
from generator.site.labels import document_date, document_title


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False).encode("utf-8") + b"\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet evaluates a cell that begins so


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell a spreadsheet shows as text: a list joined with "; ", and text that
    would start a formula ("=HYPERLINK(…)", "-2+3") kept from being one by a leading apostrophe."""
    if isinstance(value, list):
        value = "; ".join(value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: csv_cell(value) for key, value in row.items()})
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: spreadsheet programs then read Vietnamese right


def task_rows(corpus: Corpus, guidance: Guidance) -> list[dict[str, Any]]:
    rows = []
    for entry in corpus.documents:
        units = guidance.documents[entry.key].assignees
        for task in entry.doc.tasks:
            rows.append({
                "document": f"{entry.doc.year}/{entry.doc.slug}", "year": entry.doc.year, "label": task.label,
                "assignees": task.assignees,
                "unit_ids": sorted({uid for name in task.assignees for uid in units.get(name, [])}),
                "summary": task.summary, "anchor": task.anchor,
            })
    return rows


TASK_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Tasks",
    "type": "array",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["document", "year", "label", "assignees", "unit_ids", "summary", "anchor"],
        "properties": {
            "document": {"type": "string"}, "year": {"type": "integer"}, "label": {"type": "string"},
            "assignees": {"type": "array", "items": {"type": "string"}},
            "unit_ids": {"type": "array", "items": {"type": "string"}},
            "summary": {"type": ["string", "null"]}, "anchor": {"type": ["string", "null"]},
        },
    },
}


def atom_feed(corpus: Corpus, site_url: str | None) -> bytes:
    """Documents, newest first. Ids are tag URIs, so they stay the same wherever the site is hosted."""
    base = (site_url or "").rstrip("/") + "/"
    feed = FeedGenerator()
    feed.id("tag:ctxh,2017:van-ban")
    feed.title("Văn bản về Ngày Công tác xã hội Việt Nam")
    feed.language("vi")
    feed.link(href=base + urls.FEED, rel="self")
    feed.link(href=base, rel="alternate")
    dated = [(document_date(e.doc) or dt.date(e.doc.year, 1, 1), e) for e in corpus.documents]
    dated.sort(key=lambda pair: (pair[0], pair[1].key))
    newest = max((d for d, _ in dated), default=dt.date(2017, 1, 1))
    feed.updated(dt.datetime.combine(newest, dt.time(), tzinfo=dt.UTC))
    for when, entry in dated:  # feedgen lists the last added first
        item = feed.add_entry()
        item.id(f"tag:ctxh,2017:van-ban/{entry.doc.year}/{entry.doc.slug}")
        item.title(document_title(entry.doc))
        item.link(href=base + urls.document(entry.doc.year, entry.doc.slug))
        item.updated(dt.datetime.combine(when, dt.time(), tzinfo=dt.UTC))
        item.summary(entry.doc.subject or document_title(entry.doc))
    return feed.atom_str(pretty=True)


def open_data(corpus: Corpus, guidance: Guidance, site_url: str | None) -> list[Download]:
    campaigns = [c.model_dump(mode="json") for c in corpus.campaigns]
    documents = [e.doc.model_dump(mode="json") for e in corpus.documents]
    units = [u.model_dump(mode="json") for u in corpus.units]
    tasks = task_rows(corpus, guidance)
    files = [
        Download(urls.open_data_file("nam.json"), "JSON", _json(campaigns)),
        Download(urls.open_data_file("van-ban.json"), "JSON", _json(documents)),
        Download(urls.open_data_file("nhiem-vu.json"), "JSON", _json(tasks)),
        Download(urls.open_data_file("don-vi.json"), "JSON", _json(units)),
        Download(urls.open_data_file("nam.csv"), "CSV", _csv(
            [{"year": c.year, "edition": c.edition, "date": c.date.isoformat(),
              "theme": [claim.text for claim in c.theme.claims] if c.theme else [],
              "theme_status": c.theme.status if c.theme else "",
              "national_dispatch": c.national_dispatch.number if c.national_dispatch else ""}
             for c in corpus.campaigns],
            ["year", "edition", "date", "theme", "theme_status", "national_dispatch"])),
        Download(urls.open_data_file("van-ban.csv"), "CSV", _csv(
            [{"year": e.doc.year, "slug": e.doc.slug, "doc_type": e.doc.doc_type, "number": e.doc.number or "",
              "symbol": e.doc.symbol or "", "date": e.doc.date.isoformat() if e.doc.date else "",
              "issuer": e.doc.issuer.name, "level": e.doc.issuer.level, "province": e.doc.issuer.province or "",
              "subject": e.doc.subject or ""} for e in corpus.documents],
            ["year", "slug", "doc_type", "number", "symbol", "date", "issuer", "level", "province", "subject"])),
        Download(urls.open_data_file("nhiem-vu.csv"), "CSV", _csv(tasks, list(TASK_SCHEMA["items"]["properties"]))),
        Download(urls.open_data_file("don-vi.csv"), "CSV", _csv(
            [{"id": u.id, "name": u.name, "level": u.level or "", "sector": u.sector, "aliases": u.aliases,
              "successors": u.successors} for u in corpus.units],
            ["id", "name", "level", "sector", "aliases", "successors"])),
        *(Download(urls.open_data_file(f"{name}.schema.json"), "JSON Schema", _json(schema)) for name, schema in (
            ("nam", TypeAdapter(list[Campaign]).json_schema()), ("van-ban", TypeAdapter(list[Document]).json_schema()),
            ("nhiem-vu", TASK_SCHEMA), ("don-vi", TypeAdapter(list[Unit]).json_schema()))),
        Download(urls.FEED, "Atom", atom_feed(corpus, site_url)),
    ]
    return files
