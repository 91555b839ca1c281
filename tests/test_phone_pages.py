"""Year pages on a 360 px phone: whole years in the index, a readable document map,
and no footer link pointing the wrong way."""

from __future__ import annotations

from .conftest import SUB_PATH, read_page
from .test_quality import all_pages


def test_years_index_never_breaks_a_year(page, server):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{server}{SUB_PATH}nam/")
    lines = page.locator(".ctxh-years-table th a").evaluate_all("links => links.map(a => a.getClientRects().length)")
    assert len(lines) == 10 and set(lines) == {1}


def test_document_map_is_a_readable_list_on_a_phone(page, server):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{server}{SUB_PATH}nam/2024/")
    diagram = page.locator(".ctxh-cascade")
    assert diagram.locator("img, svg, canvas").count() == 0
    sizes = diagram.locator("a").evaluate_all("links => links.map(a => parseFloat(getComputedStyle(a).fontSize))")
    assert len(sizes) >= 2 and min(sizes) >= 14


def test_no_previous_or_next_footer_link(site):
    """The navigation lists years newest first, so "Sau" would go back in time: no such links."""
    for path in all_pages(site):
        assert read_page(site, path).select(".md-footer__link") == [], path
