"""Rows written and read in bulk through the driver: tuples in column order, in one executemany.

An import or a demo writes tens of thousands of rows; SQLAlchemy's compiled insert processes
every value of every row in Python, which cost more than SQLite's own work. Here the values go
as they are, dates as ISO text (how the store keeps them), column defaults filled in. Updates
and deletions find rows by their key (the uuid of a file's records). Rows read back come with
dates and booleans as SQLAlchemy gives them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Connection, Date, Table

from . import sealing


@cache
def _shape(table: Table) -> tuple[str, dict[str, Any], itemgetter, tuple[int, ...]]:
    columns = list(table.columns)
    defaults = {c.name: _default(c) for c in columns}
    names = ", ".join(f'"{c.name}"' for c in columns)
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    dates = tuple(i for i, c in enumerate(columns) if isinstance(c.type, Date))
    return sql, defaults, itemgetter(*defaults), dates


def _default(column) -> Any:
    default = column.default
    return default.arg if default is not None and default.is_scalar else None


def as_stored(value: Any) -> Any:
    """A value as the store keeps it: a date as ISO text."""
    return value.isoformat() if isinstance(value, date) else value


def insert_rows(conn: Connection, table: Table, rows: list[dict]) -> None:
    """Insert `rows` (column name → value; missing columns take their default)."""
    if not rows:
        return
    sql, defaults, values_of, dates = _shape(table)
    values = []
    # Rows that name every column (an import's) need no defaults merged in, one dict less each.
    whole = defaults.keys() <= rows[0].keys()
    for row in rows:
        try:
            found = list(values_of(row if whole else defaults | row))
        except KeyError:  # a row that lacks a column the first had
            found = list(values_of(defaults | row))
        for i in dates:
            value = found[i]
            if value is not None and value.__class__ is not str:  # a date, not yet ISO text
                found[i] = as_stored(value)
        values.append(tuple(found))
    seal = sealing.sealers(table.columns, conn.dialect)
    if seal:
        values = [sealing.apply(row, seal) for row in values]
    conn.exec_driver_sql(sql, values)


def update_rows(conn: Connection, table: Table, changes: list[tuple[str, dict]]) -> None:
    """Set columns of rows found by key: `changes` as (key, column → value), one executemany
    per set of columns changed."""
    key = _key(table)
    by_columns: dict[tuple[str, ...], list[tuple]] = {}
    for row_key, values in changes:
        params = (*(as_stored(v) for v in values.values()), row_key)
        by_columns.setdefault(tuple(values), []).append(params)
    for columns, params in by_columns.items():
        seal = sealing.sealers([table.c[c] for c in columns], conn.dialect)
        if seal:
            params = [sealing.apply(row, seal) for row in params]
        assignments = ", ".join(f'"{c}" = ?' for c in columns)
        conn.exec_driver_sql(f'UPDATE "{table.name}" SET {assignments} WHERE "{key}" = ?', params)


def delete_rows(conn: Connection, table: Table, keys: list[str]) -> None:
    if keys:
        sql = f'DELETE FROM "{table.name}" WHERE "{_key(table)}" = ?'
        conn.exec_driver_sql(sql, [(k,) for k in keys])


def _key(table: Table) -> str:
    (column,) = table.primary_key.columns
    return column.name


def rows_where_in(
    conn: Connection,
    table: Table,
    names: tuple[str, ...],
    column: str,
    values: list[str],
    order: tuple[str, ...] = (),
) -> list[tuple]:
    """The `names` columns of the rows whose `column` is one of `values` (900 at the most),
    ordered by `order`."""
    if not values:
        return []
    convert = [(i, f) for i, n in enumerate(names) if (f := _reader(table.c[n].type)) is not None]
    convert += sealing.openers([table.c[n] for n in names], conn.dialect)
    picked = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" * len(values))
    sql = f'SELECT {picked} FROM "{table.name}" WHERE "{column}" IN ({marks})'
    if order:
        sql += " ORDER BY " + ", ".join(f'"{n}"' for n in order)
    rows = []
    for row in conn.exec_driver_sql(sql, tuple(values)).all():
        found = list(row)
        for i, read in convert:
            if found[i] is not None:
                found[i] = read(found[i])
        rows.append(tuple(found))
    return rows


def _reader(column_type) -> Any:
    """How a stored value becomes the Python value (None: as it is)."""
    if isinstance(column_type, Date):  # ISO text on SQLite; a date already on a server
        return _date
    if isinstance(column_type, Boolean):
        return bool
    return None


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a long list of rows is built: its passes would walk
    the rows built so far again and again, all of them alive (tens of ms for 100,000). It is
    turned back on only if it was on, so a pause overlapping another never leaves it off."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
