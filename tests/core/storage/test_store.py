"""The store: encrypted at rest, opened only with the passphrase, migrated, backed up."""

import hashlib
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from childcare_desktop.core.errors import StoreError
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.storage import POOL_USERS, keyfile, migrate
from childcare_desktop.core.storage.engine import raw_connect
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_file_is_not_readable_as_plain_sqlite_and_holds_no_names(store, store_path):
    fill_demo(store, 20, seed=3)
    names = [r.name for r in Children(store).summaries()]
    store.close()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(store_path).execute("select * from sqlite_master").fetchall()
    raw = store_path.read_bytes()
    for name in names:
        assert name.encode("utf-8") not in raw


def test_a_wrong_passphrase_is_refused_and_the_file_is_unchanged(store, store_path):
    store.close()
    before = digest(store_path)
    with pytest.raises(StoreError) as refused:
        Store.open(store_path, "not the passphrase")
    assert refused.value.code == "wrong_passphrase"
    assert digest(store_path) == before


def test_reopening_with_the_passphrase_and_with_the_recovery_code(store_path):
    from childcare_desktop.core.services.station import init_station, station_info

    store, result = init_station(store_path, PASSPHRASE, "town", "441481103", "石坑镇", "陈")
    store.close()
    again = Store.open(store_path, PASSPHRASE)
    assert station_info(again).name == "石坑镇"
    again.close()
    key = keyfile.unlock_with_recovery(store_path, result.recovery_code.lower())
    by_code = Store.open_with_key(store_path, key)
    assert station_info(by_code).code == "441481103"
    by_code.close()


@pytest.mark.sqlite_only("the key file; a server's slots: test_server_store")
def test_changing_the_passphrase_rewraps_the_key_only(store, store_path):
    store.close()
    before = digest(store_path)
    keyfile.change_passphrase(store_path, PASSPHRASE, "a new passphrase")
    assert digest(store_path) == before
    Store.open(store_path, "a new passphrase").close()
    with pytest.raises(StoreError):
        Store.open(store_path, PASSPHRASE)


def test_a_missing_store_is_reported_never_created(data_dir):
    with pytest.raises(StoreError) as refused:
        Store.open(data_dir / "nothing.db", PASSPHRASE)
    assert refused.value.code == "no_store"
    assert not (data_dir / "nothing.db").exists()


@pytest.mark.sqlite_only("an older store file")
def test_a_store_behind_the_program_is_backed_up_before_it_is_migrated(
    store, store_path, monkeypatch
):
    store.close()
    upgrades = []
    monkeypatch.setattr(migrate, "pending", lambda engine: not upgrades)
    real_upgrade = migrate.upgrade
    monkeypatch.setattr(migrate, "upgrade", lambda engine: upgrades.append(real_upgrade(engine)))
    Store.open(store_path, PASSPHRASE).close()
    assert len(upgrades) == 1
    backups = list((store_path.parent / "backups").glob("before-migration-*.db"))
    assert len(backups) == 1
    conn = raw_connect(backups[0], keyfile.unlock(store_path, PASSPHRASE))
    assert conn.execute("SELECT name FROM station").fetchone() == ("新陂村",)
    conn.close()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(backups[0]).execute("select * from sqlite_master").fetchall()


def test_a_store_from_a_newer_program_is_refused(store, store_path):
    with store.write() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    with pytest.raises(StoreError) as refused:
        Store.open(store_path, PASSPHRASE)
    assert refused.value.code == "store_newer"


def test_the_programs_schema_head_is_the_newest_migration():
    assert migrate.script_head() == migrate.SCHEMA_HEAD
    assert migrate.SCHEMA_HEAD in migrate.known_revisions()


@pytest.mark.sqlite_only("SQLite's write lock; a server's: test_server_store")
def test_a_write_that_read_first_waits_for_another_writer_instead_of_failing(store):
    """Two writers at once (the daily backup's record while the officer saves a child): the
    second waits for the first; neither fails with "database is locked"."""
    with store.write() as conn:
        conn.execute(text("CREATE TABLE tally (n INTEGER)"))
    first_has_read = threading.Event()
    errors: list[BaseException] = []

    def first():
        try:
            with store.write() as conn:
                conn.execute(text("SELECT count(*) FROM tally")).scalar_one()
                first_has_read.set()
                time.sleep(0.3)  # the other writer tries meanwhile
                conn.execute(text("INSERT INTO tally VALUES (1)"))
        except BaseException as error:  # reported below, in the test's thread
            first_has_read.set()
            errors.append(error)

    thread = threading.Thread(target=first)
    thread.start()
    first_has_read.wait(5)
    with store.write() as conn:
        conn.execute(text("INSERT INTO tally VALUES (2)"))
    thread.join(10)
    assert errors == []
    with store.read() as conn:
        assert conn.execute(text("SELECT n FROM tally ORDER BY rowid")).scalars().all() == [1, 2]


def test_every_thread_that_uses_the_store_gets_a_connection_at_once(store):
    """The faces' reading threads, the thread that drives them, and the writer hold connections
    at the same time (the lists refresh while an import writes): none waits for one."""
    holders = POOL_USERS - 1  # readers; the writer is the last user
    all_in = threading.Barrier(holders + 1, timeout=10)
    errors: list[BaseException] = []

    def read():
        try:
            with store.read() as conn:
                conn.execute(text("SELECT count(*) FROM child")).scalar_one()
                all_in.wait()  # each keeps its connection until every reader holds one
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=read) for _ in range(holders)]
    for thread in threads:
        thread.start()
    with store.write() as conn:
        conn.execute(text("CREATE TABLE tally (n INTEGER)"))
    all_in.wait()
    for thread in threads:
        thread.join(15)
    assert errors == []
