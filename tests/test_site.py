"""The built bundled site: every page is there, in Vietnamese, and shows its facts."""

from __future__ import annotations

import datetime as dt
import re

from generator.vietnamese import long_date

from .conftest import gold_documents, read_page

DOC_PAGES = {
    "000": "van-ban/2023/kon-tum-sldtbxh-tgxhgn",
    "001": "van-ban/2023/hai-phong-ubnd-vx",
    "002": "van-ban/2024/son-tay-640-ubnd",
    "003": "van-ban/2023/son-duong-cong-van",
    "004": "van-ban/2024/binh-phuoc-kh-ubnd",
}
EXTERNAL_ASSET = re.compile(
    r"<(?:link|script|img|source|iframe)\b[^>]*\b(?:href|src|srcset)=\"(?:https?:)?//|url\(\s*['\"]?(?:https?:)?//",
    re.IGNORECASE)
LETTER_SPACED = re.compile(r"(?:\b\w ){6,}")


def _text(soup) -> str:
    return " ".join(soup.select_one("article").get_text(" ").split())


def test_every_page_exists(site):
    expected = ["", "nam", "van-ban", "gioi-thieu"] + [f"nam/{y}" for y in range(2017, 2027)] + list(DOC_PAGES.values())
    for path in expected:
        assert (site / path / "index.html").is_file(), path
    assert (site / "404.html").is_file()


def test_every_page_is_vietnamese_and_requests_nothing_elsewhere(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<html lang="vi"' in html, page
        assert not EXTERNAL_ASSET.search(html), page
    for css in site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", css.read_text(encoding="utf-8")), css
    assert not list(site.rglob("search_index.json")), "mkdocs built-in search must stay off"


def test_404_is_in_vietnamese(site):
    assert "Không tìm thấy trang" in (site / "404.html").read_text(encoding="utf-8")


def test_document_pages_show_gold_facts(site):
    for gold in gold_documents():
        soup = read_page(site, DOC_PAGES[gold["source"][:3]])
        text = _text(soup)
        assert gold["issuer"]["name"] in text
        if gold["symbol"]:
            assert f"{gold['number'] or ''}/{gold['symbol']}" in text
        for recipient in gold["recipients"]:
            assert recipient in text
        for task in gold["tasks"]:
            assert f"Mục {task['label']}" in text
            for assignee in task["assignees"]:
                assert assignee[:1].upper() + assignee[1:] in text, (gold["source"], assignee)
        for deadline in gold["deadlines"]:
            assert deadline["what"] in text
        for slogan in gold["slogans"]:
            assert slogan in text
        assert gold["signer"]["name"] in text


def test_task_links_land_on_the_item_in_the_full_text(site):
    for path in DOC_PAGES.values():
        soup = read_page(site, path)
        for link in soup.select(".ctxh-assignee a[href^='#']"):
            target = soup.find(id=link["href"][1:])
            assert target is not None and target.find_parent(class_="ctxh-fulltext"), (path, link["href"])


def test_dates_are_written_the_vietnamese_way(site):
    text = _text(read_page(site, DOC_PAGES["002"]))
    assert "Sơn Tây, ngày 21 tháng 3 năm 2024" in text  # the document's own line: no weekday
    assert "Chủ Nhật, ngày 14 tháng 4 năm 2024" in text
    assert "Thứ Hai, ngày 25 tháng 3 năm 2024" in _text(read_page(site, "nam/2024"))


def test_blank_number_and_day_stay_blank(site):
    text = _text(read_page(site, DOC_PAGES["004"]))
    assert "/KH-UBND (văn bản để trống số)" in text
    assert "năm 2024 (văn bản để trống ngày)" in text
    assert "22/3 – 28/3/2024" in text and "24/3 – 28/3/2024" in text


def test_seed_003_text_is_repaired_on_its_page(site):
    soup = read_page(site, DOC_PAGES["003"])
    full_text = soup.select_one(".ctxh-fulltext").get_text(" ")
    assert "Chủ trì, phối hợp với các cơ quan" in full_text
    assert "hoạt động" in full_text
    assert soup.find(id="muc-2").get_text().startswith("2. Trung tâm Y tế huyện")


def test_no_extraction_damage_anywhere(site):
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not LETTER_SPACED.search(re.sub(r"<[^>]+>", " ", text)), page
        assert not re.search(r"\s[\u0300-\u036f]", text), page


def test_year_pages_show_theme_or_unknown(site):
    assert "Công tác xã hội Việt Nam - Tiên phong, chuyên nghiệp và kết nối" in _text(read_page(site, "nam/2024"))
    assert "Công tác xã hội - Vì hạnh phúc nhân dân" in _text(read_page(site, "nam/2018"))
    for year in (2017, 2020, 2021, 2022, 2026):
        text = _text(read_page(site, f"nam/{year}"))
        assert "Chủ đề" in text and "chưa có thông tin" in text, year
    disputed = _text(read_page(site, "nam/2025"))
    assert "Chưa xác nhận" in disputed
    assert "Đổi mới, kết nối và chuyên nghiệp" in disputed and "Tiên phong, chuyên nghiệp và kết nối" in disputed


def test_year_2024_names_the_province_of_every_slogan_and_window(site):
    soup = read_page(site, "nam/2024")
    text = _text(soup)
    assert "Khẩu hiệu chung cả nước: chưa có thông tin" in text  # no national slogan is sourced for 2024
    items = [li.get_text() for li in soup.select("#khau-hieu-cac-tinh ~ .ctxh-slogans li, .ctxh-windows li")]
    assert any(i.startswith("Bình Phước: Chào mừng Ngày Công tác xã hội Việt Nam, 25/3/2024 — theo") for i in items)
    assert any(i.startswith("Bình Phước: 22/3 – 28/3/2024") for i in items)
    assert any(i.startswith("Bình Phước: 24/3 – 28/3/2024 (Sở Giáo dục và Đào tạo, Sở Y tế)") for i in items)
    assert not soup.select(".ctxh-copy")
    assert "978/BLĐTBXH-CBTXH" in text and "12/3/2024" in text
    links = {a["href"] for a in soup.select(".ctxh-doclist a")}
    assert links == {"../../van-ban/2024/binh-phuoc-kh-ubnd/"}  # national and province documents by name
    counts = {a.get_text(): a["href"] for a in soup.select("#van-ban ~ div .ctxh-provinces a")}
    assert counts == {"Bình Phước": "../../tinh/binh-phuoc/#nam-2024", "Quảng Ngãi": "../../tinh/quang-ngai/#nam-2024"}


def test_home_shows_the_coming_day_and_latest_documents(site):
    soup = read_page(site, "")
    text = _text(soup)
    assert "Lần thứ 10" in text and long_date(dt.date(2026, 3, 25)) in text
    assert "Khẩu hiệu năm 2026: chưa có thông tin" in text
    assert "Công tác xã hội Việt Nam - Tiên phong, chuyên nghiệp và kết nối" in text  # latest confirmed theme
    assert len(soup.select(".ctxh-doclist li")) == 5


def test_about_page_states_the_legal_basis(site):
    text = _text(read_page(site, "gioi-thieu"))
    assert "Quyết định số 1791/QĐ-TTg ngày 15 tháng 9 năm 2016" in text


def test_navigation_lists_years_not_documents(site):
    soup = read_page(site, "")
    nav_links = [a.get_text(strip=True) for a in soup.select("nav.md-nav--primary a")]
    assert "2024" in nav_links
    assert not any("Công văn" in label or "Kế hoạch" in label for label in nav_links)
