"""What each kind of unit must do: tasks, deadlines, banner windows, by year.

Pure: from the validated corpus and the unit catalog (through
:mod:`generator.content.resolve`) to one :class:`UnitGuide` per unit, plus the names
that resolved to nothing (reported by ``ctxh check``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from generator.content.models import Campaign, Deadline, Task, Unit
from generator.content.resolve import Resolver
from generator.content.validate import Corpus, DocumentEntry, field_name
from generator.problems import Problem
from generator.reading.normalize import plain
from generator.reading.outline import item_blocks

GENERAL_UNIT = "co-quan-don-vi"  # the catalog's entry for "các cơ quan, đơn vị" (assigned to all)


@dataclass(frozen=True, eq=False)  # compared by identity: the same task reaches many units
class Assignment:
    """A task as one unit sees it: where it comes from and its full text."""

    entry: DocumentEntry
    task: Task
    named_as: str
    text: str


@dataclass(frozen=True)
class UnitDeadline:
    entry: DocumentEntry
    deadline: Deadline


@dataclass(frozen=True)
class UnitWindow:
    """Banner display days for a unit; ``specific`` when named for it, not for all."""

    year: int
    start: dt.date
    end: dt.date
    specific: bool
    source: str  # title of the document or campaign that sets it
    entry: DocumentEntry | None


@dataclass
class UnitGuide:
    unit: Unit
    tasks: list[Assignment] = field(default_factory=list)
    general: list[Assignment] = field(default_factory=list)
    deadlines: list[UnitDeadline] = field(default_factory=list)
    windows: list[UnitWindow] = field(default_factory=list)
    slogans: dict[int, list[str]] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        years = {a.entry.doc.year for a in self.tasks + self.general} | {w.year for w in self.windows}
        return sorted(years, reverse=True)

    def tasks_of(self, year: int) -> list[Assignment]:
        return [a for a in self.tasks if a.entry.doc.year == year]

    def general_of(self, year: int) -> list[Assignment]:
        return [a for a in self.general if a.entry.doc.year == year]

    def deadlines_of(self, year: int) -> list[UnitDeadline]:
        return [d for d in self.deadlines if d.entry.doc.year == year]

    def windows_of(self, year: int) -> list[UnitWindow]:
        return [w for w in self.windows if w.year == year]


@dataclass(frozen=True)
class DocumentUnits:
    """Resolved names of one document: recipients, assignees by task, window targets."""

    recipients: dict[str, list[str]]
    assignees: dict[str, list[str]]
    addressed: frozenset[str]


@dataclass
class Guidance:
    guides: dict[str, UnitGuide]
    documents: dict[str, DocumentUnits]  # by document key
    unresolved: list[Problem]

    def with_tasks_in(self, year: int) -> list[UnitGuide]:
        return [g for g in self.guides.values() if g.tasks_of(year)]


def item_text(entry: DocumentEntry, task: Task) -> str:
    """The full text of a task's item, as plain text."""
    blocks = item_blocks(list(entry.blocks), task.anchor) if task.anchor else []
    return plain(" ".join(" ".join(block.lines) for block in blocks))


def _resolve_document(entry: DocumentEntry, resolver: Resolver, unresolved: list[Problem]) -> DocumentUnits:
    doc, source = entry.doc, entry.source
    names: dict[str, list[str]] = {}

    def resolve(name: str, path: tuple) -> list[str]:
        if name not in names:
            names[name] = resolver.resolve(name, doc.issuer.level)
            if not names[name]:
                unresolved.append(Problem(entry.file, source.line_of(path), field_name(path),
                                          f"'{name}' chưa khớp loại đơn vị nào trong content/units.yml; thêm tên "
                                          "này vào aliases của một đơn vị (hoặc thêm đơn vị mới)", "warning"))
        return names[name]

    recipients = {r: resolve(r, ("recipients", i)) for i, r in enumerate(doc.recipients)}
    assignees = {}
    for t_index, task in enumerate(doc.tasks):
        for a_index, name in enumerate(task.assignees):
            assignees[name] = resolve(name, ("tasks", t_index, "assignees", a_index))
    for w_index, window in enumerate(doc.display_windows):
        for a_index, name in enumerate(window.applies_to):
            resolve(name, ("display_windows", w_index, "applies_to", a_index))
    addressed = {uid for ids in list(recipients.values()) + list(assignees.values()) for uid in ids}
    return DocumentUnits(recipients, assignees, frozenset(addressed - {GENERAL_UNIT}))


