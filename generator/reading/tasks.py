"""Tasks: one per numbered item that assigns work, with the units it is assigned to."""

from __future__ import annotations

import re
from typing import Any

from generator.reading.normalize import plain
from generator.reading.outline import Block, item_blocks
from generator.reading.units import (
    UNIT_START,
    VERB,
    actor_phrase,
    addressed_to_everybody,
    split_names,
)


def _lead_in_assignees(preamble: list[str]) -> list[str]:
    for paragraph in reversed(preamble):
        text = plain(paragraph)
        match = re.search(r"(?:kính đề nghị|đề nghị|yêu cầu)\s+(?!của\b)(.+)", text)
        if not match:
            continue
        rest = match.group(1)
        verb = VERB.search(rest)
        if verb and UNIT_START.match(rest):
            return split_names(rest[: verb.start()])
    return []


def _depth(label: str) -> int:
    return label.count(".")


def extract_tasks(blocks: list[Block], preamble: list[str]) -> tuple[list[dict[str, Any]], dict[int, list[str]]]:
    """Tasks, and for each block index inside a task the task's assignees (for windows and
    deadlines); an empty list where the task is the lead-in's, addressed to everybody."""
    lead_in = _lead_in_assignees(preamble)
    labelled = [(i, b) for i, b in enumerate(blocks) if b.label]
    tasks: list[dict[str, Any]] = []
    owner: dict[int, list[str]] = {}
    task_depths: list[tuple[int, str]] = []  # (depth, label) of open tasks
    for position, (index, block) in enumerate(labelled):
        depth = _depth(block.label)
        task_depths = [(d, label) for d, label in task_depths if d < depth]
        following = index + len(item_blocks(blocks, block.anchor))
        has_children = position + 1 < len(labelled) and _depth(labelled[position + 1][1].label) > depth
        text = plain(" ".join(block.lines))
        assignees: list[str] = []
        next_item = labelled[position + 1][0] if position + 1 < len(labelled) else following
        bullets = [b for b in blocks[index + 1:min(following, next_item)] if b.kind == "list"]
        if text.endswith(":") and bullets:
            for bullet in bullets:
                for line in bullet.lines:
                    phrase = actor_phrase(line)
                    if phrase:
                        assignees += split_names(phrase)
        if not assignees:
            phrase = actor_phrase(text)
            assignees = split_names(phrase) if phrase else []
        is_heading = has_children and len(text) < 80
        from_lead_in = not assignees and bool(lead_in) and not task_depths and not is_heading
        if from_lead_in:
            assignees = list(lead_in)
        if not assignees:
            continue
        task_depths.append((depth, block.label))
        tasks.append({"label": block.label, "assignees": assignees, "summary": None, "anchor": block.anchor})
        for covered in range(index, following):
            owner[covered] = [] if from_lead_in or addressed_to_everybody(assignees) else assignees
    return tasks, owner
