"""Keeping the store safe: backups (rotated, daily, before risky work), restore, integrity checks,
the passphrase, and the audit log as the supervisor reads it."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlcipher3.dbapi2 import DatabaseError

from ..errors import StoreError
from ..paths import backups_dir
from ..storage import audit, keyfile
from ..storage.integrity import check_file
from ..storage.store import Store

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
    audit_broken_at: int | None
    backups: int
    newest_backup: datetime | None

    @property
    def ok(self) -> bool:
        return (
            self.integrity == "ok"
            and self.cipher_integrity == "ok"
            and self.audit_broken_at is None
        )


def backup(
    store: Store, reason: str = "manual", dest: Path | None = None, keep: int = DEFAULT_KEEP
) -> Path:
    """An encrypted copy (with a copy of the key file, which opens it with the same passphrase).
    Copies in the backups folder are rotated: the newest `keep` stay."""
    folder = backups_dir(store.path)
    if dest is None:
        dest = folder / f"backup-{datetime.now():%Y%m%d-%H%M%S-%f}-{reason}{_SUFFIX}"
    store.backup(dest)
    shutil.copyfile(keyfile.key_path(store.path), keyfile.key_path(dest))
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
    quick, cipher = store.integrity()
    with store.read() as conn:
        broken = audit.verify(conn)
    backups = list_backups(store.path)
    return CheckReport(quick, cipher, broken, len(backups), backups[0].made_at if backups else None)


def restore(store_path: Path, source: Path, passphrase: str) -> Path:
    """Replace the store with a checked backup; the current store is kept as a backup first.
    The backup opens with its own key file when it has one, else with the store's."""
    source_key = keyfile.key_path(source)
    key_owner = source if source_key.exists() else store_path
    db_key = keyfile.unlock(key_owner, passphrase)
    try:
        quick, cipher = check_file(source, db_key)
    except StoreError:
        raise StoreError("backup_unreadable", path=source.name) from None
    except DatabaseError:  # pages that fail their authentication code
        raise StoreError("backup_damaged", path=source.name) from None
    if quick != "ok" or cipher != "ok":
        raise StoreError("backup_damaged", path=source.name)
    kept = None
    if Store.exists(store_path):
        current = Store.open(store_path, passphrase)
        try:
            kept = backup(current, "before-restore")
        finally:
            current.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{store_path}{suffix}").unlink(missing_ok=True)
    tmp = store_path.with_name(store_path.name + ".restoring")
    shutil.copyfile(source, tmp)
    tmp.replace(store_path)
    if key_owner == source:
        shutil.copyfile(source_key, keyfile.key_path(store_path))
    restored = Store.open(store_path, passphrase)
    try:
        with restored.write() as conn:
            audit.record(conn, "restore", detail=source.name)
    finally:
        restored.close()
    return kept or store_path


def change_passphrase(store_path: Path, old: str, new: str) -> None:
    keyfile.change_passphrase(store_path, old, new)
    store = Store.open(store_path, new)
    try:
        with store.write() as conn:
            audit.record(conn, "passwd")
    finally:
        store.close()


def audit_entries(store: Store, since: str | None = None) -> list[audit.AuditEntry]:
    with store.read() as conn:
        return audit.entries(conn, since)


def _rotate(folder: Path, keep: int) -> None:
    for old in _backups_in(folder)[keep:]:
        old.path.unlink(missing_ok=True)
        keyfile.key_path(old.path).unlink(missing_ok=True)
