"""A document's copies to take away: .docx and .pdf laid out like a state document.

Nghị định 30/2020/NĐ-CP: A4, Times New Roman, a header with the issuing body
and the national motto, number and symbol, place and date, subject, Kính
gửi, body, the signature block and Nơi nhận.
"""

from __future__ import annotations

import datetime as dt
import io

from generator.content.validate import DocumentEntry
from generator.outputs.fonts import SERIF, font_path
from generator.reading.normalize import plain
from generator.reading.outline import Block
from generator.vietnamese import DOC_TYPE_NAMES, date_words

NATIONAL_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


_BODY_START = ("Căn cứ", "Thực hiện", "Theo đề nghị", "Xét đề nghị", "Triển khai")


def body_blocks(blocks: tuple[Block, ...]) -> list[Block]:
    """The body between the header (date, subject, Kính gửi) and Nơi nhận."""
    texts = [plain(" ".join(b.lines)) for b in blocks]
    start = next((i for i, t in enumerate(texts) if t.startswith(_BODY_START)), 0)
    end = next((i for i, t in enumerate(texts) if i > start and t.startswith("Nơi nhận")), len(blocks))
    body = list(blocks[start:end])
    while body and body[-1].kind == "paragraph" and plain(" ".join(body[-1].lines)).upper() == \
            plain(" ".join(body[-1].lines)) and any(c.isalpha() for c in " ".join(body[-1].lines)):
        body.pop()  # a signature title line that stayed above Nơi nhận
    return body


def number_line(entry: DocumentEntry) -> str:
    doc = entry.doc
    if doc.symbol and not doc.number:
        return f"Số:      /{doc.symbol}"
    return f"Số: {doc.number_symbol or '…'}"


def place_date_line(entry: DocumentEntry) -> str:
    doc = entry.doc
    place = doc.place or ""
    when = date_words(doc.date) if doc.date else f"ngày …… tháng …… năm {doc.year}"
    return f"{place}, {when}" if place else when


# --- .docx --------------------------------------------------------------------------

