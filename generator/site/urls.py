"""Every address on the site, in one place.

A *page* has a directory URL relative to the site root, ending in "/" (the
home page is ""); the engine writes it as ``<url>index.html``. A *file* beside
the pages (a download, a calendar, an image) has a path relative to the site
root. Links are always written relative to the page that holds them
(:func:`relative`), so the site works at the root of a domain and under any
sub-path.
"""

from __future__ import annotations

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
BANNERS = "bang-ron"  # the folder of a page's banners, apart from its other files (a slug may say anything)


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
    return f"{BANNERS}-{slugify(slogan)[:60]}-{height_m:g}x{width_m:g}m".replace(".", "-")


def banner_folder(folder: str) -> str:
    """Where the banners of the page at ``folder`` live: a folder of their own beside its files."""
    return f"{folder}{BANNERS}/"


def banner(folder: str, slogan: str, size: tuple[float, float], extension: str) -> str:
    """A banner file of one size (height, width in metres), in the folder of the page that
    gives the slogan: the year's page for a national slogan, the document's for its own."""
    return f"{banner_folder(folder)}{banner_name(slogan, *size)}.{extension}"


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


def unit_in(unit_id: str, province_name: str, year_value: int | None = None) -> str:
    """A kind of unit in one province (province slugs as on /tinh/); an older year on its own page."""
    page = f"don-vi/{unit_id}/{slugify(province_name)}/"
    return page if year_value is None else f"{page}{year_value}/"


def unit_calendar(unit_id: str, province_name: str | None = None) -> str:
    """The .ics of a unit's deadlines and banner windows: national, or in one province."""
    page = unit(unit_id) if province_name is None else unit_in(unit_id, province_name)
    return f"{page}lich.ics"


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
    """Link from the page at ``from_page`` to a page or a file of the site.

    What ``posixpath.relpath`` gives for site addresses (no "." or ".." in them),
    without its trips through the working directory: a site has a link for every
    task of every unit page, and relpath was a fifth of the time spent making pages.
    """
    start, target = from_page.split("/"), to.split("/")
    start, target = [part for part in start if part], [part for part in target if part]
    common = 0
    for here, there in zip(start, target, strict=False):
        if here != there:
            break
        common += 1
    link = "/".join([".."] * (len(start) - common) + target[common:]) or "."
    if is_page(to) and not link.endswith("/"):
        link = "./" if link == "." else link + "/"
    return link + (f"#{fragment}" if fragment else "")


def from_docs_path(path: str) -> str:
    """An editor's link to a page as a docs path ('nam/index.md', 'gioi-thieu.md') → its URL."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return HOME
    return stem.removesuffix("/index") + "/"
