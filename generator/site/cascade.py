"""The cascade: which document implements which, from ministry to commune.

Each reference of a document ("Thực hiện Công văn số 593/BLĐTBXH-BTXH…") is
matched to a document of the corpus by number and symbol, tolerating spacing
and case ("640 /UBND" = "640/UBND"); a reference that matches none becomes a
*cited document* with a page of its own. The parent of a document is its
first reference to a document of the yearly cycle (công văn, kế hoạch…), not
its legal basis (Quyết định 1791/QĐ-TTg) nor a proposal (tờ trình).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from generator.content.checks import CAMPAIGN_CYCLE_KINDS
from generator.content.models import Reference
from generator.content.validate import Corpus, DocumentEntry
from generator.problems import Problem
from generator.vietnamese import issuer_level, slugify

PARENT_KINDS = {"Công văn", "Văn bản", "Kế hoạch", "Hướng dẫn", "Thông báo", "Chỉ thị"}
LEVEL_ORDER = ("national", "province", "district", "commune")


def reference_key(number: str | None) -> str | None:
    """'640 /UBND' → '640/UBND': the number and symbol, without spaces, upper case."""
    if not number or "/" not in number:
        return None
    return re.sub(r"\s+", "", number).upper()


def document_reference(entry: DocumentEntry) -> str | None:
    doc = entry.doc
    return reference_key(doc.number_symbol) if doc.number and doc.symbol else None


@dataclass
class CitedDocument:
    """A document known only from citations: as the citing documents give it."""

    reference: str  # number and symbol as compared (reference_key)
    number: str
    kind: str
    date: dt.date | None
    issuer: str | None
    year: int
    citations: list[tuple[DocumentEntry, Reference]] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return slugify(self.number)

    @property
    def key(self) -> str:
        """Identity beside the documents' keys ('trich-dan/978-bldtbxh-cbtxh')."""
        return f"trich-dan/{self.slug}"

    @property
    def level(self) -> str:
        return issuer_level(self.issuer)

    @property
    def year_in_doubt(self) -> bool:
        """Cited with a date in another year than the Day it serves (``ctxh check`` warns too)."""
        return self.date is not None and self.kind in CAMPAIGN_CYCLE_KINDS and self.date.year != self.year

    @property
    def title(self) -> str:
        issuer = f" của {self.issuer}" if self.issuer else ""
        return f"{self.kind} {self.number}{issuer}"


Node = DocumentEntry | CitedDocument


@dataclass(frozen=True)
class TreeNode:
    node: Node
    children: tuple[TreeNode, ...]


@dataclass
class Cascade:
    cited: dict[str, CitedDocument]  # by reference key
    parent: dict[str, Node]  # document key → the document it implements
    children: dict[str, list[DocumentEntry]]  # key of a document or cited document → its implementers
    targets: dict[tuple[str, int], Node]  # (document key, reference index) → what it points to
    problems: list[Problem]

    def roots(self, year: int, documents: list[DocumentEntry]) -> list[Node]:
        """Top of the year's tree: documents and cited documents without a known parent among
        ``documents``, national first, then by level."""
        keys = {e.key for e in documents}
        cited = [c for c in self.cited.values()
                 if c.year == year and any(k.key in keys for k in self.children.get(c.key, []))]
        shown = keys | {c.key for c in cited}
        nodes: list[Node] = [e for e in documents if e.key not in self.parent or self.parent[e.key].key not in shown]
        nodes += cited
        return sorted(nodes, key=lambda n: (LEVEL_ORDER.index(node_level(n)), node_title(n)))

    def tree(self, year: int, documents: list[DocumentEntry]) -> list[TreeNode]:
        """The year's cascade among ``documents`` as nested nodes (a cycle, if any, is cut where it
        closes); the year page passes only national and province documents, so the tree stays small."""
        keys = {e.key for e in documents}

        def grow(node: Node, seen: frozenset[str]) -> TreeNode:
            kids = [c for c in self.children.get(node.key, []) if c.key in keys and c.key not in seen]
            return TreeNode(node, tuple(grow(c, seen | {c.key}) for c in kids))
        return [grow(root, frozenset({root.key})) for root in self.roots(year, documents)]

    def cycle_free(self, key: str) -> bool:
        seen = set()
        while key in self.parent:
            if key in seen:
                return False
            seen.add(key)
            key = self.parent[key].key
        return True


def node_level(node: Node) -> str:
    return node.doc.issuer.level if isinstance(node, DocumentEntry) else node.level


def node_title(node: Node) -> str:
    if isinstance(node, CitedDocument):
        return node.title
    doc = node.doc
    return doc.number_symbol if doc.symbol else doc.issuer.name


def build_cascade(corpus: Corpus) -> Cascade:
    by_reference = {key: entry for entry in corpus.documents if (key := document_reference(entry))}
    cited: dict[str, CitedDocument] = {}
    parent: dict[str, Node] = {}
    children: dict[str, list[DocumentEntry]] = {}
    targets: dict[tuple[str, int], Node] = {}
    problems: list[Problem] = []
    for entry in corpus.documents:
        doc = entry.doc
        for index, reference in enumerate(doc.references):
            key = reference_key(reference.number)
            if key is None:
                continue
            target: Node | None = by_reference.get(key)
            if target is entry:
                continue
            if target is not None and reference.date and target.doc.date and reference.date != target.doc.date:
                problems.append(Problem(
                    entry.file, entry.source.line_of(("references", index, "date")), f"references[{index}].date",
                    f"trích dẫn {reference.number} ngày {reference.date:%d/%m/%Y}, nhưng văn bản đó "
                    f"({target.file}) ghi ngày {target.doc.date:%d/%m/%Y}", "warning"))
            if target is None:
                target = cited.get(key)
                if target is None:
                    target = cited[key] = CitedDocument(key, re.sub(r"\s+", "", reference.number), reference.kind,
                                                        reference.date, reference.issuer, doc.campaign.year)
                target.citations.append((entry, reference))
            targets[(entry.key, index)] = target
            if entry.key not in parent and reference.kind in PARENT_KINDS:
                parent[entry.key] = target
                children.setdefault(target.key, []).append(entry)
    cascade = Cascade(cited, parent, children, targets, problems)
    for entry in corpus.documents:
        if not cascade.cycle_free(entry.key):
            problems.append(Problem(entry.file, entry.source.line_of(("references",)), "references",
                                    "các văn bản trích dẫn lẫn nhau thành vòng", "warning"))
    return cascade
