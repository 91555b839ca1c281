"""The TrueType fonts embedded in PDFs and drawn on banners and share cards.

They come from Debian packages that the project's set-up installs
(``make fonts``: fonts-liberation2, whose Liberation Serif has the metrics of
Times New Roman, fonts-dejavu-core, and fonts-dejavu-extra for the banners'
condensed capitals), all with full Vietnamese coverage.
"""

from __future__ import annotations

from pathlib import Path

from generator.problems import BuildError

FONT_DIRS = (Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/dejavu"))
SERIF = {"": "LiberationSerif-Regular.ttf", "B": "LiberationSerif-Bold.ttf", "I": "LiberationSerif-Italic.ttf",
         "BI": "LiberationSerif-BoldItalic.ttf"}
SANS_BOLD = "DejaVuSans-Bold.ttf"
BANNER_FONT = "DejaVuSansCondensed-Bold.ttf"  # fonts-dejavu-extra
SANS = "DejaVuSans.ttf"


class FontMissing(BuildError):
    """A font the downloads need is not installed."""


def font_path(name: str) -> Path:
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise FontMissing(f"không tìm thấy phông chữ {name} trong {', '.join(map(str, FONT_DIRS))}: chạy `make fonts` "
                      "(cài gói Debian fonts-liberation2, fonts-dejavu-core và fonts-dejavu-extra)")
