"""The TrueType fonts embedded in PDFs and drawn on banners and share cards.

They ship with the package (``generator/fonts/``, licences beside them): Liberation
Serif, with the metrics of Times New Roman, for the copies of documents, and DejaVu
Sans for banners (its condensed bold capitals) and share cards; all with full
Vietnamese coverage. Nothing is read from the system, so a copy looks the same
whichever machine built it, on Linux, macOS or Windows.
"""

from __future__ import annotations

from pathlib import Path

from generator.problems import BuildError

FONT_DIR = Path(__file__).resolve().parents[1] / "fonts"
SERIF = {"": "LiberationSerif-Regular.ttf", "B": "LiberationSerif-Bold.ttf", "I": "LiberationSerif-Italic.ttf",
         "BI": "LiberationSerif-BoldItalic.ttf"}
SANS_BOLD = "DejaVuSans-Bold.ttf"
BANNER_FONT = "DejaVuSansCondensed-Bold.ttf"
SANS = "DejaVuSans.ttf"


class FontMissing(BuildError):
    """A font the downloads need is not in the package (a broken installation)."""


def font_path(name: str) -> Path:
    path = FONT_DIR / name
    if not path.is_file():
        raise FontMissing(f"thiếu phông chữ {name} trong {FONT_DIR}: bản cài đặt ctxh bị hỏng; cài lại (make install)")
    return path
