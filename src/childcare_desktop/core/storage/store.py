"""The store: one encrypted SQLite file, its key file, opened with a passphrase and migrated."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..files import written_whole
from ..paths import backups_dir, store_exists
from . import audit, keyfile, migrate, swap
from .engine import ONE_PASS_CACHE_KIB, WRITE_OPTION, make_engine, raw_connect
from .examine import check_store_file
from .integrity import check_file
from .link import is_server, link_url

# A key file rewrite is an fsync as dear as the commit's own: commits in quick succession (a
# loop of saves) share one, and the rest is written at the next commit, export, backup or close.
ANCHOR_EVERY = 1.0


class Store:
    """An open store. Reads may run in parallel (WAL); writes are one transaction each."""

    def __init__(self, path: Path, engine: Engine, db_key: bytes | None) -> None:
        self.path = path
        self.engine = engine
        self._db_key = db_key
        self._anchor_due = False  # audit entries committed that the key file's anchor lacks
        self._anchored_at = -ANCHOR_EVERY

    @staticmethod
    def exists(path: Path) -> bool:
        return store_exists(path)

    @classmethod
    def create(
        cls,
        path: Path | str,
        passphrase: str,
        kdf: keyfile.KdfParams | None = None,
        server: str | None = None,
    ) -> tuple[Store, str]:
        """A new, empty, encrypted store; returns it and the recovery code to show once. At a
        server's URL (`path` itself, or `server` with `path` the link file to leave on this PC)
        the store is made in that server's empty database."""
        from .server import ServerStore

        if is_server(path):
            return ServerStore.create_on_server(str(path), passphrase, kdf)
        path = Path(path)
        if server is not None:
            if path.exists():
                raise StoreError("store_exists", path=path.name)
            return ServerStore.create_on_server(server, passphrase, kdf, link=path)
        if path.exists() or keyfile.key_path(path).exists():
            raise StoreError("store_exists", path=path.name)
        path.parent.mkdir(parents=True, exist_ok=True)
        db_key, recovery = keyfile.create(path, passphrase, kdf)
        store = cls(path, make_engine(path, db_key), db_key)
        migrate.upgrade(store.engine)
        return store, recovery

    @classmethod
    def open(cls, path: Path | str, passphrase: str) -> Store:
        """The store at `path`: a SQLite file, a server's link file, or a server's URL."""
        url = str(path) if is_server(path) else link_url(Path(path))
        if url is not None:
            from .server import ServerStore

            link = None if is_server(path) else Path(path)
            return ServerStore.open_on_server(url, passphrase, link)
        path = Path(path)
        swap.settle(path)  # a restore the program was stopped in is completed or rolled back
        if not path.exists():
            raise StoreError("no_store", path=path.name)
        return cls.open_with_key(path, keyfile.unlock(path, passphrase))

    @classmethod
    def open_with_key(cls, path: Path, db_key: bytes | None) -> Store:
        """Open, refuse a store from a newer program, and migrate after a backup."""
        check_store_file(path)  # an empty file would open as a new, empty store
        raw_connect(path, db_key).close()  # fails cleanly on a wrong key or a damaged file
        store = cls(path, make_engine(path, db_key), db_key)
        if migrate.is_newer_than_program(store.engine):
            store.close()
            raise StoreError("store_newer", path=path.name)
        if migrate.pending(store.engine):
            if inspect(store.engine).has_table("station"):
                store.backup(backups_dir(path) / f"before-migration-{stamp()}.db")
            migrate.upgrade(store.engine)
        return store

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction; when it added audit entries, the key file's anchor follows once it
        has committed (so the anchor never names an entry the store does not hold), at most
        once every ANCHOR_EVERY seconds, and at `anchor_now` and `close`."""
        with self.engine.connect() as conn:
            conn.info.pop(audit.GREW, None)
            with conn.execution_options(**{WRITE_OPTION: True}).begin():
                self._begin_write(conn)
                yield conn
            if conn.info.pop(audit.GREW, False):
                self._anchor_due = True
                if time.monotonic() - self._anchored_at >= ANCHOR_EVERY:
                    self._anchor(conn.execution_options(**{WRITE_OPTION: False}))

    def _begin_write(self, conn: Connection) -> None:
        """What a write transaction takes first: on SQLite, `BEGIN IMMEDIATE` has taken the
        write lock already (see engine.py)."""

    def anchor_now(self) -> None:
        """Bring the key file's anchor up to the newest committed audit entry (before an export
        or a backup carries it away, and at close)."""
        # Best effort, as after a commit: a store that cannot be read now is told by its check.
        with suppress(SQLAlchemyError):
            if self._anchor_due:
                with self.read() as conn:
                    self._anchor(conn)

    def _anchor(self, conn: Connection) -> None:
        self._anchor_due, self._anchored_at = False, time.monotonic()
        # The work is committed; an anchor that lags behind is still true, and the next commit
        # writes it again. A missing or damaged key file is told at the next start.
        with suppress(OSError, StoreError):
            keyfile.advance_anchor(self.path, lambda kept: audit.anchor(conn, kept))

    def backup(self, dest: Path) -> Path:
        """A consistent copy through SQLite's backup API, encrypted with the same key."""
        dest.parent.mkdir(parents=True, exist_ok=True)
        with written_whole(dest) as tmp:
            tmp.unlink(missing_ok=True)
            source = raw_connect(self.path, self._db_key, ONE_PASS_CACHE_KIB)
            target = raw_connect(tmp, self._db_key, ONE_PASS_CACHE_KIB)
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        return dest

    def newest_save(self) -> int:
        """The number of the newest audit entry: every save adds one, so a window that saw
        another number has something new to show (a colleague's, on a shared server)."""
        with self.read() as conn:
            return audit.head(conn)[0]

    def backup_whole(self, dest: Path) -> None:
        """A backup that opens on its own: its key file first (whose anchor then never names an
        entry the copy lacks), then the copy."""
        try:
            shutil.copyfile(keyfile.key_path(self.path), keyfile.key_path(dest))
            self.backup(dest)
        except BaseException:
            with suppress(OSError):  # a full disk may have kept part of it; a gone one, nothing
                keyfile.key_path(dest).unlink(missing_ok=True)
            raise

    def anchored(self) -> dict | None:
        """The audit anchor kept outside the store (in its key file); None when there is none
        or it cannot be read (told by the check made before the store opens)."""
        try:
            return keyfile.anchor(self.path)
        except StoreError:
            return None

    def integrity(self) -> tuple[str, str]:
        """(quick_check, cipher_integrity_check) of this store: "ok" when sound."""
        return check_file(self.path, self._db_key)

    def close(self) -> None:
        self.anchor_now()
        self.engine.dispose()


def stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")
