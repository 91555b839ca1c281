"""The build's first stage, content → files for the engine, runnable and debuggable on its own.

``python -m generator.stages prepare STAGING`` reads the options the build
wrote in ``STAGING/build.json`` and writes, into ``STAGING``:

    files/        every download (DOCX, PDF, banners, calendars, open data), at its place in the site
    docs/         one source per page for the engine (front matter + finished HTML body)
    theme/        a checked copy of the project's theme/
    mkdocs.yml    the engine's configuration for this build
    pages.json    every page's address and date (for the sitemap), counts and warnings

On bad content it writes ``problems.json`` and exits with 1. Progress goes to
standard output, one line per step. The build (:mod:`generator.build`) runs it
in a process of its own, so that its memory is given back before the engine
runs; ``breakpoint()`` works when it is run by hand.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.content.checks import reader_warnings
from generator.content.files import theme_files
from generator.content.load import load_content
from generator.content.validate import Corpus, validate
from generator.engine import mkdocs
from generator.outputs.calendars import calendar_files
from generator.outputs.documents import worker_pool
from generator.outputs.downloads import build_downloads, download_paths, write_download
from generator.outputs.hosting import PAGE_SECURITY_POLICY, SEARCH_PAGE_POLICY
from generator.outputs.opendata import open_data
from generator.outputs.search import DSyllables
from generator.problems import BuildError, ContentError, Problem
from generator.safe_files import write_reason
from generator.site.cascade import Cascade, build_cascade
from generator.site.files import FileIndex
from generator.site.guidance import Guidance, build_guidance
from generator.site.pages import Page, announcements, navigation, site_pages
from generator.site.registry import check_addresses
from generator.site.render import SiteData

OPTIONS, RESULT, PROBLEMS = "build.json", "pages.json", "problems.json"
PROGRESS = "ctxh-stage:"  # the prefix of a progress line on standard output
PARALLEL_READING_FROM = 200  # dispatches: below, starting the worker processes costs more than it saves


def check(root: Path, workers: int = 1) -> Corpus:
    """Load and validate all content; raises ``ContentError`` with every problem. With ``workers``
    > 1 and many dispatches, they are read and checked in parallel."""
    raw = load_content(root)
    if workers > 1 and len(raw.document_files) >= PARALLEL_READING_FROM:
        with worker_pool(workers) as pool:
            return validate(raw, functools.partial(pool.map, chunksize=128))
    return validate(raw)


def check_site(corpus: Corpus, today: dt.date) -> None:
    """Every check the build makes of the site as a whole, without making it: each address (page or
    file) claimed once, no editor's page in a folder of the site. Raises ContentError."""
    guidance, cascade = build_guidance(corpus), build_cascade(corpus)
    files = FileIndex()
    for listed in download_paths(corpus):
        files.add_listed(listed)
    for download in itertools.chain(calendar_files(corpus, guidance), open_data(corpus, guidance, None)):
        files.add(download)
    data = SiteData(corpus, guidance, cascade, files, today, bodies=False)
    check_addresses(list(site_pages(data)), files.listed)


def warnings(corpus: Corpus, guidance: Guidance | None = None, cascade: Cascade | None = None) -> list[Problem]:
    """Reader warnings of every document, names that match no unit of the catalog,
    citations whose date disagrees with the cited document, and citation cycles
    (``guidance`` and ``cascade`` are computed when the caller has not already)."""
    guidance = guidance or build_guidance(corpus)
    cascade = cascade or build_cascade(corpus)
    return sorted(reader_warnings(corpus) + guidance.unresolved + cascade.problems)


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


def prepare(staging: Path, print_progress=print) -> dict[str, Any]:
    """Content → downloads, page sources, the theme copy and the engine's configuration, into
    ``staging``; returns (and writes) what the later steps need."""
    options = json.loads((staging / OPTIONS).read_text(encoding="utf-8"))
    root, workers = Path(options["root"]), options["workers"]
    cache = Path(options["cache"]) if options["cache"] else None
    print_progress("Đọc và kiểm tra nội dung")
    corpus = check(root, workers)  # the theme's files checked too
    themed, _ = theme_files(root)
    guidance, cascade = build_guidance(corpus), build_cascade(corpus)
    print_progress("Tạo tệp tải về (DOCX, PDF, băng rôn, lịch, dữ liệu mở)")
    files = FileIndex()
    site_url = corpus.site.site_url
    for download in itertools.chain(build_downloads(corpus, cache, workers, site_url),
                                    calendar_files(corpus, guidance), open_data(corpus, guidance, site_url)):
        write_download(staging / "files", download)
        files.add(download)
    print_progress("Tạo các trang")
    data = SiteData(corpus, guidance, cascade, files, dt.date.fromisoformat(options["today"]))
    pages = _write_pages(site_pages(data), staging / "docs", staging / "files", files)
    check_addresses(pages, files.listed)
    mkdocs.copy_theme(themed, root / "theme", staging)
    mkdocs.write_config(staging, corpus.site, navigation(data),
                        {"ctxh_windows": announcements(data), "ctxh_policy": PAGE_SECURITY_POLICY,
                         "ctxh_search_policy": SEARCH_PAGE_POLICY})
    result = {
        "pages": [{"url": page.url, "lastmod": page.lastmod.isoformat() if page.lastmod else None} for page in pages],
        "site_url": site_url, "campaigns": len(corpus.campaigns), "documents": len(corpus.documents),
        "warnings": [dataclasses.asdict(problem) for problem in warnings(corpus, guidance, cascade)],
    }
    (staging / RESULT).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return result


def main(arguments: list[str]) -> int:
    """``prepare STAGING``: 0 when done, 1 on bad content (problems.json), 2 on a build error."""
    stage, staging = arguments[0], Path(arguments[1])
    if stage != "prepare":
        print(f"bước không có: {stage} (chỉ có prepare)", file=sys.stderr)
        return 2
    try:
        prepare(staging, lambda step: print(f"{PROGRESS} {step}", flush=True))
    except ContentError as error:
        (staging / PROBLEMS).write_text(json.dumps([dataclasses.asdict(p) for p in error.problems],
                                                   ensure_ascii=False), encoding="utf-8")
        return 1
    except BuildError as error:
        print(error, file=sys.stderr)
        return 2
    except OSError as error:  # the staging folder's disk is full, or its files unwritable
        print(f"không ghi được tệp: {write_reason(error)}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
