"""Generated payloads for the hostile-input corpus: inputs too big, too repetitive or too
binary to write out in cases.yml (referenced there as ``generate: <name>``)."""

from __future__ import annotations

import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ROOT / "tests" / "fixtures" / "project"  # the test project (conftest.PROJECT)
FRONT = "---\nslug: {slug}\ntitle: Trang thử\n---\n"
SEED = ROOT / "tests" / "fixtures" / "seeds" / "002_b88f4200da120217.txt"


def _alias_bomb() -> str:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 12):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "year: 2030\n" + "\n".join(lines) + "\n"


def _front_matter_alias_bomb() -> str:
    """A dispatch whose front matter is an alias bomb (the body is never reached)."""
    return "---\n" + _alias_bomb().replace("year: 2030", "slug: bom") + "---\n\nKính gửi: Sở Y tế\n"


def _campaign(year: int) -> str:
    return (PROJECT / "campaigns" / f"{year}.yml").read_text(encoding="utf-8")


def _dispatch(name: str = "2024/son-tay-640-ubnd.md") -> str:
    return (PROJECT / "content" / "dispatches" / name).read_text(encoding="utf-8")


def _many_notes() -> str:
    """Just under the 2 MB content limit: 20,000 notes, then a wrong edition (so the case is rejected)."""
    notes = "".join(f'  - "Ghi chú số {n}: chưa tìm thấy nguồn cho mục này, cần kiểm tra lại sau."\n'
                    for n in range(20_000))
    return _campaign(2026).replace("edition: 10", "edition: 11").replace("notes:\n", "notes:\n" + notes, 1)


def _huge_body_bad_anchor() -> str:
    """A dispatch with 1.9 MB of numbered items, one task pointing at an item that does not exist."""
    items = "".join(f"{n}. Tổ chức tuyên truyền về Ngày Công tác xã hội Việt Nam tại đơn vị số {n}.\n\n"
                    for n in range(1, 17_000))
    return _dispatch().replace("anchor: muc-1\n", "anchor: muc-999999\n", 1) + "\n" + items


def _big_integer_year() -> str:
    return _campaign(2024).replace("year: 2024", "year: " + "9" * 5000, 1)


