"""Printable banners of a slogan: SVG at full size, PDF at 1:10, a PNG preview."""

from __future__ import annotations

import io
from collections.abc import Callable

from generator.outputs.documents import pdf_document
from generator.outputs.fonts import SANS_BOLD, font_path

BANNER_RED, BANNER_YELLOW = (200, 16, 46), (255, 209, 0)
BANNER_MARGIN = 0.08  # of the banner's height, above and below the text
BANNER_SIDE_MARGIN = 0.05  # of the banner's width, left and right


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
    pdf = pdf_document(orientation="L", unit="mm", format=(height, width))
    pdf.set_auto_page_break(False)
    pdf.add_font("Banner", style="", fname=str(font_path(SANS_BOLD)))
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
    font = ImageFont.truetype(str(font_path(SANS_BOLD)), 100)
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
    probe = ImageFont.truetype(str(font_path(SANS_BOLD)), 100)
    size = banner_font_size(text, width, height, lambda value, s: probe.getlength(value) * s / 100)
    font = ImageFont.truetype(str(font_path(SANS_BOLD)), max(1, int(size)))
    image = Image.new("RGB", (width, height), BANNER_RED)
    ImageDraw.Draw(image).text((width / 2, height / 2), text, font=font, fill=BANNER_YELLOW, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
