"""Score extraction against reviewed gold structures, field by field.

A field is one leaf of the gold file (``issuer.name``, ``date``…); a scalar is
right or wrong, a list field scores the F1 of its items (an item is right when it
equals a gold item), tasks by their label and assignees (``summary`` is a
reviewer's paraphrase), text after collapsing whitespace. ``source`` and
``notes`` are not extracted (notes are the reviewer's own remarks).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.reading.extract import extract
from generator.reading.normalize import repair_text
from generator.reading.readers import read_source

NOT_SCORED = {"source", "notes"}


@dataclass(frozen=True)
class FieldResult:
    field: str
    expected: Any
    found: Any

    @property
    def ok(self) -> bool:
        return _canonical(self.expected) == _canonical(self.found)

    @property
    def score(self) -> float:
        """1 or 0 for a scalar; for a list, the F1 of its items against the gold items."""
        if self.ok:
            return 1.0
        if not isinstance(self.expected, list) or not isinstance(self.found, list):
            return 0.0
        remaining = [repr(_canonical(item)) for item in self.expected]
        right = 0
        for item in (repr(_canonical(item)) for item in self.found):
            if item in remaining:
                remaining.remove(item)
                right += 1
        return 2 * right / (len(self.expected) + len(self.found))


def _canonical(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    return value


def _task_keys(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"label": t.get("label"), "assignees": t.get("assignees")} for t in tasks or []]


def compare(gold: dict[str, Any], found: dict[str, Any]) -> list[FieldResult]:
    results = []
    for key, expected in gold.items():
        if key in NOT_SCORED:
            continue
        value = found.get(key)
        if key == "tasks":
            results.append(FieldResult(key, _task_keys(expected), _task_keys(value)))
        elif isinstance(expected, dict):
            value = value or {}
            results += [FieldResult(f"{key}.{sub}", item, value.get(sub)) for sub, item in expected.items()]
        else:
            results.append(FieldResult(key, expected, value))
    return results


def accuracy(results: list[FieldResult]) -> float:
    """Share of fields right, a list field counting for the F1 of its items."""
    return sum(r.score for r in results) / len(results) if results else 1.0


@dataclass(frozen=True)
class DocumentScore:
    source: str
    results: list[FieldResult]


def evaluate_folder(gold_dir: Path, texts_dir: Path) -> list[DocumentScore]:
    """Extract every text that has a gold file in ``gold_dir`` and compare, field by field."""
    scores = []
    for path in sorted(gold_dir.glob("*.yml")):
        expected = yaml.safe_load(path.read_text(encoding="utf-8"))
        found = extract(repair_text(read_source(texts_dir / expected["source"])), expected["source"])
        scores.append(DocumentScore(expected["source"], compare(expected, found)))
    return scores
