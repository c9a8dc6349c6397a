"""What a receiver already holds of records a received file touches: values of a column in the
records' rows and in their changes, read a chunk of ids at a time (sync/authority.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from sqlalchemy import Connection

from ..domain import division
from ..storage import sealing
from ..storage import tables as t
from ..storage.jsontext import loads
from . import entities
from .rows import CHUNK


def answers(station: str, owners: Iterable[str]) -> bool:
    """True when `station` answers for a record of any of `owners` (division codes)."""
    return any(division.belongs_to(owner, station) for owner in owners)


def values(conn: Connection, entity: str, uuids: set[str], column: str) -> dict[str, set[str]]:
    """Per record, the values of `column` the receiver holds: in its row and in its changes (a
    deleted record keeps no row; a moved child's old village is in its changes)."""
    found: dict[str, set[str]] = defaultdict(set)
    table = entities.TABLES[entity].name
    collect(conn, found, f'SELECT uuid, "{column}" FROM "{table}" WHERE uuid IN ({{}})', uuids)
    # The changes' values are looked into here, not by the database: a server holds them sealed.
    opened = sealing.openers((t.change.c.entity_uuid, t.change.c.fields), conn.dialect)
    sql = "SELECT entity_uuid, fields FROM change WHERE entity = ? AND entity_uuid IN ({})"
    for row in rows(conn, sql, uuids, entity):
        uuid, fields = sealing.apply(tuple(row), opened)
        value = loads(fields).get(column)
        if value:
            found[uuid].add(value)
    return found


def collect(
    conn: Connection, found: dict[str, set[str]], sql: str, uuids: set[str], *params: str
) -> None:
    for uuid, value in rows(conn, sql, uuids, *params):
        if value:
            found[uuid].add(value)


def rows(conn: Connection, sql: str, uuids: set[str], *params: str) -> Iterator:
    """The rows of `sql` (its IN list left as {}) for `uuids`, a chunk at a time."""
    ordered = sorted(uuids)
    for i in range(0, len(ordered), CHUNK):
        part = ordered[i : i + CHUNK]
        yield from conn.exec_driver_sql(sql.format(", ".join("?" * len(part))), (*params, *part))
