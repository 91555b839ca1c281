"""Read a raw dispatch (plain text, Markdown, Word, text PDF) into a string.

This is the input edge of ``ctxh import``: only I/O and format decoding here;
the text is repaired by :mod:`generator.reading.normalize` afterwards.
"""

from __future__ import annotations

import stat
import unicodedata
import zipfile
from pathlib import Path

from generator.problems import ContentError

SUPPORTED = (".txt", ".md", ".docx", ".pdf")

# Characters that legacy 8-bit Vietnamese encodings produce when read as
# Windows-1252/Latin-1: TCVN3 (ABC) puts lower-case letters with marks in
# 0xA1–0xFF ("Vi\xd6t" = "Việt"); VNI writes a base letter followed by a mark
# character ("Vieät" = "Việt").
_TCVN3_MARKERS = set("¸µ¶·¹¨©ª«¬®§¡¢£¤¥¦ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßãåæçèéêëìíîïðñòóôõö÷øùúûüýþ")
_VNI_MARKS = set("øùúûõïñöòóôõ")


class ReadError(ContentError):
    """The file cannot be read as a dispatch; the message says why, in plain words."""


def detect_legacy_encoding(text: str) -> str | None:
    """Name of the legacy encoding ``text`` seems to be in, or None for Unicode text."""
    words = text.split()
    if not words:
        return None
    vni = sum(1 for w in words if any(a in "aeiouyAEIOUY" and b in _VNI_MARKS for a, b in zip(w, w[1:], strict=False)))
    tcvn = sum(1 for w in words if any(c in _TCVN3_MARKERS for c in w))
    has_unicode_vietnamese = any("\u1ea0" <= c <= "\u1ef9" or c in "đĐăĂơƠưƯ" for c in text)
    if has_unicode_vietnamese:
        return None
    if vni >= max(3, len(words) // 20):
        return "VNI"
    if tcvn >= max(3, len(words) // 20):
        return "TCVN3 (ABC)"
    return None


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark (Notepad's "Unicode")
        try:
            return raw.decode("utf-16").removeprefix("\ufeff")
        except UnicodeDecodeError:
            raise ReadError.about(name, "tệp ghi là UTF-16 nhưng bị hỏng; hãy lưu lại với bảng mã UTF-8") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        encoding = detect_legacy_encoding(text)
        if encoding:
            raise ReadError.about(name, f"văn bản dùng bảng mã cũ {encoding}; chuyển sang Unicode (ví dụ bằng "
                                        "công cụ chuyển mã của UniKey) rồi nhập lại") from None
        raise ReadError.about(name, "tệp không phải văn bản UTF-8") from None
    encoding = detect_legacy_encoding(text)
    if encoding:
        raise ReadError.about(name, f"văn bản có vẻ dùng bảng mã cũ {encoding}; chuyển sang Unicode (ví dụ bằng "
                                    "công cụ chuyển mã của UniKey) rồi nhập lại")
    return text.removeprefix("\ufeff")


MAX_DOCX_INFLATED = 60 * 1024 * 1024  # bytes of all the parts of a Word file once unpacked
MAX_DOCX_PARTS = 1000


def _check_docx_package(path: Path, name: str) -> None:
    """Refuse a Word file that would unpack to far more than any document (a "zip bomb") or whose
    XML declares entities (which expand, a few bytes into gigabytes): looked at before it is read."""
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
            inflated = sum(part.file_size for part in parts)
            if len(parts) > MAX_DOCX_PARTS or inflated > MAX_DOCX_INFLATED:
                raise ReadError.about(name, f"tệp Word giải nén ra {inflated // (1024 * 1024)} MB, {len(parts)} phần; "
                                            f"một văn bản tối đa {MAX_DOCX_INFLATED // (1024 * 1024)} MB")
            for part in parts:
                if part.filename.endswith((".xml", ".rels")):
                    with package.open(part) as stream:
                        head = stream.read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise ReadError.about(name, "tệp Word có khai báo DOCTYPE/ENTITY (không có trong tệp Word "
                                                    "thật; có thể là tệp độc hại); mở bằng Word và lưu lại")
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        raise ReadError.about(name, "không mở được tệp Word: tệp rỗng, bị cắt dở hoặc không phải .docx (ví dụ "
                                    "tệp PDF hay .doc đổi tên); mở bằng Word và lưu lại dạng .docx") from None


def _read_docx(path: Path, name: str) -> str:
    """Paragraphs and table cells of a Word file, in document order."""
    _check_docx_package(path, name)
    from docx import Document
    from docx.opc.exceptions import OpcError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(str(path))
    except (OpcError, zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError):
        raise ReadError.about(name, "không mở được tệp Word: tệp rỗng, bị cắt dở hoặc không phải .docx (ví dụ "
                                    "tệp PDF hay .doc đổi tên); mở bằng Word và lưu lại dạng .docx") from None
    parts: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            parts.append(item.text)
        elif isinstance(item, Table):
            parts += _table_text([[cell.text for cell in row.cells] for row in item.rows])
    return "\n\n".join(parts)


def _table_text(rows: list[list[str]]) -> list[str]:
    """A table of three or more columns as one line per row, cells between " | " (as Word's
    text export writes it); a layout table (letterhead | motto, Nơi nhận | signature) as its
    cells in order."""
    if max((len(row) for row in rows), default=0) >= 3:
        return ["\n".join(" | ".join(" ".join(cell.split()) for cell in row) for row in rows)]
    return [cell for row in rows for cell in row]


MAX_PDF_PAGES = 300


def _read_pdf(path: Path, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise ReadError.about(name, "tệp PDF có mật khẩu (mã hóa); hãy lưu một bản không đặt mật khẩu rồi nhập")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ReadError.about(name, f"tệp PDF có {len(reader.pages)} trang; một văn bản tối đa {MAX_PDF_PAGES} "
                                        "trang")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError):
        raise ReadError.about(name, "không đọc được tệp PDF: tệp hỏng, bị cắt dở hoặc không phải PDF (ví dụ tệp "
                                    "Word đổi tên); mở và in lại ra PDF rồi nhập") from None
    if not "".join(pages).strip():
        raise ReadError.about(name, "tệp PDF không có lớp chữ (bản quét?); nhận dạng chữ (OCR) trước, "
                                    "rồi nhập phần chữ")
    return "\n\n".join(pages)


def read_source(path: Path) -> str:
    """The text of a dispatch file, by its extension."""
    suffix = path.suffix.lower()
    name = unicodedata.normalize("NFC", path.name)  # macOS writes names decomposed
    if suffix not in SUPPORTED:
        raise ReadError.about(name, f"không nhập được tệp {suffix or 'không có phần mở rộng'}; "
                                    f"chỉ nhận {', '.join(SUPPORTED)}")
    try:
        mode = path.stat().st_mode
    except OSError:
        raise ReadError.about(name, f"không có tệp {path}") from None
    if not stat.S_ISREG(mode):
        raise ReadError.about(name, "không phải tệp thông thường (thư mục, FIFO hoặc thiết bị)")
    if suffix == ".docx":
        return _read_docx(path, name)
    if suffix == ".pdf":
        return _read_pdf(path, name)
    return _decode(path.read_bytes(), name)
