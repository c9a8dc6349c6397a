"""Rows written in bulk through the driver: tuples in column order, in one executemany.

An import or a demo writes tens of thousands of rows; SQLAlchemy's compiled insert processes
every value of every row in Python, which cost more than SQLite's own work. Here the values go
as they are, dates as ISO text (how the store keeps them), column defaults filled in.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Date, Table


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
    for row in rows:
        found = list(values_of(defaults | row))
        for i in dates:
            if found[i] is not None:
                found[i] = as_stored(found[i])
        values.append(tuple(found))
    conn.exec_driver_sql(sql, values)
