"""Banner layout: one line or two balanced lines, whichever letters larger."""

from __future__ import annotations

import io

from PIL import Image

from generator.outputs.banners import _font, banner_layout, banner_png


def test_a_short_slogan_takes_one_line_and_a_long_one_two_balanced_lines():
    assert len(banner_layout("Vì cộng đồng", 5000, 800).lines) == 1
    long = banner_layout("Công tác xã hội Việt Nam - Tiên phong, chuyên nghiệp và kết nối", 6000, 1200)
    assert len(long.lines) == 2 and " ".join(long.lines) == "CÔNG TÁC XÃ HỘI VIỆT NAM - TIÊN PHONG, CHUYÊN NGHIỆP VÀ KẾT NỐI"
    first, second = (_font().getlength(line) for line in long.lines)
    assert min(first, second) / max(first, second) > 0.8


def test_png_preview_letters_at_least_half_the_height():
    image = Image.open(io.BytesIO(banner_png("Chào mừng Ngày Công tác xã hội Việt Nam, 25/3/2024", 0.8, 5.0)))
    pixels = image.convert("RGB").load()
    ys = [y for x in range(0, image.width, 2) for y in range(image.height) if pixels[x, y][1] > 120]  # yellow on red
    assert (max(ys) - min(ys)) / image.height >= 0.45
