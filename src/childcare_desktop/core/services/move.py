"""Moving a station's store up from its SQLite file to a PostgreSQL server, checked before done.

The file is opened read-only (never migrated, never written: a store from an older program is
refused until the program has opened it once). The server's database must be empty; the store
made there gets its own new key, wrapped by the officer's passphrase and by a new recovery code.
Every table is copied row by row through SQLAlchemy Core, parents before children, so that the
columns sealed on a server are sealed on the way; the change log and the audit chain go across
verbatim. Success is said only once each table holds as many rows on both sides, with the same
digest over the values as the program reads them, and the audit chain verifies on the server.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import (
    Connection,
    Engine,
    Integer,
    LargeBinary,
    Table,
    event,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..storage import audit, keyfile, migrate
from ..storage import tables as t
from ..storage.engine import make_engine
from ..storage.examine import check_store_file
from ..storage.server import ServerStore, is_server, link_url, make_server_engine

# Rows per insert; a table that holds files (photos, batches' envelopes) goes in smaller ones.
CHUNK = 4000
CHUNK_WITH_FILES = 200
# The server's own key slots are made for its new key, never copied.
NOT_COPIED = frozenset({t.key_slot.name})


@dataclass(frozen=True)
class MoveResult:
    tables: dict[str, int]  # rows copied, per table, parents first
    recovery_code: str  # the server store's, shown once
    seconds: float


@dataclass(frozen=True)
class TableCheck:
    """A table's row count and digest (sha256 of its rows in primary-key order, as JSON)."""

    rows: int
    digest: str


def moved_tables() -> list[Table]:
    """The tables a move copies, each after the tables its foreign keys name."""
    return [table for table in t.metadata.sorted_tables if table.name not in NOT_COPIED]


def move_store(source: Path, url: str, passphrase: str) -> MoveResult:
    """Copy the store at `source` into the empty database at `url` and check the copy; the
    source is left as it was whatever happens. StoreError says why it was refused or which
    table differed."""
    started = time.perf_counter()
    if not is_server(url):
        raise StoreError("move_to_not_server", url=url)
    if is_server(source) or link_url(Path(source)) is not None:
        raise StoreError("move_from_not_file", path=str(source))
    source = Path(source)
    engine = open_read_only(source, passphrase)
    try:
        with engine.connect() as conn:
            broken = audit.verify(conn, keyfile.anchor(source))
        if broken is not None:
            raise StoreError("move_source_audit_broken", path=source.name, seq=broken.seq)
        _refuse_unless_empty(url)
        target, recovery = ServerStore.create_on_server(url, passphrase)
        try:
            with engine.connect() as conn, conn.begin():  # one snapshot for the copy and checks
                copied = _copy(conn, target, source)
                _check(conn, target, source, url)
            with target.write() as conn:
                rows = sum(copied.values())
                audit.record(conn, "import", "store", detail=f"store_moved from {source.name}: "
                             f"{rows} rows")  # fmt: skip
        finally:
            target.close()
    finally:
        engine.dispose()
    return MoveResult(copied, recovery, time.perf_counter() - started)


def open_read_only(path: Path, passphrase: str) -> Engine:
    """The SQLite store at `path` with every connection read-only (`query_only`)."""
    if not path.exists():
        raise StoreError("no_store", path=path.name)
    db_key = keyfile.unlock(path, passphrase)
    check_store_file(path)
    engine = make_engine(path, db_key)

    @event.listens_for(engine, "connect")
    def _read_only(dbapi_conn, record):
        dbapi_conn.execute("PRAGMA query_only=ON")

    try:
        if migrate.is_newer_than_program(engine):
            raise StoreError("store_newer", path=path.name)
        if migrate.pending(engine):
            raise StoreError("move_source_outdated", path=path.name)
    except BaseException:
        engine.dispose()
        raise
    return engine


