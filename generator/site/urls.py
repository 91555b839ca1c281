"""Every address on the site, in one place.

A *page* has a directory URL relative to the site root, ending in "/" (the
home page is ""); the engine writes it as ``<url>index.html``. A *file* beside
the pages (a download, a calendar, an image) has a path relative to the site
root. Links are always written relative to the page that holds them
(:func:`relative`), so the site works at the root of a domain and under any
sub-path.
"""

from __future__ import annotations

import posixpath

from generator.vietnamese import slugify

HOME = ""
YEARS = "nam/"
DOCUMENTS = "van-ban/"
UNITS = "don-vi/"
PROVINCES = "tinh/"
SEARCH = "tra-cuu/"
OPEN_DATA = "du-lieu/"
ABOUT = "gioi-thieu/"

# Top-level folders of the site: no editor's page may be called so.
RESERVED_FOLDERS = frozenset({"nam", "van-ban", "don-vi", "tinh", "tra-cuu", "du-lieu", "assets", "pagefind",
                              "search", "index", "404"})

SEARCH_SCRIPT = "assets/javascripts/search.js"
D_SYLLABLES = "assets/search/d-syllables.json"
SITE_SHARE_IMAGE = "assets/images/chia-se.png"  # the current year's card, for pages of no particular year
FEED = "du-lieu/van-ban.atom"
BANNER_SIZES = ((0.8, 5.0), (1.2, 6.0))  # height × width in metres: every slogan has a banner of each


def year(value: int) -> str:
    return f"nam/{value}/"


def year_file(value: int, name: str) -> str:
    """A file of a year: banners, the share card, the calendar."""
    return f"nam/{value}/{name}"


def year_calendar(value: int) -> str:
    return year_file(value, f"ngay-cong-tac-xa-hoi-{value}.ics")


def share_image(value: int) -> str:
    return year_file(value, "chia-se.png")


def banner_name(slogan: str, height_m: float, width_m: float) -> str:
    """File name (without extension) of a slogan's banner of one size."""
    return f"bang-ron-{slugify(slogan)[:60]}-{height_m:g}x{width_m:g}m".replace(".", "-")


def banner(value: int, slogan: str, size: tuple[float, float], extension: str) -> str:
    """A banner file of one size (height, width in metres)."""
    return year_file(value, f"{banner_name(slogan, *size)}.{extension}")


def document(year_value: int, slug: str) -> str:
    return f"van-ban/{year_value}/{slug}/"


def document_folder(year_value: int, slug: str) -> str:
    """Where a document's downloads live (next to its page)."""
    return f"van-ban/{year_value}/{slug}"


def document_file(year_value: int, slug: str, extension: str) -> str:
    return f"{document_folder(year_value, slug)}/{slug}.{extension}"


def cited(slug: str) -> str:
    """A document known only from citations."""
    return f"van-ban/trich-dan/{slug}/"


def unit(unit_id: str) -> str:
    return f"don-vi/{unit_id}/"


def unit_calendar(unit_id: str) -> str:
    return f"don-vi/{unit_id}/lich.ics"


def province(name: str) -> str:
    return f"tinh/{slugify(name)}/"


def editor_page(slug: str) -> str:
    """A page written by editors (content/pages/<slug>.md)."""
    return f"{slug}/"


def open_data_file(name: str) -> str:
    return f"du-lieu/{name}"


def is_page(address: str) -> bool:
    return address == HOME or address.endswith("/")


def relative(from_page: str, to: str, fragment: str | None = None) -> str:
    """Link from the page at ``from_page`` to a page or a file of the site."""
    link = posixpath.relpath(to or ".", from_page or ".")
    if is_page(to) and not link.endswith("/"):
        link = "./" if link == "." else link + "/"
    return link + (f"#{fragment}" if fragment else "")


def from_docs_path(path: str) -> str:
    """An editor's link to a page as a docs path ('nam/index.md', 'gioi-thieu.md') → its URL."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return HOME
    return stem.removesuffix("/index") + "/"
