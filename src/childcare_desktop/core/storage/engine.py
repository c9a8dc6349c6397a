"""Opening the store: SQLCipher (encrypted at rest, WAL included) behind a SQLAlchemy engine."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from ..errors import StoreError
from . import POOL_USERS, disk

_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    # FULL: a committed transaction survives a power cut, which old laptops see often.
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    "PRAGMA temp_store=MEMORY",
)


# Decrypted pages kept per connection: the list's covering index of 100,000 children stays
# decrypted between keystrokes; the pool (POOL_USERS) bounds the total. A one-off pass over the
# whole file (backup, integrity check) gains nothing from a cache and takes a small one.
CACHE_KIB = 32768
WRITE_OPTION = "childcare_write"
# Prepared statements kept per connection. Saving a child runs more distinct statements than the
# driver's default cache holds (sqlcipher3 keeps 100): each was parsed again on every save.
STATEMENTS = 512
ONE_PASS_CACHE_KIB = 2048


def raw_connect(path: Path, db_key: bytes | None, cache_kib: int = CACHE_KIB) -> sqlite3.Connection:
    """A DB-API connection, keyed before any other statement; db_key None means plain SQLite
    (used only by benchmarks to measure what encryption costs)."""
    module = sqlite3 if db_key is None else sqlcipher
    conn = module.connect(str(path), check_same_thread=False, cached_statements=STATEMENTS)
    if db_key is not None:
        conn.execute(f"PRAGMA key = \"x'{db_key.hex()}'\"")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (sqlite3.DatabaseError, sqlcipher.DatabaseError) as error:
        conn.close()
        found = disk.trouble(error, path.parent)
        if found is not None:  # the disk's failure, not the file's: said as such
            raise found from error
        raise StoreError("store_unreadable", path=path.name) from None
    for pragma in _PRAGMAS:
        conn.execute(pragma)
    conn.execute(f"PRAGMA cache_size=-{int(cache_kib)}")
    conn.isolation_level = None  # SQLAlchemy's `begin` event below opens transactions itself
    return conn


def make_engine(path: Path, db_key: bytes | None) -> Engine:
    module = sqlite3 if db_key is None else sqlcipher
    engine = create_engine(
        "sqlite://",
        module=module,
        creator=lambda: raw_connect(path, db_key),
        poolclass=QueuePool,
        pool_size=POOL_USERS,
        max_overflow=0,
        # The connection used last comes back first: its page cache is the warm one (the list's
        # index decrypted), and a second connection fills its own cache only under parallel reads.
        pool_use_lifo=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn):  # the pysqlite recipe: SAVEPOINTs and transactions behave as documented
        # A write takes the write lock at once (waiting out busy_timeout for another writer): a
        # deferred one that read first could only fail when another connection wrote meanwhile.
        immediate = conn.get_execution_options().get(WRITE_OPTION)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
