"""What an import will do: the same child twice in the file made one, each child matched to the
files already kept (by ID number, else by name and birth date), and sorted into new, updated and
unchanged. Pure: the store is reached only through the lookups the caller passes in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from ...words import message
from ..domain.child import Child
from ..domain.validation import blocking, validate_child
from ..domain.visit import Visit
from .mapping import Mapping
from .merge import apply_row
from .rows import LedgerRow, RowProblem, merge_into, problem_at


@dataclass(frozen=True)
class Known:
    """A child already in the store, as far as matching needs it."""

    uuid: str
    id_number: str
    name: str
    birth_date: date | None


@dataclass
class Plan:
    new: list[Child] = field(default_factory=list)
    updated: list[Child] = field(default_factory=list)  # each file once, as its last row left it
    kept: dict[str, Child] = field(default_factory=dict)  # the updated files as they were kept
    unchanged: int = 0  # files the ledger matched and left as they were
    visits: list[Visit] = field(default_factory=list)
    refused: list[LedgerRow] = field(default_factory=list)  # good alone, bad once merged
    problems: dict[int, tuple[RowProblem, ...]] = field(default_factory=dict)
    warnings: list[RowProblem] = field(default_factory=list)

    @property
    def updated_files(self) -> int:
        return len(self.updated)


def make_plan(
    rows: Iterable[LedgerRow],
    mapping: Mapping,
    known: Iterable[Known],
    load: Callable[[list[str]], dict[str, Child]],
    visit_dates: Callable[[list[str]], dict[str, set[date]]],
    today: date,
) -> Plan:
    """`load` gives the kept files of the children matched, all at once (by uuid)."""
    plan = Plan()
    by_id: dict[str, Known] = {}
    by_name: dict[tuple[str, date | None], Known] = {}
    for k in known:
        if k.id_number:
            by_id[k.id_number] = k
        by_name.setdefault((k.name, k.birth_date), k)
    rows, merged = _one_per_child(rows, plan, today)
    pairs: list[tuple[LedgerRow, Known | None]] = []
    first_row: dict[str, int] = {}  # the row that matched each kept file first
    for row in rows:
        k = by_id.get(row.child.id_number) if row.child.id_number else None
        if k is None:
            k = by_name.get((row.child.name, row.child.birth_date))
            if k is not None and k.id_number and row.child.id_number:
                k = None  # same name and birthday, another ID number: another child
        if k is not None:
            # One row found the file by its ID number, another by name and birth date: both
            # are applied in turn, so the officer is told which later row wins.
            first = first_row.setdefault(k.uuid, row.row)
            if first != row.row:
                text = message("roster_duplicate_row", first=str(first))
                plan.warnings.append(RowProblem(row.row, "", "roster_duplicate_row", text, False))
        pairs.append((row, k))
    kept = load([k.uuid for _row, k in pairs if k is not None])
    current: dict[str, Child] = {}  # each matched file as the rows before left it
    matched: list[tuple[LedgerRow, Child]] = []
    for at, (row, k) in enumerate(pairs):
        if k is None:
            child = row.child
            # A row was checked when it was read; a row merged with another, or read on
            # another day than this import's, is checked again.
            checked = child.registered_on == today and at not in merged
            if not checked:
                child = replace(child, registered_on=today)
        else:
            # Two rows of one file are applied in turn, each to the file the row before left.
            before = current.get(k.uuid, kept[k.uuid])
            child = apply_row(before, row.child, row.present, today)
            checked = child == before
        found = [] if checked else blocking(validate_child(child, today))
        if found:
            plan.refused.append(row)
            plan.problems[row.row] = tuple(problem_at(row.row, p, child, mapping) for p in found)
            continue
        if k is None:
            plan.new.append(child)
        else:
            current[k.uuid] = child
        matched.append((row, child))
    for uuid, child in current.items():
        if child == kept[uuid]:
            plan.unchanged += 1
        else:
            plan.updated.append(child)
            plan.kept[uuid] = kept[uuid]
    # Only a file already kept can hold visits: a new child's uuid was made by this ledger.
    seen = visit_dates([c.uuid for r, c in matched if r.visit_dates and c.uuid in kept])
    for row, child in matched:
        held = seen.setdefault(child.uuid, set())
        for day in row.visit_dates:
            if day not in held:
                held.add(day)
                plan.visits.append(Visit(child.uuid, day, "other"))
    return plan


def _one_per_child(
    rows: Iterable[LedgerRow], plan: Plan, today: date
) -> tuple[list[LedgerRow], set[int]]:
    """Good rows, the later rows of a child already seen merged into its first row; and the
    positions of the rows merged."""
    merged: list[LedgerRow] = []
    changed: set[int] = set()
    by_id: dict[str, int] = {}
    by_name: dict[tuple[str, date | None], int] = {}
    for row in rows:
        if not row.ok:
            continue
        c = row.child
        at = by_id.get(c.id_number) if c.id_number else None
        if at is None:
            at = by_name.get((c.name, c.birth_date))
            if at is not None and merged[at].child.id_number and c.id_number:
                at = None
        if at is None:
            by_name[(c.name, c.birth_date)] = len(merged)
            if c.id_number:
                by_id[c.id_number] = len(merged)
            merged.append(row)
            continue
        first = merged[at].row
        text = message("roster_duplicate_row", first=str(first))
        plan.warnings.append(RowProblem(row.row, "", "roster_duplicate_row", text, False))
        merged[at] = merge_into(merged[at], row, today)
        changed.add(at)
        if merged[at].child.id_number:
            by_id[merged[at].child.id_number] = at
    return merged, changed
