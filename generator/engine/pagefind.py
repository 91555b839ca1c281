"""Stage 8, index: Pagefind over the built site, in one pass.

One ``python -m pagefind`` process for the whole site (not one Python call per
page: the wrapper costs about 100 ms a call). Only ``data-pagefind-body``
regions are indexed (see theme/main.html).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from generator.problems import BuildError


class SearchIndexError(BuildError):
    """Pagefind failed; carries its output."""


D_SYLLABLES_FILE = "assets/search/d-syllables.json"
_TAG = re.compile(r"<[^>]+>")
_D_WORD = re.compile(r"\b[dDđĐ]\w*")


def fold_marks(word: str) -> str:
    """Lower case without tone and vowel marks, keeping đ: 'Đoàn' → 'đoan', 'dịch' → 'dich'."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def d_syllables(texts: Iterable[str]) -> dict[str, list[str]]:
    """The syllables of the site that begin with d and with đ, marks folded.

    The search page uses them to try a query word typed with "d" as "đ" only
    where the site has such a syllable ("doan" → "đoan"), so that Pagefind's
    fallback for words it does not know does not rank unrelated pages first.
    """
    found: dict[str, set[str]] = {"d": set(), "đ": set()}
    for text in texts:
        for word in _D_WORD.findall(_TAG.sub(" ", text)):
            folded = fold_marks(word)
            found["đ" if folded.startswith("đ") else "d"].add("d" + folded[1:])
    return {key: sorted(values) for key, values in found.items()}


def write_d_syllables(site_dir: Path, texts: Iterable[str]) -> None:
    target = site_dir / D_SYLLABLES_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(d_syllables(texts), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def build_index(site_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError(f"pagefind failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
