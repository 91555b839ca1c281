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
from generator.site.files import Download, SiteFile

DOCUMENT_FILES = (("docx", "DOCX"), ("pdf", "PDF"), ("md", "Markdown"), ("json", "JSON"))
BANNER_FILES = [(size, extension, kind) for extension, kind in (("svg", "SVG"), ("pdf", "PDF"))
                for size in urls.BANNER_SIZES]
BANNER_FILES.append((urls.BANNER_SIZES[0], "png", "PNG"))  # the preview shown on the page


def _document_files(entry: DocumentEntry, cache_dir: Path | None, site_url: str | None) -> list[Download]:
    docx, pdf = document_copies(entry, cache_dir, site_url)
    structure = json.dumps(entry.doc.model_dump(mode="json"), ensure_ascii=False, indent=2).encode("utf-8")
    data = {"docx": docx, "pdf": pdf, "md": entry.source.text.encode("utf-8"), "json": structure + b"\n"}
    return [Download(urls.document_file(entry.doc.year, entry.doc.slug, extension), kind, data[extension])
            for extension, kind in DOCUMENT_FILES]


def _banner(slogan: str, size: tuple[float, float], extension: str, cache_dir: Path | None) -> bytes:
    if extension == "svg":
        return banner_svg(slogan, *size)
    make = banner_pdf if extension == "pdf" else banner_png
    return cached(cache_dir, f"banner-{extension}", [slogan, *size], lambda: make(slogan, *size))


def _slogans(corpus: Corpus) -> Iterator[tuple[str, str, Origin]]:
    """Each slogan with the folder of the page that gives it (a national one: its year's; a document's
    own: the document's) and the field it comes from."""
    for campaign in corpus.campaigns:
        for index, slogan in enumerate(campaign.slogans):
            yield (urls.year(campaign.year), slogan.text,
                   corpus.campaign_origin(campaign.year, ("slogans", index, "text")))
    for entry in corpus.documents:
        for index, slogan in enumerate(entry.doc.slogans):
            yield urls.document(entry.doc.year, entry.doc.slug), slogan, entry.origin(("slogans", index))


def download_paths(corpus: Corpus) -> Iterator[SiteFile]:
    """Every download's path, kind and origin, without making it (``ctxh check`` looks for clashes)."""
    for entry in corpus.documents:
        for extension, kind in DOCUMENT_FILES:
            yield SiteFile(urls.document_file(entry.doc.year, entry.doc.slug, extension), kind, 0)
    for folder, slogan, origin in _slogans(corpus):
        for size, extension, kind in BANNER_FILES:
            yield SiteFile(urls.banner(folder, slogan, size, extension), kind, 0, origin)
    for campaign in corpus.campaigns:
        yield SiteFile(urls.share_image(campaign.year), "PNG", 0)
    if corpus.campaigns:
        yield SiteFile(urls.SITE_SHARE_IMAGE, "PNG", 0)


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
    for folder, slogan, origin in _slogans(corpus):
        for size, extension, kind in BANNER_FILES:
            data = _banner(slogan, size, extension, cache_dir)
            yield Download(urls.banner(folder, slogan, size, extension), kind, data, origin)
    for campaign in corpus.campaigns:
        card = cached(cache_dir, "share", campaign.model_dump(mode="json"), lambda c=campaign: share_image(c))
        yield Download(urls.share_image(campaign.year), "PNG", card)
        if campaign is corpus.campaigns[-1]:
            yield Download(urls.SITE_SHARE_IMAGE, "PNG", card)


def write_download(folder: Path, download: Download) -> None:
    target = folder / download.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(download.data)
