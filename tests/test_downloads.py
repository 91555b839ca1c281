"""Downloads: each file read back by a library for its format."""

from __future__ import annotations

import json
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pypdfium2 as pdfium
import pytest
from docx import Document as WordDocument
from icalendar import Calendar
from pypdf import PdfReader

from generator.outputs.banners import BANNER_MARGIN, BANNER_SIDE_MARGIN
from generator.site.urls import BANNER_SIZES, banner_name
from generator.stages import check

from .conftest import build, copy_project, read_page, shared_project

CORPUS = check(shared_project())
ATOM = "{http://www.w3.org/2005/Atom}"


def folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.mark.parametrize("entry", CORPUS.documents, ids=[e.doc.slug for e in CORPUS.documents])
def test_document_downloads_read_back(site, entry):
    doc = entry.doc
    folder = site / "van-ban" / str(doc.year) / doc.slug
    word = WordDocument(str(folder / f"{doc.slug}.docx"))
    paragraphs = [p.text for p in word.paragraphs]
    for table in word.tables:
        for cell in table._cells:
            paragraphs += [p.text for p in cell.paragraphs]
    text = folded("\n".join(paragraphs))
    if doc.subject:
        assert doc.subject in text
    assert doc.signer.name in text
    assert word.sections[0].page_width.cm == pytest.approx(21, abs=0.01)
    assert word.styles["Normal"].font.name == "Times New Roman"
    pdf_text = folded(" ".join(page.extract_text() for page in PdfReader(str(folder / f"{doc.slug}.pdf")).pages))
    if doc.subject:
        assert folded(doc.subject) in pdf_text
    assert doc.signer.name in pdf_text
    assert json.loads((folder / f"{doc.slug}.json").read_text(encoding="utf-8"))["slug"] == doc.slug
    assert (folder / f"{doc.slug}.md").read_text(encoding="utf-8") == (shared_project() / entry.file).read_text(encoding="utf-8")


def test_document_page_lists_downloads_with_format_and_size(site):
    items = [li.get_text(" ", strip=True) for li in read_page(site, "van-ban/2024/son-tay-640-ubnd").select(
        ".ctxh-downloads li")]
    assert len(items) == 4
    assert any(item.startswith("son-tay-640-ubnd.docx (bản Word,") and item.endswith("KB)") for item in items)


BINH_PHUOC = next(e for e in CORPUS.documents if e.doc.slug == "binh-phuoc-kh-ubnd")
BINH_PHUOC_FOLDER = Path("van-ban", "2024", "binh-phuoc-kh-ubnd")


def test_a_plans_slogans_have_banners_beside_the_plan_not_the_year(site):
    page = read_page(site, BINH_PHUOC_FOLDER.as_posix())
    links = {a["href"] for a in page.select(".ctxh-banner a")}
    for slogan in BINH_PHUOC.doc.slogans:
        for height, width in BANNER_SIZES:
            for suffix in (".svg", ".pdf"):
                assert "bang-ron/" + banner_name(slogan, height, width) + suffix in links
        svg = ET.fromstring((site / BINH_PHUOC_FOLDER / "bang-ron" / f"{banner_name(slogan, *BANNER_SIZES[0])}.svg")
                            .read_bytes())
        assert slogan.upper() in "".join(svg.itertext())
    assert len(page.select(".ctxh-banner img[alt^='Băng rôn:']")) == 2
    assert not [a for a in page.select("#tai-ve ~ .ctxh-downloads a") if "bang-ron-" in a["href"]]
    assert not list((site / "nam" / "2024").glob("bang-ron*"))


