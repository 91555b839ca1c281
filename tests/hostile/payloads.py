"""Generated payloads for the hostile-input corpus: inputs too big or too repetitive to write out."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FRONT = "---\nslug: {slug}\ntitle: Trang thử\n---\n"


def _alias_bomb() -> str:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 12):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "year: 2030\n" + "\n".join(lines) + "\n"


PAYLOADS = {
    # YAML: exponential expansion through aliases; a recursive alias; 10,000 levels of nesting
    "alias-bomb": _alias_bomb,
    "recursive-alias": lambda: "year: 2030\nnotes: &n\n  - *n\n",
    "deep-nesting": lambda: "year: 2030\nnotes: " + "[" * 10_000 + "]" * 10_000 + "\n",
    # Markdown: nested brackets and links that make backtracking parsers quadratic or worse
    "nested-brackets-summary-2026": lambda: (ROOT / "campaigns" / "2026.yml").read_text(encoding="utf-8")
    + "summary: \"" + "[" * 12_000 + "]" * 12_000 + "\"\n",
    "nested-brackets-page": lambda: FRONT.format(slug="ngoac") + "[" * 50_000 + "a" + "]" * 50_000 + "\n",
    "many-links-page": lambda: FRONT.format(slug="lien-ket") + "[a](" * 30_000 + "\n",
    "emphasis-page": lambda: FRONT.format(slug="nhan-manh") + "*a " * 60_000 + "\n",
    # Raw text for import: 30 MB (over the import limit)
    "huge-text": lambda: ("Kính gửi: Sở Y tế\n" * 2_000_000),
}


def generate(kind: str) -> bytes:
    return PAYLOADS[kind]().encode("utf-8")
