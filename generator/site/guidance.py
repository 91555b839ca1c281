"""What each kind of unit must do, where: tasks, deadlines, banner windows and slogans.

A document reaches the units it addresses: those in its "Kính gửi", those it
gives tasks to, those its banner windows name. A task given in general terms
("các cơ quan, đơn vị", "các phòng ban liên quan": a catalog unit marked
``general``) reaches every unit the document addresses (of that unit's level,
when it has one), marked as a general assignment. Every addressed unit sees
the document's deadlines for everyone.

A unit is a unit *in its place*: a document's scope is its province, or the
whole country for a national document (:func:`scope_of`). What Sở Y tế of
Bình Phước must do is what national documents and Bình Phước's documents ask
of Sở Y tế — never Kon Tum's.

Pure: from the validated corpus and the unit catalog (through
:mod:`generator.content.resolve`) to one :class:`Reach` per document and unit,
plus the names that resolved to nothing (warnings of ``ctxh check``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field

from generator.content.load import field_name
from generator.content.models import Deadline, Task, Unit
from generator.content.resolve import Resolver
from generator.content.validate import Corpus, DocumentEntry
from generator.problems import Problem
from generator.reading.normalize import plain
from generator.reading.outline import item_blocks

NATIONAL = ""  # the scope of a national document: every province


def scope_of(entry: DocumentEntry) -> str | None:
    """The province a document speaks for; NATIONAL for a national document;
    None when a local document does not say which province it belongs to."""
    if entry.doc.issuer.level == "national":
        return NATIONAL
    return entry.doc.issuer.province or None


def scope_name(entry: DocumentEntry) -> str:
    """Where a document applies: its province, "cả nước", or its issuer when the province is unknown."""
    scope = scope_of(entry)
    return "cả nước" if scope == NATIONAL else scope or entry.doc.issuer.name


@dataclass(frozen=True, eq=False)  # compared by identity: the same task reaches many units
class Assignment:
    """A task as one unit sees it: where it comes from, how it is named, its full text."""

    entry: DocumentEntry
    task: Task
    named_as: str
    text: str
    general: bool  # given in general terms to everyone the document addresses


@dataclass(frozen=True)
class UnitWindow:
    """Banner display days for a unit; ``specific`` when the document names the unit."""

    start: dt.date
    end: dt.date
    specific: bool


@dataclass
class Reach:
    """What one document asks of one kind of unit."""

    entry: DocumentEntry
    tasks: list[Assignment] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    windows: list[UnitWindow] = field(default_factory=list)
    recipient: bool = False  # named in "Kính gửi"

    @property
    def year(self) -> int:
        return self.entry.doc.campaign.year

    @property
    def scope(self) -> str | None:
        return scope_of(self.entry)


def _newest_first(reach: Reach) -> tuple[int, str]:
    return -reach.year, reach.entry.key


@dataclass
class UnitGuide:
    """Everything that reaches one kind of unit, newest first."""

    unit: Unit
    reaches: list[Reach] = field(default_factory=list)

    @functools.cached_property
    def _by_scope(self) -> dict[str | None, list[Reach]]:
        """The reaches by scope, in their order (read once the guide is complete: a unit has a
        page in every province, and each would otherwise go through all the unit's reaches)."""
        grouped: dict[str | None, list[Reach]] = defaultdict(list)
        for reach in self.reaches:
            grouped[reach.scope].append(reach)
        return dict(grouped)

    def national(self) -> list[Reach]:
        return self._by_scope.get(NATIONAL, [])

    def unplaced(self) -> list[Reach]:
        """From local documents that do not say their province."""
        return self._by_scope.get(None, [])

    @functools.cached_property
    def provinces(self) -> dict[str, int]:
        """Provinces whose own documents reach this unit, with how many tasks they give it."""
        return {scope: sum(len(r.tasks) for r in reaches) for scope, reaches in self._by_scope.items() if scope}

    def in_province(self, province: str) -> list[Reach]:
        """What reaches the unit in ``province``: national documents and the province's own, newest first."""
        return sorted(self.national() + self._by_scope.get(province, []), key=_newest_first)

    def task_count(self, year: int | None = None) -> int:
        return sum(len(r.tasks) for r in self.reaches if year is None or r.year == year)


@dataclass(frozen=True)
class DocumentUnits:
    """Resolved names of one document: recipients and assignees by name, and every unit it addresses."""

    recipients: dict[str, list[str]]
    assignees: dict[str, list[str]]
    addressed: frozenset[str]


@dataclass
class Guidance:
    guides: dict[str, UnitGuide]
    documents: dict[str, DocumentUnits]  # by document key
    unresolved: list[Problem]
    resolver: Resolver

    def units_with_tasks_in(self, year: int) -> list[UnitGuide]:
        return [g for g in self.guides.values() if g.task_count(year)]


def item_text(entry: DocumentEntry, task: Task) -> str:
    """The full text of a task's item, as plain text."""
    blocks = item_blocks(list(entry.blocks), task.anchor) if task.anchor else []
    return plain(" ".join(" ".join(block.lines) for block in blocks))


class _Names:
    """Resolves a document's names once each, and records those the catalog does not know."""

    def __init__(self, entry: DocumentEntry, resolver: Resolver, unresolved: list[Problem]) -> None:
        self.entry, self.resolver, self.unresolved = entry, resolver, unresolved
        self.known: dict[str, list[str]] = {}

    def __call__(self, name: str, path: tuple) -> list[str]:
        if name not in self.known:
            self.known[name] = self.resolver.resolve(name, self.entry.doc.issuer.level)
            if not self.known[name]:
                self.unresolved.append(Problem(
                    self.entry.file, self.entry.source.line_of(path), field_name(path),
                    f"'{name}' chưa khớp loại đơn vị nào trong content/units.yml; thêm tên này vào aliases của "
                    "một đơn vị (hoặc thêm đơn vị mới)", "warning"))
        return self.known[name]


def _resolve_document(entry: DocumentEntry, names: _Names) -> DocumentUnits:
    doc = entry.doc
    recipients = {r: names(r, ("recipients", i)) for i, r in enumerate(doc.recipients)}
    assignees = {}
    for t_index, task in enumerate(doc.tasks):
        for a_index, name in enumerate(task.assignees):
            assignees[name] = names(name, ("tasks", t_index, "assignees", a_index))
    targets = [names(name, ("display_windows", w_index, "applies_to", a_index))
               for w_index, window in enumerate(doc.display_windows) for a_index, name in enumerate(window.applies_to)]
    addressed = {uid for ids in [*recipients.values(), *assignees.values(), *targets] for uid in ids}
    return DocumentUnits(recipients, assignees, frozenset(addressed))


def _windows(entry: DocumentEntry, unit: Unit, names: _Names) -> list[UnitWindow]:
    """The document's windows for ``unit``: those naming it, else those for everyone."""
    windows = entry.doc.display_windows
    named = [w for i, w in enumerate(windows)
             if any(unit.id in names(n, ("display_windows", i, "applies_to", j)) for j, n in enumerate(w.applies_to))]
    chosen = named or [w for w in windows if not w.applies_to]
    return [UnitWindow(w.start, w.end, specific=bool(named)) for w in chosen]


def _deadlines(entry: DocumentEntry, unit: Unit, names: _Names) -> list[Deadline]:
    return [d for i, d in enumerate(entry.doc.deadlines)
            if not d.applies_to or any(unit.id in names(n, ("deadlines", i, "applies_to", j))
                                       for j, n in enumerate(d.applies_to))]


def _reaches(entry: DocumentEntry, units: DocumentUnits, catalog: dict[str, Unit],
             names: _Names) -> dict[str, Reach]:
    """What the document asks of each unit it addresses (general groups included), by unit id."""
    reaches = {uid: Reach(entry, recipient=any(uid in ids for ids in units.recipients.values()))
               for uid in sorted(units.addressed)}
    for task in entry.doc.tasks:
        text = item_text(entry, task)
        for name in task.assignees:
            for uid in units.assignees.get(name, []):
                reaches[uid].tasks.append(Assignment(entry, task, name, text, general=catalog[uid].general))
                if not catalog[uid].general:
                    continue
                for other in units.addressed:  # a general assignment reaches everyone addressed
                    unit = catalog[other]
                    if not unit.general and (catalog[uid].level in (None, unit.level)):
                        reaches[other].tasks.append(Assignment(entry, task, name, text, general=True))
    for uid, reach in reaches.items():
        unit = catalog[uid]
        reach.deadlines = _deadlines(entry, unit, names)
        reach.windows = _windows(entry, unit, names)
        reach.tasks = _first_of_each_task(reach.tasks)
    return reaches


def _first_of_each_task(assignments: list[Assignment]) -> list[Assignment]:
    """A task named for a unit both itself and through a group counts once (its first naming)."""
    seen: set[int] = set()
    kept = []
    for assignment in assignments:
        if id(assignment.task) not in seen:
            seen.add(id(assignment.task))
            kept.append(assignment)
    return kept


def build_guidance(corpus: Corpus) -> Guidance:
    resolver = Resolver(list(corpus.units))
    catalog = {unit.id: unit for unit in corpus.units}
    unresolved: list[Problem] = []
    guides = {unit.id: UnitGuide(unit) for unit in corpus.units}
    documents: dict[str, DocumentUnits] = {}
    for entry in corpus.documents:
        names = _Names(entry, resolver, unresolved)
        documents[entry.key] = resolved = _resolve_document(entry, names)
        for uid, reach in _reaches(entry, resolved, catalog, names).items():
            guides[uid].reaches.append(reach)
    for guide in guides.values():
        guide.reaches.sort(key=_newest_first)
    return Guidance(guides, documents, sorted(unresolved), resolver)


def units_by_level_and_sector(units: list[Unit]) -> list[tuple[str, list[tuple[str, list[Unit]]]]]:
    """Units grouped for the catalog page: by level (national first), then sector."""
    order = ("trung ương", "tỉnh", "huyện", "xã", "cơ sở", None)
    grouped: dict[str | None, dict[str, list[Unit]]] = defaultdict(lambda: defaultdict(list))
    for unit in units:
        grouped[unit.level][unit.sector].append(unit)
    return [(level or "giao chung", sorted(grouped[level].items())) for level in order if level in grouped]


@dataclass(frozen=True)
class WindowLine:
    """A banner window as a unit's page lists it: the days, and the document (None: the year's
    national campaign) that sets them."""

    window: UnitWindow
    entry: DocumentEntry | None


@dataclass
class YearGuide:
    """One year of what reaches a unit in one place: tasks (its own first, then general ones),
    deadlines, banner windows and slogans, each with its source."""

    year: int
    tasks: list[Assignment]
    deadlines: list[tuple[DocumentEntry, Deadline]]
    windows: list[WindowLine]
    slogans: list[tuple[str, DocumentEntry | None]]  # text, and the document (None: national campaign)

    @property
    def slogan_sources(self) -> list[DocumentEntry | None]:
        """Where the slogans come from, each source once (None: the national campaign)."""
        sources: dict[str | None, DocumentEntry | None] = {}
        for _, entry in self.slogans:
            sources.setdefault(entry.key if entry else None, entry)
        return list(sources.values())


def year_guides(reaches: list[Reach], corpus: Corpus, unit: Unit, resolver: Resolver,
                with_campaign: bool = True) -> list[YearGuide]:
    """``reaches`` by year, newest first, with the national campaign's windows and slogans of each year."""
    by_year: dict[int, list[Reach]] = defaultdict(list)
    for reach in reaches:
        by_year[reach.year].append(reach)
    guides = []
    for year in sorted(by_year, reverse=True):
        found = by_year[year]
        tasks = [a for r in found for a in r.tasks]
        guide = YearGuide(year, [a for a in tasks if not a.general] + [a for a in tasks if a.general],
                          [(r.entry, d) for r in found for d in r.deadlines],
                          [WindowLine(w, r.entry) for r in found for w in r.windows],
                          [])
        campaign = corpus.campaign(year) if with_campaign else None
        if campaign:
            named = [w for w in campaign.display
                     if any(unit.id in resolver.resolve(n, "national") for n in w.applies_to)]
            chosen = named or [w for w in campaign.display if not w.applies_to]
            guide.windows += [WindowLine(UnitWindow(w.start, w.end, bool(named)), None) for w in chosen]
            guide.slogans += [(s.text, None) for s in campaign.slogans]
        for reach in found:
            guide.slogans += [(text, reach.entry) for text in reach.entry.doc.slogans
                              if text not in {shown for shown, _ in guide.slogans}]
        guides.append(guide)
    return guides
