"""One layout of a state document (Nghị định 30/2020/NĐ-CP), drawn by the DOCX and PDF backends.

Built from the document's own text: the header shows only the parts the source
has (an issuer taken from the data is marked as reconstructed), lines keep their
wording and punctuation, and blanks left in the number or date stay blank.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field

from generator.content.validate import DocumentEntry
from generator.reading.emphasis import spans
from generator.reading.normalize import plain
from generator.reading.outline import Block
from generator.vietnamese import DOC_TYPE_NAMES

NOTICE = ("Bản chép lại để tra cứu, không phải bản gốc có chữ ký và con dấu; "
          "khi có khác biệt, văn bản gốc của cơ quan ban hành có giá trị.")
RECONSTRUCTED = "phần đầu văn bản dựng lại từ dữ liệu"
BLANK = "\u00a0" * 6  # where the source leaves a day, month or number to be filled in by hand

_BODY_START = ("Căn cứ", "Thực hiện", "Theo đề nghị", "Xét đề nghị", "Triển khai")
_MOTTO = re.compile(r"^(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc)$", re.IGNORECASE)
_DATE_LINE = re.compile(r"^(?:[^,]{1,60},\s*)?ngày\b.{0,30}\bnăm\s+\d{4}\.?$")

Runs = tuple[tuple[str, str], ...]  # (text, style): style is "", "b", "i" or "bi"


@dataclass
class Layout:
    """What both backends draw, top to bottom. Lines are as the source writes them."""

    title: str
    author: str
    issuer: list[str] = field(default_factory=list)
    issuer_note: str | None = None  # set when the source has no header: the issuer comes from the data
    number: str | None = None
    subject_lines: list[str] = field(default_factory=list)  # "V/v …" under the number (công văn)
    motto: list[str] = field(default_factory=list)
    place_date: str | None = None
    heading: list[str] = field(default_factory=list)  # "KẾ HOẠCH" and its trích yếu (other types)
    recipients: list[str] = field(default_factory=list)  # "- …;" lines after "Kính gửi:"
    body: list[Runs] = field(default_factory=list)
    distribution: list[str] = field(default_factory=list)  # "- …;" lines after "Nơi nhận:"
    signer_titles: list[str] = field(default_factory=list)
    signer_name: str = ""
    notice: str = NOTICE
    address: str | None = None

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, separators=(",", ":"))


def runs(text: str, style: str = "") -> Runs:
    """A line of document text as runs of plain, bold and italic text (reading.emphasis)."""
    found = [(part, "".join(sorted(set(style + inner)))) for part, inner in spans(text)]
    cleaned = [(re.sub(r"\s+", " ", part), kind) for part, kind in found]
    if cleaned:
        cleaned[0] = (cleaned[0][0].lstrip(), cleaned[0][1])
        cleaned[-1] = (cleaned[-1][0].rstrip(), cleaned[-1][1])
    return tuple((part, kind) for part, kind in cleaned if part)


def with_blanks(line: str) -> str:
    """'ngày tháng năm 2023' → 'ngày      tháng      năm 2023'; 'Số: /UBND' likewise."""
    line = re.sub(r"\b(ngày|tháng)\s+(?=(tháng|năm)\b)", lambda m: m.group(1) + BLANK, line)
    return re.sub(r"^(Số:)\s*/", lambda m: m.group(1) + BLANK + "/", line)


def _texts(block: Block) -> list[str]:
    return [plain(line) for line in block.lines]


def _after_label(lines: list[str], label: str) -> list[str]:
    """The lines of a "Kính gửi:" or "Nơi nhận:" block after its label (names on the same lines)."""
    first = lines[0].removeprefix(label).lstrip(" :")
    return ([first] if first else []) + lines[1:]


def _header_part(layout: Layout, lines: list[str], title: str) -> str | None:
    """Put one header block where it belongs; what the next block may be, or None for the body."""
    text = " ".join(lines)
    if text.startswith(_BODY_START) or text.startswith("Nơi nhận"):
        return None
    if all(_MOTTO.match(line) for line in lines):
        layout.motto += lines
    elif text.startswith("Số:") and layout.number is None:
        layout.number = with_blanks(text)
    elif text.startswith("V/v") and not layout.subject_lines:
        layout.subject_lines = lines
    elif _DATE_LINE.match(text) and layout.place_date is None:
        layout.place_date = with_blanks(text)
    elif text.startswith("Kính gửi"):
        layout.recipients += _after_label(lines, "Kính gửi")
        return "recipients"
    elif text.upper() == title:
        layout.heading.append(text)
        return "heading"
    elif text == text.upper() and any(c.isalpha() for c in text) and not layout.issuer:
        layout.issuer = lines
    else:
        return None
    return ""


def _header(layout: Layout, blocks: tuple[Block, ...], doc_type: str) -> int:
    """Fill the header parts the source has; the index of the first body block."""
    title = DOC_TYPE_NAMES[doc_type].upper()
    expecting: str | None = ""
    for index, block in enumerate(blocks):
        lines = _texts(block)
        if expecting == "recipients" and block.kind == "list":
            layout.recipients += [f"- {line}" for line in lines]
            expecting = ""
        elif expecting == "heading" and not " ".join(lines).startswith(_BODY_START + ("Kính gửi",)):
            layout.heading.append(" ".join(lines))  # the trích yếu under "KẾ HOẠCH"
            expecting = ""
        elif (expecting := _header_part(layout, lines, title)) is None:
            return index
    return len(blocks)


def _closing(layout: Layout, blocks: list[Block], signer: tuple[str, ...]) -> list[Block]:
    """Take Nơi nhận off the end of ``blocks``; the body that remains, without signature lines."""
    start = next((i for i, b in enumerate(blocks) if " ".join(_texts(b)).startswith("Nơi nhận")), len(blocks))
    if start < len(blocks):
        layout.distribution = _after_label(_texts(blocks[start]), "Nơi nhận")
        if start + 1 < len(blocks) and blocks[start + 1].kind == "list":
            layout.distribution += [f"- {line}" for line in _texts(blocks[start + 1])]
    body = blocks[:start]
    while body and all(line in signer or (line.isupper() and len(line) < 60) for line in _texts(body[-1])):
        body.pop()  # signature lines above Nơi nhận, or at the end when there is no Nơi nhận
    return body


def _paragraphs(blocks: list[Block]) -> list[Runs]:
    paragraphs: list[Runs] = []
    for block in blocks:
        if block.kind == "list":
            paragraphs += [runs(f"- {line}") for line in block.lines]
        else:
            paragraphs.append(runs(" ".join(block.lines), "b" if block.kind == "heading" else ""))
    return [p for p in paragraphs if p]


def document_layout(entry: DocumentEntry, address: str | None = None) -> Layout:
    """The layout of ``entry``; ``address`` is its page on the site, printed with the notice."""
    doc = entry.doc
    layout = Layout(title=doc.subject or DOC_TYPE_NAMES[doc.doc_type], author=doc.issuer.name, address=address)
    start = _header(layout, entry.blocks, doc.doc_type)
    if not layout.issuer:
        layout.issuer, layout.issuer_note = [doc.issuer.name.upper()], RECONSTRUCTED
    signer = (*doc.signer.title_lines, doc.signer.name)
    layout.body = _paragraphs(_closing(layout, list(entry.blocks[start:]), signer))
    if not layout.distribution:
        layout.distribution = [f"- {item}" for item in doc.distribution]
    layout.signer_titles, layout.signer_name = list(doc.signer.title_lines), doc.signer.name or ""
    return layout
