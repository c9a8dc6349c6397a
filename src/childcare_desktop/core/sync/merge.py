"""Applying received changes to the store: new ones logged, each touched record recomputed from
every change held for it, conflicts kept; and what to send a station that acknowledged some.

Bulk by design (a town imports 10,000 children with their visits in one batch): what exists is
loaded in a few queries, records are computed in memory and written with executemany. A record
whose only change is its creation, and an append-only record, take the short way: its row is
its change.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from ..storage import children_repo, settings
from ..storage import tables as t
from . import conflicts, entities
from .changeset import ChangeRecord
from .errors import SyncError
from .heads import Resolved, resolve

_CHUNK = 900  # ids per IN (…): under SQLite's bound-parameter limit


class Equivocation(SyncError):
    """A change id already held with different content: the sender signed two histories."""

    code = "equivocation"


@dataclass(frozen=True)
class MergeResult:
    applied: int
    duplicates: int
    conflicts_opened: int
    touched_children: tuple[str, ...]


def apply_changes(conn: Connection, changes: Sequence[ChangeRecord], today: date) -> MergeResult:
    """Apply inside the caller's transaction; a change already held is a duplicate, so applying
    the same changes twice, or in another order, leaves the same store."""
    new, duplicates = _new_changes(conn, changes)
    if not new:
        return MergeResult(0, duplicates, 0, ())
    conn.execute(insert(t.change), [_change_row(c) for c in new])
    by_record: dict[tuple[str, str], list[ChangeRecord]] = defaultdict(list)
    for c in new:
        by_record[(c.entity, c.entity_uuid)].append(c)
    known = _known_records(conn, by_record)
    fresh = [
        cs[0]
        for key, cs in by_record.items()
        if key not in known
        and len(cs) == 1
        and (cs[0].is_creation or (key[0] in entities.APPEND_ONLY and not cs[0].is_tombstone))
    ]
    fresh_keys = {(c.entity, c.entity_uuid) for c in fresh}
    resolved = _resolve_held(conn, [k for k in by_record if k not in fresh_keys])
    writes = _Writes()
    for c in fresh:
        writes.add_fresh(c)
    existing = _existing_rows(conn, resolved)
    for r in resolved:
        writes.add_resolved(r, (r.entity, r.uuid) in existing)
    writes.check_parents(conn)
    writes.execute(conn)
    opened = conflicts.record(conn, [r for r in resolved if r.entity not in entities.APPEND_ONLY])
    touched = sorted(writes.children)
    children_repo.refresh_derived(conn, touched, today, settings.visit_policy(conn))
    _advance_station(conn, new)
    return MergeResult(len(new), duplicates, opened, tuple(touched))


def version_vector(conn: Connection) -> dict[str, int]:
    """Per origin station, the highest counter held with no gap below it."""
    c = t.change.c
    vector = {}
    for station, top, count in conn.execute(
        select(c.station, func.max(c.counter), func.count()).group_by(c.station)
    ):
        vector[station] = top if top == count else _gapless_top(conn, station)
    return {s: n for s, n in vector.items() if n > 0}


def changes_since(conn: Connection, acknowledged: dict[str, int]) -> list[ChangeRecord]:
    """Every change held (made here or merged from others) above what the receiver has
    acknowledged, by station and counter."""
    c = t.change.c
    found = []
    for station in conn.execute(select(c.station).distinct().order_by(c.station)).scalars():
        rows = conn.execute(
            select(t.change)
            .where(c.station == station, c.counter > acknowledged.get(station, 0))
            .order_by(c.counter)
        )
        found.extend(from_row(r) for r in rows)
    return found


def from_row(row) -> ChangeRecord:
    return ChangeRecord(
        station=row.station,
        counter=row.counter,
        entity=row.entity,
        entity_uuid=row.entity_uuid,
        fields=json.loads(row.fields),
        clock=row.clock,
        base=tuple(json.loads(row.base)),
    )


def _gapless_top(conn: Connection, station: str) -> int:
    """The first gap from 1 up: one pass over the station's counters (only when there is one)."""
    expected = 1
    for counter in conn.execute(
        select(t.change.c.counter).where(t.change.c.station == station).order_by(t.change.c.counter)
    ).scalars():
        if counter != expected:
            break
        expected += 1
    return expected - 1


