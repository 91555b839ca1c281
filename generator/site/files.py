"""Files beside the pages (downloads, calendars, images), as the pages list them."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.problems import Origin


@dataclass(frozen=True)
class Download:
    """A file of the site: its path from the site root, the label readers see, its bytes,
    and the content field it comes from (for the error when two files claim one path)."""

    path: str
    kind: str  # DOCX, PDF, iCalendar…
    data: bytes
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True)
class SiteFile:
    """A file as the pages list it: its path, label and size (its bytes are already on disk)."""

    path: str
    kind: str
    size: int
    origin: Origin | None = field(default=None, compare=False)


class FileIndex:
    """The site's files by folder, so that a page can list the files that sit next to it.
    Files are added as they are made and written; only their listing stays in memory."""

    def __init__(self, files: Iterable[Download] = ()) -> None:
        self.listed: list[SiteFile] = []  # every file added, a path claimed twice included (for the registry)
        self._by_folder: dict[str, dict[str, SiteFile]] = defaultdict(dict)
        for file in files:
            self.add(file)

    def add(self, file: Download) -> None:
        self.add_listed(SiteFile(file.path, file.kind, len(file.data), file.origin))

    def add_listed(self, listed: SiteFile) -> None:
        """A file known by its path, kind and size (its bytes made elsewhere, or not at all)."""
        self.listed.append(listed)
        self._by_folder[posixpath.dirname(listed.path)][listed.path] = listed

    def __contains__(self, path: str) -> bool:
        return path in self._by_folder.get(posixpath.dirname(path), {})

    def in_folder(self, folder: str, suffix: str = "", prefix: str = "") -> list[SiteFile]:
        """Files directly in ``folder`` (a page URL such as 'nam/2024/', or a folder path)
        whose names start with ``prefix`` and end with ``suffix``, by name."""
        files = self._by_folder.get(folder.rstrip("/"), {})
        return [files[path] for path in sorted(files)
                if posixpath.basename(path).startswith(prefix) and path.endswith(suffix)]
