"""The pipeline, start to end, and the atomic swap into ``site/``.

    content.load → content.validate (repairs and outlines each text)
    → site.guidance + site.cascade (who must do what; which document implements which)
    → outputs (document copies, banners, calendars, open data)
    → site.pages (every page, from the templates)
    → engine.mkdocs (HTML) → outputs.hosting + search files → engine.pagefind (index)
    → swap into site/

Everything is produced in a temporary folder next to ``site/``; ``site/`` is
replaced only once the whole build has succeeded, so bad input or a crash
never leaves a half-written site.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.content.checks import reader_warnings
from generator.content.load import load_content
from generator.content.validate import Corpus, validate
from generator.engine import mkdocs, pagefind
from generator.outputs.downloads import build_downloads, write_downloads
from generator.outputs.hosting import write_hosting_files
from generator.outputs.opendata import open_data
from generator.outputs.search import d_syllables_file
from generator.problems import Problem
from generator.site.cascade import Cascade, build_cascade
from generator.site.files import FileIndex
from generator.site.guidance import Guidance, build_guidance
from generator.site.pages import announcements, navigation, site_pages
from generator.site.render import SiteData

STAGING_PREFIX = ".ctxh-build-"
CACHE_DIR = ".cache/ctxh"  # generated downloads, by a hash of their inputs

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    corpus: Corpus
    pages: int
    site_dir: Path
    warnings: list[Problem]


def check(root: Path) -> Corpus:
    """Load and validate all content; raises ``ContentError`` with every problem."""
    return validate(load_content(root))


def warnings(corpus: Corpus, guidance: Guidance | None = None, cascade: Cascade | None = None) -> list[Problem]:
    """Reader warnings of every document, names that match no unit of the catalog,
    citations whose date disagrees with the cited document, and citation cycles
    (``guidance`` and ``cascade`` are computed when the caller has not already)."""
    guidance = guidance or build_guidance(corpus)
    cascade = cascade or build_cascade(corpus)
    return sorted(reader_warnings(corpus) + guidance.unresolved + cascade.problems)


def _swap_into_place(built: Path, site_dir: Path, staging: Path) -> None:
    """Replace ``site_dir`` by ``built`` (same file system): two renames, no copy."""
    if site_dir.exists():
        os.replace(site_dir, staging / "previous-site")
    os.replace(built, site_dir)


def build_site(root: Path, site_dir: Path | None = None, progress: Progress = lambda stage: None,
               search_index: bool = True, workers: int = 2) -> BuildResult:
    """Build the site of the project at ``root`` into ``site_dir`` (default ``root/site``).

    ``search_index=False`` leaves the Pagefind index out (the live preview adds it
    after the page has reloaded). Downloads are cached in ``root/.cache``.
    """
    site_dir = (site_dir or root / "site").resolve()
    config_file = root / "mkdocs.yml"
    progress("Đọc và kiểm tra nội dung")
    corpus = check(root)
    site_url = mkdocs.configured_site_url(config_file)
    guidance = build_guidance(corpus)
    cascade = build_cascade(corpus)
    progress("Tạo tệp tải về (DOCX, PDF, băng rôn, lịch, dữ liệu mở)")
    files = build_downloads(corpus, guidance, root / CACHE_DIR, workers) + open_data(corpus, guidance, site_url)
    progress("Tạo các trang")
    data = SiteData(corpus, guidance, cascade, FileIndex(files))
    pages = list(site_pages(data))
    files.append(d_syllables_file(pages))
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=site_dir.parent))
    try:
        progress("Dựng HTML (mkdocs-material)")
        built = staging / "site"
        mkdocs.build(pages, navigation(data), {"ctxh_windows": announcements(data)}, built, config_file)
        write_downloads(built, files)
        write_hosting_files(built, pages, site_url)
        progress("Lập chỉ mục tìm kiếm (Pagefind)")
        if search_index:
            pagefind.build_index(built)
        progress("Thay thư mục site/")
        _swap_into_place(built, site_dir, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildResult(corpus=corpus, pages=len(pages), site_dir=site_dir,
                       warnings=warnings(corpus, guidance, cascade))
