"""Keeping the store safe: backups (rotated, daily, before risky work), restore, integrity checks,
the passphrase, and the audit log as the supervisor reads it."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlcipher3.dbapi2 import DatabaseError

from ..errors import StoreError
from ..files import written_whole
from ..paths import backups_dir
from ..storage import audit, keyfile, server, swap
from ..storage.integrity import check_file
from ..storage.store import Store
from ..sync import stored
from ..sync.stored import StoredProblem

DEFAULT_KEEP = 10
_SUFFIX = ".db"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    reason: str
    size: int


@dataclass(frozen=True)
class CheckReport:
    integrity: str  # "ok" or SQLite's first complaint
    cipher_integrity: str
    audit_break: audit.Break | None  # the first entry the chain or its anchor cannot vouch for
    backups: int
    newest_backup: datetime | None

    @property
    def audit_broken_at(self) -> int | None:
        return self.audit_break.seq if self.audit_break else None

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.cipher_integrity == "ok" and self.audit_break is None


def backup(
    store: Store, reason: str = "manual", dest: Path | None = None, keep: int = DEFAULT_KEEP
) -> Path:
    """An encrypted copy (with a copy of the key file, which opens it with the same passphrase).
    Copies in the backups folder are rotated: the newest `keep` stay."""
    folder = backups_dir(store.path)
    if dest is None:
        dest = folder / f"backup-{datetime.now():%Y%m%d-%H%M%S-%f}-{reason}{_SUFFIX}"
    dest.parent.mkdir(parents=True, exist_ok=True)
    store.anchor_now()
    store.backup_whole(dest)
    with store.write() as conn:
        audit.record(conn, "backup", detail=reason)
    if dest.parent == folder:
        _rotate(folder, keep)
    return dest


def backup_daily(store: Store, today: date | None = None, keep: int = DEFAULT_KEEP) -> Path | None:
    """Once a day, at the first start of the day."""
    today = today or date.today()
    if any(b.made_at.date() == today and b.reason == "daily" for b in list_backups(store.path)):
        return None
    return backup(store, "daily", keep=keep)


def list_backups(store_path: Path) -> list[BackupInfo]:
    return _backups_in(backups_dir(store_path))


def _backups_in(folder: Path) -> list[BackupInfo]:
    found = []
    for path in folder.glob(f"backup-*{_SUFFIX}"):
        parts = path.stem.split("-")
        try:
            made = datetime.strptime(f"{parts[1]}-{parts[2]}-{parts[3]}", "%Y%m%d-%H%M%S-%f")
        except (IndexError, ValueError):
            continue
        found.append(BackupInfo(path, made, "-".join(parts[4:]), path.stat().st_size))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def check(store: Store) -> CheckReport:
    """Both integrity checks and the audit chain against the key file's anchor; a page that
    fails its authentication code stops SQLite's check with an error, reported as the complaint."""
    backups = list_backups(store.path)
    # Read before the chain: an anchor is written after its commit, so it never runs ahead.
    anchored = store.anchored()
    try:
        quick, cipher = store.integrity()
        with store.read() as conn:
            broken = audit.verify(conn, anchored)
    except (DatabaseError, SQLAlchemyDatabaseError) as err:
        complaint = str(getattr(err, "orig", err))
        return CheckReport(complaint, complaint, None, len(backups), _newest(backups))
    return CheckReport(quick, cipher, broken, len(backups), _newest(backups))


def stored_problems(store: Store) -> tuple[StoredProblem, ...]:
    """Each stored value a received change could not set today (an older version let it in),
    for `childcare check`; a scan of every record, so not part of the check made at each start."""
    with store.read() as conn:
        return tuple(stored.stored_problems(conn))


def _newest(backups: list[BackupInfo]) -> datetime | None:
    return backups[0].made_at if backups else None


def check_backup(store_path: Path, source: Path, passphrase: str) -> None:
    """Raise unless `source` opens with the passphrase and passes both integrity checks.
    The backup opens with its own key file when it has one, else with the store's. A server's
    backup (a pg_dump) is restored by the server's operator with pg_restore, not here."""
    if server.holds(store_path):
        raise StoreError("server_restore_by_operator", path=source.name)
    db_key = keyfile.unlock(_key_owner(store_path, source), passphrase)
    try:
        quick, cipher = check_file(source, db_key)
    except StoreError:
        raise StoreError("backup_unreadable", path=source.name) from None
    except DatabaseError:  # pages that fail their authentication code
        raise StoreError("backup_damaged", path=source.name) from None
    if quick != "ok" or cipher != "ok":
        raise StoreError("backup_damaged", path=source.name)


