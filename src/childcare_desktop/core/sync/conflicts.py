"""Conflicts in the store: kept in step with the merge, listed with every head's value, and
resolved by a change based on all the heads, which travels on like any other."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ..storage import audit, derived_repo, settings
from ..storage import tables as t
from ..storage.changes import ChangeWriter
from . import entities
from .changeset import ChangeRecord
from .errors import SyncError
from .heads import Resolved


@dataclass(frozen=True)
class HeadValue:
    value: Any  # as it travels (dates as ISO text)
    change_id: str
    station: str
    clock: str


@dataclass(frozen=True)
class OpenConflict:
    id: int
    entity: str
    uuid: str
    field: str
    values: tuple[HeadValue, ...]  # the shown one first
    shown: Any


def record(conn: Connection, records: list[Resolved]) -> int:
    """Open, update or close the conflicts of recomputed records; returns how many opened."""
    c = t.conflict.c
    keys = {(r.entity, r.uuid) for r in records}
    open_rows: dict[tuple[str, str, str], Any] = {}
    for entity in {e for e, _ in keys}:
        uuids = sorted(u for e, u in keys if e == entity)
        for i in range(0, len(uuids), 900):
            for row in conn.execute(
                select(t.conflict).where(
                    c.entity == entity,
                    c.entity_uuid.in_(uuids[i : i + 900]),
                    c.resolved_by.is_(None),
                )
            ):
                open_rows[(row.entity, row.entity_uuid, row.field)] = row
    at = _now()
    opened = []
    for r in records:
        for conflict in r.conflicts:
            heads = json.dumps(sorted(h.change_id for h in conflict.heads))
            shown = conflict.heads[0].change_id
            row = open_rows.pop((r.entity, r.uuid, conflict.field), None)
            if row is None:
                opened.append(
                    {
                        "entity": r.entity,
                        "entity_uuid": r.uuid,
                        "field": conflict.field,
                        "heads": heads,
                        "shown": shown,
                        "opened_at": at,
                    }
                )
            elif row.heads != heads:
                conn.execute(
                    update(t.conflict).where(c.id == row.id).values(heads=heads, shown=shown)
                )
    if opened:
        conn.execute(insert(t.conflict), opened)
    by_key = {(r.entity, r.uuid): r for r in records}
    for (entity, uuid, field), row in open_rows.items():
        r = by_key[(entity, uuid)]
        closer = r.shown.get(field) if r.exists else None
        closer = closer or (r.record_heads[-1] if r.record_heads else "")
        conn.execute(
            update(t.conflict).where(c.id == row.id).values(resolved_by=closer, resolved_at=at)
        )
    return len(opened)


def open_conflicts(conn: Connection) -> list[OpenConflict]:
    """Every open conflict with each head's value, oldest first."""
    rows = conn.execute(
        select(t.conflict).where(t.conflict.c.resolved_by.is_(None)).order_by(t.conflict.c.id)
    ).all()
    return [_described(conn, row) for row in rows]


def get(conn: Connection, conflict_id: int) -> OpenConflict:
    row = conn.execute(select(t.conflict).where(t.conflict.c.id == conflict_id)).first()
    if row is None:
        raise SyncError("conflict_not_found", id=conflict_id)
    if row.resolved_by is not None:
        raise SyncError("conflict_resolved", id=conflict_id)
    return _described(conn, row)


def resolve(conn: Connection, conflict_id: int, value: Any, today: date) -> ChangeRecord:
    """Set the field to `value` (as it travels) in a change based on every head; the conflict
    closes when the change is written."""
    conflict = get(conn, conflict_id)
    entity, uuid, field = conflict.entity, conflict.uuid, conflict.field
    if not entities.well_formed(entity, field, value):
        raise SyncError("bad_value", field=field, value=value)
    table = entities.TABLES[entity]
    stored = entities.to_column(entity, field, value)
    conn.execute(update(table).where(table.c.uuid == uuid).values({field: stored}))
    writer = ChangeWriter(conn)
    change_id = writer.record(entity, uuid, {field: stored})
    writer.flush()
    audit.record(conn, "resolve", entity, uuid, [field], detail=str(conflict_id))
    child_uuid = uuid if entity == "child" else _child_of(conn, entity, uuid)
    if child_uuid:
        derived_repo.refresh_derived(conn, [child_uuid], today, settings.visit_policy(conn))
    station, counter = change_id.split(":")
    row = conn.execute(
        select(t.change).where(t.change.c.station == station, t.change.c.counter == int(counter))
    ).one()
    return ChangeRecord(
        row.station,
        row.counter,
        row.entity,
        row.entity_uuid,
        json.loads(row.fields),
        row.clock,
        tuple(json.loads(row.base)),
    )


def _described(conn: Connection, row: Any) -> OpenConflict:
    ids = json.loads(row.heads)
    heads = []
    for change_id in ids:
        station, counter = change_id.split(":")
        found = conn.execute(
            select(t.change.c.fields, t.change.c.clock).where(
                t.change.c.station == station, t.change.c.counter == int(counter)
            )
        ).one()
        fields = json.loads(found.fields)
        value = fields.get(row.field, entities.empty_value(row.entity, row.field))
        heads.append(HeadValue(value, change_id, station, found.clock))
    # The shown head is the greatest by (clock, station, counter): first, then the others.
    heads.sort(key=lambda h: (h.clock, h.station, int(h.change_id.split(":")[1])), reverse=True)
    return OpenConflict(
        id=row.id,
        entity=row.entity,
        uuid=row.entity_uuid,
        field=row.field,
        values=tuple(heads),
        shown=heads[0].value,
    )


def _child_of(conn: Connection, entity: str, uuid: str) -> str | None:
    table = entities.TABLES[entity]
    if "child_uuid" not in table.c:
        return None
    return conn.execute(select(table.c.child_uuid).where(table.c.uuid == uuid)).scalar()


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")
