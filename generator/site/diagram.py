"""The yearly cascade as an SVG diagram, built at build time (no JavaScript).

A plain indented tree: one row per document, indented by depth, joined to its
parent by an elbow line; every box is a link to the document's page. The
nested list next to it carries the same content for assistive technology, so
the drawing is hidden from it.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from generator.site.cascade import TreeNode

ROW = 40
BOX_HEIGHT = 30
INDENT = 28
WIDTH = 760
MAX_LABEL = 96


def _flatten(trees: list[TreeNode], depth: int = 0, parent: int | None = None,
             out: list[tuple[TreeNode, int, int | None]] | None = None) -> list[tuple[TreeNode, int, int | None]]:
    out = [] if out is None else out
    for tree in trees:
        out.append((tree, depth, parent))
        _flatten(list(tree.children), depth + 1, len(out) - 1, out)
    return out


def cascade_svg(trees: list[TreeNode], label: Callable[[TreeNode], str], link: Callable[[TreeNode], str],
                title: str) -> str:
    rows = _flatten(trees)
    height = max(ROW * len(rows), ROW)
    parts = [f'<svg class="ctxh-cascade-diagram" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
             f'width="{WIDTH}" height="{height}" aria-hidden="true" focusable="false">',
             f"<title>{escape(title)}</title>"]
    for index, (tree, depth, parent) in enumerate(rows):
        x, y = 4 + depth * INDENT, index * ROW + 4
        if parent is not None:
            px = 4 + (depth - 1) * INDENT + INDENT // 2
            py = parent * ROW + 4 + BOX_HEIGHT
            parts.append(f'<path class="ctxh-cascade-edge" d="M{px} {py} V{y + BOX_HEIGHT // 2} H{x}"/>')
        full = label(tree)
        text = full if len(full) <= MAX_LABEL else full[: MAX_LABEL - 1] + "…"
        parts.append(f'<a href={quoteattr(link(tree))} tabindex="-1"><title>{escape(full)}</title>'
                     f'<rect class="ctxh-cascade-node" x="{x}" y="{y}" width="{WIDTH - x - 4}" height="{BOX_HEIGHT}" rx="4"/>'
                     f'<text x="{x + 8}" y="{y + BOX_HEIGHT // 2 + 5}">{escape(text)}</text></a>')
    parts.append("</svg>")
    return "".join(parts)
