"""Pagefind: the search index over the built site, in one pass.

One ``python -m pagefind`` process for the whole site (not one Python call per
page: the wrapper costs about 100 ms a call). Only ``data-pagefind-body``
regions are indexed (see theme/main.html).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.problems import BuildError


class SearchIndexError(BuildError):
    """Pagefind failed; carries its output."""


def build_index(site_dir: Path) -> None:
    """Index the built site in place (Pagefind writes ``pagefind/`` into it)."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind không lập được chỉ mục tìm kiếm (mã {result.returncode}):\n"
                               f"{result.stdout}\n{result.stderr}")
