"""Labels as a Vietnamese civil servant writes them, and facts that say where they come from."""

from __future__ import annotations

import re

from .conftest import read_page
from .test_quality import all_pages


def _text(soup) -> str:
    return " ".join(soup.select_one("article").get_text(" ").split())


def test_no_label_repeats_its_heading_and_no_blank_number_reads_as_a_number(site):
    for path in all_pages(site):
        text = _text(read_page(site, path))
        for heading in ("Chủ đề", "Khẩu hiệu", "Thời gian treo băng rôn"):
            assert f"{heading} {heading}:" not in text, (path, heading)
        assert not re.search(r"[Ss]ố /", text), path
        assert not re.search(r"\((DOCX|PDF|Markdown|JSON|CSV|iCalendar|SVG|PNG|JSON Schema),", text), path


def test_unit_names_and_cited_documents_are_introduced_plainly(site):
    assert "Trong văn bản, đơn vị này thường được ghi là:" in _text(read_page(site, "don-vi/ubnd-xa"))
    cited = _text(read_page(site, "van-ban/trich-dan/817-sldtbxh-btxh-gn"))
    assert "Thông tin dưới đây lấy theo trích dẫn trong các văn bản khác." in cited


def test_a_blank_number_is_said_so_in_lists_and_in_the_document_map(site):
    text = _text(read_page(site, "nam/2024"))
    assert "Kế hoạch (để trống số), ký hiệu KH-UBND · Cấp tỉnh" in text
    assert "Cấp tỉnh · Kế hoạch (để trống số), ký hiệu KH-UBND · Ủy ban nhân dân tỉnh Bình Phước" in text


def test_downloads_are_named_in_vietnamese(site):
    assert "(tệp lịch, 1 KB)" in _text(read_page(site, "nam/2024"))
    text = _text(read_page(site, "van-ban/2024/son-tay-640-ubnd"))
    assert "(bản Word," in text and "(bản PDF," in text and "(văn bản Markdown," in text and "(dữ liệu JSON," in text


def test_the_documents_own_place_and_date_has_no_weekday(site):
    row = read_page(site, "van-ban/2024/son-tay-640-ubnd").find("th", string="Nơi, ngày ban hành").find_next("td")
    assert row.get_text() == "Sơn Tây, ngày 21 tháng 3 năm 2024"


def test_home_hero_keeps_its_labels(site):
    hero = " ".join(read_page(site, "").select_one(".ctxh-hero").get_text(" ").split())
    assert "Chủ đề: chưa có thông tin" in hero or "Chủ đề năm 2026: chưa có thông tin" in hero


def test_a_cited_date_in_another_year_says_it_may_be_wrong(site):
    text = _text(read_page(site, "van-ban/trich-dan/249-sldtbxh-xh"))
    assert "ngày 3 tháng 3 năm 2022 Chưa xác nhận" in text
    assert "Năm của văn bản được trích dẫn có thể bị ghi nhầm (văn bản trích dẫn thuộc năm 2023)." in text


def test_unsourced_organisation_changes_say_unconfirmed(site):
    for path in all_pages(site):
        box = read_page(site, path).select_one(".ctxh-succession")
        if box is None:
            continue
        sourced = "Nguồn:" in box.get_text()
        for line in box.select("p:not(.admonition-title):not(.ctxh-meta)"):
            text = line.get_text()
            if text.startswith(("Hoạt động đến", "Đơn vị")) and not sourced:
                assert "(chưa xác nhận)" in text, (path, text)
    assert "trước đây (chưa xác nhận)" in _text(read_page(site, "don-vi/ubnd-xa"))
