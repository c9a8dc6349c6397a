"""A received child's ID number, birth date and sex held together, as the form and the ledger
import hold them: the check compares fields, so it is made on the record as the batch leaves
it (a field the change sets beside one already stored), not on one change alone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..domain.validation import id_disagreements
from . import entities
from .changeset import ChangeRecord
from .errors import SyncError
from .heads import Resolved
from .rows import SHAPES, RowWrites

TOGETHER = ("id_number", "birth_date", "sex")
_TOGETHER = frozenset(TOGETHER)


def check_children(
    new: Sequence[ChangeRecord], writes: RowWrites, resolved: Sequence[Resolved], today: date
) -> None:
    """SyncError("bad_field") naming the field a change of this batch set and its station, for a
    child whose valid ID number then disagrees with its birth date or sex. Only a disagreement
    the batch brings counts: one an older version left in a file does not refuse every later
    edit of that child. A change setting the number and the date together (a correction) is
    judged on both.

    A child whose number, date or sex is in conflict is left to the person who resolves the
    conflict (the resolution is checked as the form checks it): two stations correcting the
    pair at once each wrote an agreeing pair, and refusing the later import would make the
    store depend on the order the batches came in."""
    setters = _setters(new)
    contested = {
        r.uuid
        for r in resolved
        if r.entity == "child" and any(c.field in _TOGETHER for c in r.conflicts)
    }
    for uuid in contested.intersection(setters):
        del setters[uuid]
    if not setters:
        return
    for uuid, id_number, born, sex in _final_values(writes, setters):
        set_here = setters[uuid]
        for problem in id_disagreements(id_number, _day(born), sex, today):
            if problem.field not in set_here and "id_number" not in set_here:
                continue
            field = problem.field if problem.field in set_here else "id_number"
            raise SyncError("bad_field", field=f"child.{field}", station=set_here[field].station)


def _setters(new: Sequence[ChangeRecord]) -> dict[str, dict[str, ChangeRecord]]:
    """Per child, each of the three fields this batch sets, with the latest change setting it."""
    found: dict[str, dict[str, ChangeRecord]] = {}
    for c in new:
        if c.entity != "child" or _TOGETHER.isdisjoint(c.fields):
            continue
        mine = found.setdefault(c.entity_uuid, {})
        for field in _TOGETHER.intersection(c.fields):
            seen = mine.get(field)
            if seen is None or c.sort_key > seen.sort_key:
                mine[field] = c
    return found


def _final_values(writes: RowWrites, wanted: dict) -> list[tuple]:
    """(uuid, id_number, birth_date, sex) of each wanted child as the batch writes its row."""
    shape = SHAPES["child"]
    inserted = [shape.columns.index(n) for n in TOGETHER]
    updated = [entities.FIELDS["child"].index(n) for n in TOGETHER]  # then the key, last
    rows = [
        (row[0], *(row[i] for i in inserted))
        for row in writes.inserts.get("child", ())
        if row[0] in wanted
    ]
    rows += [
        (row[-1], *(row[i] for i in updated))
        for row in writes.updates.get("child", ())
        if row[-1] in wanted
    ]
    return rows


def _day(text: str | None) -> date | None:
    """A birth date as the batch carries it (checked ISO text, or none)."""
    return date.fromisoformat(text) if text else None
