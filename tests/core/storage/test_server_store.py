"""A store on the tests' PostgreSQL server: what a dump reveals, key slots, writers in turn."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import uuid
from datetime import date

import pytest
from sqlalchemy import select, text

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child, FamilyMember
from childcare_desktop.core.errors import StoreError
from childcare_desktop.core.services import safety
from childcare_desktop.core.services.children import ChildQuery, Children
from childcare_desktop.core.storage import server
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.examine import examine
from childcare_desktop.core.storage.store import Store
from childcare_desktop.core.sync import keys
from tests.conftest import PASSPHRASE, VILLAGE

pytestmark = pytest.mark.postgresql

PLANTED_ID = idnumber.make("441481", date(2015, 3, 9), 417, "female")
PLANTED_PHONE = "13987654321"


def _plant(store: Store) -> tuple[Child, bytes]:
    child = Children(store).save(
        Child(
            "钟秀兰",
            "",
            None,
            VILLAGE,
            id_number=PLANTED_ID,
            members=(FamilyMember("mother", "林美", phone=PLANTED_PHONE),),
        )
    )
    with store.write() as conn:
        private = keys.own_key(conn).sign_private.private_bytes_raw()
    return child, private


@pytest.fixture
def server_store(store):
    if not isinstance(store, server.ServerStore):
        pytest.skip("a server's store")
    return store


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_dump_of_the_server_holds_no_id_number_phone_or_private_key(server_store, tmp_path):
    """Issue 16, acceptance: `pg_dump` of a store holding a planted child shows neither the ID
    number, nor the phone, nor any private key; yet the program reads them all back."""
    child, private = _plant(server_store)
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    dump = tmp_path / "county.sql"
    url = server.server_url(server_store.url).set(drivername="postgresql")
    subprocess.run(
        ["pg_dump", "--no-password", f"--file={dump}", url.render_as_string(False)], check=True
    )
    plain = dump.read_bytes()
    assert b"COPY public.child" in plain and "钟秀兰".encode() in plain  # the dump is whole
    for secret in (PLANTED_ID.encode(), PLANTED_ID[-6:].encode(), PLANTED_PHONE.encode()):
        assert secret not in plain
    assert private not in plain and private.hex().encode() not in plain
    shown = Children(server_store).get(child.uuid)
    assert (shown.id_number, shown.members[0].phone) == (PLANTED_ID, PLANTED_PHONE)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_the_programs_backup_of_a_server_is_a_dump_as_sealed(server_store, data_dir):
    _plant(server_store)
    made = safety.backup(server_store)
    head = made.read_bytes()
    assert head.startswith(b"PGDMP")  # pg_dump's custom format
    assert PLANTED_ID.encode() not in head and PLANTED_PHONE.encode() not in head
    with pytest.raises(StoreError) as refused:
        safety.restore(server_store.path, made, PASSPHRASE)
    assert refused.value.code == "server_restore_by_operator"


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_the_passphrase_rewraps_the_roles_slot_and_the_recovery_code_still_opens(
    server_store, store_path
):
    child, _ = _plant(server_store)
    server_store.close()
    safety.change_passphrase(store_path, PASSPHRASE, "a new passphrase for the county")
    with pytest.raises(StoreError) as wrong:
        Store.open(store_path, PASSPHRASE)
    assert wrong.value.code == "wrong_passphrase"
    again = Store.open(store_path, "a new passphrase for the county")
    assert Children(again).get(child.uuid).id_number == PLANTED_ID
    again.close()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_role_without_a_slot_is_told_so(server_store, store_path):
    with server_store.write() as conn:
        conn.execute(t.key_slot.delete().where(t.key_slot.c.owner != server.RECOVERY_SLOT))
    server_store.close()
    with pytest.raises(StoreError) as refused:
        Store.open(store_path, PASSPHRASE)
    assert refused.value.code == "server_no_slot"


def test_a_url_with_a_password_is_refused_before_any_connection(tmp_path):
    with pytest.raises(StoreError) as refused:
        Store.open("postgresql://county:secret@127.0.0.1:1/county", PASSPHRASE)
    assert refused.value.code == "server_password_in_url"


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_two_writers_take_turns_and_no_update_is_lost(server_store):
    """Two officers' writes at the same moment: each read-then-write runs whole, in turn
    (the advisory lock), so neither overwrites what the other counted."""
    with server_store.write() as conn:
        conn.execute(t.setting.insert().values(key="tally", value="0"))
    errors = []

    def bump(times: int) -> None:
        try:
            for _ in range(times):
                with server_store.write() as conn:
                    found = conn.execute(
                        select(t.setting.c.value).where(t.setting.c.key == "tally")
                    )
                    value = int(found.scalar_one())
                    conn.execute(text("SELECT pg_sleep(0.002)"))
                    conn.execute(
                        t.setting.update()
                        .where(t.setting.c.key == "tally")
                        .values(value=str(value + 1))
                    )
        except Exception as error:
            errors.append(error)

    workers = [threading.Thread(target=bump, args=(25,)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert errors == []
    with server_store.read() as conn:
        total = conn.execute(select(t.setting.c.value).where(t.setting.c.key == "tally"))
        assert total.scalar_one() == "50"


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_colleague_with_a_role_of_their_own_opens_the_store_and_the_audit_names_each(
    server_store, tmp_path, monkeypatch
):
    """Issue 16, point 2: two county officers, each with their own database role and
    passphrase, work on one store; each sees what the other saved, the audit names who."""
    child, _ = _plant(server_store)
    role = "county_b_" + uuid.uuid4().hex[:12]  # roles are the whole server's
    with server_store.write() as conn:
        conn.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD 'b-secret'"))
        conn.execute(text(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}"))
        conn.execute(text(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}"))
    try:
        with pytest.raises(StoreError) as unknown:
            server_store.add_colleague("nobody_here", "another long passphrase")
        assert unknown.value.code == "server_no_role"
        server_store.add_colleague(role, "officer b's own passphrase")
        url = server.server_url(server_store.url).set(username=role)
        # Each officer's password in the pgpass file, as on a county PC (never in the URL).
        own = os.environ["PGPASSWORD"]
        pgpass = tmp_path / "pgpass"
        pgpass.write_text(f"*:*:*:{role}:b-secret\n*:*:*:childcare_test:{own}\n")
        pgpass.chmod(0o600)
        monkeypatch.delenv("PGPASSWORD")
        monkeypatch.setenv("PGPASSFILE", str(pgpass))
        colleague = Store.open(url.render_as_string(False), "officer b's own passphrase")
        try:
            seen = Children(colleague).get(child.uuid)
            assert seen.id_number == PLANTED_ID  # the same key, through B's own slot
            number = idnumber.make("441481", date(2016, 5, 1), 233, "female")
            Children(colleague).save(Child("黄晓红", "", None, VILLAGE, id_number=number))
        finally:
            colleague.close()
        with server_store.read() as conn:
            who = [w for (w,) in conn.execute(select(t.audit.c.who).order_by(t.audit.c.seq))]
        assert any(w.endswith(f"({role})") for w in who)
        assert any(w.endswith("(childcare_test)") for w in who)
        names = {
            c.name
            for c in (
                Children(server_store).get(u) for u in Children(server_store).find(ChildQuery())
            )
        }
        assert "黄晓红" in names  # what B saved, seen from A's store
    finally:
        with server_store.write() as conn:
            conn.execute(text(f"DROP OWNED BY {role}"))
        server_store.engine.dispose()
        with server_store.engine.begin() as conn:
            conn.execute(text(f"DROP ROLE IF EXISTS {role}"))


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_the_partial_indexes_are_partial_on_the_server_too(server_store):
    """Migration 0022: made whole by the earlier migrations' SQLite-only WHERE."""
    with server_store.read() as conn:
        found = dict(
            conn.execute(
                text(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN "
                    "('ix_member_parent_home', 'ix_visit_corrected', 'ix_visit_home')"
                )
            ).all()
        )
    assert len(found) == 3
    assert all(" WHERE " in definition for definition in found.values())
    for index in t.metadata.tables["visit"].indexes | t.metadata.tables["member"].indexes:
        if index.name in found:
            assert index.dialect_options["postgresql"]["where"] is not None


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_the_next_start_finds_the_link_file_and_opens_the_server(server_store, store_path):
    """The data folder of a PC set up on a server holds the link file alone (no key file): the
    next start examines it as a store to unlock, not as a key file gone missing."""
    server_store.close()
    assert examine(store_path) is True
    Store.open(store_path, PASSPHRASE).close()


