"""Search in the browser: Vietnamese with or without diacritics (đ included), filters."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import SUB_PATH

PAIRS = [
    ("công tác xã hội", "cong tac xa hoi"),
    ("đoàn thanh niên", "doan thanh nien"),
    ("Sở Y tế", "so y te"),
    ("băng rôn", "bang ron"),
    ("phụ nữ", "phu nu"),
    ("đối tượng", "doi tuong"),
]


def search(page, server, query: str, **filters: str) -> list[str]:
    params = "&".join(f"{k}={v}" for k, v in {"q": query, **filters}.items())
    page.goto(f"{server}{SUB_PATH}tra-cuu/?{params}")
    status = page.locator(".ctxh-search__status")
    expect(status).to_contain_text(re.compile("Tìm thấy|Không"), timeout=10_000)
    return page.locator(".ctxh-search__result a").evaluate_all("links => links.map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("with_marks, without_marks", PAIRS)
def test_query_without_diacritics_finds_the_same_top_results(page, server, with_marks, without_marks):
    exact = search(page, server, with_marks)
    folded = search(page, server, without_marks)
    assert exact, with_marks
    assert set(exact[:3]) <= set(folded[:5]), "\n".join(map(str, (exact, folded)))  # same pages, near-equal scores may swap
    assert all(link.startswith(SUB_PATH) for link in exact)


def test_excerpt_shows_the_original_text_highlighted(page, server):
    search(page, server, "doan thanh nien")
    marks = page.locator(".ctxh-search__excerpt mark").all_inner_texts()
    assert any(mark.lower().startswith("đoàn") for mark in marks), marks


def test_year_filter_narrows_results(page, server):
    everything = search(page, server, "cong tac xa hoi")
    only_2023 = search(page, server, "cong tac xa hoi", nam="2023")
    assert only_2023 and len(only_2023) < len(everything)
    assert all("/2024/" not in link for link in only_2023)


def test_province_level_and_type_filters(page, server):
    assert search(page, server, "", tinh="Quảng Ngãi") == [f"{SUB_PATH}van-ban/2024/son-tay-640-ubnd/"]
    assert search(page, server, "", loai="Kế hoạch") == [f"{SUB_PATH}van-ban/2024/binh-phuoc-kh-ubnd/"]
    district = search(page, server, "", cap="Cấp huyện")
    assert sorted(district) == [f"{SUB_PATH}van-ban/2023/son-duong-cong-van/", f"{SUB_PATH}van-ban/2024/son-tay-640-ubnd/"]


def test_result_shows_number_and_date(page, server):
    search(page, server, "son tay")
    assert "Số 640/UBND · 21/3/2024" in page.locator(".ctxh-search__meta").all_inner_texts()


def test_no_hits_says_so_in_vietnamese(page, server):
    search(page, server, "xyzzyqwerty")
    expect(page.locator(".ctxh-search__status")).to_have_text("Không tìm thấy kết quả nào cho “xyzzyqwerty”.")


def test_header_search_box_opens_the_search_page(page, server):
    page.goto(f"{server}{SUB_PATH}nam/2024/")
    page.fill("#ctxh-header-q", "bang ron")
    page.press("#ctxh-header-q", "Enter")
    expect(page.locator(".ctxh-search__status")).to_contain_text("Tìm thấy", timeout=10_000)
    assert page.url.startswith(f"{server}{SUB_PATH}tra-cuu/")


def test_without_javascript_search_page_explains_and_site_reads(browser, server):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{server}{SUB_PATH}tra-cuu/")
    assert "Chức năng tìm kiếm cần JavaScript" in tab.content()
    tab.goto(f"{server}{SUB_PATH}van-ban/2024/son-tay-640-ubnd/")
    assert "Bạch Ngọc Thêm" in tab.inner_text("article")
    context.close()
