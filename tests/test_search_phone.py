"""Search on a phone: the query box and the first results on the first screen, the filters
folded behind one "Lọc" control, and pages holding the phrase as typed ranked first."""

from __future__ import annotations

import re

from .conftest import SUB_PATH, read_page
from .test_search import search

PHONE = {"width": 360, "height": 800}


def page_text(site, link: str) -> str:
    body = read_page(site, link.removeprefix(SUB_PATH).split("#")[0]).select_one("[data-pagefind-body]")
    return " ".join(body.get_text(" ").lower().split())


def test_query_box_and_first_results_fit_the_first_screen_of_a_phone(page, server):
    page.set_viewport_size(PHONE)
    assert search(page, server, "đối tượng")
    for selector in ("#ctxh-q", ".ctxh-search__result >> nth=0", ".ctxh-search__result >> nth=1 >> h2"):
        box = page.locator(selector).bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], (selector, box)


def test_the_six_selects_open_from_one_filter_control(page, server):
    page.set_viewport_size(PHONE)
    search(page, server, "băng rôn")
    selects = page.locator(".ctxh-search__filters select")
    assert selects.count() == 6
    assert not any(select.is_visible() for select in selects.all())
    page.locator(".ctxh-search__more > summary").click()
    assert all(select.is_visible() for select in selects.all())


def test_a_filter_in_the_address_shows_on_the_filter_control(page, server):
    search(page, server, "công tác xã hội", nam="2023")
    assert page.locator(".ctxh-search__more > summary").inner_text() == "Lọc (đang chọn: 2023)"
    search(page, server, "công tác xã hội")
    assert page.locator(".ctxh-search__more > summary").inner_text() == "Lọc"


def test_pages_holding_the_phrase_as_typed_come_first(page, server, site):
    results = search(page, server, "đối tượng")
    holds = [bool(re.search(r"\bđối tượng\b", page_text(site, link))) for link in results]
    assert holds[0] and holds == sorted(holds, reverse=True), list(zip(results, holds, strict=True))
    assert not all(holds)  # pages with only "Đổi mới" or "Thủ tướng" are still found, after the others


def test_without_diacritics_a_word_matches_any_marks(page, server, site):
    results = search(page, server, "doi tuong")
    holds = [bool(re.search(r"\bđối tượng\b", page_text(site, link))) for link in results]
    assert holds[0] and holds == sorted(holds, reverse=True), list(zip(results, holds, strict=True))
