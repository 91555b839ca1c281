"""How documents and other things are named on the site, in Vietnamese."""

from __future__ import annotations

import datetime as dt

from generator import vietnamese as vi
from generator.content.models import Campaign, Document
from generator.site.cascade import CitedDocument, Node


def document_date(doc: Document) -> dt.date | None:
    """The document's date; for a blank date, the newest date it cites (it is issued after)."""
    cited = [reference.date for reference in doc.references if reference.date]
    return doc.date or max(cited, default=None)


def document_title(doc: Document) -> str:
    kind = vi.DOC_TYPE_NAMES[doc.doc_type]
    if doc.number and doc.symbol:
        return f"{kind} {doc.number_symbol} của {doc.issuer.name}"
    return f"{kind} của {doc.issuer.name} năm {doc.year}"


def numbered(doc: Document) -> str:
    """The kind with the number as a reader says it: 'Kế hoạch số 12/KH-UBND'; a number left
    blank in the document is said so: 'Kế hoạch (để trống số), ký hiệu KH-UBND'."""
    kind = vi.DOC_TYPE_NAMES[doc.doc_type]
    if doc.number:
        return f"{kind} số {doc.number_symbol}"
    return f"{kind} (để trống số), ký hiệu {doc.symbol}" if doc.symbol else kind


def node_label(node: Node) -> str:
    """'Cấp tỉnh · Kế hoạch (để trống số), ký hiệu KH-UBND · Ủy ban nhân dân tỉnh Bình Phước'."""
    if isinstance(node, CitedDocument):
        issuer = f" · {node.issuer}" if node.issuer else ""
        return f"{vi.LEVEL_NAMES[node.level]} · {node.kind} {node.number}{issuer}"
    doc = node.doc
    return f"{vi.LEVEL_NAMES[doc.issuer.level]} · {numbered(doc)} · {doc.issuer.name}"


def theme_text(campaign: Campaign | None) -> str:
    if campaign is None or campaign.theme is None:
        return vi.UNKNOWN
    return " / ".join(claim.text for claim in campaign.theme.claims)


def excerpt(text: str, limit: int = 220) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


# What a download is, in the words of its list: "(tệp lịch, 1 KB)". The keys are Download.kind.
DOWNLOAD_KINDS = {
    "DOCX": "bản Word",
    "PDF": "bản PDF",
    "Markdown": "văn bản Markdown",
    "JSON": "dữ liệu JSON",
    "JSON Schema": "mô tả cấu trúc dữ liệu",
    "CSV": "bảng CSV",
    "iCalendar": "tệp lịch",
    "SVG": "bản vẽ SVG",
    "PNG": "ảnh PNG",
}


def file_size(size: int) -> str:
    """'18 KB', '1,2 MB' (Vietnamese decimal comma), as download lists show them."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