@pytest.mark.parametrize("size", BANNER_SIZES)
def test_banner_lettering_fills_the_banner_inside_the_margins(site, size):
    for slogan in BINH_PHUOC.doc.slogans:
        pdf = pdfium.PdfDocument(str(site / BINH_PHUOC_FOLDER / "bang-ron" / f"{banner_name(slogan, *size)}.pdf"))
        image = pdf[0].render(scale=2).to_pil().convert("RGB")
        width, height = image.size
        pixels = image.load()
        yellowish = [(x, y) for x in range(0, width, 2) for y in range(0, height, 2)
                     if pixels[x, y][1] > 120]  # the ground is red (low green), the lettering yellow
        xs, ys = [x for x, _ in yellowish], [y for _, y in yellowish]
        side, top = max(BANNER_MARGIN * height, BANNER_SIDE_MARGIN * width), BANNER_MARGIN * height
        assert min(xs) >= side - 2 and max(xs) <= width - side + 2, slogan
        assert min(ys) >= top - 2 and max(ys) <= height - top + 2, slogan
        assert max(ys) - min(ys) >= 0.45 * height, slogan  # readable from the street
        assert max(xs) - min(xs) >= 0.6 * width, slogan


def test_banner_links_say_what_and_how_big(site):
    items = [li.get_text(" ", strip=True) for li in read_page(site, BINH_PHUOC_FOLDER.as_posix()).select(".ctxh-banner li")]
    assert any(item.startswith("Băng rôn 1,2 × 6 m (bản PDF,") and item.endswith("KB)") for item in items)
    assert any(item.startswith("Băng rôn 0,8 × 5 m (bản vẽ SVG,") for item in items)
    assert not any(".pdf" in item or ".svg" in item for item in items)


def test_year_calendar_has_the_day_and_the_key_dates(site):
    for campaign in CORPUS.campaigns:
        calendar = Calendar.from_ical((site / "nam" / str(campaign.year) /
                                       f"ngay-cong-tac-xa-hoi-{campaign.year}.ics").read_bytes())
        starts = {event.decoded("dtstart") for event in calendar.walk("VEVENT")}
        assert campaign.date in starts
    calendar = Calendar.from_ical((site / "nam" / "2024" / "ngay-cong-tac-xa-hoi-2024.ics").read_bytes())
    summaries = [str(event["summary"]) for event in calendar.walk("VEVENT")]
    assert any("978/BLĐTBXH-CBTXH" in s for s in summaries) and not [s for s in summaries if s.startswith("Hạn")]
    assert sum(s.startswith("Bình Phước: treo băng rôn") for s in summaries) == 2


def test_open_data_validates_against_its_schemas(site):
    folder = site / "du-lieu"
    for name in ("nam", "van-ban", "nhiem-vu", "don-vi"):
        data = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        schema = json.loads((folder / f"{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)
        assert data
        csv_text = (folder / f"{name}.csv").read_text(encoding="utf-8-sig")
        assert len(csv_text.strip().splitlines()) == len(data) + 1
    tasks = json.loads((folder / "nhiem-vu.json").read_text(encoding="utf-8"))
    assert len(tasks) == sum(len(e.doc.tasks) for e in CORPUS.documents)
    assert "CC BY 4.0" in read_page(site, "du-lieu").get_text()


def test_feed_lists_every_document_newest_first(site):
    feed = ET.fromstring((site / "du-lieu" / "van-ban.atom").read_bytes())
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(CORPUS.documents)
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert entries[0].find(f"{ATOM}title").text.startswith("Công văn 640/UBND")


def test_a_slug_that_starts_like_a_banner_keeps_its_downloads(tmp_path):
    """Banners live in a folder of their own: a document may be called anything."""
    project = copy_project(tmp_path / "project")
    old = project / "content" / "dispatches" / "2024" / "son-tay-640-ubnd.md"
    new = old.with_name("bang-ron-640-ubnd.md")
    new.write_text(old.read_text(encoding="utf-8").replace("slug: son-tay-640-ubnd", "slug: bang-ron-640-ubnd"),
                   encoding="utf-8")
    old.unlink()
    site = build(project, search_index=False)
    links = {a["href"] for a in read_page(site, "van-ban/2024/bang-ron-640-ubnd").select("#tai-ve + .ctxh-downloads a")}
    assert links == {f"bang-ron-640-ubnd.{extension}" for extension in ("docx", "pdf", "md", "json")}
