"""A store on a PostgreSQL server: a county's shared store, for several officers at once.

The same tables, migrations and services as the SQLite store. What differs:

- **Where it is**: an SQLAlchemy URL (`postgresql://ROLE@HOST/DB`, psycopg 3). The password is
  never part of it: libpq takes it from PGPASSWORD or `~/.pgpass`. TLS is used whenever the
  server offers it (`sslmode=prefer`, or what the URL asks). On a PC, a small *link file* (JSON:
  the URL) stands where a store file would, so the program's folders, tries and backups keep
  their places.
- **Keys**: the store's key is random, made once, and never sent to the server in the clear.
  Each database role that works on the store has its own *key slot*, the key wrapped by that
  officer's passphrase (Argon2id + ChaCha20-Poly1305, as in the key file), and the recovery code
  has one more. With the key, the program seals the columns a dump must not show (`sealing`).
- **Writers**: one write transaction at a time per store, as on SQLite: each takes a
  transaction-scoped advisory lock first, so a merge and an edit never interleave (no lost
  update, no deadlock between writers); readers are never blocked (MVCC).
- **Backups**: `pg_dump` in its custom format; what it holds is sealed as in the server.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError

from ..errors import StoreError
from ..files import written_whole
from ..paths import backups_dir, data_dir
from . import POOL_USERS, audit, keyfile, migrate, tries
from .driver import translate_driver_sql
from .link import is_server, link_url, write_link
from .sealing import ATTRIBUTE, Sealer
from .store import Store, stamp

RECOVERY_SLOT = "*recovery*"  # not a role name PostgreSQL allows unquoted
# One writer at a time per store: the lock's number is fixed, the store is the database.
WRITE_LOCK = 0x63686C64  # "chld"
# Set for each connection when it is opened (libpq's `options`): no round trip, nothing to keep.
JIT_OFF = "-c jit=off"


def default_link(url: str) -> Path:
    """Where a server's link file lies when the store was named by its URL alone."""
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]
    return data_dir() / "servers" / f"{digest}.server"


def server_url(location: str) -> URL:
    """The URL with psycopg as its driver; refused when it carries a password."""
    try:
        url = make_url(location)  # a port that is not a number raises ValueError
    except (ArgumentError, ValueError):
        raise StoreError("server_url_bad", url=location) from None
    if url.password is not None or "password" in url.query:
        raise StoreError("server_password_in_url")
    if not url.database:
        raise StoreError("server_url_bad", url=location)
    return url.set(drivername="postgresql+psycopg")


def make_server_engine(location: str) -> Engine:
    url = server_url(location)
    # JIT compilation pays off for long analytic queries; the program's are short, and it took
    # 0.4 s of the county's summary (compiling a plan that ran in 1 s) before a row was read.
    options = f"{url.query['options']} {JIT_OFF}" if "options" in url.query else JIT_OFF
    args = {"application_name": "childcare-desktop", "connect_timeout": 10, "options": options}
    if "sslmode" not in url.query:
        args["sslmode"] = "prefer"
    engine = create_engine(
        url,
        connect_args=args,
        pool_size=POOL_USERS,
        max_overflow=0,
        pool_pre_ping=True,
        pool_use_lifo=True,
    )
    translate_driver_sql(engine)
    return engine


