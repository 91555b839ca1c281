"""generator.site.urls: every address, and links relative to the page that holds them."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.site import urls


def test_pages_are_directories_and_files_are_not():
    assert urls.year(2024) == "nam/2024/"
    assert urls.document(2024, "son-tay-640-ubnd") == "van-ban/2024/son-tay-640-ubnd/"
    assert urls.document_file(2024, "son-tay-640-ubnd", "pdf") == "van-ban/2024/son-tay-640-ubnd/son-tay-640-ubnd.pdf"
    assert urls.unit("so-y-te") == "don-vi/so-y-te/"
    assert urls.province("Quảng Ngãi") == "tinh/quang-ngai/"
    assert urls.cited("978-bldtbxh-cbtxh") == "van-ban/trich-dan/978-bldtbxh-cbtxh/"
    assert urls.unit_in("so-y-te", "Quảng Ngãi") == "don-vi/so-y-te/quang-ngai/"
    assert urls.unit_in("so-y-te", "Quảng Ngãi", 2023) == "don-vi/so-y-te/quang-ngai/2023/"
    assert urls.unit_calendar("so-y-te", "Quảng Ngãi") == "don-vi/so-y-te/quang-ngai/lich.ics"
    assert urls.banner(urls.year(2024), "Chào mừng Ngày Công tác xã hội Việt Nam, 25/3/2024", (1.2, 6.0), "pdf") == \
        "nam/2024/bang-ron/bang-ron-chao-mung-ngay-cong-tac-xa-hoi-viet-nam-25-3-2024-1-2x6m.pdf"
    assert all(urls.is_page(u) for u in (urls.HOME, urls.SEARCH, urls.year(2017), urls.editor_page("gioi-thieu")))
    assert not urls.is_page(urls.year_calendar(2024)) and not urls.is_page(urls.FEED)


@pytest.mark.parametrize("origin, target, fragment, expected", [
    ("", "nam/2024/", None, "nam/2024/"),
    ("nam/2024/", "", None, "../../"),
    ("nam/2024/", "nam/2024/", "khau-hieu", "./#khau-hieu"),
    ("van-ban/2024/son-tay-640-ubnd/", "don-vi/so-y-te/", None, "../../../don-vi/so-y-te/"),
    ("don-vi/so-y-te/", "don-vi/so-y-te/lich.ics", None, "lich.ics"),
    ("tra-cuu/", "assets/javascripts/search.js", None, "../assets/javascripts/search.js"),
])
def test_relative_links(origin, target, fragment, expected):
    assert urls.relative(origin, target, fragment) == expected


@pytest.mark.parametrize("origin", ["", "nam/", "nam/2024/", "van-ban/2024/x/", "don-vi/so-y-te/quang-ngai/"])
@pytest.mark.parametrize("target", ["", "tra-cuu/", "van-ban/2023/y/", "nam/2024/chia-se.png"])
def test_a_relative_link_resolves_to_its_target_under_any_base(origin, target):
    for base in ("/", "/ctxh/", "/preview/pr-12/"):
        resolved = posixpath.normpath(posixpath.join(base + origin, urls.relative(origin, target)))
        assert resolved.rstrip("/") == (base + target).rstrip("/")


def test_editor_links_are_docs_paths():
    assert urls.from_docs_path("index.md") == ""
    assert urls.from_docs_path("nam/index.md") == "nam/"
    assert urls.from_docs_path("gioi-thieu.md") == "gioi-thieu/"
    assert urls.from_docs_path("van-ban/2024/x.md") == "van-ban/2024/x/"


_SEGMENTS = st.lists(st.sampled_from(["nam", "2024", "van-ban", "don-vi", "so-y-te", "a", "b", "lich.ics"]),
                     max_size=5)


@given(_SEGMENTS, _SEGMENTS, st.booleans())
def test_relative_is_relpath_for_site_addresses(origin, target, target_is_page):
    from_page = "".join(f"{part}/" for part in origin)
    to = "".join(f"{part}/" for part in target) if target_is_page else "/".join(target)
    expected = posixpath.relpath(to or ".", from_page or ".")
    link = urls.relative(from_page, to)
    assert link.rstrip("/") == expected or (link == "./" and expected == ".")
