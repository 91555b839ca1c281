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


class FileIndex:
    """The site's files by folder, so that a page can list the files that sit next to it."""

    def __init__(self, files: Iterable[Download]) -> None:
        self.by_path = {file.path: file for file in files}
        self._by_folder: dict[str, list[Download]] = defaultdict(list)
        for path in sorted(self.by_path):
            self._by_folder[posixpath.dirname(path)].append(self.by_path[path])

    def __contains__(self, path: str) -> bool:
        return path in self.by_path

    def in_folder(self, folder: str, suffix: str = "", prefix: str = "") -> list[Download]:
        """Files directly in ``folder`` (a page URL such as 'nam/2024/', or a folder path)
        whose names start with ``prefix`` and end with ``suffix``."""
        return [file for file in self._by_folder.get(folder.rstrip("/"), [])
                if posixpath.basename(file.path).startswith(prefix) and file.path.endswith(suffix)]