class ServerStore(Store):
    """An open store on a server (see the module's docstring)."""

    def __init__(self, path: Path, engine: Engine, url: str, store_key: bytes) -> None:
        super().__init__(path, engine, None)
        self.url = url
        self._store_key = store_key  # held while open, to give a colleague a slot

    def add_colleague(self, role: str, passphrase: str) -> None:
        """A key slot for another officer's database role (made by the server's operator),
        wrapped by the passphrase that officer types here; audited."""
        keyfile.check_passphrase(passphrase)
        kdf = keyfile.DEFAULT_KDF
        with self.write() as conn:
            known = text("SELECT 1 FROM pg_roles WHERE rolname = :role")
            if conn.execute(known, {"role": role}).first() is None:
                raise StoreError("server_no_role", role=role)
            _put_slot(conn, role, keyfile.wrap(self._store_key, passphrase, kdf), kdf)
            audit.record(conn, "passwd", detail=f"key slot for {role}")

    @classmethod
    def create_on_server(
        cls,
        url: str,
        passphrase: str,
        kdf: keyfile.KdfParams | None = None,
        link: Path | None = None,
    ) -> tuple[ServerStore, str]:
        """A new store in an empty database; returns it and the recovery code to show once."""
        keyfile.check_passphrase(passphrase)
        engine = _reach(url)
        if migrate.current_revision(engine) is not None:
            engine.dispose()
            raise StoreError("store_exists", path=url)
        store_key = os.urandom(32)
        recovery = keyfile.new_recovery_code()
        kdf = kdf or keyfile.DEFAULT_KDF
        _unlocked(engine, store_key)
        migrate.upgrade(engine)
        with engine.begin() as conn:
            role = _role(conn)
            _put_slot(conn, role, keyfile.wrap(store_key, passphrase, kdf), kdf)
            _put_slot(conn, RECOVERY_SLOT, keyfile.wrap_recovery(store_key, recovery, kdf), kdf)
        link = link or default_link(url)
        write_link(link, url)
        return cls(link, engine, url, store_key), recovery

    @classmethod
    def open_on_server(cls, url: str, passphrase: str, link: Path | None = None) -> ServerStore:
        link = link or default_link(url)
        engine = _reach(url)
        try:
            if migrate.current_revision(engine) is None:
                raise StoreError("no_store", path=url)
            if migrate.is_newer_than_program(engine):
                raise StoreError("store_newer", path=url)
            with engine.connect() as conn:
                wrapped, kdf = _own_slot(conn, _role(conn))
            if not link.exists():
                write_link(link, url)
            with tries.counted(link):
                store_key = keyfile.unwrap(wrapped, passphrase, kdf)
        except BaseException:
            engine.dispose()
            raise
        _unlocked(engine, store_key)
        store = cls(link, engine, url, store_key)
        if migrate.pending(engine):
            store.backup(backups_dir(link) / f"before-migration-{stamp()}.dump")
            migrate.upgrade(engine)
        return store

    def _begin_write(self, conn: Connection) -> None:
        conn.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": WRITE_LOCK})

    def backup(self, dest: Path) -> Path:
        """`pg_dump` of the whole database (custom format): sealed columns stay sealed."""
        tool = shutil.which("pg_dump")
        if tool is None:
            raise StoreError("server_tool_missing", tool="pg_dump")
        dest.parent.mkdir(parents=True, exist_ok=True)
        url = server_url(self.url).set(drivername="postgresql")
        with written_whole(dest) as part:
            done = subprocess.run(
                [tool, "--format=custom", "--no-password", f"--file={part}",
                 url.render_as_string(hide_password=False)],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            if done.returncode != 0:
                raise StoreError("server_backup_failed", reason=done.stderr.strip()[-300:])
        return dest

    def backup_whole(self, dest: Path) -> None:
        """No key file: the dump opens with a slot's passphrase once restored by the operator."""
        self.backup(dest)

    def anchored(self) -> dict | None:
        return None

    def integrity(self) -> tuple[str, str]:
        """(what the server answers, the store key's check): the server keeps its own pages
        (checksums, WAL); the program checks that its key opens what it sealed."""
        with self.read() as conn:
            conn.execute(text("SELECT 1")).scalar_one()
        return "ok", "ok"

    def _anchor(self, conn: Connection) -> None:
        """No key file on a server: its audit chain is checked link by link at each check,
        and the server's own backups keep its history (see the module's docstring)."""
        self._anchor_due = False


def _reach(url: str) -> Engine:
    engine = make_server_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (OperationalError, ProgrammingError) as error:
        engine.dispose()
        reason = str(getattr(error, "orig", error)).strip().splitlines()[0][:200]
        raise StoreError("server_unreachable", url=url, reason=reason) from None
    return engine


def _unlocked(engine: Engine, store_key: bytes) -> None:
    setattr(engine.dialect, ATTRIBUTE, Sealer(store_key))


def _role(conn: Connection) -> str:
    return conn.execute(text("SELECT current_user")).scalar_one()


def _put_slot(conn: Connection, owner: str, wrapped: dict, kdf: keyfile.KdfParams) -> None:
    conn.execute(
        text(
            "INSERT INTO key_slot (owner, kdf, wrapped) VALUES (:owner, :kdf, :wrapped) "
            "ON CONFLICT (owner) DO UPDATE SET kdf = excluded.kdf, wrapped = excluded.wrapped"
        ),
        {"owner": owner, "kdf": json.dumps(kdf.__dict__), "wrapped": json.dumps(wrapped)},
    )


def _slot(conn: Connection, owner: str) -> tuple[dict, keyfile.KdfParams] | None:
    row = conn.execute(
        text("SELECT kdf, wrapped FROM key_slot WHERE owner = :owner"), {"owner": owner}
    ).first()
    if row is None:
        return None
    return json.loads(row.wrapped), keyfile.KdfParams(**json.loads(row.kdf))


# The key file's operations on a server's key slots, by the link file's path or the server's URL
# (safety.py picks this module or keyfile by the store's path): the officer's own slot, and the
# recovery code's.


def holds(where: str | os.PathLike) -> bool:
    """Whether `where` is a server's URL or a link file (rather than a store file)."""
    return is_server(where) or link_url(Path(where)) is not None


def unlock(link: Path | str, passphrase: str) -> bytes:
    """The store's key from this role's slot, or StoreError(wrong_passphrase)."""
    with _slots(link) as (conn, role):
        wrapped, kdf = _own_slot(conn, role)
        with tries.counted(_tries_at(link)):
            return keyfile.unwrap(wrapped, passphrase, kdf)


def change_passphrase(link: Path | str, old: str, new: str) -> None:
    keyfile.check_passphrase(new)
    with _slots(link) as (conn, role):
        wrapped, kdf = _own_slot(conn, role)
        with tries.counted(_tries_at(link)):
            store_key = keyfile.unwrap(wrapped, old, kdf)
        _put_slot(conn, role, keyfile.wrap(store_key, new, kdf), kdf)


def reset_passphrase_with_recovery(link: Path | str, code: str, new: str) -> None:
    """A forgotten passphrase: the recovery code's slot gives the key, which this role's slot
    wraps again by the new passphrase (made when the role had none)."""
    keyfile.check_passphrase(new)
    with _slots(link) as (conn, role):
        found = _slot(conn, RECOVERY_SLOT)
        if found is None:
            raise StoreError("wrong_recovery_code")
        wrapped, kdf = found
        with tries.counted(_tries_at(link)):
            store_key = keyfile.unwrap_recovery(wrapped, code, kdf)
        _put_slot(conn, role, keyfile.wrap(store_key, new, kdf), kdf)


def _tries_at(where: Path | str) -> Path:
    """Where wrong passphrases are counted: beside the link file (a URL's default one)."""
    return default_link(str(where)) if is_server(where) else Path(where)


def _own_slot(conn: Connection, role: str) -> tuple[dict, keyfile.KdfParams]:
    found = _slot(conn, role)
    if found is None:
        raise StoreError("server_no_slot", role=role)
    return found


@contextmanager
def _slots(where: Path | str) -> Iterator[tuple[Connection, str]]:
    """This role's connection to the server named by a link file or a URL."""
    url = str(where) if is_server(where) else link_url(Path(where))
    if url is None:
        raise StoreError("no_store", path=Path(where).name)
    engine = _reach(url)
    try:
        with engine.begin() as conn:
            yield conn, _role(conn)
    finally:
        engine.dispose()
