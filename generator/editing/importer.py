"""``ctxh import``: raw dispatch → reviewed-to-be content file.

read (readers) → repair (normalize) → extract → write
``content/dispatches/<year>/<slug>.md``. A file that exists is only replaced
with ``force``, and then what a reviewer added by hand (task summaries, notes)
is carried over, so that re-importing after an extraction fix loses no review.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from generator.content.load import load_front_matter_file
from generator.content.models import EARLIEST_DATE, LATEST_DATE
from generator.content.text import MAX_LINE
from generator.problems import ContentError
from generator.reading.extract import ImpossibleDate, extract
from generator.reading.normalize import repair_text
from generator.reading.readers import read_source
from generator.safe_files import check_no_links, write_file
from generator.vietnamese import slugify, thousands

SCHEMA_LINE = "# yaml-language-server: $schema=../../../schemas/document.schema.json"


class ImportRefused(ContentError):
    """The import would overwrite a file or lacks what a file name needs."""


@dataclass(frozen=True)
class ImportResult:
    target: Path
    structure: dict[str, Any]
    replaced: bool


MAX_SLUG = 80  # characters: a slug names a folder and files, on file systems with short names


def slug_for(structure: dict[str, Any]) -> str:
    """'son-tay-640-ubnd': place, number and symbol; the document type when there is no symbol."""
    parts = [structure.get("place") or structure["issuer"].get("name") or "van-ban"]
    if structure.get("number"):
        parts.append(structure["number"])
    parts.append(structure.get("symbol") or structure["doc_type"].replace("_", "-"))
    return slugify(" ".join(parts))[:MAX_SLUG].strip("-") or "van-ban"


def _carry_review(structure: dict[str, Any], previous: dict[str, Any]) -> None:
    summaries = {t.get("label"): t.get("summary") for t in previous.get("tasks", [])}
    for task in structure["tasks"]:
        task["summary"] = task.get("summary") or summaries.get(task["label"])
    structure["notes"] = previous.get("notes") or structure["notes"]


class _PlainDumper(yaml.SafeDumper):
    """Writes a repeated list out in full: editors should not meet YAML anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def document_text(structure: dict[str, Any], body: str) -> str:
    front = yaml.dump(structure, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{SCHEMA_LINE}\n{front}---\n{body}"


def _line_of(raw: str, wanted: str) -> int:
    """Line (1-based) of the source text on which ``wanted`` (a repaired line) is written; 1 if not found."""
    words = wanted.split()
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.split() == words:
            return number
    return 1


MAX_IMPORT_BYTES = 20 * 1024 * 1024  # a dispatch is a few pages; this is hundreds of documents' worth
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _extracted(path: Path, name: str) -> tuple[str, dict[str, Any]]:
    """The repaired text of the file at ``path`` and the structure read from it."""
    if path.is_file() and path.stat().st_size > MAX_IMPORT_BYTES:
        raise ImportRefused.about(name, f"tệp nặng {path.stat().st_size // (1024 * 1024)} MB; một văn bản "
                                  f"nhập vào tối đa {MAX_IMPORT_BYTES // (1024 * 1024)} MB")
    raw = read_source(path)
    body = repair_text(raw)
    longest = max(body.split("\n"), key=len)
    if len(longest) > MAX_LINE:
        start = longest[:60]
        line = next((number for number, text in enumerate(raw.splitlines(), start=1) if start[:30] in text), 1)
        raise ImportRefused.about(name, f"dòng dài {thousands(len(longest))} ký tự; một đoạn văn bản tối đa "
                                  f"{thousands(MAX_LINE)} ký tự — hãy tách đoạn rồi nhập lại", line=line, field="body")
    try:
        found = extract(body, source=name)
    except ImpossibleDate as error:
        raise ImportRefused.about(name, f"{error}; sửa dòng ngày tháng rồi nhập lại", line=_line_of(raw, error.line),
                                  field="date") from None
    if found["year"] is None:
        raise ImportRefused.about(name, "không tìm thấy năm (không có dòng 'ngày … tháng … năm …'); "
                                  "thêm dòng ngày tháng vào văn bản rồi nhập lại", field="date")
    if not EARLIEST_DATE.year <= found["year"] <= LATEST_DATE.year:
        line = next((n for n, text in enumerate(raw.splitlines(), start=1)
                     if re.search(rf"năm\s*0*{found['year']}\b", text)), 1)
        raise ImportRefused.about(name, f"năm {found['year']} nằm ngoài khoảng hợp lý ({EARLIEST_DATE.year} – "
                                  f"{LATEST_DATE.year}); sửa dòng ngày tháng rồi nhập lại", line=line, field="date")
    return body, found


REVIEWED = ("slug", "source", "notes")  # what a reviewer writes; a task's summary is a reviewer's too


def edited_fields(previous: dict[str, Any], structure: dict[str, Any], previous_body: str, body: str) -> list[str]:
    """The fields of the file as it stands that differ from a new import of the same document: an
    editor's corrections (or an extraction that changed), which a re-import must not silently undo."""
    def comparable(data: dict[str, Any]) -> dict[str, Any]:
        kept = {key: value for key, value in data.items() if key not in REVIEWED}
        kept["tasks"] = [{k: v for k, v in task.items() if k != "summary"} if isinstance(task, dict) else task
                         for task in kept.get("tasks") or []]
        return kept

    old, new = comparable(previous), comparable(structure)
    fields = sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))
    return fields + (["toàn văn"] if previous_body.strip() != body.strip() else [])