def document_docx(entry: DocumentEntry) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = entry.doc
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    normal.paragraph_format.space_after = Pt(6)
    core = document.core_properties
    core.title = doc.subject or DOC_TYPE_NAMES[doc.doc_type]
    core.author = doc.issuer.name
    core.created = core.modified = dt.datetime(doc.year, 1, 1)

    def line(cell_or_doc, text: str, bold=False, italic=False, size=13, align=WD_ALIGN_PARAGRAPH.CENTER):
        paragraph = cell_or_doc.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)
        return paragraph

    header = document.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = header.rows[0].cells
    left.width, right.width = Cm(6.5), Cm(9.5)
    left.paragraphs[0].text = ""
    line(left, doc.issuer.name.upper(), bold=True, size=12)
    line(left, number_line(entry), size=13)
    if doc.subject and doc.doc_type == "cong_van":
        line(left, f"V/v {doc.subject}", size=12)
    right.paragraphs[0].text = ""
    line(right, NATIONAL_MOTTO[0], bold=True, size=12)
    line(right, NATIONAL_MOTTO[1], bold=True, size=13)
    line(right, place_date_line(entry), italic=True, size=13)

    if doc.doc_type != "cong_van":
        line(document, DOC_TYPE_NAMES[doc.doc_type].upper(), bold=True, size=14)
        if doc.subject:
            line(document, doc.subject, bold=True, size=14)
    if doc.recipients:
        line(document, "Kính gửi:", size=14, align=WD_ALIGN_PARAGRAPH.LEFT).paragraph_format.left_indent = Cm(3)
        for recipient in doc.recipients:
            line(document, f"- {recipient};", size=14, align=WD_ALIGN_PARAGRAPH.LEFT).paragraph_format.left_indent = Cm(4)

    for block in body_blocks(entry.blocks):
        texts = [f"- {plain(t)}" for t in block.lines] if block.kind == "list" else [plain(" ".join(block.lines))]
        for text in texts:
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Cm(1)
            run = paragraph.add_run(text)
            run.bold = block.kind == "heading"

    footer = document.add_table(rows=1, cols=2)
    left, right = footer.rows[0].cells
    left.paragraphs[0].text = right.paragraphs[0].text = ""
    line(left, "Nơi nhận:", bold=True, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
    for item in doc.distribution:
        line(left, f"- {item}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    for title in doc.signer.title_lines:
        line(right, title, bold=True, size=14)
    if doc.signer.name:
        line(right, "", size=14)
        line(right, doc.signer.name, bold=True, size=14)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- .pdf ---------------------------------------------------------------------------

def pdf_document(**kwargs):
    """An fpdf2 document with a fixed creation date (the same input gives the same bytes)."""
    from fpdf import FPDF

    pdf = FPDF(**kwargs)
    pdf.set_creation_date(dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))  # reproducible bytes
    return pdf


def document_pdf(entry: DocumentEntry) -> bytes:
    doc = entry.doc
    pdf = pdf_document(format="A4")
    pdf.set_margins(30, 20, 20)
    pdf.set_auto_page_break(True, 20)
    for style, name in SERIF.items():
        pdf.add_font("Serif", style=style, fname=str(font_path(name)))
    pdf.set_title(doc.subject or DOC_TYPE_NAMES[doc.doc_type])
    pdf.set_author(doc.issuer.name)
    pdf.add_page()
    width = pdf.epw

    def write(text: str, style="", size=13, align="J", height=6.5):
        pdf.set_font("Serif", style=style, size=size)
        pdf.multi_cell(width, height, text, align=align, new_x="LMARGIN", new_y="NEXT")

    top = pdf.get_y()
    pdf.set_font("Serif", "B", 11)
    pdf.multi_cell(width * 0.4, 5.5, doc.issuer.name.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Serif", "", 12)
    pdf.multi_cell(width * 0.4, 6, number_line(entry), align="C", new_x="LMARGIN", new_y="NEXT")
    left_bottom = pdf.get_y()
    pdf.set_xy(pdf.l_margin + width * 0.4, top)
    pdf.set_font("Serif", "B", 11)
    pdf.multi_cell(width * 0.6, 5.5, NATIONAL_MOTTO[0], align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_font("Serif", "B", 12)
    pdf.multi_cell(width * 0.6, 6, NATIONAL_MOTTO[1], align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_font("Serif", "I", 12)
    pdf.multi_cell(width * 0.6, 6, place_date_line(entry), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(left_bottom, pdf.get_y()) + 4)
    if doc.doc_type == "cong_van":
        if doc.subject:
            write(f"V/v {doc.subject}", size=12, align="L")
    else:
        write(DOC_TYPE_NAMES[doc.doc_type].upper(), style="B", size=14, align="C")
        if doc.subject:
            write(doc.subject, style="B", size=13, align="C")
    pdf.ln(3)
    if doc.recipients:
        write("Kính gửi:", align="L")
        for recipient in doc.recipients:
            write(f"- {recipient};", align="L")
        pdf.ln(2)
    for block in body_blocks(entry.blocks):
        if block.kind == "list":
            for item in block.lines:
                write(f"- {plain(item)}")
        else:
            write(plain(" ".join(block.lines)), style="B" if block.kind == "heading" else "")
    pdf.ln(6)
    top = pdf.get_y()
    pdf.set_font("Serif", "BI", 11)
    pdf.multi_cell(width * 0.5, 5.5, "Nơi nhận:", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Serif", "", 10)
    for item in doc.distribution:
        pdf.multi_cell(width * 0.5, 5, f"- {item}", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(pdf.l_margin + width * 0.5, top)
    pdf.set_font("Serif", "B", 12)
    for title in doc.signer.title_lines:
        pdf.multi_cell(width * 0.5, 6, title, align="C", new_x="LEFT", new_y="NEXT")
    if doc.signer.name:
        pdf.ln(14)
        pdf.multi_cell(width * 0.5, 6, doc.signer.name, align="C", new_x="LEFT", new_y="NEXT")
    return bytes(pdf.output())
