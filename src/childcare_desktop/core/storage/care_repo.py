"""Writing and reading the care records (concerns with their reports and follow-up notes, wishes,
referrals, rounds, flags).

Each write goes through the change log (so that it syncs) and the audit log, in the caller's
transaction. Entity names are the table names.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, insert, select, update

from ..errors import NotFound
from . import audit
from . import tables as t
from .changes import ChangeWriter

TABLES: dict[str, Table] = {
    "concern": t.concern,
    "concern_report": t.concern_report,
    "concern_note": t.concern_note,
    "wish": t.wish,
    "referral": t.referral,
    "visit_round": t.visit_round,
    "review_flag": t.review_flag,
}
# Reports and follow-up notes of a concern are facts about the past: appended, never edited, so
# they never conflict.
APPEND_ONLY = frozenset({"concern_report", "concern_note"})

R = TypeVar("R")


def as_row(record: object, table: Table) -> dict[str, Any]:
    """The columns of `table` taken from the record's fields of the same names."""
    return {c.name: getattr(record, c.name) for c in table.columns if hasattr(record, c.name)}


def from_row(cls: type[R], row: Any, **extra: Any) -> R:
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: row[k] for k in row if k in names}, **extra)


def create(conn: Connection, entity: str, record: object) -> dict[str, Any]:
    table = TABLES[entity]
    row = as_row(record, table)
    conn.execute(insert(table), row)
    writer = ChangeWriter(conn)
    writer.record(
        entity, row["uuid"], row, new=entity not in APPEND_ONLY, append_only=entity in APPEND_ONLY
    )
    writer.flush()
    audit.record(conn, "create", entity, row["uuid"], row)
    return row


def change(
    conn: Connection, entity: str, uuid: str, values: dict[str, Any], action: str = "update"
) -> dict[str, Any]:
    """Set `values` on one record; only what differs is written and logged."""
    table = TABLES[entity]
    old = load_row(conn, entity, uuid)
    diff = {k: v for k, v in values.items() if old[k] != v}
    if diff:
        conn.execute(update(table).where(table.c.uuid == uuid).values(**diff))
        writer = ChangeWriter(conn)
        writer.record(entity, uuid, diff)
        writer.flush()
        audit.record(conn, action, entity, uuid, diff)
    return {**old, **diff}


def load_row(conn: Connection, entity: str, uuid: str) -> dict[str, Any]:
    table = TABLES[entity]
    row = conn.execute(select(table).where(table.c.uuid == uuid)).mappings().first()
    if row is None:
        raise NotFound(f"{entity}_not_found", uuid=uuid)
    return dict(row)
