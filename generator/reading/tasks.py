"""Tasks: one per numbered item that assigns work, with the units it is assigned to."""

from __future__ import annotations

import re
from typing import Any

from generator.reading.normalize import plain
from generator.reading.outline import Block, item_blocks
from generator.reading.tables import task_rows
from generator.reading.units import (
    VERB,
    actor_phrase,
    addressed_to_everybody,
    clause_subject,
    split_names,
)


def _lead_in_assignees(preamble: list[str]) -> list[str]:
    for paragraph in reversed(preamble):
        text = plain(paragraph)
        match = re.search(r"(?:kính đề nghị|đề nghị|yêu cầu)\s+(?!của\b)(.+)", text)
        if not match:
            continue
        subject = clause_subject(match.group(1))
        if subject:
            return subject
    return []


def _depth(label: str) -> int:
    return label.count(".")


# Items that assign nothing: a member of a committee ("1. Ông …, Trưởng phòng …") and the
# execution article of a quyết định ("… chịu trách nhiệm thi hành Quyết định này").
_NOT_ASSIGNED = re.compile(r"^\S+\s+(?:Ông|Bà|Đồng chí)\s|chịu trách nhiệm thi hành")


def _clause_assignees(blocks: list[Block]) -> list[str]:
    """All units that open a clause of the item's paragraphs ("X chủ trì …; Y bố trí …; Z …"),
    when there are at least two: one task with all of them."""
    names: list[str] = []
    for block in (b for b in blocks if b.kind == "paragraph"):
        for clause in re.split(r"[;:]\s+", plain(" ".join(block.lines))):
            names += [name for name in clause_subject(clause) if name not in names]
    return names if len(names) > 1 else []


def _own_assignees(blocks: list[Block], index: int, end: int) -> list[str]:
    """Units the item opening at ``blocks[index]`` names: in its opening, or, when the opening
    ends with ':', in the opening of each of its bullets; a short title line naming none ("3. Chế
    độ báo cáo") in the paragraph under it; else the units opening its clauses."""
    text = plain(" ".join(blocks[index].lines))
    if _NOT_ASSIGNED.search(text):
        return []
    assignees: list[str] = []
    if text.endswith(":"):
        for bullet in (b for b in blocks[index + 1:end] if b.kind == "list"):
            for line in bullet.lines:
                phrase = actor_phrase(line)
                assignees += split_names(phrase) if phrase else []
    if not assignees:  # the opening line: a title line may have its text on the next line
        phrase = actor_phrase(blocks[index].lines[0])
        under = blocks[index + 1].lines[0] if index + 1 < end and blocks[index + 1].kind == "paragraph" else ""
        if phrase is None and _is_title(text, True) and not text.endswith((".", ";")) and VERB.search(under):
            phrase = actor_phrase(under)
        assignees = split_names(phrase) if phrase else []
    return assignees or _clause_assignees(blocks[index:end])


def _is_title(text: str, has_children: bool) -> bool:
    """A short item opening with sub-items: a title line ("1. Sở Y tế", "2. Đối với …")."""
    return has_children and len(text) < 80


def table_tasks(blocks: list[Block]) -> list[tuple[int, dict[str, Any]]]:
    """(block index, task) for each row of a table of tasks: labelled with the item in force and
    the row's number ("II.3"), assigned to the row's lead units (never the supporting ones)."""
    found = []
    section = None
    for index, block in enumerate(blocks):
        section = block.label or section
        for row in task_rows(block.lines):
            units = split_names(row.lead)
            if units:
                label = f"{section}.{row.number}" if section else row.number
                found.append((index, {"label": label, "assignees": units, "summary": None, "anchor": None}))
    return found


def extract_tasks(blocks: list[Block], preamble: list[str]) -> tuple[list[dict[str, Any]], dict[int, list[str]]]:
    """Tasks, and for each block index inside a task the task's assignees (for windows and
    deadlines); an empty list where the task is addressed to everybody (the lead-in's)."""
    lead_in = _lead_in_assignees(preamble)
    labelled = [(i, b) for i, b in enumerate(blocks) if b.label]
    tasks = table_tasks(blocks)
    owner: dict[int, list[str]] = {}
    titles: dict[int, list[str]] = {}  # depth → units named by the title line in force
    open_tasks: list[int] = []  # depths of the tasks the current item sits in
    for position, (index, block) in enumerate(labelled):
        depth = _depth(block.label)
        titles = {d: names for d, names in titles.items() if d < depth}
        open_tasks = [d for d in open_tasks if d < depth]
        following = index + len(item_blocks(blocks, block.anchor))
        next_item = labelled[position + 1][0] if position + 1 < len(labelled) else following
        has_children = position + 1 < len(labelled) and _depth(labelled[position + 1][1].label) > depth
        assignees = _own_assignees(blocks, index, min(following, next_item))
        if _is_title(plain(" ".join(block.lines)), has_children):
            titles[depth] = assignees
            continue
        inherited = next((titles[d] for d in sorted(titles, reverse=True) if titles[d]), None)
        from_lead_in = not assignees and not inherited and bool(lead_in) and not open_tasks and not titles
        assignees = assignees or list(inherited or []) or (list(lead_in) if from_lead_in else [])
        if not assignees:
            continue
        open_tasks.append(depth)
        tasks.append((index, {"label": block.label, "assignees": assignees, "summary": None, "anchor": block.anchor}))
        everybody = from_lead_in or assignees == lead_in or addressed_to_everybody(assignees)
        for covered in range(index, following):
            owner[covered] = [] if everybody else assignees
    return [task for _, task in sorted(tasks, key=lambda found: found[0])], owner
