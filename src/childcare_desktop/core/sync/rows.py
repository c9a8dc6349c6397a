"""Merged records written as rows: one write per table and kind of write, in plain SQL.

A town imports a hundred thousand rows at a time, so the rows go to the driver as tuples of
the values as they travelled (dates as ISO text, which is how the store keeps them), without
SQLAlchemy's per-value processing; parents are written before their parts. New rows go in by
`driver.insert_new` (`COPY` on a server), updates and deletions by executemany.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection

from ..domain.visit_policy import VisitPolicy
from ..storage import changes, derived_repo, driver, sealing
from ..storage.jsontext import dumps
from . import entities
from .changeset import ChangeRecord
from .errors import SyncError
from .heads import Resolved

CHUNK = 900  # ids per IN (…) on SQLite: under its bound-parameter limit


@dataclass(frozen=True)
class _Shape:
    """How one table's rows are built from a record's values and written. The getters pick
    the values in column order in C (`itemgetter`): a row per change adds up at 100,000."""

    defaults: dict[str, Any]  # every column but the key: its stored value when not carried
    columns: tuple[str, ...]  # the key, then the defaults' columns: a row's layout
    row: itemgetter  # every column but the key, from defaults | values
    fields: itemgetter  # the synced fields but the key, from a recomputed record's values
    update_sql: str
    delete_sql: str


def _shape(entity: str) -> _Shape:
    table = entities.TABLES[entity]
    fields = entities.FIELDS[entity]
    defaults = {
        c.name: entities.empty_value(entity, c.name) if c.name in fields else _column_default(c)
        for c in table.columns
        if c.name != "uuid"
    }
    sets = ", ".join(f'"{n}" = ?' for n in fields)
    return _Shape(
        defaults=defaults,
        columns=("uuid", *defaults),
        row=itemgetter(*defaults),
        fields=itemgetter(*fields),
        update_sql=f'UPDATE "{table.name}" SET {sets} WHERE "uuid" = ?',
        delete_sql=f'DELETE FROM "{table.name}" WHERE "uuid" = ?',
    )


def _column_default(column) -> Any:
    """A local column's default (the child's derived caches, recomputed after the merge)."""
    default = column.default
    return default.arg if default is not None and default.is_scalar else None


SHAPES = {entity: _shape(entity) for entity in entities.TABLES}


class RowWrites:
    """Rows to insert, update and delete per table, written in an order foreign keys accept."""

    def __init__(self) -> None:
        self.inserts: dict[str, list[tuple]] = defaultdict(list)
        self.updates: dict[str, list[tuple]] = defaultdict(list)
        self.deletes: dict[str, list[tuple]] = defaultdict(list)
        self.heads: list[tuple[str, str, str]] = []
        self.children: set[str] = set()
        self._parents: set[str] = set()

    def add_fresh(self, changes: list[ChangeRecord]) -> None:
        """Records whose only change is their creation (or append-only records): each row is
        its change, and its one head is that change, which needs no heads row."""
        by_entity: dict[str, list[ChangeRecord]] = defaultdict(list)
        for c in changes:
            by_entity[c.entity].append(c)
        for entity, group in by_entity.items():
            shape = SHAPES[entity]
            row, defaults = shape.row, shape.defaults
            self.inserts[entity].extend([(c.entity_uuid, *row(defaults | c.fields)) for c in group])
            if entity == "child":
                self.children.update([c.entity_uuid for c in group])
            else:
                parents = {c.fields.get("child_uuid") for c in group}
                parents.discard(None)
                self.children |= parents
                self._parents |= parents

    def add_resolved(self, r: Resolved, row_exists: bool) -> None:
        shape = SHAPES[r.entity]
        if r.exists and row_exists:
            self.updates[r.entity].append((*shape.fields(r.values), r.uuid))
        elif r.exists:
            self.inserts[r.entity].append((r.uuid, *shape.row(shape.defaults | r.values)))
        elif row_exists:
            self.deletes[r.entity].append((r.uuid,))
        if r.entity not in entities.APPEND_ONLY:
            self.heads.append((r.entity, r.uuid, dumps(r.heads)))
        self._touch(r.entity, r.uuid, r.child_uuid, written=r.exists)

    def derive_new_children(
        self, today: date, policy: VisitPolicy, keep: bool, ids: bool
    ) -> set[str]:
        """The children this merge creates get their derived columns from the rows in hand
        (all their parts are in the batch too: a part never arrives before its child), so they
        are inserted whole instead of read back. Returns their ids."""
        children = self.inserts.get("child")
        if not children:
            return set()
        new = {row[0] for row in children}
        rows = {}
        for entity, names in derived_repo.DERIVED_FROM.items():
            columns = SHAPES[entity].columns
            pick = itemgetter(*(columns.index(n) for n in names))
            parent = columns.index("uuid" if entity == "child" else "child_uuid")
            rows[entity] = [pick(r) for r in self.inserts.get(entity, ()) if r[parent] in new]
        derived = derived_repo.derive_new(rows, today, policy, keep, ids)
        slots = [SHAPES["child"].columns.index(n) for n in derived_repo.DERIVED_COLUMNS]
        for i, row in enumerate(children):
            values = list(row)
            for slot, value in zip(slots, derived[row[0]], strict=True):
                values[slot] = value
            children[i] = tuple(values)
        return new

    def check_parents(self, conn: Connection) -> None:
        """A part whose child is neither held nor in this batch: the batch is incomplete."""
        coming = {row[0] for row in self.inserts.get("child", [])}
        wanted = sorted(self._parents - coming)
        missing = set(wanted) - present(conn, "SELECT uuid FROM child WHERE uuid {}", wanted)
        if missing:
            raise SyncError("missing_record", uuid=min(missing))

    def execute(self, conn: Connection) -> None:
        for entity in reversed(entities.TABLES):
            _many(conn, SHAPES[entity].delete_sql, self.deletes.get(entity), _FIRST)
        for entity in entities.TABLES:
            table, shape = entities.TABLES[entity], SHAPES[entity]
            inserts = _sealed(conn, table, shape.columns, self.inserts.get(entity))
            if inserts:
                inserts.sort(key=_FIRST)  # the key's index grows at its end
                driver.insert_new(conn, table.name, shape.columns, inserts)
            updated = (*entities.FIELDS[entity], "uuid")
            _many(
                conn,
                shape.update_sql,
                _sealed(conn, table, updated, self.updates.get(entity)),
                _LAST,
            )
        _many(conn, changes.PUT_HEADS, self.heads, _KEY)

    def _touch(self, entity: str, uuid: str, child_uuid: str | None, written=True) -> None:
        if entity == "child":
            self.children.add(uuid)
        elif child_uuid:
            self.children.add(child_uuid)
            if written:
                self._parents.add(child_uuid)


def present(conn: Connection, sql: str, uuids: list[str], *params: str) -> set[str]:
    """Which of `uuids` a query `... WHERE uuid {}` finds (its first column)."""
    found: set[str] = set()
    for rows in each_part(conn, sql, uuids, *params):
        found.update(r[0] for r in rows)
    return found


def each_part(conn: Connection, sql: str, uuids: list[str], *params: str) -> Iterator:
    """The rows of `sql` (its `{}` the condition on the ids, its last mark, after `params`) for
    `uuids`: on SQLite `IN (?, …)` a chunk of ids at a time, on a server `= ANY(?)` of them
    all in one statement (`driver.select_any`)."""
    if conn.dialect.name != "sqlite":
        if uuids:
            yield driver.select_any(conn, sql.format("= ANY(?)"), params, list(uuids))
        return
    for i in range(0, len(uuids), CHUNK):
        part = uuids[i : i + CHUNK]
        yield conn.exec_driver_sql(
            sql.format(f"IN ({', '.join('?' * len(part))})"), (*params, *part)
        )


_FIRST, _LAST, _KEY = itemgetter(0), itemgetter(-1), itemgetter(0, 1)


def _sealed(conn: Connection, table, names, rows: list[tuple] | None) -> list[tuple] | None:
    """The rows with their sealed columns sealed (on a server; as they are on SQLite)."""
    seal = sealing.sealers([table.c[n] for n in names], conn.dialect)
    return [sealing.apply(row, seal) for row in rows] if seal and rows else rows


def _many(conn: Connection, sql: str, rows: list[tuple] | None, key: itemgetter) -> None:
    """In key order: each index then grows at its end instead of splitting pages all over."""
    if rows:
        rows.sort(key=key)
        conn.exec_driver_sql(sql, rows)
