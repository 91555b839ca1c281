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
}


def generate(kind: str) -> bytes:
    value = PAYLOADS[kind]()
    if kind.startswith("utf16"):
        return value.encode("utf-16-le")
    return value if isinstance(value, bytes) else value.encode("utf-8")
