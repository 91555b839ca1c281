"""generator.outputs.hosting: sitemap, robots.txt and the security headers."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.outputs.hosting import (
    CONTENT_SECURITY_POLICY,
    headers_file,
    robots,
    sitemap,
    write_hosting_files,
)

PAGES = [{"url": "nam/2024/", "lastmod": "2024-03-21"}, {"url": "", "lastmod": None},
         {"url": "van-ban/2024/a&b/", "lastmod": "2024-03-01"}]
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_lists_absolute_addresses_with_lastmod():
    root = ET.fromstring(sitemap(PAGES, "https://example.org/ctxh"))
    entries = [(u.find(f"{NS}loc").text, getattr(u.find(f"{NS}lastmod"), "text", None)) for u in root]
    assert entries == [("https://example.org/ctxh/", None),
                       ("https://example.org/ctxh/nam/2024/", "2024-03-21"),
                       ("https://example.org/ctxh/van-ban/2024/a&b/", "2024-03-01")]


def test_without_a_published_address_there_is_no_sitemap(tmp_path):
    write_hosting_files(tmp_path, PAGES, None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["404.html", "_headers", "robots.txt"]
    assert "Sitemap" not in robots(None)
    write_hosting_files(tmp_path, PAGES, "https://example.org/")
    assert (tmp_path / "sitemap.xml").is_file()
    assert robots("https://example.org/").endswith("Sitemap: https://example.org/sitemap.xml\n")


def test_headers_allow_no_inline_script_and_no_other_host():
    text = headers_file()
    assert text.startswith("/*\n  Content-Security-Policy: ")
    script_src = next(part for part in CONTENT_SECURITY_POLICY.split("; ") if part.startswith("script-src"))
    assert script_src == "script-src 'self' 'wasm-unsafe-eval'"
    assert "http" not in CONTENT_SECURITY_POLICY and "unsafe-inline" not in script_src
    assert "X-Content-Type-Options: nosniff" in text and "frame-ancestors 'none'" in text


def test_without_a_published_address_the_404_page_stands_alone(tmp_path):
    write_hosting_files(tmp_path, PAGES, None)
    page = (tmp_path / "404.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in page and "Không tìm thấy trang" in page
    # nothing to resolve from an unknown depth; an empty icon, so the browser asks no /favicon.ico
    assert page.replace('<link rel="icon" href="data:,">', "").count("href=") == 0 and "src=" not in page
    (tmp_path / "404.html").unlink()
    write_hosting_files(tmp_path, PAGES, "https://example.org/ctxh/")
    assert not (tmp_path / "404.html").exists()  # the engine's themed page, with absolute links, stays
