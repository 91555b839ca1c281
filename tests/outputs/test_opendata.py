"""generator.outputs.opendata: JSON, CSV, their schemas and the Atom feed."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import jsonschema

from generator.outputs.opendata import open_data
from generator.site.guidance import build_guidance
from generator.stages import check

from ..conftest import copy_project, shared_project

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


FORMULA = "=HYPERLINK(\"https://evil.example\",\"bấm vào\")"


def test_no_csv_cell_starts_a_formula(tmp_path):
    """A spreadsheet runs a cell that begins with =, +, - or @: every CSV writes it as text instead."""
    project = copy_project(tmp_path / "project")
    document = project / "content" / "dispatches" / "2024" / "son-tay-640-ubnd.md"
    text = re.sub(r"^subject: .*$", f"subject: '{FORMULA}'", document.read_text(encoding="utf-8"), count=1,
                  flags=re.M)
    document.write_text(text.replace("symbol: UBND", "symbol: -UBND", 1), encoding="utf-8")
    units = project / "content" / "units.yml"
    units.write_text(units.read_text(encoding="utf-8").replace("name: Sở Y tế\n", "name: \"@Sở Y tế\"\n", 1),
                     encoding="utf-8")
    corpus = check(project)
    files = {f.path: f.data for f in open_data(corpus, build_guidance(corpus), None) if f.path.endswith(".csv")}
    assert len(files) == 4
    cells = [cell for data in files.values() for row in csv.reader(io.StringIO(data.decode("utf-8-sig")))
             for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert {"'" + FORMULA, "'-UBND", "'@Sở Y tế"} <= set(cells)  # kept as written, as text
