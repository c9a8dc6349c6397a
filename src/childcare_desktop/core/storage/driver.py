"""The store's hot paths in plain SQL, the same text on both back ends.

The merge, the derived columns, bulk writes and the lists speak SQL to the driver directly
(SQLAlchemy's per-value work cost more than the database's own). That SQL is written once, in
SQLite's words; on PostgreSQL it is translated here, once per statement text:

- `?` marks become psycopg's `%s`, `:name` marks `%(name)s` (and a literal `%` is doubled);
- a boolean column compared with 1 or 0 (SQLite keeps booleans as integers, and its partial
  indexes are found by those very words) is compared with TRUE or FALSE;
- `INDEXED BY ix_…` and a unary `+` before a column (hints for SQLite's planner, which
  PostgreSQL plans alone) are dropped;
- `instr(a, b)` becomes `strpos(a, b)` and `group_concat(x)` `string_agg(x, ',')` (the same
  functions under PostgreSQL's names).

The statements must not hold a `?` inside a quoted literal: none does, and a test reads them.

Rows known to be new (`insert_new`) go to a server by `COPY`, not as one `INSERT` per row: the
merge writes a hundred thousand at a time, and psycopg's executemany sends, and the server plans
and runs, each row as a statement of its own. A list of ids (`select_any`) goes to a server as
one array, in binary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Boolean, Connection, Engine, Table, event

_HINT = re.compile(r"\s+INDEXED BY \w+", re.IGNORECASE)
_UNARY_PLUS = re.compile(r"(?<=[\s(])\+(?=[A-Za-z_][\w.]*)")
_INSTR = re.compile(r"\binstr\(", re.IGNORECASE)
_GROUP_CONCAT = re.compile(r"\bgroup_concat\(([^()]+)\)", re.IGNORECASE)
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@lru_cache(maxsize=1)
def _booleans() -> re.Pattern:
    from .tables import metadata

    names = sorted(
        {c.name for table in metadata.tables.values() for c in table.columns
         if isinstance(c.type, Boolean)}
    )  # fmt: skip
    return re.compile(rf"\b({'|'.join(names)})\s*=\s*([01])\b")


@lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    """SQLite's text of a statement as PostgreSQL (through psycopg) takes it."""
    sql = _INSTR.sub("strpos(", _UNARY_PLUS.sub("", _HINT.sub("", sql)))
    sql = _GROUP_CONCAT.sub(r"string_agg(\1, ',')", sql)
    sql = _booleans().sub(lambda m: f"{m[1]} = {'TRUE' if m[2] == '1' else 'FALSE'}", sql)
    sql = sql.replace("%", "%%").replace("?", "%s")
    return _NAMED.sub(r"%(\1)s", sql)


def translate_driver_sql(engine: Engine) -> None:
    """Every statement given as text (`exec_driver_sql`) is translated on a server's engine,
    and gives its dates back as ISO text (as SQLite keeps them, and as such statements read
    them); statements SQLAlchemy compiled itself are in PostgreSQL's words, with its types."""

    from psycopg.types.string import TextLoader

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _translate(conn, cursor, statement, parameters, context, executemany):
        if context is not None and context.compiled is None:
            statement = translate(statement)
            cursor.adapters.register_loader("date", TextLoader)  # ISO text, as SQLite gives
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


def insert_new(conn: Connection, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    """Insert rows in `columns` order that the table does not hold (the caller knows them new:
    a row whose key is held fails, as a plain INSERT does). On SQLite one executemany of
    `INSERT`; on PostgreSQL `COPY … FROM STDIN` of the same values as text, which the server
    reads as it would the statement's (ISO dates, 1 and 0 for booleans), its error raised as
    SQLAlchemy raises the statement's."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(_insert_sql(table, tuple(columns)), rows)
        return
    from psycopg import Error
    from sqlalchemy.exc import DBAPIError

    statement = _copy_sql(table, tuple(columns))
    try:
        with conn.connection.driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
            write = copy.write_row
            for row in rows:
                write(row)
    except Error as error:
        raise DBAPIError.instance(statement, None, error, Error) from error


def select_any(conn: Connection, sql: str, params: Sequence[Any], ids: list[str]) -> list[tuple]:
    """On a server, the rows of `sql` (SQLite's text) whose last mark, in `= ANY(?)`, takes
    `ids` as one array after `params`. The array goes in binary: as text, psycopg writes it in
    Python a character at a time and the server parses it again (0.8 s for 100,000 ids, against
    0.15 s)."""
    cursor = _Translating(conn.connection.driver_connection)._cursor()
    return cursor.execute(_binary_last(sql), (*params, ids)).fetchall()


@lru_cache(maxsize=256)
def _binary_last(sql: str) -> str:
    head, mark, tail = translate(sql).rpartition("%s")
    if not mark:
        raise ValueError(f"no mark for the ids: {sql}")
    return f"{head}%b{tail}"


@lru_cache(maxsize=256)
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'


@lru_cache(maxsize=256)
def _copy_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f'COPY "{table}" ({names}) FROM STDIN'


def raw(conn: Connection) -> Any:
    """The DB-API connection under `conn`, inside its transaction, taking SQLite's text of a
    statement on both back ends (`execute`, `executemany`, rows as tuples)."""
    found = conn.connection.driver_connection
    return found if conn.dialect.name == "sqlite" else _Translating(found)


def put_row(conn: Connection, table: Table, values: dict[str, Any]) -> None:
    """Insert a row, or set the given columns of the row already holding its key: the same
    `INSERT … ON CONFLICT … DO UPDATE` on both back ends."""
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).values(values)
    keys = [c.name for c in table.primary_key.columns]
    changed = {k: statement.excluded[k] for k in values if k not in keys}
    conn.execute(
        statement.on_conflict_do_update(index_elements=keys, set_=changed)
        if changed
        else statement.on_conflict_do_nothing(index_elements=keys)
    )
