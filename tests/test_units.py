"""What must my unit do: catalog, name resolution, unit pages, calendars, checklist."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from generator.content.resolve import Resolver
from generator.reading.outline import anchor_for
from generator.site import urls
from generator.site.guidance import build_guidance
from generator.stages import check, warnings

from .conftest import SUB_PATH, gold_documents, read_page, shared_project
from .test_errors import edit

CORPUS = check(shared_project())
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


def _page_of_year(unit_id: str, province: str, year: int) -> str:
    """The unit-in-province page that shows ``year``: the newest year at the place's own address."""
    newest = max(reach.year for reach in GUIDANCE.guides[unit_id].in_province(province))
    return urls.unit_in(unit_id, province, None if year == newest else year)


def _text(page) -> str:
    return " ".join(page.get_text(" ").split())


def test_every_gold_task_is_on_each_assignee_unit_page_in_its_province_and_its_link_lands(site):
    documents = {entry.doc.source: entry for entry in CORPUS.documents}
    for gold in gold_documents():
        entry = documents[gold["source"]]
        doc_page = read_page(site, f"van-ban/{entry.key}")
        for task in gold["tasks"]:
            for name in task["assignees"]:
                for unit_id in RESOLVER.resolve(name, gold["issuer"]["level"]):
                    address = _page_of_year(unit_id, entry.doc.issuer.province, entry.doc.year)
                    links = [a["href"] for a in read_page(site, address).select(".ctxh-checklist a")]
                    anchor = anchor_for(task["label"])
                    assert urls.relative(address, urls.document(entry.doc.year, entry.doc.slug), anchor) in links, \
                        (unit_id, task["label"])
                    assert doc_page.find(id=anchor) is not None, anchor


def test_a_unit_in_one_province_sees_nothing_of_another(site):
    kon_tum = _text(read_page(site, "don-vi/so-y-te/kon-tum"))
    binh_phuoc = _text(read_page(site, "don-vi/so-y-te/binh-phuoc"))
    assert "Kon Tum" in kon_tum and "Bình Phước" not in kon_tum and "Hải Phòng" not in kon_tum
    assert "24/3 – 28/3/2024 (Bình Phước), thời gian riêng cho đơn vị này" in binh_phuoc
    assert "Kon Tum" not in binh_phuoc and "Hải Phòng" not in binh_phuoc and "22/3" not in binh_phuoc
    ubnd = _text(read_page(site, "don-vi/ubnd-huyen/binh-phuoc"))
    assert "22/3 – 28/3/2024 (Bình Phước)" in ubnd and "24/3" not in ubnd


def test_the_unit_type_page_offers_its_provinces_not_their_tasks(site):
    page = read_page(site, "don-vi/so-y-te")
    provinces = [a.get_text() for a in page.select(".ctxh-provinces a")]
    assert provinces == ["Bình Phước", "Hải Phòng", "Kon Tum"]
    assert not page.select(".ctxh-checklist")  # no national document addresses Sở Y tế in the bundled content


def test_quang_ngai_units_get_every_assignment_of_640_and_its_deadline(site):
    ldtbxh = read_page(site, "don-vi/phong-ldtbxh/quang-ngai")
    text = _text(ldtbxh)
    assert "Thứ Hai, ngày 14 tháng 4 năm 2024" in text or "ngày 14 tháng 4 năm 2024" in text
    assert "Bình Phước" not in text and "22/3" not in text
    labels = {li.select_one(".ctxh-source").get_text(" ").split(",")[0] for li in ldtbxh.select("li[id^=viec-]")}
    assert {"Mục 1", "Mục 4"} <= labels
    for unit_id in ("phong-y-te", "phong-gddt"):
        page = read_page(site, f"don-vi/{unit_id}/quang-ngai")
        assert "640/UBND" in _text(page), unit_id
        assert "14 tháng 4 năm 2024" in _text(page), unit_id


def test_no_page_or_calendar_shows_a_province_window_without_its_province(site):
    for path in site.rglob("*.html"):
        for item in read_page(site, str(path.parent.relative_to(site))).select("li"):
            words = " ".join(item.get_text(" ").split())
            if "22/3 – 28/3/2024" in words:
                assert "Bình Phước" in words, (path, words)
    for path in site.rglob("*.ics"):
        for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            if event.decoded("dtstart") == dt.date(2024, 3, 22):
                assert "Bình Phước" in str(event["summary"]), path


def test_successor_and_predecessor_notes(site):
    text = _text(read_page(site, "don-vi/so-ldtbxh"))
    assert "Đơn vị tiếp nhận công việc (chưa xác nhận): Sở Y tế" in text
    assert "Hoạt động đến hết ngày 30 tháng 6 năm 2025" in _text(read_page(site, "don-vi/ubnd-huyen"))


def test_each_unit_calendar_in_a_province_holds_its_deadlines_and_windows(site):
    so_y_te = Calendar.from_ical((site / "don-vi" / "so-y-te" / "binh-phuoc" / "lich.ics").read_bytes())
    assert sorted((e.decoded("dtstart"), e.decoded("dtend")) for e in so_y_te.walk("VEVENT")) == [
        (dt.date(2024, 3, 24), dt.date(2024, 3, 29)), (dt.date(2024, 4, 5), dt.date(2024, 4, 6))]
    ldtbxh = Calendar.from_ical((site / "don-vi" / "phong-ldtbxh" / "quang-ngai" / "lich.ics").read_bytes())
    assert ldtbxh.walk("VEVENT")[0].decoded("dtstart") == dt.date(2024, 4, 14)
    for unit_id in GUIDANCE.guides:  # the bundled content has no national document: national calendars are empty
        calendar = Calendar.from_ical((site / "don-vi" / unit_id / "lich.ics").read_bytes())
        assert not calendar.walk("VEVENT"), unit_id


def test_home_lists_unit_types_without_javascript(site):
    links = [a["href"] for a in read_page(site, "").select(".ctxh-unit-picker a")]
    assert "don-vi/so-y-te/" in links and len(links) == len(CORPUS.units)


def test_year_page_lists_units_with_tasks(site):
    names = [a.get_text() for a in read_page(site, "nam/2024").select(".ctxh-units a")]
    assert "Sở Y tế" in names and "Ủy ban nhân dân cấp xã" in names
    assert not read_page(site, "nam/2020").select(".ctxh-units a")


def test_checklist_of_the_busiest_unit_in_its_province_prints_on_one_a4_page(browser, server):
    guide, province = max(((g, p) for g in GUIDANCE.guides.values() for p in g.provinces),
                          key=lambda item: len(item[0].in_province(item[1])))
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{server}{SUB_PATH}{urls.unit_in(guide.unit.id, province)}")
    pdf = tab.pdf(format="A4", print_background=True)
    context.close()
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1, (guide.unit.id, province)