def import_file(path: Path, root: Path, force: bool = False, slug: str | None = None,
                taken: Mapping[Path, Path] = MappingProxyType({}), discard_edits: bool = False) -> ImportResult:
    """Import one file into ``root/content/dispatches``; raises ReadError or ImportRefused. ``taken``:
    the targets already written in this run, with their inputs. An existing file is replaced only
    with ``force``, and then only when it differs from the new import in no field but the reviewer's
    own (summaries, notes), unless ``discard_edits``."""
    name = unicodedata.normalize("NFC", path.name)  # macOS writes names decomposed
    if slug is not None and not SLUG.fullmatch(slug):
        raise ImportRefused.about(name, f"slug {slug!r} không hợp lệ: slug chỉ gồm chữ thường không dấu và "
                                  "chữ số nối bằng một dấu gạch (ví dụ son-tay-640-ubnd), không phải đường dẫn",
                                  field="--slug")
    body, found = _extracted(path, name)
    structure = {"slug": slug or slug_for(found), **found}
    target = root / "content" / "dispatches" / str(structure["year"]) / f"{structure['slug']}.md"
    shown = target.relative_to(root).as_posix()
    if target in taken:
        raise ImportRefused.about(name, f"cùng địa chỉ {shown} với tệp {taken[target].name} vừa nhập ở lệnh này; "
                                  "nhập riêng tệp này với --slug khác", field="--slug")
    check_no_links(target, root)
    replaced = target.exists()
    if replaced and not force:
        raise ImportRefused.about(shown, "tệp đã có; dùng --force để thay (giữ lại tóm tắt nhiệm vụ và ghi chú "
                                         "đã viết)")
    if replaced:
        try:
            previous = load_front_matter_file(target, root)
        except ContentError:
            previous = None  # an unreadable previous file has nothing to carry over
        edited = edited_fields(previous.data, structure, previous.body, body) if previous else ["(tệp không đọc được)"]
        if edited and not discard_edits:
            raise ImportRefused.about(shown, f"tệp đã có khác bản nhập mới ở: {', '.join(edited)} (có thể là phần "
                                             "đã sửa tay); không thay. Sửa tay các trường này, hoặc thêm "
                                             "--discard-edits để thay bằng bản nhập mới", field="--force")
        if previous:
            _carry_review(structure, previous.data)
    write_file(target, document_text(structure, body).encode("utf-8"), root)
    return ImportResult(target=target, structure=structure, replaced=replaced)
