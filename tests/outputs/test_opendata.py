"""generator.outputs.opendata: JSON, CSV, their schemas and the Atom feed."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import jsonschema

from generator.outputs.opendata import open_data
from generator.site.guidance import build_guidance
from generator.stages import check

from ..conftest import shared_project

CORPUS = check(shared_project())
FILES = {f.path.removeprefix("du-lieu/"): f.data for f in open_data(CORPUS, build_guidance(CORPUS), None)}
ATOM = "{http://www.w3.org/2005/Atom}"


def test_every_json_file_validates_against_its_schema():
    for name in ("nam", "van-ban", "nhiem-vu", "don-vi"):
        jsonschema.validate(json.loads(FILES[f"{name}.json"]), json.loads(FILES[f"{name}.schema.json"]))


def test_tasks_name_their_units_and_document():
    tasks = json.loads(FILES["nhiem-vu.json"])
    son_tay = [t for t in tasks if t["document"] == "2024/son-tay-640-ubnd"]
    assert [t["label"] for t in son_tay] == ["1", "2", "3", "4"]
    assert "phong-ldtbxh" in son_tay[1]["unit_ids"] and "ubnd-xa" in son_tay[1]["unit_ids"]
    assert len(tasks) == sum(len(e.doc.tasks) for e in CORPUS.documents)


def test_csv_opens_in_a_spreadsheet_with_vietnamese_intact():
    data = FILES["van-ban.csv"]
    assert data.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {row["slug"] for row in rows} == {e.doc.slug for e in CORPUS.documents}
    assert next(r for r in rows if r["slug"] == "son-tay-640-ubnd")["issuer"] == "Ủy ban nhân dân huyện Sơn Tây"


def test_feed_lists_documents_newest_first_with_stable_ids():
    feed = ET.fromstring(FILES["van-ban.atom"])
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(CORPUS.documents)
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert all(e.find(f"{ATOM}id").text.startswith("tag:ctxh,2017:van-ban/") for e in entries)
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "/du-lieu/van-ban.atom"
