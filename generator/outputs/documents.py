"""A document's copies to take away, .docx and .pdf, both drawn from one layout (layout.py)."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator.content.validate import DocumentEntry
from generator.outputs.cache import cached
from generator.outputs.docx_writer import document_docx
from generator.outputs.layout import document_layout
from generator.outputs.pdf_typst import document_pdf
from generator.site import urls


def document_copies(entry: DocumentEntry, cache_dir: Path | None, site_url: str | None = None) -> tuple[bytes, bytes]:
    """(DOCX, PDF) of ``entry``, cached by the layout they draw; with ``site_url``, the
    notice on each page gives the document's address."""
    page = site_url.rstrip("/") + "/" + urls.document(entry.doc.year, entry.doc.slug) if site_url else None
    layout = document_layout(entry, page)
    key = layout.to_json()
    return (cached(cache_dir, "docx", key, lambda: document_docx(layout)),
            cached(cache_dir, "pdf", key, lambda: document_pdf(layout)))


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """Processes for many documents, started afresh ("spawn", as on Windows and macOS): a forked
    process that has run Typst would wait forever on the compiler's threads."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
