"""What the search page needs beside Pagefind's index: the site's d- and đ-syllables.

Unicode does not decompose đ, so Pagefind does not fold it to d. The search
page tries a query word typed with "d" as "đ" too, but only where the site has
such a syllable ("doan" → "đoan"), so that Pagefind's fallback for words it
does not know does not rank unrelated pages first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from generator.site import urls
from generator.site.files import Download
from generator.site.pages import Page
from generator.vietnamese import fold_marks

_TAG = re.compile(r"<[^>]+>")
_D_WORD = re.compile(r"\b[dDđĐ]\w*")


def d_syllables(texts: Iterable[str]) -> dict[str, list[str]]:
    """The syllables in ``texts`` that begin with d and with đ, marks folded."""
    found: dict[str, set[str]] = {"d": set(), "đ": set()}
    for text in texts:
        for word in _D_WORD.findall(_TAG.sub(" ", text)):
            folded = fold_marks(word)
            found["đ" if folded.startswith("đ") else "d"].add("d" + folded[1:])
    return {key: sorted(values) for key, values in found.items()}


def d_syllables_file(pages: Iterable[Page]) -> Download:
    """The syllables of every page the search index takes (title, description and body)."""
    texts = (f"{page.title}\n{page.description}\n{page.body}" for page in pages if page.searchable)
    data = json.dumps(d_syllables(texts), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Download(urls.D_SYLLABLES, "JSON", data)