@pytest.mark.parametrize(
    ("address", "code"),
    [
        ("postgresql://county@db.example/county?password=x", "server_password_in_url"),
        ("postgresql://county:x@db.example/county", "server_password_in_url"),
        ("postgresql://county@db.example:54a/county", "server_url_bad"),
        ("postgresql://county@db.example:", "server_url_bad"),
        ("postgresql://county@db.example", "server_url_bad"),
    ],
)
def test_an_address_with_a_password_or_no_port_or_database_is_refused_before_connecting(
    address, code
):
    with pytest.raises(StoreError) as refused:
        server.server_url(address)
    assert refused.value.code == code


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_the_server_compiles_no_plan_to_machine_code(server_store, pg_url):
    """JIT compilation took 0.4 s of the county's summary before it read a row: each of the
    program's connections turns it off; an address's own options are kept beside it."""
    with server_store.read() as conn:
        assert conn.exec_driver_sql("SHOW jit").scalar_one() == "off"
    own = server.make_server_engine(f"{pg_url}?options=-c%20statement_timeout%3D12345")
    try:
        with own.connect() as conn:
            assert conn.exec_driver_sql("SHOW jit").scalar_one() == "off"
            assert conn.exec_driver_sql("SHOW statement_timeout").scalar_one() == "12345ms"
    finally:
        own.dispose()
