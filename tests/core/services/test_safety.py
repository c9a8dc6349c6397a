"""Backups, restore, integrity checks and the passphrase change."""

import hashlib
from datetime import date

import pytest

from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.errors import StoreError
from childcare_desktop.core.services import safety
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE, VILLAGE


def add(store, name):
    return Children(store).save(
        Child(name, "male", date(2016, 2, 2), VILLAGE, no_id_reason="no_hukou")
    )


@pytest.mark.sqlite_only(
    "a file backup and its key file; a server's is a pg_dump (test_server_store)"
)
def test_a_backup_opens_with_the_passphrase_and_holds_the_data(store, data_dir):
    add(store, "钱多多")
    path = safety.backup(store, "manual")
    copy = Store.open(path, PASSPHRASE)
    assert [s.name for s in Children(copy).summaries()] == ["钱多多"]
    copy.close()
    # The whole name: a single character's three bytes turn up by chance in megabytes of cipher.
    assert "钱多多".encode() not in path.read_bytes()


def test_backups_rotate_and_the_daily_one_is_made_once(store):
    for _ in range(4):
        safety.backup(store, "manual", keep=3)
    assert len(safety.list_backups(store.path)) == 3
    assert safety.backup_daily(store, keep=5) is not None
    assert safety.backup_daily(store, keep=5) is None
    assert [b.reason for b in safety.list_backups(store.path)].count("daily") == 1


@pytest.mark.sqlite_only("a server is restored by its operator (test_server_store)")
def test_restore_brings_back_the_backup_and_keeps_the_current_store(store, store_path):
    add(store, "孙悟")
    backup = safety.backup(store, "manual")
    add(store, "周后来")
    store.close()
    kept = safety.restore(store_path, backup, PASSPHRASE)
    restored = Store.open(store_path, PASSPHRASE)
    assert [s.name for s in Children(restored).summaries()] == ["孙悟"]
    restored.close()
    previous = Store.open(kept, PASSPHRASE)
    assert {s.name for s in Children(previous).summaries()} == {"孙悟", "周后来"}
    previous.close()


@pytest.mark.sqlite_only("a file backup's pages")
def test_a_damaged_backup_is_refused_and_the_store_is_untouched(store, store_path):
    add(store, "吴用")
    backup = safety.backup(store, "manual")
    store.close()
    data = bytearray(backup.read_bytes())
    data[5000] ^= 0xFF
    backup.write_bytes(bytes(data))
    before = hashlib.sha256(store_path.read_bytes()).hexdigest()
    with pytest.raises(StoreError) as refused:
        safety.restore(store_path, backup, PASSPHRASE)
    assert refused.value.code in ("backup_damaged", "backup_unreadable")
    assert hashlib.sha256(store_path.read_bytes()).hexdigest() == before


def test_check_reports_a_sound_store(store):
    add(store, "郑和")
    safety.backup(store, "manual")
    report = safety.check(store)
    assert report.ok
    assert (report.integrity, report.cipher_integrity, report.backups) == ("ok", "ok", 1)


def test_changing_the_passphrase_is_audited(store, store_path):
    store.close()
    safety.change_passphrase(store_path, PASSPHRASE, "another passphrase")
    again = Store.open(store_path, "another passphrase")
    assert safety.audit_entries(again)[-1].action == "passwd"
    again.close()
