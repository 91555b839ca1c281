"""Every address of the site is claimed once.

Two things of the content can ask for one address: two provinces written
"Quảng Ngãi" and "Quang Ngai" fold to one slug, two cited numbers to one page,
two slogans differing only by punctuation to one banner, an editor's page
called "nam" to the years index. The second claim is an error naming both
sources, before the engine runs and site/ is touched, instead of one silently
replacing the other.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.problems import ContentError, Origin, Problem
from generator.site import urls
from generator.site.files import SiteFile
from generator.site.pages import Page


def _claimant(origin: Origin | None, title: str) -> str:
    return str(origin) if origin else f"trang “{title}” của cổng"


def check_addresses(pages: Iterable[Page], files: Iterable[SiteFile]) -> None:
    """Raise :class:`ContentError` when an address is claimed twice, or an editor's page takes
    a folder the site uses."""
    claims: dict[str, tuple[Origin | None, str]] = {}
    problems: list[Problem] = []
    reported: set[tuple[Origin | None, str]] = set()  # a slogan's banners clash as one, not once per file

    def claim(address: str, origin: Origin | None, title: str) -> None:
        if address in claims:
            first = _claimant(*claims[address])
            where = origin or claims[address][0]
            if where is not None and (where, first) in reported:
                return
            reported.add((where, first))
            shown = address.removesuffix("index.html")
            message = f"địa chỉ /{shown} đã dùng cho {first}; hãy đổi tên để hai trang, tệp không trùng nhau"
            problems.append(where.problem(message) if where else Problem("(cổng)", None, None, message))
        else:
            claims[address] = (origin, title)

    for page in pages:
        top = page.url.split("/", 1)[0]
        if page.origin and page.url.count("/") == 1 and top in urls.RESERVED_FOLDERS:  # an editor's page
            problems.append(page.origin.problem(f"'{top}' là thư mục dành riêng của cổng; hãy chọn slug khác"))
        claim(page.url + "index.html", page.origin, page.title)
    for file in files:
        claim(file.path, file.origin, file.path)
    if problems:
        raise ContentError(problems)
