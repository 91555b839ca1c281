"""generator.site.pages: one function per kind of page, each a plain Page."""

from __future__ import annotations

import dataclasses
import datetime as dt

from generator.site import urls
from generator.site.cascade import build_cascade
from generator.site.files import Download, FileIndex
from generator.site.guidance import build_guidance
from generator.site.pages import (
    document_page,
    editor_page,
    home_page,
    navigation,
    next_day,
    site_pages,
    unit_page,
    unit_place_pages,
    year_page,
)
from generator.site.render import SiteData
from generator.stages import check

from ..conftest import shared_project

CORPUS = check(shared_project())
GUIDANCE = build_guidance(CORPUS)
DATA = SiteData(CORPUS, GUIDANCE, build_cascade(CORPUS),
                FileIndex([Download(urls.share_image(2024), "PNG", b"png")]))
SON_TAY = next(e for e in CORPUS.documents if e.doc.slug == "son-tay-640-ubnd")


def test_every_page_has_one_address_and_plain_text_titles():
    pages = list(site_pages(DATA))
    addresses = [page.url for page in pages]
    assert len(addresses) == len(set(addresses))
    assert all(urls.is_page(address) for address in addresses)
    assert all("<" not in page.title and "&lt;" not in page.title for page in pages)


def test_document_page():
    page = document_page(DATA, SON_TAY)
    assert page.url == "van-ban/2024/son-tay-640-ubnd/"
    assert page.title == "Công văn 640/UBND của Ủy ban nhân dân huyện Sơn Tây"
    assert page.searchable and page.lastmod == dt.date(2024, 3, 21)
    assert page.image == "nam/2024/chia-se.png"  # the year's share card exists
    assert 'id="muc-2"' in page.body and "Bạch Ngọc Thêm" in page.body


def test_year_page_and_home():
    campaign = CORPUS.campaign(2023)
    page = year_page(DATA, campaign)
    assert (page.url, page.title) == ("nam/2023/", "Năm 2023 — lần thứ 7")
    assert page.image is None  # no share card in this file index
    assert page.lastmod == dt.date(2023, 2, 24)  # the national dispatch; 2023 documents leave the day blank
    home = home_page(DATA)
    assert home.url == "" and not home.searchable


def test_unit_page_offers_provinces_and_the_place_page_links_each_task_to_its_paragraph():
    guide = GUIDANCE.guides["phong-ldtbxh"]
    page = unit_page(DATA, guide)
    assert page.url == "don-vi/phong-ldtbxh/" and 'href="quang-ngai/"' in page.body
    [place] = unit_place_pages(DATA, guide, "Quảng Ngãi")
    assert place.url == "don-vi/phong-ldtbxh/quang-ngai/" and place.title == "Phòng Lao động - Thương binh và Xã hội cấp huyện — Quảng Ngãi"
    assert 'href="../../../van-ban/2024/son-tay-640-ubnd/#muc-2"' in place.body


def test_home_shows_the_coming_day_and_never_a_past_years_slogans():
    assert next_day(dt.date(2024, 3, 25)) == dt.date(2024, 3, 25)
    assert next_day(dt.date(2026, 3, 26)) == dt.date(2027, 3, 25)
    page = home_page(dataclasses.replace(DATA, today=dt.date(2026, 12, 2)))
    assert "Lần thứ 11" in page.body and "25 tháng 3 năm 2027" in page.body
    assert "Khẩu hiệu năm 2027" in page.body and "ctxh-copy" not in page.body


def test_editor_page_is_sanitised_markdown_with_resolved_links():
    page = editor_page(CORPUS.pages[0])
    assert page.url == "gioi-thieu/"
    assert 'href="../nam/"' in page.body and "<script" not in page.body


def test_navigation_names_every_section():
    titles = [title for title, _ in navigation(DATA)]
    assert titles[:6] == ["Trang chủ", "Các năm", "Văn bản", "Đơn vị", "Tra cứu", "Dữ liệu mở"]
    years = dict(navigation(DATA))["Các năm"]
    assert years[0] == (None, "nam/") and years[1] == ("2026", "nam/2026/")


def test_a_unit_in_its_province_has_a_page_a_year_and_search_finds_the_newest_only():
    doc = SON_TAY.doc
    older = dataclasses.replace(SON_TAY, doc=doc.model_copy(update={
        "year": 2023, "slug": "son-tay-2023", "campaign": doc.campaign.model_copy(update={"year": 2023})}))
    corpus = dataclasses.replace(CORPUS, documents=(*CORPUS.documents, older))
    guidance = build_guidance(corpus)
    data = SiteData(corpus, guidance, build_cascade(corpus), DATA.files)
    newest, previous = unit_place_pages(data, guidance.guides["phong-ldtbxh"], "Quảng Ngãi")
    assert (newest.url, previous.url) == ("don-vi/phong-ldtbxh/quang-ngai/", "don-vi/phong-ldtbxh/quang-ngai/2023/")
    assert newest.searchable and not previous.searchable
    assert 'href="2023/"' in newest.body and "son-tay-2023" in previous.body