def table_checks(conn: Connection) -> dict[str, TableCheck]:
    """Each moved table's count and digest, computed the same way on either back end."""
    found = {}
    for table in moved_tables():
        digest, rows = hashlib.sha256(), 0
        for part in _rows(conn, table):
            for row in part:
                digest.update(_row_text(row))
                rows += 1
        found[table.name] = TableCheck(rows, digest.hexdigest())
    return found


def first_difference(
    source: dict[str, TableCheck], target: dict[str, TableCheck]
) -> tuple[str, str] | None:
    """(table, "rows" or "digest") of the first table that differs, parents first; else None."""
    for name, want in source.items():
        got = target.get(name)
        if got is None or got.rows != want.rows:
            return name, "rows"
        if got.digest != want.digest:
            return name, "digest"
    return None


def _refuse_unless_empty(url: str) -> None:
    engine = make_server_engine(url)
    try:
        found = inspect(engine).get_table_names()
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", error)).strip().splitlines()[0][:200]
        raise StoreError("server_unreachable", url=url, reason=reason) from None
    finally:
        engine.dispose()
    if found:
        raise StoreError("move_target_not_empty", url=url, count=len(found))


def _copy(source: Connection, target: ServerStore, source_path: Path) -> dict[str, int]:
    copied = {}
    with target.write() as conn:
        for table in moved_tables():
            rows = 0
            try:
                keys = [c.key for c in table.columns]
                for part in _rows(source, table):
                    conn.execute(insert(table), [dict(zip(keys, row, strict=True)) for row in part])
                    rows += len(part)
            except SQLAlchemyError as error:
                reason = str(getattr(error, "orig", error)).strip().splitlines()[0][:200]
                raise StoreError(
                    "move_copy_failed", table=table.name, path=source_path.name, reason=reason
                ) from None
            copied[table.name] = rows
        _follow_sequences(conn)
    return copied


def _follow_sequences(conn: Connection) -> None:
    """Rows were copied with their numbers: each table's counter goes on after the highest."""
    quote = conn.dialect.identifier_preparer.quote
    for table in moved_tables():
        key = list(table.primary_key.columns)
        if len(key) != 1 or not isinstance(key[0].type, Integer):
            continue
        name, column = quote(table.name), quote(key[0].name)
        # setval(NULL, …) does nothing: a key without a counter, or an empty table, is passed.
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:table, :column), max({column})) "
                f"FROM {name} HAVING max({column}) IS NOT NULL"
            ),
            {"table": name, "column": key[0].name},
        )


def _check(source: Connection, target: ServerStore, source_path: Path, url: str) -> None:
    with target.read() as conn:
        differs = first_difference(table_checks(source), table_checks(conn))
        broken = audit.verify(conn) if differs is None else None
    if differs is not None:
        table, what = differs
        raise StoreError(
            "move_check_failed", table=table, what=what, path=source_path.name, url=url
        )
    if broken is not None:
        raise StoreError(
            "move_check_failed", table=t.audit.name, what=f"seq {broken.seq}",
            path=source_path.name, url=url,
        )  # fmt: skip


def _rows(conn: Connection, table: Table) -> Iterator[list]:
    """The table's rows in chunks, in primary-key order: by code point on both back ends (the
    server's own collation would sort text by its locale)."""
    order = []
    for column in table.primary_key.columns:
        textual = not isinstance(column.type, Integer) and conn.dialect.name == "postgresql"
        order.append(column.collate("C") if textual else column)
    size = CHUNK_WITH_FILES if _holds_files(table) else CHUNK
    result = conn.execution_options(yield_per=size).execute(select(table).order_by(*order))
    yield from result.partitions(size)


def _holds_files(table: Table) -> bool:
    return any(isinstance(c.type, LargeBinary) for c in table.columns)


def _row_text(row) -> bytes:
    return (
        json.dumps([_plain(v) for v in row], ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8"
        )
        + b"\n"
    )


def _plain(value: object) -> object:
    if isinstance(value, bytes | memoryview):
        return {"hex": bytes(value).hex()}
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value
