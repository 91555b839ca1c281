"""What the search page needs beside Pagefind's index: the site's d- and đ-syllables.

Unicode does not decompose đ, so Pagefind does not fold it to d. The search
page tries a query word typed with "d" as "đ" too, but only where the site has
such a syllable ("doan" → "đoan"), so that Pagefind's fallback for words it
does not know does not rank unrelated pages first.
"""

from __future__ import annotations

import json
import re

from generator.site import urls
from generator.site.files import Download
from generator.site.pages import Page
from generator.vietnamese import fold_marks

_TAG = re.compile(r"<[^>]+>")
_D_WORD = re.compile(r"\b[dDđĐ]\w*")


class DSyllables:
    """The syllables beginning with d and with đ (marks folded) of the texts it is given."""

    def __init__(self) -> None:
        self.found: dict[str, set[str]] = {"d": set(), "đ": set()}

    def add(self, text: str) -> None:
        for word in _D_WORD.findall(_TAG.sub(" ", text)):
            folded = fold_marks(word)
            self.found["đ" if folded.startswith("đ") else "d"].add("d" + folded[1:])

    def add_page(self, page: Page) -> None:
        """A page the search index takes: its title, description and body."""
        if page.searchable:
            self.add(f"{page.title}\n{page.description}\n{page.body}")

    def file(self) -> Download:
        found = {key: sorted(values) for key, values in self.found.items()}
        return Download(urls.D_SYLLABLES, "JSON", json.dumps(found, ensure_ascii=False, separators=(",", ":")).encode())
