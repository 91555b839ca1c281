"""What must my unit do: catalog, name resolution, unit pages, calendars, checklist."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from generator.build import check, warnings
from generator.content.resolve import Resolver
from generator.reading.outline import anchor_for
from generator.site.guidance import build_guidance

from .conftest import ROOT, SUB_PATH, gold_documents, read_page
from .test_errors import edit

CORPUS = check(ROOT)
GUIDANCE = build_guidance(CORPUS)
RESOLVER = Resolver(list(CORPUS.units))


@pytest.mark.parametrize("name, level, expected", [
    ("Huyện đoàn Sơn Dương", "district", ["huyen-doan"]),
    ("UBND các huyện, thị xã, thành phố", "province", ["ubnd-huyen"]),
    ("Ủy ban nhân dân các xã, thị trấn", "district", ["ubnd-xa"]),
    ("Hội Liên hiệp Phụ nữ thành phố", "province", ["hoi-phu-nu-tinh"]),
    ("Hội Liên hiệp Phụ nữ huyện", "district", ["hoi-phu-nu-huyen"]),
    ("Các Sở: Y tế, Giáo dục và Đào tạo", "province", ["so-y-te", "so-gddt"]),
    ("Trung tâm Văn hoá, Truyền thông và Thể thao huyện", "district", ["trung-tam-vhtt-huyen"]),
    ("SỞ Y TẾ", "province", ["so-y-te"]),
    ("Sở Ngoại vụ", "province", []),
])
def test_names_resolve_ignoring_places_levels_case_and_tone_placement(name, level, expected):
    assert RESOLVER.resolve(name, level) == expected


def test_catalog_covers_every_recipient_and_assignee_of_the_seeds():
    for gold in gold_documents():
        level = gold["issuer"]["level"]
        for name in gold["recipients"] + [a for t in gold["tasks"] for a in t["assignees"]]:
            assert RESOLVER.resolve(name, level), (gold["source"], name)


def test_check_reports_no_unresolved_name_on_bundled_content():
    assert GUIDANCE.unresolved == []
    assert not [w for w in warnings(CORPUS) if "chưa khớp loại đơn vị nào" in w.message]


def test_unknown_name_is_reported_with_file_and_line(project):
    path = project / "content" / "dispatches" / "2024" / "son-tay-640-ubnd.md"
    edit(path, "- UBND các xã\nreferences:", "- UBND các xã\n- Ban Quản lý rừng phòng hộ\nreferences:")
    found = [str(w) for w in warnings(check(project)) if "chưa khớp loại đơn vị nào" in w.message]
    assert found == ["content/dispatches/2024/son-tay-640-ubnd.md:24: cảnh báo: recipients[2]: 'Ban Quản lý rừng "
                     "phòng hộ' chưa khớp loại đơn vị nào trong content/units.yml; thêm tên này vào aliases của một "
                     "đơn vị (hoặc thêm đơn vị mới)"]


def test_every_gold_task_is_on_each_assignee_unit_page_and_its_link_lands(site):
    documents = {entry.doc.source: entry for entry in CORPUS.documents}
    for gold in gold_documents():
        entry = documents[gold["source"]]
        doc_page = read_page(site, f"van-ban/{entry.key}")
        for task in gold["tasks"]:
            for name in task["assignees"]:
                for unit_id in RESOLVER.resolve(name, gold["issuer"]["level"]):
                    page = read_page(site, f"don-vi/{unit_id}")
                    links = [a["href"] for a in page.select(".ctxh-checklist a")]
                    anchor = anchor_for(task["label"])
                    assert f"../../van-ban/{entry.doc.year}/{entry.doc.slug}/#{anchor}" in links, (unit_id, task["label"])
                    assert doc_page.find(id=anchor) is not None, anchor


def test_unit_pages_group_tasks_by_year_newest_first(site):
    page = read_page(site, "don-vi/so-y-te")
    years = [h["id"] for h in page.select("h2.ctxh-year-heading")]
    assert years == ["nam-2024", "nam-2023"]


def test_unit_specific_window_beats_the_general_one(site):
    so_y_te = read_page(site, "don-vi/so-y-te").select_one("section.ctxh-unit-year").get_text(" ")
    assert "24/3 – 28/3/2024 (thời gian riêng cho đơn vị này)" in " ".join(so_y_te.split())
    assert "22/3 – 28/3/2024" not in so_y_te
    ubnd = " ".join(read_page(site, "don-vi/ubnd-huyen").get_text(" ").split())
    assert "22/3 – 28/3/2024" in ubnd and "24/3" not in ubnd


def test_successor_and_predecessor_notes(site):
    text = " ".join(read_page(site, "don-vi/so-ldtbxh").get_text(" ").split())
    assert "Đơn vị đảm nhận công việc sau đó: Sở Y tế" in text and "chưa xác nhận" in text
    assert "Hoạt động đến hết ngày 30 tháng 6 năm 2025" in " ".join(read_page(site, "don-vi/ubnd-huyen").get_text(" ").split())


def test_each_unit_calendar_holds_exactly_its_deadlines_and_windows(site):
    for unit_id, guide in GUIDANCE.guides.items():
        calendar = Calendar.from_ical((site / "don-vi" / unit_id / "lich.ics").read_bytes())
        events = sorted((str(e["summary"]), e.decoded("dtstart"), e.decoded("dtend")) for e in calendar.walk("VEVENT"))
        expected = sorted(
            [(f"Hạn {d.deadline.what}" + (f" về {d.deadline.to}" if d.deadline.to else ""), d.deadline.due,
              d.deadline.due + dt.timedelta(days=1)) for d in guide.deadlines if d.deadline.due]
            + [("Treo băng rôn, khẩu hiệu Ngày Công tác xã hội Việt Nam", w.start, w.end + dt.timedelta(days=1))
               for w in guide.windows])
        assert events == expected, unit_id
    so_y_te = Calendar.from_ical((site / "don-vi" / "so-y-te" / "lich.ics").read_bytes())
    assert {e.decoded("dtstart") for e in so_y_te.walk("VEVENT")} >= {dt.date(2024, 4, 5), dt.date(2024, 3, 24)}


def test_home_lists_unit_types_without_javascript(site):
    links = [a["href"] for a in read_page(site, "").select(".ctxh-unit-picker a")]
    assert "don-vi/so-y-te/" in links and len(links) == len(CORPUS.units)


def test_year_page_lists_units_with_tasks(site):
    names = [a.get_text() for a in read_page(site, "nam/2024").select(".ctxh-units a")]
    assert "Sở Y tế" in names and "Ủy ban nhân dân cấp xã" in names
    assert not read_page(site, "nam/2020").select(".ctxh-units a")


def test_checklist_of_the_busiest_unit_prints_on_one_a4_page(browser, server):
    busiest = max(GUIDANCE.guides.values(), key=lambda g: len(g.tasks_of(g.years[0])) if g.years else 0)
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{server}{SUB_PATH}don-vi/{busiest.unit.id}/")
    pdf = tab.pdf(format="A4", print_background=True)
    context.close()
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1, busiest.unit.id