def _windows_for(unit: Unit, entry: DocumentEntry, resolver: Resolver) -> list[UnitWindow]:
    doc = entry.doc
    specific, general = [], []
    for window in doc.display_windows:
        targets = {uid for name in window.applies_to for uid in resolver.resolve(name, doc.issuer.level)}
        if unit.id in targets:
            specific.append(window)
        elif not window.applies_to:
            general.append(window)
    chosen, is_specific = (specific, True) if specific else (general, False)
    return [UnitWindow(doc.year, w.start, w.end, is_specific, doc.subject or doc.issuer.name, entry) for w in chosen]


def _campaign_windows(unit: Unit, campaign: Campaign, resolver: Resolver) -> list[UnitWindow]:
    specific = [w for w in campaign.display
                if unit.id in {uid for name in w.applies_to for uid in resolver.resolve(name, "province")}]
    general = [w for w in campaign.display if not w.applies_to]
    chosen, is_specific = (specific, True) if specific else (general, False)
    title = f"Năm {campaign.year}"
    return [UnitWindow(campaign.year, w.start, w.end, is_specific, title, None) for w in chosen]


def build_guidance(corpus: Corpus) -> Guidance:
    resolver = Resolver(list(corpus.units))
    unresolved: list[Problem] = []
    guides = {unit.id: UnitGuide(unit) for unit in corpus.units}
    documents: dict[str, DocumentUnits] = {}
    for entry in corpus.documents:
        resolved = _resolve_document(entry, resolver, unresolved)
        documents[entry.key] = resolved
        general_tasks = []
        for task in entry.doc.tasks:
            for name in task.assignees:
                for uid in resolved.assignees.get(name, []):
                    if uid in guides:
                        assignment = Assignment(entry, task, name, item_text(entry, task))
                        guides[uid].tasks.append(assignment)
                        if uid == GENERAL_UNIT:
                            general_tasks.append(assignment)
        for uid in resolved.addressed:
            guide = guides[uid]
            guide.general += general_tasks  # a document's general tasks, once per document
            guide.deadlines += [UnitDeadline(entry, d) for d in entry.doc.deadlines]
            guide.windows += _windows_for(guide.unit, entry, resolver)
            if entry.doc.slogans:
                guide.slogans.setdefault(entry.doc.year, [])
                guide.slogans[entry.doc.year] += [s for s in entry.doc.slogans if s not in guide.slogans[entry.doc.year]]
    for guide in guides.values():
        for year in guide.years:
            campaign = corpus.campaign(year)
            if campaign is None:
                continue
            if not guide.windows_of(year):
                guide.windows += _campaign_windows(guide.unit, campaign, resolver)
            if year not in guide.slogans and campaign.slogans:
                guide.slogans[year] = [s.text for s in campaign.slogans]
        guide.tasks.sort(key=lambda a: (-a.entry.doc.year, a.entry.key, a.task.label))
    return Guidance(guides, documents, sorted(unresolved))


def units_by_level_and_sector(units: list[Unit]) -> list[tuple[str, list[tuple[str, list[Unit]]]]]:
    """Units grouped for the catalog page: by level (national first), then sector."""
    order = ("trung ương", "tỉnh", "huyện", "xã", "cơ sở", None)
    grouped: dict[str | None, dict[str, list[Unit]]] = defaultdict(lambda: defaultdict(list))
    for unit in units:
        grouped[unit.level][unit.sector].append(unit)
    return [(level or "giao chung", sorted(grouped[level].items())) for level in order if level in grouped]