def _text_without_date(megabytes: int) -> str:
    line = "Đề nghị các cơ quan, đơn vị tổ chức tuyên truyền về Ngày Công tác xã hội Việt Nam.\n\n"
    return "Kính gửi: Sở Y tế\n\n" + line * (megabytes * 1024 * 1024 // len(line.encode("utf-8")))


def _pdf(text: str = "Cong van so 640/UBND", password: str | None = None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(text=text)
    if password:
        pdf.set_encryption(owner_password="chu-so-huu", user_password=password)
    return bytes(pdf.output())


def _docx() -> bytes:
    from docx import Document

    document = Document()
    for line in SEED.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _zip_bomb_docx() -> bytes:
    """A Word file of 100 KB whose document part unpacks to 70 MB."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx())) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * (70 * 1024 * 1024), 1)
            out.writestr(item, data)
    return buffer.getvalue()


def _entity_docx() -> bytes:
    """A Word file whose document part declares entities that expand a billion times."""
    import zipfile

    bomb = b'<?xml version="1.0"?>\n<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">'.encode() for n in range(8)) + b"]>\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx())) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = bomb + data.split(b"?>", 1)[1].replace(b"<w:t>", b"<w:t>&i;", 1)
            out.writestr(item, data)
    return buffer.getvalue()


def _long_pdf(pages: int = 400) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for number in range(pages):
        pdf.add_page()
        pdf.cell(text=f"Trang {number + 1}")
    return bytes(pdf.output())


def _units(count: int, successor: str | None = None) -> str:
    units = "".join(f"  - id: don-vi-{n}\n    name: Đơn vị {n}\n    aliases: [Đơn vị số {n}]\n    sector: chung\n"
                    + (f"    successors: [{successor}-{n}]\n" if successor else "") for n in range(count))
    return "units:\n" + units


def _body_with_line(line: str) -> str:
    return _dispatch() + "\n" + line + "\n"


def _terminal_text() -> str:
    """A dispatch as a careless export gives it: terminal escape sequences, a NUL, a bell."""
    text = SEED.read_text(encoding="utf-8")
    return text.replace("Kính gửi", "\x1b]0;bi-chiem-quyen\x07\x1b[2JKính gửi\x00", 1)


def _deadline_paragraph() -> str:
    """A dispatch with one 44 KB paragraph of requirements that never reach a date, then one that does."""
    text = SEED.read_text(encoding="utf-8")
    endless = "báo cáo kết quả thực hiện về Sở Y tế tổng hợp, " * 900 + "báo cáo về Sở trước ngày 15/4/2024."
    return text.replace("Thủ trưởng các cơ quan", endless + "\n\nThủ trưởng các cơ quan", 1)


def _adversarial_dispatch() -> str:
    """About 2 MB of document text made to slow down emphasis, deadline, window and list patterns."""
    lines = ["**a *b " * 300, "trước ngày " * 400, "từ ngày 20/3 đến " * 300, "- " * 1500 + "a",
             "[a](" * 1500, "  " * 3000 + "\u0301", "1. " * 2000, "(" * 5000, "“" * 4000]
    body = "\n\n".join(lines * 35)
    return _dispatch() + "\n" + body + "\n"


PAYLOADS = {
    # YAML: exponential expansion through aliases; a recursive alias; 10,000 levels of nesting
    "alias-bomb": _alias_bomb,
    "front-matter-alias-bomb": _front_matter_alias_bomb,
    "recursive-alias": lambda: "year: 2030\nnotes: &n\n  - *n\n",
    "deep-nesting": lambda: "year: 2030\nnotes: " + "[" * 10_000 + "]" * 10_000 + "\n",
    "deep-block-nesting": lambda: "year: 2030\nnotes:\n" + "".join("  " * n + "- \n" for n in range(1, 200)),
    "big-integer-year": _big_integer_year,
    "many-notes": _many_notes,
    # Markdown: nested brackets and links that make backtracking parsers quadratic or worse
    "nested-brackets-summary-2026": lambda: _campaign(2026) + "summary: \"" + "[" * 12_000 + "]" * 12_000 + "\"\n",
    "nested-brackets-page": lambda: FRONT.format(slug="ngoac") + "[" * 50_000 + "a" + "]" * 50_000 + "\n",
    "many-links-page": lambda: FRONT.format(slug="lien-ket") + "[a](" * 30_000 + "\n",
    "emphasis-page": lambda: FRONT.format(slug="nhan-manh") + "*a " * 60_000 + "\n",
    "nested-quotes-page": lambda: FRONT.format(slug="trich") + "> " * 20_000 + "a\n" + "- " * 20_000 + "b\n",
    "huge-body-bad-anchor": _huge_body_bad_anchor,
    # Raw text for import: 30 MB (over the import limit); 19 MB without a date line (just under it)
    "huge-text": lambda: ("Kính gửi: Sở Y tế\n" * 2_000_000),
    "text-19mb-without-date": lambda: _text_without_date(19),
    "utf16-without-date": lambda: "\ufeffKính gửi: Sở Y tế\n\nĐề nghị tổ chức kỷ niệm.\n",
    # Binary files for import
    "pdf": _pdf,
    "encrypted-pdf": lambda: _pdf(password="mat-khau"),
    "docx": _docx,
    "truncated-docx": lambda: _docx()[:3000],
    # Round 2: unpacking bombs, oversized catalogs, long lines, control characters, adversarial text
    "zip-bomb-docx": _zip_bomb_docx,
    "entity-docx": _entity_docx,
    "pdf-400-pages": _long_pdf,
    "units-600": lambda: _units(600),
    "units-unknown-successors": lambda: _units(450, successor="khong-co"),
    "body-120k-spaces": lambda: _body_with_line(" " * 120_000 + "a"),
    "body-19k-spaces-then-mark": lambda: _body_with_line("a" + " " * 19_000 + "\u0301b"),
    "body-19k-punctuation": lambda: _body_with_line("a" + ". " * 9_000 + "x"),
    "terminal-escapes-text": _terminal_text,
    "rich-markup-text": lambda: SEED.read_text(encoding="utf-8").replace("Kính gửi", "[/][bold red]Kính gửi[/]", 1),
    "deadline-paragraph-text": _deadline_paragraph,
    "adversarial-dispatch-2mb": _adversarial_dispatch,
}


def generate(kind: str) -> bytes:
    value = PAYLOADS[kind]()
    if kind.startswith("utf16"):
        return value.encode("utf-16-le")
    return value if isinstance(value, bytes) else value.encode("utf-8")
