"""Stage 7, build: run the pipeline and put the result in place atomically.

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

from generator.site.cascade import build_cascade
from generator.content.checks import warnings
from generator.outputs.downloads import build_downloads, write_downloads
from generator.engine.mkdocs import build_html, configured_site_url, repair_theme_markup
from generator.outputs.opendata import open_data
from generator.site.guidance import build_guidance
from generator.outputs.hosting import write_hosting_files
from generator.engine.pagefind import build_index, write_d_syllables
from generator.content.load import load_content
from generator.problems import Problem
from generator.site.render import render
from generator.content.validate import Corpus, validate

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


def write_pages(pages: dict[str, str], docs_dir: Path) -> None:
    for relative, text in sorted(pages.items()):
        target = docs_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


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
    progress("Đọc và kiểm tra nội dung")
    corpus = check(root)
    site_url = configured_site_url(root / "mkdocs.yml")
    guidance = build_guidance(corpus)
    progress("Tạo tệp tải về (DOCX, PDF, băng rôn, lịch, dữ liệu mở)")
    downloads = build_downloads(corpus, root / CACHE_DIR, workers) | open_data(corpus, guidance, site_url)
    progress("Tạo các trang")
    cascade = build_cascade(corpus)
    rendered = render(corpus, guidance, cascade, downloads)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=site_dir.parent))
    try:
        docs_dir = staging / "docs"
        write_pages(rendered.pages, docs_dir)
        progress("Dựng HTML (mkdocs-material)")
        built = staging / "site"
        build_html(root / "mkdocs.yml", docs_dir, built, rendered.nav, {"ctxh_windows": rendered.announcements})
        repair_theme_markup(built)
        write_downloads(built, downloads)
        progress("Lập chỉ mục tìm kiếm (Pagefind)")
        write_d_syllables(built, (rendered.pages[path] for path in rendered.searchable))
        if search_index:
            build_index(built)
        write_hosting_files(built, rendered.lastmod, site_url)
        progress("Thay thư mục site/")
        _swap_into_place(built, site_dir, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildResult(corpus=corpus, pages=sum(1 for path in rendered.pages if path.endswith(".md")),
                       site_dir=site_dir, warnings=warnings(corpus, guidance, cascade))
