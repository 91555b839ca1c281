"""Document copies: each bundled document's PDF read back by its characters' positions (pypdfium2)."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from docx import Document as WordDocument

from generator.outputs.documents import document_copies
from generator.outputs.layout import RECONSTRUCTED, runs
from generator.stages import check

from ..conftest import shared_project

CORPUS = check(shared_project())
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def found(pdf: pdfium.PdfDocument, text: str) -> list[tuple[int, float, float, float, float, float]]:
    """Every occurrence of ``text``: (page, left, bottom, right, top, page width), in reading order."""
    hits = []
    for number, page in enumerate(pdf):
        textpage = page.get_textpage()
        searcher = textpage.search(text, match_case=True)
        while hit := searcher.get_next():
            boxes = [textpage.get_charbox(index) for index in range(hit[0], hit[0] + hit[1])]
            hits.append((number, min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                         max(b[3] for b in boxes), page.get_width()))
    return hits


def all_text(pdf: pdfium.PdfDocument) -> str:
    return " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in pdf)


def docx_text(data: bytes) -> str:
    word = WordDocument(io.BytesIO(data))
    paragraphs = [p.text for p in word.paragraphs] + [p.text for p in word.sections[0].footer.paragraphs]
    for table in word.tables:
        paragraphs += [p.text for cell in table._cells for p in cell.paragraphs]
    return " ".join(" ".join(paragraphs).split())


@pytest.mark.parametrize("entry", CORPUS.documents, ids=[e.doc.slug for e in CORPUS.documents])
def test_pdf_puts_the_signer_right_under_its_titles_and_noi_nhan_left(entry):
    docx, data = document_copies(entry, None, "https://example.org/ctxh/")
    pdf = pdfium.PdfDocument(data)
    signer = entry.doc.signer
    page, left, bottom, _, _, width = found(pdf, signer.name)[-1]
    assert left >= width / 2, "the signer's name is in the right half"
    for title in signer.title_lines:
        title_page, title_left, title_bottom, *_ = found(pdf, title)[-1]
        assert title_page == page and title_left >= width / 2 and title_bottom > bottom, title
    receivers = found(pdf, "Nơi nhận")
    assert receivers and all(right <= hit_width / 2 for _, _, _, right, _, hit_width in receivers)
    assert len(found(pdf, "Bản chép lại")) == len(pdf), "the notice is on every page"
    assert "Bản chép lại" in docx_text(docx) and "https://example.org/ctxh/van-ban/" in docx_text(docx)


@pytest.mark.parametrize("entry", CORPUS.documents, ids=[e.doc.slug for e in CORPUS.documents])
def test_copies_show_what_the_source_shows_and_invent_nothing(entry):
    docx, data = document_copies(entry, None)
    texts = {"PDF": all_text(pdfium.PdfDocument(data)), "DOCX": docx_text(docx)}
    for kind, text in texts.items():
        if MOTTO not in entry.body:
            assert MOTTO not in text and RECONSTRUCTED in text, kind
        if "Số:" not in entry.body:
            assert "Số:" not in text, kind
        for line in entry.body.splitlines():  # list items keep their own punctuation
            if line.startswith("- "):
                plain = "".join(part for part, _ in runs(line))
                assert " ".join(plain.split()) in text, (kind, line)


def test_son_duong_keeps_the_month_of_its_date_line():
    entry = next(e for e in CORPUS.documents if e.doc.slug == "son-duong-cong-van")
    docx, data = document_copies(entry, None)
    for text in (all_text(pdfium.PdfDocument(data)), docx_text(docx)):
        assert "tháng 3 năm 2023" in text and "Sơn Dương, ngày" in text


def test_copies_are_reproducible():
    entry = CORPUS.documents[0]
    assert document_copies(entry, None) == document_copies(entry, None)
