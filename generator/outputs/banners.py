"""Printable banners of a slogan: yellow capitals on red filling the banner in one or two lines.

One layout (:func:`banner_layout`, measured on the font's real glyph outlines)
drawn three ways: SVG at full size, PDF at 1:10 (Typst) and a PNG preview.
"""

from __future__ import annotations

import functools
import io
import json
from dataclasses import dataclass

from generator.outputs.fonts import BANNER_FONT, font_path
from generator.outputs.pdf_typst import typst_pdf

BANNER_RED, BANNER_YELLOW = (200, 16, 46), (255, 209, 0)
BANNER_MARGIN = 0.08  # of the banner's height, above and below the lettering
BANNER_SIDE_MARGIN = 0.05  # of the banner's width, left and right
LINE_PITCH = 1.18  # baseline to baseline, in font sizes
_REFERENCE = 1000  # font size at which lines are measured
_SAFETY = 0.985  # renderers place by advance widths, the fit uses ink: a little room for side bearings


@dataclass(frozen=True)
class BannerLayout:
    """Lines of capitals, their font size and baselines, in the unit of ``width`` and ``height``."""

    width: float
    height: float
    lines: tuple[str, ...]
    size: float
    baselines: tuple[float, ...]


@functools.cache
def _font():
    from PIL import ImageFont

    return ImageFont.truetype(str(font_path(BANNER_FONT)), _REFERENCE)


def banner_margins(width: float, height: float) -> tuple[float, float]:
    """(side, top) margins: the lettering never comes closer to an edge than this."""
    return max(BANNER_MARGIN * height, BANNER_SIDE_MARGIN * width), BANNER_MARGIN * height


def _two_lines(text: str) -> tuple[str, str] | None:
    """``text`` cut at the space that makes its two lines most equal in width."""
    words = text.split()
    if len(words) < 2:
        return None
    cuts = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    return min(cuts, key=lambda pair: max(_font().getlength(pair[0]), _font().getlength(pair[1])))


def _fit(lines: tuple[str, ...], width: float, height: float) -> BannerLayout:
    boxes = [_font().getbbox(line, anchor="ls") for line in lines]
    pitch = LINE_PITCH * _REFERENCE
    top = min(i * pitch + box[1] for i, box in enumerate(boxes))
    bottom = max(i * pitch + box[3] for i, box in enumerate(boxes))
    ink_width = max(box[2] - box[0] for box in boxes)
    side, margin = banner_margins(width, height)
    scale = _SAFETY * min((width - 2 * side) / ink_width, (height - 2 * margin) / (bottom - top))
    first = height / 2 - (top + bottom) / 2 * scale
    return BannerLayout(width, height, lines, _REFERENCE * scale,
                        tuple(first + i * pitch * scale for i in range(len(lines))))


def banner_layout(slogan: str, width: float, height: float) -> BannerLayout:
    """The larger lettering of one line and of two balanced lines."""
    text = " ".join(slogan.upper().split())
    options = [(text,)] + ([pair] if (pair := _two_lines(text)) else [])
    return max((_fit(lines, width, height) for lines in options), key=lambda layout: layout.size)


def banner_pdf(slogan: str, height_m: float, width_m: float) -> bytes:
    """At 1:10 (the page is width × height in cm): print-shop proof, scale ×10 to print."""
    layout = banner_layout(slogan, width_m * 100, height_m * 100)  # mm at 1:10
    data = {"title": slogan, "width": layout.width, "height": layout.height, "lines": layout.lines,
            "size": layout.size, "baselines": layout.baselines, "ground": BANNER_RED, "ink": BANNER_YELLOW}
    return typst_pdf("banner.typ", json.dumps(data, ensure_ascii=False))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def banner_svg(slogan: str, height_m: float, width_m: float) -> bytes:
    layout = banner_layout(slogan, width_m * 1000, height_m * 1000)  # mm
    width, height, label = layout.width, layout.height, _escape(slogan.upper())
    texts = "".join(
        f'<text x="{width / 2:g}" y="{baseline:.1f}" '
        f'textLength="{_font().getlength(line) * layout.size / _REFERENCE:.1f}"'
        f' lengthAdjust="spacingAndGlyphs">{_escape(line)}</text>'
        for line, baseline in zip(layout.lines, layout.baselines, strict=True))
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
           f'width="{width_m * 100:g}cm" height="{height_m * 100:g}cm" role="img" aria-label="{label}">'
           f"<title>{label}</title>"
           f'<rect width="{width:g}" height="{height:g}" fill="rgb{BANNER_RED}"/>'
           '<g text-anchor="middle" font-family="DejaVu Sans Condensed, DejaVu Sans, Arial Narrow, sans-serif" '
           'font-weight="bold" font-stretch="condensed" '
           f'font-size="{layout.size:.1f}" fill="rgb{BANNER_YELLOW}">{texts}</g></svg>\n')
    return svg.encode("utf-8")


def banner_png(slogan: str, height_m: float, width_m: float, pixels_wide: int = 1000) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    layout = banner_layout(slogan, pixels_wide, round(pixels_wide * height_m / width_m))
    font = ImageFont.truetype(str(font_path(BANNER_FONT)), max(1, round(layout.size)))
    image = Image.new("RGB", (round(layout.width), round(layout.height)), BANNER_RED)
    draw = ImageDraw.Draw(image)
    for line, baseline in zip(layout.lines, layout.baselines, strict=True):
        draw.text((layout.width / 2, baseline), line, font=font, fill=BANNER_YELLOW, anchor="ms")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
