"""Stage 6, downloads: files to take away, next to the pages.

Per document: .docx laid out like a state document (Nghị định 30/2020/NĐ-CP:
A4, Times New Roman, header with the issuing body and the national motto,
number and symbol, place and date, subject, Kính gửi, body, signature block,
Nơi nhận), .pdf of the same, .md (the source) and .json (the structure).
Per year with slogans: banners (SVG, PDF, PNG preview) in two sizes; per year:
a calendar (.ics). Expensive files are cached by a hash of their inputs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator.content.models import Campaign
from generator.content.validate import Corpus, DocumentEntry
from generator.outputs.calendar import add_event, new_calendar, unit_calendar
from generator.reading.normalize import plain
from generator.reading.outline import Block
from generator.site import urls
from generator.site.files import Download
from generator.site.guidance import Guidance
from generator.vietnamese import DOC_TYPE_NAMES, date_words

FONT_DIRS = (Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/dejavu"))
SERIF = {"": "LiberationSerif-Regular.ttf", "B": "LiberationSerif-Bold.ttf", "I": "LiberationSerif-Italic.ttf",
         "BI": "LiberationSerif-BoldItalic.ttf"}
BANNER_FONT = "DejaVuSans-Bold.ttf"
CACHE_VERSION = "1"  # bump when a generator's output changes for the same input
NATIONAL_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
# Banners come in urls.BANNER_SIZES; PDFs are drawn at 1:10, SVGs at full size in mm.
BANNER_RED, BANNER_YELLOW = (200, 16, 46), (255, 209, 0)
BANNER_MARGIN = 0.08  # of the banner's height, above and below the text
BANNER_SIDE_MARGIN = 0.05  # of the banner's width, left and right


class FontMissing(Exception):
    pass


def font_path(name: str) -> Path:
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise FontMissing(f"font {name} not found in {', '.join(map(str, FONT_DIRS))}: run `make fonts` "
                      "(Debian packages fonts-liberation2 and fonts-dejavu-core)")


# --- the parts of a document, from its fields and text ---------------------------

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
    if doc.symbol:
        return f"Số: {doc.number or '     '}/{doc.symbol}"
    return f"Số: {doc.number or '…'}"


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

def _pdf(**kwargs):
    from fpdf import FPDF

    pdf = FPDF(**kwargs)
    pdf.set_creation_date(dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))  # reproducible bytes
    return pdf


def document_pdf(entry: DocumentEntry) -> bytes:
    doc = entry.doc
    pdf = _pdf(format="A4")
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


# --- banners ------------------------------------------------------------------------

def banner_text(slogan: str) -> str:
    return slogan.upper()


def banner_margins(width: float, height: float) -> tuple[float, float]:
    """(side, top) margins: the text never comes closer to an edge than this."""
    return max(BANNER_MARGIN * height, BANNER_SIDE_MARGIN * width), BANNER_MARGIN * height


def banner_font_size(text: str, width: float, height: float, measure: Callable[[str, float], float]) -> float:
    """The largest size at which ``text`` fits inside the margins on one line."""
    side, top = banner_margins(width, height)
    size = (height - 2 * top) * 0.62
    width_at_size = measure(text, size)
    if width_at_size > width - 2 * side:
        size *= (width - 2 * side) / width_at_size
    return size


def banner_pdf(slogan: str, height_m: float, width_m: float) -> bytes:
    """At 1:10 (the page is width × height in cm): print-shop proof, scale ×10 to print."""
    width, height = width_m * 100, height_m * 100  # mm at 1:10
    pdf = _pdf(orientation="L", unit="mm", format=(height, width))
    pdf.set_auto_page_break(False)
    pdf.add_font("Banner", style="", fname=str(font_path(BANNER_FONT)))
    pdf.add_page()
    pdf.set_fill_color(*BANNER_RED)
    pdf.rect(0, 0, width, height, style="F")
    text = banner_text(slogan)

    def measure(value: str, size_mm: float) -> float:
        pdf.set_font("Banner", size=size_mm / 0.3528)
        return pdf.get_string_width(value)

    size = banner_font_size(text, width, height, measure)
    pdf.set_font("Banner", size=size / 0.3528)
    pdf.set_text_color(*BANNER_YELLOW)
    text_width = pdf.get_string_width(text)
    pdf.text((width - text_width) / 2, height / 2 + size * 0.36, text)
    pdf.set_title(slogan)
    return bytes(pdf.output())


def banner_svg(slogan: str, height_m: float, width_m: float) -> bytes:
    from PIL import ImageFont

    width, height = width_m * 1000, height_m * 1000  # mm
    text = banner_text(slogan)
    font = ImageFont.truetype(str(font_path(BANNER_FONT)), 100)
    size = banner_font_size(text, width, height, lambda value, s: font.getlength(value) * s / 100)
    text_width = font.getlength(text) * size / 100
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
           f'width="{width_m * 100:g}cm" height="{height_m * 100:g}cm" role="img" aria-label="{escaped}">'
           f"<title>{escaped}</title>"
           f'<rect width="{width:g}" height="{height:g}" fill="rgb{BANNER_RED}"/>'
           f'<text x="{width / 2:g}" y="{height / 2 + size * 0.36:.1f}" text-anchor="middle" '
           f'font-family="DejaVu Sans, Noto Sans, Arial, sans-serif" font-weight="bold" font-size="{size:.1f}" '
           f'textLength="{text_width:.1f}" lengthAdjust="spacingAndGlyphs" fill="rgb{BANNER_YELLOW}">{escaped}</text>'
           "</svg>\n")
    return svg.encode("utf-8")


def banner_png(slogan: str, height_m: float, width_m: float, pixels_wide: int = 1000) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    width, height = pixels_wide, round(pixels_wide * height_m / width_m)
    text = banner_text(slogan)
    probe = ImageFont.truetype(str(font_path(BANNER_FONT)), 100)
    size = banner_font_size(text, width, height, lambda value, s: probe.getlength(value) * s / 100)
    font = ImageFont.truetype(str(font_path(BANNER_FONT)), max(1, int(size)))
    image = Image.new("RGB", (width, height), BANNER_RED)
    ImageDraw.Draw(image).text((width / 2, height / 2), text, font=font, fill=BANNER_YELLOW, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


# --- share image --------------------------------------------------------------------

SHARE_SIZE = (1200, 630)


def _wrap(text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def share_image(campaign: Campaign) -> bytes:
    """1200×630 card for links shared in Zalo or Facebook: edition, date, theme."""
    from PIL import Image, ImageDraw, ImageFont

    from generator.vietnamese import long_date

    image = Image.new("RGB", SHARE_SIZE, BANNER_RED)
    draw = ImageDraw.Draw(image)
    bold = str(font_path("DejaVuSans-Bold.ttf"))
    regular = str(font_path("DejaVuSans.ttf"))
    draw.rectangle((0, 0, 24, SHARE_SIZE[1]), fill=BANNER_YELLOW)
    draw.text((80, 70), "NGÀY CÔNG TÁC XÃ HỘI VIỆT NAM", font=ImageFont.truetype(bold, 46), fill=BANNER_YELLOW)
    draw.text((80, 140), f"Lần thứ {campaign.edition} · {long_date(campaign.date)}",
              font=ImageFont.truetype(regular, 34), fill=(255, 255, 255))
    if campaign.theme is None:
        theme, status = "Chủ đề: chưa có thông tin", ""
    else:
        theme = campaign.theme.claims[0].text
        status = " (chưa xác nhận)" if campaign.theme.status == "disputed" else ""
    font = ImageFont.truetype(bold, 52)
    y = 250
    for line in _wrap(f"“{theme}”{status}" if campaign.theme else theme, font, SHARE_SIZE[0] - 160)[:4]:
        draw.text((80, y), line, font=font, fill=(255, 255, 255))
        y += 68
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


# --- year calendar ------------------------------------------------------------------

def year_calendar(campaign: Campaign, documents: list[DocumentEntry]) -> bytes:
    calendar = new_calendar(f"Ngày Công tác xã hội Việt Nam {campaign.year}")
    add_event(calendar, f"day|{campaign.year}", f"Ngày Công tác xã hội Việt Nam lần thứ {campaign.edition}",
              campaign.date, campaign.date, "25 tháng 3 hằng năm (Quyết định 1791/QĐ-TTg).")
    if campaign.national_dispatch:
        nd = campaign.national_dispatch
        add_event(calendar, f"dispatch|{nd.number}", f"Công văn {nd.number} của {nd.issuer}", nd.date, nd.date,
                  "Công văn hướng dẫn của Bộ.")
    for window in campaign.display:
        who = ", ".join(window.applies_to) if window.applies_to else "các cơ quan, đơn vị"
        add_event(calendar, f"window|{window.start}|{window.end}|{who}", f"Treo băng rôn, khẩu hiệu: {who}",
                  window.start, window.end, "Thời gian treo băng rôn, khẩu hiệu.")
    for entry in documents:
        for deadline in entry.doc.deadlines:
            if deadline.due:
                add_event(calendar, f"deadline|{entry.key}|{deadline.what}|{deadline.due}",
                          f"Hạn {deadline.what}" + (f" về {deadline.to}" if deadline.to else ""),
                          deadline.due, deadline.due, f"Theo văn bản của {entry.doc.issuer.name}.")
    return calendar.to_ical()


# --- caching and the whole stage ------------------------------------------------------

def _cached(cache_dir: Path | None, kind: str, key_data: object, make: Callable[[], bytes]) -> bytes:
    if cache_dir is None:
        return make()
    digest = hashlib.sha256(json.dumps([CACHE_VERSION, kind, key_data], ensure_ascii=False, sort_keys=True,
                                       default=str).encode("utf-8")).hexdigest()
    path = cache_dir / kind / f"{digest}.bin"
    if path.is_file():
        return path.read_bytes()
    data = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def _document_files(entry: DocumentEntry, cache_dir: Path | None) -> list[Download]:
    def path(extension: str) -> str:
        return urls.document_file(entry.doc.year, entry.doc.slug, extension)

    key = [entry.doc.model_dump(mode="json"), entry.body]
    structure = json.dumps(entry.doc.model_dump(mode="json"), ensure_ascii=False, indent=2).encode("utf-8")
    return [
        Download(path("docx"), "DOCX", _cached(cache_dir, "docx", key, lambda: document_docx(entry))),
        Download(path("pdf"), "PDF", _cached(cache_dir, "pdf", key, lambda: document_pdf(entry))),
        Download(path("md"), "Markdown", entry.source.text.encode("utf-8")),
        Download(path("json"), "JSON", structure + b"\n"),
    ]


def _banner_files(campaign: Campaign, cache_dir: Path | None) -> list[Download]:
    files = []
    for slogan in campaign.slogans:
        for height_m, width_m in urls.BANNER_SIZES:
            key = [slogan.text, height_m, width_m]
            files.append(Download(urls.banner(campaign.year, slogan.text, (height_m, width_m), "svg"), "SVG",
                                  banner_svg(slogan.text, height_m, width_m)))
            files.append(Download(urls.banner(campaign.year, slogan.text, (height_m, width_m), "pdf"), "PDF", _cached(
                cache_dir, "banner-pdf", key, lambda s=slogan.text, h=height_m, w=width_m: banner_pdf(s, h, w))))
        small = urls.BANNER_SIZES[0]
        files.append(Download(urls.banner(campaign.year, slogan.text, small, "png"), "PNG",
                              _cached(cache_dir, "banner-png", [slogan.text, small],
                                      lambda s=slogan.text: banner_png(s, *small))))
    return files


def build_downloads(corpus: Corpus, guidance: Guidance, cache_dir: Path | None = None,
                    workers: int = 1) -> list[Download]:
    """Every download file. With ``workers`` > 1, documents are done in parallel."""
    font_path(SERIF[""]), font_path(BANNER_FONT)  # fail early, with the fix, when fonts are missing
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
        files += _banner_files(campaign, cache_dir)
        card = _cached(cache_dir, "share", campaign.model_dump(mode="json"), lambda c=campaign: share_image(c))
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
