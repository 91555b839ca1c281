"""The 1200×630 card a link shows when it is shared (Zalo, Facebook): edition, date, theme."""

from __future__ import annotations

import io

from generator.content.models import Campaign
from generator.outputs.banners import BANNER_RED, BANNER_YELLOW
from generator.outputs.fonts import SANS, SANS_BOLD, font_path
from generator.vietnamese import long_date

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


    image = Image.new("RGB", SHARE_SIZE, BANNER_RED)
    draw = ImageDraw.Draw(image)
    bold = str(font_path(SANS_BOLD))
    regular = str(font_path(SANS))
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
