"""DOCX backend: the layout as WordprocessingML in a package that python-docx sets up once.

python-docx makes the skeleton (A4 page and margins, Times New Roman 14 pt, a
footer) once per process; each document only fills in its body, footer and
title, which is what makes thousands of copies cheap.
"""

from __future__ import annotations

import functools
import io
import zipfile
from xml.sax.saxutils import escape

from generator.outputs.layout import Layout, Runs

_HOLE = "CTXH-{}-HOLE"  # placeholders in the skeleton, replaced per document
_TEXT_WIDTH = 9072  # twips: 21 cm less 3 + 2 cm of margins
_GREY = "6E6E6E"
_STYLES_USED = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Footer", "FooterChar"}


@functools.cache
def _skeleton() -> tuple[tuple[str, bytes], ...]:
    """The parts of an empty document with this project's page, styles, footer and holes."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = Cm(2), Cm(2), Cm(3), Cm(2)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    normal.paragraph_format.space_after = Pt(0)
    footer = section.footer.paragraphs[0]
    run = footer.add_run(_HOLE.format("FOOTER"))
    run.italic, run.font.size = True, Pt(9)
    core = document.core_properties
    core.title, core.author = _HOLE.format("TITLE"), _HOLE.format("AUTHOR")
    _trim(document)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        return tuple((name, package.read(name)) for name in package.namelist())


def _trim(document) -> None:
    """Drop what these documents never use (the template's 160 styles, Word 2010 effects,
    web settings, a thumbnail): a tenth of the bytes to compress for every copy."""
    from docx.oxml.ns import qn

    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in _STYLES_USED:
            styles.remove(style)
    styles.remove(styles.find(qn("w:latentStyles")))
    for rels, unused in ((document.part.rels, ("stylesWithEffects", "webSettings", "customXml")),
                         (document.part.package.rels, ("thumbnail",))):
        for rel_id in [key for key, rel in rels.items() if rel.reltype.rsplit("/", 1)[1] in unused]:
            rels.pop(rel_id)


def _run(text: str, style: str = "", size: float | None = None, grey: bool = False) -> str:
    props = ("<w:b/>" if "b" in style else "") + ("<w:i/>" if "i" in style else "")
    props += f'<w:color w:val="{_GREY}"/>' if grey else ""
    props += f'<w:sz w:val="{round(size * 2)}"/>' if size else ""
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _paragraph(content: str, align: str = "center", first_line: int = 0, after: int = 0) -> str:
    props = f'<w:spacing w:after="{after}"/>'
    props += f'<w:ind w:firstLine="{first_line}"/>' if first_line else ""
    props += f'<w:jc w:val="{align}"/>'
    return f"<w:p><w:pPr>{props}</w:pPr>{content}</w:p>"


def _rule(width: int, column: int) -> str:
    """A centred rule ``width`` twips long in a column ``column`` twips wide (under issuer and motto)."""
    margin = (column - width) // 2
    return (f'<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
            f'<w:spacing w:after="60"/><w:ind w:left="{margin}" w:right="{margin}"/></w:pPr>'
            f'<w:r><w:rPr><w:sz w:val="4"/></w:rPr></w:r></w:p>')


def _lines(lines: list[str], style: str = "", size: float | None = None, align: str = "center",
           grey: bool = False) -> str:
    return "".join(_paragraph(_run(line, style, size, grey), align) for line in lines)


def _table(columns: tuple[int, int], cells: tuple[str, str], keep: bool = False) -> str:
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in columns)
    row = "".join(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{cell or _paragraph("")}</w:tc>'
                  for width, cell in zip(columns, cells, strict=True))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(columns)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
            f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid><w:tr>{'<w:trPr><w:cantSplit/></w:trPr>' if keep else ''}"
            f"{row}</w:tr></w:tbl>")


def _header(layout: Layout) -> str:
    left_width, right_width = _TEXT_WIDTH * 45 // 100, _TEXT_WIDTH * 55 // 100
    if layout.issuer_note:
        left = _lines(layout.issuer, "bi", 12, grey=True) + _lines([f"({layout.issuer_note})"], "i", 9, grey=True)
    else:
        left = _lines(layout.issuer, "b", 12) + _rule(left_width * 35 // 100, left_width)
    left += _lines([layout.number] if layout.number else [], "", 13) + _lines(layout.subject_lines, "", 12)
    right = ""
    if layout.motto:
        right = _lines(layout.motto[:1], "b", 12) + _lines(layout.motto[1:], "b", 13)
        right += _rule(right_width * 62 // 100, right_width)
    right += _lines([layout.place_date] if layout.place_date else [], "i", 13)
    return _table((left_width, right_width), (left, right))


def _body(paragraphs: list[Runs]) -> str:
    return "".join(_paragraph("".join(_run(text, style) for text, style in runs), "both", 567, 120)
                   for runs in paragraphs)


def _closing(layout: Layout) -> str:
    half = _TEXT_WIDTH // 2
    left = _lines(["Nơi nhận:"], "bi", 12, "left") + _lines(layout.distribution, "", 11, "left")
    right = _lines(layout.signer_titles, "b") + "".join(_paragraph("") for _ in range(4))
    right += _lines([layout.signer_name], "b")
    return _paragraph("", after=120) + _table((half, half), (left, right), keep=True)


def body_xml(layout: Layout) -> str:
    """The document's w:body content, top to bottom as in :class:`Layout`."""
    parts = [_header(layout), _paragraph("", after=120)]
    if layout.heading:
        parts.append(_lines(layout.heading, "b") + _paragraph("", after=120))
    if layout.recipients:
        recipients = "".join(_paragraph(_run(line), "left") for line in layout.recipients)
        parts.append(_table((1600, _TEXT_WIDTH - 1600), (_paragraph(_run("Kính gửi:"), "right"), recipients)))
        parts.append(_paragraph("", after=120))
    parts += [_body(layout.body), _closing(layout)]
    return "".join(parts)


def document_docx(layout: Layout) -> bytes:
    footer = layout.notice + (f" Trang văn bản: {layout.address}" if layout.address else "")
    holes = {"TITLE": layout.title, "AUTHOR": layout.author, "FOOTER": footer}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in _skeleton():
            if name == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + body_xml(layout).encode("utf-8"), 1)
            elif name.startswith("word/footer") or name == "docProps/core.xml":
                for hole, value in holes.items():
                    data = data.replace(_HOLE.format(hole).encode(), escape(value).encode("utf-8"))
            package.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED, 1)
    return buffer.getvalue()
