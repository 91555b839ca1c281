"""What a reader sees: phones and desktops, the hero, copy, announcement bar, share cards."""

from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image

from .conftest import SUB_PATH, read_page

PAGES = ["", "nam/2024/", "nam/2020/", "van-ban/2023/son-duong-cong-van/", "van-ban/2024/binh-phuoc-kh-ubnd/",
         "don-vi/", "don-vi/so-y-te/", "tra-cuu/", "tinh/quang-ngai/", "van-ban/trich-dan/817-sldtbxh-btxh-gn/",
         "du-lieu/", "gioi-thieu/"]


@pytest.mark.parametrize("width", [360, 1280])
def test_no_horizontal_scroll_on_any_page_type(page, server, width):
    page.set_viewport_size({"width": width, "height": 800})
    for path in PAGES:
        page.goto(f"{server}{SUB_PATH}{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (path, width, overflow)


def test_hero_theme_and_slogans_visible_without_scrolling_on_a_phone(browser, national_server):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    tab = context.new_page()
    tab.goto(f"{national_server}{SUB_PATH}")
    for selector in (".ctxh-hero .ctxh-theme", ".ctxh-hero .ctxh-slogan"):
        for box in [e.bounding_box() for e in tab.locator(selector).element_handles()]:
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= 800, (selector, box)
    assert tab.locator(".ctxh-hero .ctxh-slogan").count() == 2
    context.close()


def test_a_provinces_slogans_are_never_offered_as_the_years(page, server):
    page.goto(f"{server}{SUB_PATH}")
    assert page.locator(".ctxh-copy").count() == 0
    assert "Khẩu hiệu năm 2026: chưa có thông tin" in " ".join(page.locator(".ctxh-hero").inner_text().split())


def test_copy_button_copies_the_slogan(browser, national_server):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=national_server)
    tab = context.new_page()
    tab.goto(f"{national_server}{SUB_PATH}nam/2026/")
    tab.locator(".ctxh-copy").first.click()
    assert tab.evaluate("navigator.clipboard.readText()") == "Nhiệt liệt chào mừng Ngày Công tác xã hội Việt Nam 25/3/2026"
    assert tab.locator(".ctxh-copy").first.inner_text() == "Đã chép"
    context.close()


@pytest.mark.parametrize("day, shown", [(dt.datetime(2026, 3, 23, 9), True), (dt.datetime(2026, 4, 2, 9), False)])
def test_announcement_bar_follows_the_national_display_window(browser, national_server, day, shown):
    context = browser.new_context()
    tab = context.new_page()
    tab.clock.set_fixed_time(day)
    tab.goto(f"{national_server}{SUB_PATH}gioi-thieu/")
    bar = tab.locator(".ctxh-announce")
    if shown:
        assert bar.is_visible() and bar.inner_text() == "NHIỆT LIỆT CHÀO MỪNG NGÀY CÔNG TÁC XÃ HỘI VIỆT NAM 25/3/2026"
    else:
        assert not bar.is_visible() and not tab.locator(".md-banner").is_visible()
    context.close()


def test_no_announcement_for_a_provinces_window(browser, server):
    context = browser.new_context()
    tab = context.new_page()
    tab.clock.set_fixed_time(dt.datetime(2024, 3, 23, 9))  # inside Bình Phước's 22/3–28/3/2024
    tab.goto(f"{server}{SUB_PATH}gioi-thieu/")
    assert not tab.locator(".ctxh-announce").is_visible()
    context.close()


def test_countdown_and_today_state(browser, server):
    context = browser.new_context()
    tab = context.new_page()
    tab.clock.set_fixed_time(dt.datetime(2026, 3, 20, 8))
    tab.goto(f"{server}{SUB_PATH}")
    assert tab.locator(".ctxh-countdown").inner_text() == "Còn 5 ngày đến Ngày Công tác xã hội Việt Nam."
    tab.clock.set_fixed_time(dt.datetime(2026, 3, 25, 8))
    tab.reload()
    assert tab.locator(".ctxh-countdown").inner_text() == "Hôm nay là Ngày Công tác xã hội Việt Nam!"
    context.close()


def test_every_page_has_a_share_card_with_a_1200_by_630_image(site):
    for html in site.rglob("index.html"):
        relative = html.parent.relative_to(site).as_posix()
        soup = read_page(site, "" if relative == "." else relative)
        meta = {m.get("property") or m.get("name"): m.get("content") for m in soup.find_all("meta")}
        assert meta.get("og:title") and meta.get("og:description"), relative
        image = (html.parent / meta["og:image"]).resolve()
        assert image.is_file(), (relative, meta["og:image"])
        assert Image.open(image).size == (1200, 630)
        assert meta.get("twitter:card") == "summary_large_image"


def test_readme_screenshots_exist_for_every_page_and_size():
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("home", "year", "document", "unit", "search"):
        for size, width in (("phone", 360), ("desktop", 1280)):
            path = f"docs/screenshots/{name}-{size}.png"
            assert path in readme
            assert Image.open(ROOT / path).size == (width, 800)
