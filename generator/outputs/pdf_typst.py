"""PDF backend: Typst templates (generator/templates/) fed with JSON, one compiler per process."""

from __future__ import annotations

import functools
from pathlib import Path

from generator.outputs.fonts import BANNER_FONT, FONT_DIR, SERIF, font_path
from generator.outputs.layout import Layout

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


@functools.cache
def compiler(template: str):
    """A compiler for one template, kept for the life of the process (fonts are read once)."""
    import typst

    font_path(SERIF[""]), font_path(BANNER_FONT)  # fail with the fix when the fonts are missing
    return typst.Compiler(str(TEMPLATES / template), font_paths=[str(FONT_DIR)],
                          ignore_system_fonts=True)


def typst_pdf(template: str, data: str) -> bytes:
    """Compile ``template`` with ``data`` (JSON) as sys.inputs.layout."""
    return compiler(template).compile(format="pdf", sys_inputs={"layout": data})


def document_pdf(layout: Layout) -> bytes:
    return typst_pdf("document.typ", layout.to_json())