def _new_changes(conn: Connection, changes: Sequence[ChangeRecord]) -> tuple[list, int]:
    """The changes not yet held; a held id with other content is an equivocation."""
    incoming: dict[str, ChangeRecord] = {}
    duplicates = 0
    for c in changes:
        seen = incoming.get(c.change_id)
        if seen is None:
            incoming[c.change_id] = c
        elif _content(seen) != _content(c):
            raise Equivocation(change=c.change_id)
        else:
            duplicates += 1
    per_station: dict[str, list[int]] = defaultdict(list)
    for c in incoming.values():
        per_station[c.station].append(c.counter)
    tc = t.change.c
    for station, counters in per_station.items():
        held = conn.execute(
            select(t.change).where(
                tc.station == station, tc.counter.between(min(counters), max(counters))
            )
        )
        for row in held:
            mine = incoming.pop(f"{station}:{row.counter}", None)
            if mine is None:
                continue
            if _content(mine) != _content(from_row(row)):
                raise Equivocation(change=mine.change_id)
            duplicates += 1
    return list(incoming.values()), duplicates


def _content(c: ChangeRecord) -> tuple:
    return (c.entity, c.entity_uuid, c.fields_json(), c.clock, tuple(c.base))


def _change_row(c: ChangeRecord) -> dict:
    return {
        "station": c.station,
        "counter": c.counter,
        "entity": c.entity,
        "entity_uuid": c.entity_uuid,
        "fields": c.fields_json(),
        "clock": c.clock,
        "base": json.dumps(list(c.base)),
    }


