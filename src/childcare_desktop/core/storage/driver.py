"""The store's hot paths in plain SQL, the same text on both back ends.

The merge, the derived columns, bulk writes and the lists speak SQL to the driver directly
(SQLAlchemy's per-value work cost more than the database's own). That SQL is written once, in
SQLite's words; on PostgreSQL it is translated here, once per statement text:

- `?` marks become psycopg's `%s` (and a literal `%` is doubled);
- `INDEXED BY ix_…` (a hint for SQLite's planner, which PostgreSQL plans alone) is dropped;
- `instr(a, b)` becomes `strpos(a, b)` (the same function under PostgreSQL's name).

The statements must not hold a `?` inside a quoted literal: none does, and a test reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, event

_HINT = re.compile(r"\s+INDEXED BY \w+", re.IGNORECASE)
_INSTR = re.compile(r"\binstr\(", re.IGNORECASE)


@lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    """SQLite's text of a statement as PostgreSQL (through psycopg) takes it."""
    sql = _INSTR.sub("strpos(", _HINT.sub("", sql))
    return sql.replace("%", "%%").replace("?", "%s")


def translate_driver_sql(engine: Engine) -> None:
    """Every statement given as text (`exec_driver_sql`) is translated on a server's engine;
    statements SQLAlchemy compiled itself are already in PostgreSQL's words."""

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _translate(conn, cursor, statement, parameters, context, executemany):
        if context is not None and context.compiled is None:
            statement = translate(statement)
        return statement, parameters


class _Translating:
    """psycopg's connection, taking SQLite's text of a statement (see `translate`) and giving
    dates back as ISO text, as SQLite keeps them and as the hot paths read them."""

    def __init__(self, raw: Any) -> None:
        self._raw = raw

    def _cursor(self) -> Any:
        from psycopg.types.string import TextLoader

        cursor = self._raw.cursor()
        cursor.adapters.register_loader("date", TextLoader)
        return cursor

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._cursor().execute(translate(sql), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        cursor = self._cursor()
        cursor.executemany(translate(sql), rows)
        return cursor


def raw(conn: Connection) -> Any:
    """The DB-API connection under `conn`, inside its transaction, taking SQLite's text of a
    statement on both back ends (`execute`, `executemany`, rows as tuples)."""
    found = conn.connection.driver_connection
    return found if conn.dialect.name == "sqlite" else _Translating(found)
