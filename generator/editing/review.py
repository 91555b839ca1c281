"""The review table `ctxh import` prints: each field, what was found, what was not."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

NOT_FOUND = Text("— không tìm thấy", style="red")


def _shown_item(item: Any) -> str:
    if isinstance(item, dict):
        if "assignees" in item:
            return f"{item['label']}: {'; '.join(item['assignees'])}"
        return ", ".join(f"{k}={v}" for k, v in item.items() if v not in (None, []))
    return str(item)


def _shown(value: Any) -> Text:
    """A value as plain text: what a document says is never read as Rich markup ("[/]")."""
    if value in (None, [], {}, ""):
        return NOT_FOUND
    if isinstance(value, list):
        return Text("\n".join(_shown_item(item) for item in value))
    return Text(_shown_item(value))


def review_table(structure: dict[str, Any]) -> Table:
    """Each extracted field, what was found, and what was not, for the editor to review."""
    table = Table(title=Text(f"{structure['slug']}: kiểm tra lại trước khi xuất bản"), show_lines=True)
    table.add_column("trường", style="bold")
    table.add_column("đã đọc được")
    for key, value in structure.items():
        if key in ("slug", "source", "notes"):
            continue
        if isinstance(value, dict) and key in ("issuer", "campaign", "signer"):
            for sub, item in value.items():
                table.add_row(f"{key}.{sub}", _shown(item))
        else:
            table.add_row(key, _shown(value))
    return table
