"""The pipeline, start to end, and the atomic swap into ``site/``.

    content.load → content.validate (repairs and outlines each text)
    → site.guidance + site.cascade (who must do what; which document implements which)
    → outputs (document copies, banners, calendars, open data)
    → site.pages (every page, from the templates, and the search page's d/đ syllables)
    → engine.mkdocs (HTML) → outputs.hosting → engine.pagefind (index)
    → swap into site/

Everything is produced in a temporary folder next to ``site/``; ``site/`` is
replaced only once the whole build has succeeded, so bad input or a crash
never leaves a half-written site. Files and page sources are written as they
are made; reading the content and making the pages, then the engine, each run
in a process of their own (stage_process): at national scale they would not fit
in memory together.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import functools
import itertools
import os
import secrets
import shutil
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.content.checks import reader_warnings
from generator.content.load import load_content
from generator.content.validate import Corpus, validate
from generator.engine import mkdocs, pagefind
from generator.outputs.calendars import calendar_files
from generator.outputs.documents import worker_pool
from generator.outputs.downloads import build_downloads, write_download
from generator.outputs.hosting import write_hosting_files
from generator.outputs.opendata import open_data
from generator.outputs.search import DSyllables
from generator.problems import Problem
from generator.site.cascade import Cascade, build_cascade
from generator.site.files import FileIndex
from generator.site.guidance import Guidance, build_guidance
from generator.site.pages import NavEntry, Page, announcements, navigation, site_pages
from generator.site.registry import check_addresses
from generator.site.render import SiteData
from generator.stage_process import in_own_process

STAGING_PREFIX = ".ctxh-build-"
CACHE_DIR = ".cache/ctxh"  # generated downloads, by a hash of their inputs

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    campaigns: int
    documents: int
    pages: int
    site_dir: Path
    warnings: list[Problem]


@dataclass(frozen=True)
class _Prepared:
    """What the last stages need once the content itself is let go: the pages without their
    bodies (written for the engine already), the navigation and the theme's data."""

    pages: list[Page]
    nav: list[NavEntry]
    theme_data: dict[str, Any]
    campaigns: int
    documents: int
    warnings: list[Problem]


def build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set (reproducible builds: the home page shows
    the Day that follows this date)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


PARALLEL_READING_FROM = 200  # dispatches: below, starting the worker processes costs more than it saves


def check(root: Path, workers: int = 1) -> Corpus:
    """Load and validate all content; raises ``ContentError`` with every problem. With ``workers``
    > 1 and many dispatches, they are read and checked in parallel."""
    raw = load_content(root)
    if workers > 1 and len(raw.document_files) >= PARALLEL_READING_FROM:
        with worker_pool(workers) as pool:
            return validate(raw, functools.partial(pool.map, chunksize=128))
    return validate(raw)


def warnings(corpus: Corpus, guidance: Guidance | None = None, cascade: Cascade | None = None) -> list[Problem]:
    """Reader warnings of every document, names that match no unit of the catalog,
    citations whose date disagrees with the cited document, and citation cycles
    (``guidance`` and ``cascade`` are computed when the caller has not already)."""
    guidance = guidance or build_guidance(corpus)
    cascade = cascade or build_cascade(corpus)
    return sorted(reader_warnings(corpus) + guidance.unresolved + cascade.problems)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two directories in one step (Linux renameat2 with RENAME_EXCHANGE); False where unsupported."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_current_dir, rename_exchange = -100, 2
    return renameat2(at_current_dir, os.fsencode(first), at_current_dir, os.fsencode(second), rename_exchange) == 0


def _swap_into_place(built: Path, site_dir: Path, staging: Path) -> None:
    """Replace ``site_dir`` by ``built`` (same file system, no copy). At no moment is there no
    ``site_dir``: the two folders are exchanged in one step, or, where the system cannot, the
    old site is renamed aside and put back if anything interrupts the second rename."""
    if not site_dir.exists():
        os.replace(built, site_dir)
        return
    if _exchange(built, site_dir):
        return  # the previous site is now at ``built``, removed with the staging folder
    previous = staging / "previous-site"
    os.replace(site_dir, previous)
    try:
        os.replace(built, site_dir)
    except BaseException:
        os.replace(previous, site_dir)
        raise


class BuildInterrupted(BaseException):
    """The build was stopped (SIGTERM); the staging folder is removed and site/ is unchanged.

    A BaseException, like KeyboardInterrupt: the signal can arrive inside any library, and
    libraries catch Exception (fontTools wraps it in its own error, with a traceback)."""


