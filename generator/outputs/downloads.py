"""The downloads stage: every file that sits beside the pages.

Per document: .docx and .pdf (:mod:`generator.outputs.documents`), the .md
source and the .json structure. Per slogan: its banners, beside the page that
gives it. Per year: the share card. Expensive files come from the cache.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from generator.content.validate import Corpus, DocumentEntry
from generator.outputs.banners import banner_pdf, banner_png, banner_svg
from generator.outputs.cache import cached
from generator.outputs.documents import document_copies, worker_pool
from generator.outputs.fonts import BANNER_FONT, SERIF, font_path
from generator.outputs.share import share_image
from generator.problems import Origin
from generator.site import urls
from generator.site.files import Download


def _document_files(entry: DocumentEntry, cache_dir: Path | None, site_url: str | None) -> list[Download]:
    def path(extension: str) -> str:
        return urls.document_file(entry.doc.year, entry.doc.slug, extension)

    docx, pdf = document_copies(entry, cache_dir, site_url)
    structure = json.dumps(entry.doc.model_dump(mode="json"), ensure_ascii=False, indent=2).encode("utf-8")
    return [
        Download(path("docx"), "DOCX", docx),
        Download(path("pdf"), "PDF", pdf),
        Download(path("md"), "Markdown", entry.source.text.encode("utf-8")),
        Download(path("json"), "JSON", structure + b"\n"),
    ]


def _banner_files(folder: str, slogan: str, origin: Origin, cache_dir: Path | None) -> list[Download]:
    """The banners of one slogan, in ``folder`` (the page that gives the slogan)."""
    files = []
    for height_m, width_m in urls.BANNER_SIZES:
        key = [slogan, height_m, width_m]
        files.append(Download(urls.banner(folder, slogan, (height_m, width_m), "svg"), "SVG",
                              banner_svg(slogan, height_m, width_m), origin))
        files.append(Download(urls.banner(folder, slogan, (height_m, width_m), "pdf"), "PDF", cached(
            cache_dir, "banner-pdf", key, lambda s=slogan, h=height_m, w=width_m: banner_pdf(s, h, w)), origin))
    small = urls.BANNER_SIZES[0]
    files.append(Download(urls.banner(folder, slogan, small, "png"), "PNG",
                          cached(cache_dir, "banner-png", [slogan, small], lambda s=slogan: banner_png(s, *small)),
                          origin))
    return files


def _all_banner_files(corpus: Corpus, cache_dir: Path | None) -> list[Download]:
    """National slogans' banners beside the year's page, each document's beside the document's page."""
    files = []
    for campaign in corpus.campaigns:
        for index, slogan in enumerate(campaign.slogans):
            origin = corpus.campaign_origin(campaign.year, ("slogans", index, "text"))
            files += _banner_files(urls.year(campaign.year), slogan.text, origin, cache_dir)
    for entry in corpus.documents:
        for index, slogan in enumerate(entry.doc.slogans):
            files += _banner_files(urls.document(entry.doc.year, entry.doc.slug), slogan,
                                   entry.origin(("slogans", index)), cache_dir)
    return files


def build_downloads(corpus: Corpus, cache_dir: Path | None = None, workers: int = 1,
                    site_url: str | None = None) -> Iterator[Download]:
    """Every download file, one at a time (the caller writes each and lets it go: at national
    scale they do not fit in memory). With ``workers`` > 1, documents are done in parallel."""
    font_path(SERIF[""]), font_path(BANNER_FONT)  # fail early, with the fix, when fonts are missing
    count = len(corpus.documents)
    if workers > 1 and count > 50:
        with worker_pool(workers) as pool:
            for batch in pool.map(_document_files, corpus.documents, [cache_dir] * count, [site_url] * count,
                                  chunksize=32):
                yield from batch
    else:
        for entry in corpus.documents:
            yield from _document_files(entry, cache_dir, site_url)
    yield from _all_banner_files(corpus, cache_dir)
    for campaign in corpus.campaigns:
        card = cached(cache_dir, "share", campaign.model_dump(mode="json"), lambda c=campaign: share_image(c))
        yield Download(urls.share_image(campaign.year), "PNG", card)
        if campaign is corpus.campaigns[-1]:
            yield Download(urls.SITE_SHARE_IMAGE, "PNG", card)


def write_download(folder: Path, download: Download) -> None:
    target = folder / download.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(download.data)
