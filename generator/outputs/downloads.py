"""The downloads stage: every file that sits beside the pages.

Per document: .docx and .pdf (:mod:`generator.outputs.documents`), the .md
source and the .json structure. Per year: banners of each slogan, the share
card and a calendar; per unit: a calendar. Expensive files come from the cache.
"""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator.content.models import Campaign
from generator.content.validate import Corpus, DocumentEntry
from generator.outputs.banners import banner_pdf, banner_png, banner_svg
from generator.outputs.cache import cached
from generator.outputs.calendars import unit_calendar, year_calendar
from generator.outputs.documents import document_docx, document_pdf
from generator.outputs.fonts import SANS_BOLD, SERIF, font_path
from generator.outputs.share import share_image
from generator.site import urls
from generator.site.files import Download
from generator.site.guidance import Guidance


def _document_files(entry: DocumentEntry, cache_dir: Path | None) -> list[Download]:
    def path(extension: str) -> str:
        return urls.document_file(entry.doc.year, entry.doc.slug, extension)

    key = [entry.doc.model_dump(mode="json"), entry.body]
    structure = json.dumps(entry.doc.model_dump(mode="json"), ensure_ascii=False, indent=2).encode("utf-8")
    return [
        Download(path("docx"), "DOCX", cached(cache_dir, "docx", key, lambda: document_docx(entry))),
        Download(path("pdf"), "PDF", cached(cache_dir, "pdf", key, lambda: document_pdf(entry))),
        Download(path("md"), "Markdown", entry.source.text.encode("utf-8")),
        Download(path("json"), "JSON", structure + b"\n"),
    ]


def _banner_files(corpus: Corpus, campaign: Campaign, cache_dir: Path | None) -> list[Download]:
    """Each slogan's banners, named after the slogan: two slogans that fold to one name claim one
    address, and the registry names the slogan's line."""
    files = []
    for index, slogan in enumerate(campaign.slogans):
        origin = corpus.campaign_origin(campaign.year, ("slogans", index, "text"))
        for height_m, width_m in urls.BANNER_SIZES:
            key = [slogan.text, height_m, width_m]
            files.append(Download(urls.banner(campaign.year, slogan.text, (height_m, width_m), "svg"), "SVG",
                                  banner_svg(slogan.text, height_m, width_m), origin))
            files.append(Download(urls.banner(campaign.year, slogan.text, (height_m, width_m), "pdf"), "PDF", cached(
                cache_dir, "banner-pdf", key, lambda s=slogan.text, h=height_m, w=width_m: banner_pdf(s, h, w)),
                origin))
        small = urls.BANNER_SIZES[0]
        files.append(Download(urls.banner(campaign.year, slogan.text, small, "png"), "PNG",
                              cached(cache_dir, "banner-png", [slogan.text, small],
                                      lambda s=slogan.text: banner_png(s, *small)), origin))
    return files


def build_downloads(corpus: Corpus, guidance: Guidance, cache_dir: Path | None = None,
                    workers: int = 1) -> list[Download]:
    """Every download file. With ``workers`` > 1, documents are done in parallel."""
    font_path(SERIF[""]), font_path(SANS_BOLD)  # fail early, with the fix, when fonts are missing
    files: list[Download] = []
    if workers > 1 and len(corpus.documents) > 50:
        with ProcessPoolExecutor(workers) as pool:
            for batch in pool.map(_document_files, corpus.documents, [cache_dir] * len(corpus.documents),
                                  chunksize=32):
                files += batch
    else:
        for entry in corpus.documents:
            files += _document_files(entry, cache_dir)
    for campaign in corpus.campaigns:
        files += _banner_files(corpus, campaign, cache_dir)
        card = cached(cache_dir, "share", campaign.model_dump(mode="json"), lambda c=campaign: share_image(c))
        files.append(Download(urls.share_image(campaign.year), "PNG", card))
        if campaign is corpus.campaigns[-1]:
            files.append(Download(urls.SITE_SHARE_IMAGE, "PNG", card))
        files.append(Download(urls.year_calendar(campaign.year), "iCalendar",
                              year_calendar(campaign, corpus.documents_of(campaign.year))))
    files += [Download(urls.unit_calendar(uid), "iCalendar", unit_calendar(guide))
              for uid, guide in guidance.guides.items()]
    return files


def write_downloads(site_dir: Path, downloads: list[Download]) -> None:
    for download in sorted(downloads, key=lambda d: d.path):
        target = site_dir / download.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(download.data)
