"""Pagefind: the search index over the built site, in parts of bounded size.

Pagefind holds every page it reads in memory until it writes the index (about
0.4 MB a document page: 4.3 GB for 10,000 documents in one run). So the pages
it should index (those with a ``data-pagefind-body`` region, see
theme/main.html) are dealt out in turn to parts of at most ``PART_PAGES``
pages, and each part is indexed by its own ``python -m pagefind`` process, two
at a time. Dealt in turn, every part holds the same mix of page kinds,
so the parts' scores stay comparable when the search page merges them.

The first part is the main index, ``pagefind/`` (the search page loads its
``pagefind.js``); the others go to ``pagefind/phan-2/``, ``pagefind/phan-3/``…,
listed in ``pagefind/cac-phan.json`` for the search page to merge.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.problems import BuildError

PART_PAGES = 2000  # pages a Pagefind run takes: below 0.8 GB of memory, mostly document pages
RUNS_AT_ONCE = 2  # Pagefind keeps about 1.2 cores busy: two runs at once take a fifth less time
MAIN = "pagefind"
PARTS_LIST = f"{MAIN}/cac-phan.json"
_BODY_MARK = b"data-pagefind-body"


class SearchIndexError(BuildError):
    """Pagefind failed; carries its output."""


def build_index(site_dir: Path, scratch: Path, part_pages: int = PART_PAGES) -> None:
    """Index the built site in place: ``pagefind/`` and its parts, and their list. ``scratch``
    is a folder on the site's file system for the parts' hard links (emptied as it goes)."""
    pages = [path for path in sorted(site_dir.rglob("*.html")) if _BODY_MARK in path.read_bytes()]
    count = max(1, -(-len(pages) // part_pages))
    folders = [MAIN] + [f"{MAIN}/phan-{number}" for number in range(2, count + 1)]
    with ThreadPoolExecutor(RUNS_AT_ONCE) as runs:  # threads that each wait on a Pagefind process
        list(runs.map(lambda number: _index_part(site_dir, pages[number::count], site_dir / folders[number], scratch),
                      range(count)))
    (site_dir / PARTS_LIST).write_text(json.dumps([f"{folder}/" for folder in folders[1:]]), encoding="utf-8")


def _index_part(site_dir: Path, pages: list[Path], output: Path, scratch_parent: Path) -> None:
    """One Pagefind run over ``pages``, seen at their place in the site (hard links in a scratch folder)."""
    scratch_parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=scratch_parent) as scratch:
        for page in pages:
            linked = Path(scratch) / page.relative_to(site_dir)
            linked.parent.mkdir(parents=True, exist_ok=True)
            _link(page, linked)
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", scratch, "--output-path", str(output), "--silent"],
            capture_output=True, text=True, check=False,
        )
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind không lập được chỉ mục tìm kiếm (mã {result.returncode}):\n"
                               f"{result.stdout}\n{result.stderr}")


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copyfile(source, target)