def _by_entity(keys: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for entity, uuid in keys:
        grouped[entity].append(uuid)
    return grouped


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _known_records(conn: Connection, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """Records this store held before this batch: by their heads, or (append-only records,
    which keep no heads) by their row."""
    known = set()
    h = t.entity_head.c
    for entity, uuids in _by_entity(keys).items():
        table = entities.TABLES[entity]
        for part in _chunks(uuids):
            if entity in entities.APPEND_ONLY:
                stmt = select(table.c.uuid).where(table.c.uuid.in_(part))
            else:
                stmt = select(h.entity_uuid).where(h.entity == entity, h.entity_uuid.in_(part))
            known.update((entity, u) for u in conn.execute(stmt).scalars())
    return known


def _resolve_held(conn: Connection, keys: list[tuple[str, str]]) -> list[Resolved]:
    """Each record recomputed from every change held for it (this batch's included)."""
    held: dict[tuple[str, str], list[ChangeRecord]] = defaultdict(list)
    c = t.change.c
    for entity, uuids in _by_entity(keys).items():
        for part in _chunks(uuids):
            rows = conn.execute(select(t.change).where(c.entity == entity, c.entity_uuid.in_(part)))
            for row in rows:
                held[(entity, row.entity_uuid)].append(from_row(row))
    return [resolve(entity, uuid, held[(entity, uuid)]) for entity, uuid in keys]


def _existing_rows(conn: Connection, records: list[Resolved]) -> set[tuple[str, str]]:
    found = set()
    for entity, uuids in _by_entity((r.entity, r.uuid) for r in records).items():
        table = entities.TABLES[entity]
        for part in _chunks(uuids):
            rows = conn.execute(select(table.c.uuid).where(table.c.uuid.in_(part))).scalars()
            found.update((entity, u) for u in rows)
    return found


def _advance_station(conn: Connection, new: list[ChangeRecord]) -> None:
    """The hybrid clock moves past every clock received (a later edit here sorts after what it
    saw); the counter past any change of this station's own that came back (a reinstalled
    laptop restoring from its town must not reuse a change id)."""
    station, counter, clock = conn.execute(
        select(t.station.c.code, t.station.c.change_counter, t.station.c.clock)
    ).one()
    top_clock = max([clock, *(c.clock for c in new)])
    own = max([counter, *(c.counter for c in new if c.station == station)])
    if (top_clock, own) != (clock, counter):
        conn.execute(update(t.station).values(clock=top_clock, change_counter=own))


class _Writes:
    """Rows to insert, update and delete per table, written in an order foreign keys accept."""

    def __init__(self) -> None:
        self.inserts: dict[str, list[dict]] = defaultdict(list)
        self.updates: dict[str, list[dict]] = defaultdict(list)
        self.deletes: dict[str, list[str]] = defaultdict(list)
        self.heads: list[dict] = []
        self.children: set[str] = set()

    def add_fresh(self, c: ChangeRecord) -> None:
        row = _row(c.entity, c.entity_uuid, c.fields)
        self.inserts[c.entity].append(row)
        if c.entity not in entities.APPEND_ONLY:
            self.heads.append(
                {"entity": c.entity, "entity_uuid": c.entity_uuid, "heads": _heads_json(c)}
            )
        self._touch(c.entity, c.entity_uuid, row.get("child_uuid"))

    def add_resolved(self, r: Resolved, row_exists: bool) -> None:
        if r.exists:
            row = _row(r.entity, r.uuid, r.values)
            if row_exists:
                self.updates[r.entity].append(row)
            else:
                self.inserts[r.entity].append(row)
        elif row_exists:
            self.deletes[r.entity].append(r.uuid)
        if r.entity not in entities.APPEND_ONLY:
            self.heads.append(
                {"entity": r.entity, "entity_uuid": r.uuid, "heads": json.dumps(r.heads)}
            )
        self._touch(r.entity, r.uuid, r.child_uuid)

    def check_parents(self, conn: Connection) -> None:
        """A part whose child is neither held nor in this batch: the batch is incomplete."""
        coming = {row["uuid"] for row in self.inserts.get("child", [])}
        wanted = {
            row["child_uuid"]
            for entity in ("inserts", "updates")
            for name, rows in getattr(self, entity).items()
            if name != "child"
            for row in rows
            if row.get("child_uuid")
        } - coming
        for part in _chunks(sorted(wanted)):
            wanted -= set(
                conn.execute(select(t.child.c.uuid).where(t.child.c.uuid.in_(part))).scalars()
            )
        if wanted:
            raise SyncError("missing_record", uuid=min(wanted))

    def execute(self, conn: Connection) -> None:
        for entity in reversed(entities.TABLES):
            table = entities.TABLES[entity]
            for part in _chunks(self.deletes.get(entity, [])):
                conn.execute(delete(table).where(table.c.uuid.in_(part)))
        for entity, table in entities.TABLES.items():
            if self.inserts.get(entity):
                conn.execute(insert(table), self.inserts[entity])
            if self.updates.get(entity):
                names = entities.FIELDS[entity]
                stmt = (
                    update(table)
                    .where(table.c.uuid == bindparam("_key"))
                    .values({n: bindparam(n) for n in names})
                )
                conn.execute(
                    stmt, [{**_without_uuid(r), "_key": r["uuid"]} for r in self.updates[entity]]
                )
        if self.heads:
            conn.execute(insert(t.entity_head).prefix_with("OR REPLACE"), self.heads)

    def _touch(self, entity: str, uuid: str, child_uuid: str | None) -> None:
        if entity == "child":
            self.children.add(uuid)
        elif child_uuid:
            self.children.add(child_uuid)


def _row(entity: str, uuid: str, values: dict) -> dict:
    """A table row from JSON values; a creation's omitted fields are its empty values."""
    row = {"uuid": uuid}
    for field in entities.FIELDS[entity]:
        value = values.get(field, entities.empty_value(entity, field))
        row[field] = entities.to_column(entity, field, value)
    return row


def _without_uuid(row: dict) -> dict:
    return {k: v for k, v in row.items() if k != "uuid"}


def _heads_json(c: ChangeRecord) -> str:
    return json.dumps({"*": [c.change_id]})
