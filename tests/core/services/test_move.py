"""Moving a village's store up to a PostgreSQL server: everything arrives, checked, and the file
is left as it was."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

from childcare_desktop.core.errors import StoreError
from childcare_desktop.core.services import sync
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.concerns import Concerns
from childcare_desktop.core.services.move import (
    first_difference,
    move_store,
    moved_tables,
    open_read_only,
    table_checks,
)
from childcare_desktop.core.storage import audit, keyfile
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE
from tests.core.sync.stations import TOWN, VILLAGE, enrolled


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A village enrolled with its town, with 60 demo children and their visits, a concern and
    a refused file; closed, so that its bytes are final."""
    town = enrolled(tmp_path, "town", TOWN, "城关镇")
    village = enrolled(tmp_path, "village", VILLAGE, "新陂村", parent=town, children=60)
    town.close()
    first = Children(village).summaries()[0]
    Concerns(village).add(first.uuid, "abandoned", date.today(), "连续一周无人照料")
    garbage = tmp_path / "garbage.batch"
    garbage.write_bytes(b"not a batch")
    sync.import_files(village, [garbage])
    village.close()
    return tmp_path / VILLAGE / f"{VILLAGE}.db"


def _bytes(path: Path) -> tuple[bytes, bytes]:
    return path.read_bytes(), keyfile.key_path(path).read_bytes()


def _source_checks(path: Path):
    engine = open_read_only(path, PASSPHRASE)
    try:
        with engine.connect() as conn:
            return table_checks(conn), audit.entries(conn)
    finally:
        engine.dispose()


def test_a_village_arrives_whole_sealed_and_checked_and_its_file_is_untouched(source, pg_url):
    before = _bytes(source)
    want, entries = _source_checks(source)
    assert want["child"].rows == 60 and want["visit"].rows > 60
    assert want["concern"].rows == 1 and want["sync_key"].rows == 1
    assert want["sync_peer"].rows >= 1 and want["sync_rejected"].rows == 1
    assert want["audit"].rows == len(entries) > 1

    result = move_store(source, pg_url, PASSPHRASE)

    assert _bytes(source) == before
    assert result.tables == {name: check.rows for name, check in want.items()}
    assert [table.name for table in moved_tables()].index("child") < list(result.tables).index(
        "visit"
    )
    assert len(result.recovery_code) > 20
    target = Store.open(pg_url, PASSPHRASE)
    try:
        with target.read() as conn:
            got = table_checks(conn)
            moved = audit.entries(conn)
            assert audit.verify(conn) is None
            id_number = conn.execute(select(t.child.c.id_number).limit(1)).scalar_one()
        # The store_moved entry follows the source's chain, copied as it was.
        assert moved[:-1] == entries
        assert (moved[-1].action, moved[-1].entity) == ("import", "store")
        assert moved[-1].detail.startswith(f"store_moved from {VILLAGE}.db")
        unchanged = {name for name in want if name not in ("audit", "setting")}
        assert {n: got[n] for n in unchanged} == {n: want[n] for n in unchanged}
        assert Children(target).summaries(True) == _children_of(source)
        # Counters go on after the copied rows: a second refused file gets a number of its own.
        garbage = source.parent / "again.batch"
        garbage.write_bytes(b"still not a batch")
        sync.import_files(target, [garbage])
        with target.read() as conn:
            assert len(conn.execute(select(t.sync_rejected)).all()) == 2
    finally:
        target.close()
    with psycopg.connect(pg_url) as raw:
        stored = raw.execute("SELECT id_number FROM child WHERE id_number <> ''").fetchall()
        keys = raw.execute("SELECT sign_private FROM sync_key").fetchall()
    assert stored and all(not value.isdigit() and value.startswith("~1") for (value,) in stored)
    assert id_number not in {value for (value,) in stored}
    assert all(bytes(key)[:1] == b"\x01" for (key,) in keys)


def _children_of(path: Path):
    store = Store.open(path, PASSPHRASE)
    try:
        return Children(store).summaries(True)
    finally:
        store.close()


def test_a_database_that_is_not_empty_is_refused_and_nothing_is_written(source, pg_url):
    with psycopg.connect(pg_url) as raw:
        raw.execute("CREATE TABLE someone_elses (x int)")
    before = _bytes(source)
    with pytest.raises(StoreError) as refused:
        move_store(source, pg_url, PASSPHRASE)
    assert refused.value.code == "move_target_not_empty"
    assert _bytes(source) == before
    with psycopg.connect(pg_url) as raw:
        tables = raw.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
    assert tables == [("someone_elses",)]


def test_a_store_already_moved_there_is_refused(source, pg_url):
    move_store(source, pg_url, PASSPHRASE)
    with pytest.raises(StoreError) as refused:
        move_store(source, pg_url, PASSPHRASE)
    assert refused.value.code == "move_target_not_empty"


def test_a_url_holding_a_password_is_refused_before_anything_is_made(source, pg_url):
    with_password = pg_url.replace("@", ":secret@", 1)
    assert ":secret@" in with_password
    with pytest.raises(StoreError) as refused:
        move_store(source, with_password, PASSPHRASE)
    assert refused.value.code == "server_password_in_url"
    with psycopg.connect(pg_url) as raw:
        assert (
            raw.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
            == 0
        )


def test_only_a_store_file_moves_and_only_to_a_server(source, pg_url, tmp_path):
    for source_path, url, code in (
        (source, str(tmp_path / "other.db"), "move_to_not_server"),
        (pg_url, pg_url, "move_from_not_file"),
    ):
        with pytest.raises(StoreError) as refused:
            move_store(source_path, url, PASSPHRASE)
        assert refused.value.code == code


def test_a_wrong_passphrase_makes_nothing_on_the_server(source, pg_url):
    with pytest.raises(StoreError) as refused:
        move_store(source, pg_url, "not the passphrase at all")
    assert refused.value.code == "wrong_passphrase"
    with psycopg.connect(pg_url) as raw:
        assert (
            raw.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
            == 0
        )


def test_the_check_names_the_table_that_differs(source, pg_url):
    move_store(source, pg_url, PASSPHRASE)
    want, _ = _source_checks(source)
    target = Store.open(pg_url, PASSPHRASE)
    try:
        with target.read() as conn:
            moved = table_checks(conn)
        assert first_difference(want, moved) == ("audit", "rows")  # the store_moved entry
        del want["setting"], want["audit"]
        del moved["setting"], moved["audit"]
        assert first_difference(want, moved) is None
        with psycopg.connect(pg_url) as raw:
            raw.execute("DELETE FROM visit_photo_link")
            raw.execute("DELETE FROM visit WHERE uuid = (SELECT min(uuid) FROM visit)")
        with target.read() as conn:
            assert first_difference(want, table_checks(conn)) == ("visit", "rows")
        with psycopg.connect(pg_url) as raw:
            raw.execute("UPDATE child SET name = name || '改' WHERE uuid = "
                        "(SELECT min(uuid) FROM child)")  # fmt: skip
        with target.read() as conn:
            assert first_difference(want, table_checks(conn)) == ("child", "digest")
    finally:
        target.close()