def restore(store_path: Path, source: Path, passphrase: str) -> Path:
    """Replace the store with a checked backup; the current store is kept as a backup first,
    or, when it is damaged, moved aside as it is (a damaged store is never overwritten)."""
    check_backup(store_path, source, passphrase)
    key_owner = _key_owner(store_path, source)
    # Copied first: keeping the current store makes a backup, which may rotate `source` away.
    swap.stage(store_path, source, keyfile.key_path(key_owner))
    try:
        kept = _keep_current(store_path, passphrase) if store_path.exists() else None
    except BaseException:
        swap.discard(store_path)
        raise
    swap.commit(store_path)
    restored = Store.open(store_path, passphrase)
    try:
        with restored.write() as conn:
            if key_owner == store_path:
                # A backup without its key file: the anchor is the replaced store's, and this
                # restore, itself audited, is where the copy's chain is anchored again.
                keyfile.advance_anchor(store_path, lambda _kept: audit.anchor(conn, None))
            audit.record(conn, "restore", detail=source.name)
    finally:
        restored.close()
    return kept or store_path


def _key_owner(store_path: Path, source: Path) -> Path:
    return source if keyfile.key_path(source).exists() else store_path


def _keep_current(store_path: Path, passphrase: str) -> Path:
    """A backup of the store about to be replaced; a store that does not open (damaged, or its
    key file missing or damaged) or fails its checks is copied byte for byte instead, since a
    backup of it could lose what is left."""
    try:  # not Store.open: it would take the staged copies for those of a stopped restore
        current = Store.open_with_key(store_path, keyfile.unlock(store_path, passphrase))
    except StoreError as err:
        if err.code not in ("store_unreadable", "no_key_file", "key_file_damaged"):
            raise
        return _copy_aside(store_path)
    try:
        if current.integrity() != ("ok", "ok"):
            return _copy_aside(store_path)
        return backup(current, "before-restore")
    except DatabaseError:
        return _copy_aside(store_path)
    finally:
        current.close()


def _copy_aside(store_path: Path) -> Path:
    folder = backups_dir(store_path)
    dest = folder / f"damaged-{datetime.now():%Y%m%d-%H%M%S-%f}{_SUFFIX}"
    shutil.copyfile(store_path, dest)
    wal = Path(f"{store_path}-wal")
    if wal.exists():
        shutil.copyfile(wal, Path(f"{dest}-wal"))
    if keyfile.key_path(store_path).exists():
        shutil.copyfile(keyfile.key_path(store_path), keyfile.key_path(dest))
    return dest


def change_passphrase(store_path: Path, old: str, new: str) -> None:
    """Rewrap the key; works while the program holds the store open (the data is untouched)."""
    _keys(store_path).change_passphrase(store_path, old, new)
    _open_and_audit_passphrase(store_path, new, "").close()


def check_passphrase(store_path: Path, passphrase: str) -> None:
    """Raise StoreError(wrong_passphrase) unless the passphrase opens the key file (the lock
    screen asks again while the store stays open)."""
    _keys(store_path).unlock(store_path, passphrase)


def reset_passphrase_with_recovery(store_path: Path, code: str, new: str) -> Store:
    """Set a new passphrase with the recovery code; returns the store, open and audited."""
    _keys(store_path).reset_passphrase_with_recovery(store_path, code, new)
    return _open_and_audit_passphrase(store_path, new, "recovery")


def _keys(store_path: Path):
    """Where the store's key is wrapped: its key file, or a server's key slots."""
    return server if server.holds(store_path) else keyfile


def _open_and_audit_passphrase(store_path: Path, passphrase: str, detail: str) -> Store:
    store = Store.open(store_path, passphrase)
    try:
        with store.write() as conn:
            audit.record(conn, "passwd", detail=detail)
    except BaseException:
        store.close()
        raise
    return store


def audit_entries(
    store: Store, since: str | None = None, until: str | None = None, action: str | None = None
) -> list[audit.AuditEntry]:
    """The log, oldest first; `since`/`until` are days (YYYY-MM-DD), both included."""
    with store.read() as conn:
        found = audit.entries(conn, since)
    return [
        e
        for e in found
        if (until is None or e.at[:10] <= until) and (action is None or e.action == action)
    ]


def export_audit_csv(
    store: Store, dest: Path, header: Sequence[str], rows: Iterable[Sequence[str]]
) -> int:
    """Write the rows the supervisor sees as CSV (UTF-8 with a BOM, so Excel reads the Chinese)
    and record the export itself; returns how many rows were written."""
    count = 0
    with written_whole(dest) as part, open(part, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for r in rows:
            writer.writerow([_inert(cell) for cell in r])
            count += 1
    with store.write() as conn:
        audit.record(conn, "export", entity="audit", detail=f"{count} entries")
    return count


def _inert(cell: str) -> str:
    """A cell that starts like a formula is shown as text by Excel, never run."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@") else cell


def _rotate(folder: Path, keep: int) -> None:
    for old in _backups_in(folder)[keep:]:
        old.path.unlink(missing_ok=True)
        keyfile.key_path(old.path).unlink(missing_ok=True)