@contextlib.contextmanager
def _terminate_as_exception() -> Iterator[None]:
    """Turn SIGTERM into an exception during a build, so that cleanup runs (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise BuildInterrupted("bị dừng (SIGTERM); thư mục site/ giữ nguyên")

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _remove_abandoned_staging(parent: Path) -> None:
    """Staging folders left by a build that was killed (SIGKILL, power loss)."""
    for folder in parent.glob(f"{STAGING_PREFIX}*"):
        pid = folder.name.removeprefix(STAGING_PREFIX).split("-", 1)[0]
        try:
            os.kill(int(pid), 0)
        except (ValueError, ProcessLookupError):
            shutil.rmtree(folder, ignore_errors=True)
        except PermissionError:
            pass  # another user's live build


def build_site(root: Path, site_dir: Path | None = None, progress: Progress = lambda stage: None,
               search_index: bool = True, workers: int = 2) -> BuildResult:
    """Build the site of the project at ``root`` into ``site_dir`` (default ``root/site``).

    ``search_index=False`` leaves the Pagefind index out (the live preview adds it
    after the page has reloaded). Downloads are cached in ``root/.cache``.
    """
    with _terminate_as_exception():
        return _build_site(root, (site_dir or root / "site").resolve(), progress, search_index, workers)


def _write_pages(pages: Iterable[Page], docs_dir: Path, files_dir: Path, files: FileIndex) -> list[Page]:
    """Write each page's source for the engine as it is made, and the d/đ syllables of the
    searchable ones; return the pages without their bodies (all the later stages need)."""
    syllables = DSyllables()
    written: list[Page] = []

    def noted() -> Iterator[Page]:
        for page in pages:
            syllables.add_page(page)
            written.append(replace(page, body=""))
            yield page

    mkdocs.write_sources(noted(), docs_dir)
    words = syllables.file()
    write_download(files_dir, words)
    files.add(words)
    return written


def _move_into(source: Path, target: Path) -> None:
    """Move every file under ``source`` to the same place under ``target`` (one file system: renames)."""
    for path in sorted(source.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)


def _prepare(root: Path, staging: Path, site_url: str | None, workers: int, progress: Progress) -> _Prepared:
    """Content → downloads and page sources, written into ``staging`` as they are made."""
    progress("Đọc và kiểm tra nội dung")
    corpus = check(root, workers)
    guidance = build_guidance(corpus)
    cascade = build_cascade(corpus)
    progress("Tạo tệp tải về (DOCX, PDF, băng rôn, lịch, dữ liệu mở)")
    files = FileIndex()
    for download in itertools.chain(build_downloads(corpus, root / CACHE_DIR, workers, site_url),
                                    calendar_files(corpus, guidance), open_data(corpus, guidance, site_url)):
        write_download(staging / "files", download)
        files.add(download)
    progress("Tạo các trang")
    data = SiteData(corpus, guidance, cascade, files, build_date())
    pages = _write_pages(site_pages(data), staging / "docs", staging / "files", files)
    check_addresses(pages, files.listed)
    return _Prepared(pages, navigation(data), {"ctxh_windows": announcements(data)}, len(corpus.campaigns),
                     len(corpus.documents), warnings(corpus, guidance, cascade))


def _build_site(root: Path, site_dir: Path, progress: Progress, search_index: bool, workers: int) -> BuildResult:
    config_file = root / "mkdocs.yml"
    site_url = mkdocs.configured_site_url(config_file)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_staging(site_dir.parent)
    staging = site_dir.parent / f"{STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
    built = staging / "site"
    try:
        staging.mkdir(mode=0o700)  # in the try: a SIGTERM just after it still removes the folder
        # The content, then mkdocs' pages, each in a process of its own: at national scale they
        # would not fit in memory together (see stage_process).
        prepared = in_own_process(_prepare, root, staging, site_url, workers, progress=progress)
        progress("Dựng HTML (mkdocs-material)")
        in_own_process(mkdocs.render, staging / "docs", prepared.nav, prepared.theme_data, built, config_file)
        _move_into(staging / "files", built)
        write_hosting_files(built, prepared.pages, site_url)
        progress("Lập chỉ mục tìm kiếm (Pagefind)")
        if search_index:
            pagefind.build_index(built, staging / "pagefind")
        progress("Thay thư mục site/")
        _swap_into_place(built, site_dir, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildResult(prepared.campaigns, prepared.documents, len(prepared.pages), site_dir, prepared.warnings)
