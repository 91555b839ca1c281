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


def node_label(node: Node) -> str:
    """'Cấp tỉnh · Kế hoạch /KH-UBND · Ủy ban nhân dân tỉnh Bình Phước'."""
    if isinstance(node, CitedDocument):
        return f"{vi.LEVEL_NAMES[node.level]} · {node.kind} {node.number}" + (f" · {node.issuer}" if node.issuer else "")
    doc = node.doc
    kind = vi.DOC_TYPE_NAMES[doc.doc_type]
    numbered = f" {doc.number_symbol}" if doc.number_symbol else ""
    return f"{vi.LEVEL_NAMES[doc.issuer.level]} · {kind}{numbered} · {doc.issuer.name}"


def theme_text(campaign: Campaign | None) -> str:
    if campaign is None or campaign.theme is None:
        return vi.UNKNOWN
    return " / ".join(claim.text for claim in campaign.theme.claims)


def excerpt(text: str, limit: int = 220) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def file_size(size: int) -> str:
    """'18 KB', '1,2 MB' (Vietnamese decimal comma), as download lists show them."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
