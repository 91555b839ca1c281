"""Pagefind: the search index over the built site, in parts of bounded size.

Pagefind holds every page it reads in memory until it writes the index (about
0.4 MB a document page: 4.3 GB for 10,000 documents in one run). So the pages
it should index (those with a ``data-pagefind-body`` region, see
theme/main.html) are dealt out in turn to parts of at most ``PART_PAGES``
pages, and each part is indexed by its own ``python -m pagefind`` process, two
at a time (an interrupted build stops them). Dealt in turn, every part holds the same mix of page kinds,
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
    is a folder on the site's file system for the parts' hard links."""
    pages = [path for path in sorted(site_dir.rglob("*.html")) if _BODY_MARK in path.read_bytes()]
    count = max(1, -(-len(pages) // part_pages))
    folders = [MAIN] + [f"{MAIN}/phan-{number}" for number in range(2, count + 1)]
    waiting = [(pages[number::count], site_dir / folders[number], scratch / f"phan-{number + 1}")
               for number in range(count)]
    running: list[tuple[subprocess.Popen, Path]] = []
    try:
        while waiting or running:
            while waiting and len(running) < RUNS_AT_ONCE:
                running.append(_start_part(site_dir, *waiting.pop(0)))
            process, part_scratch = running.pop(0)
            _finish_part(process, part_scratch)
    except BaseException:
        for process, _ in running:  # interrupted: no Pagefind run outlives the build
            process.kill()
            process.wait()
        raise
    (site_dir / PARTS_LIST).write_text(json.dumps([f"{folder}/" for folder in folders[1:]]), encoding="utf-8")


def _start_part(site_dir: Path, pages: list[Path], output: Path, scratch: Path) -> tuple[subprocess.Popen, Path]:
    """One Pagefind run over ``pages``, seen at their place in the site (hard links in ``scratch``)."""
    for page in pages:
        linked = scratch / page.relative_to(site_dir)
        linked.parent.mkdir(parents=True, exist_ok=True)
        _link(page, linked)
    process = subprocess.Popen([sys.executable, "-m", "pagefind", "--site", str(scratch), "--output-path",
                                str(output), "--silent"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return process, scratch


def _finish_part(process: subprocess.Popen, scratch: Path) -> None:
    output, _ = process.communicate()
    shutil.rmtree(scratch, ignore_errors=True)
    if process.returncode != 0:
        raise SearchIndexError(f"Pagefind không lập được chỉ mục tìm kiếm (mã {process.returncode}):\n{output}")


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copyfile(source, target)
