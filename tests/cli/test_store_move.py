"""A county's store on a PostgreSQL server from the command line: `init --db URL`, the other
commands with `--db URL`, and `store move` of a village's file up to a server."""

from __future__ import annotations

from pathlib import Path

import psycopg

from childcare_desktop.core.storage import audit, keyfile
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE

COUNTY = ("--role", "county", "--division", "441481", "--name", "兴宁市", "--officer", "王科长")


def _public_tables(url: str) -> int:
    with psycopg.connect(url) as raw:
        return raw.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[
            0
        ]


def test_a_county_is_set_up_on_a_server_and_worked_on_from_the_command_line(childcare, pg_url):
    made = childcare("init", "--db", pg_url, *COUNTY, "--json")
    assert made.code == 0, made.err
    assert made.json()["station"] == "441481" and made.json()["recovery_code"]
    assert childcare("demo", "--db", pg_url, "--children", "12").code == 0
    listed = childcare("children", "list", "--db", pg_url, "--json")
    assert listed.code == 0, listed.err
    assert len(listed.json()) == 12
    child = listed.json()[0]["uuid"]
    changed = childcare(
        "children", "update", "--db", pg_url, "--child", child, "--set", "name=黄小梅"
    )
    assert changed.code == 0, changed.err
    shown = childcare("children", "show", "--db", pg_url, "--child", child, "--json")
    assert shown.json()["name"] == "黄小梅"


def test_a_server_address_holding_a_password_is_refused(childcare, pg_url):
    with_password = pg_url.replace("@", ":secret@", 1)
    refused = childcare("init", "--db", with_password, *COUNTY)
    assert refused.code == 1
    assert "PGPASSWORD" in refused.err and "secret" not in refused.err
    assert _public_tables(pg_url) == 0


def test_a_village_moves_up_to_a_server_from_the_command_line(childcare, village_db, pg_url):
    assert childcare("demo", "--db", village_db, "--children", "60").code == 0
    source = Path(village_db)
    before = source.read_bytes(), keyfile.key_path(source).read_bytes()
    listed = childcare("children", "list", "--db", village_db, "--json")

    moved = childcare("store", "move", "--from", village_db, "--to", pg_url, "--json")

    assert moved.code == 0, moved.err
    document = moved.json()
    assert document["digest_ok"] is True and document["recovery_code"]
    assert document["tables"]["child"] == 60 and document["tables"]["visit"] > 0
    assert "key_slot" not in document["tables"]
    assert (source.read_bytes(), keyfile.key_path(source).read_bytes()) == before
    on_server = childcare("children", "list", "--db", pg_url, "--json")
    assert on_server.code == 0, on_server.err
    assert on_server.json() == listed.json()
    store = Store.open(pg_url, PASSPHRASE)
    try:
        with store.read() as conn:
            assert audit.verify(conn) is None
            assert audit.entries(conn)[-1].detail.startswith("store_moved from village.db")
    finally:
        store.close()

    again = childcare("store", "move", "--from", village_db, "--to", pg_url)
    assert again.code == 1 and "not empty" in again.err
    with_password = childcare(
        "store", "move", "--from", village_db, "--to", pg_url.replace("@", ":secret@", 1)
    )
    assert with_password.code == 1 and "PGPASSWORD" in with_password.err
    assert (source.read_bytes(), keyfile.key_path(source).read_bytes()) == before


def test_the_summary_on_a_server_is_the_summary_of_the_same_county_in_a_file(
    childcare, pg_url, data_dir
):
    file = str(data_dir / "county.db")
    summaries = []
    for db in (file, pg_url):
        assert childcare("init", "--db", db, *COUNTY).code == 0
        assert childcare("demo", "--db", db, "--children", "30", "--seed", "3").code == 0
        summary = childcare("report", "summary", "--db", db, "--json")
        assert summary.code == 0, summary.err
        summaries.append(summary.json())
    assert summaries[0]["total"] == 30
    assert summaries[1] == summaries[0]


def test_a_colleague_is_granted_a_slot_and_a_passphrase_changed_from_the_command_line(
    childcare, pg_url, tmp_path
):
    """Issue 16, point 2, from a script: `store grant` gives a colleague's role a key slot
    wrapped by their own passphrase; `passwd --db URL` rewraps this officer's own slot."""
    assert childcare("init", "--db", pg_url, *COUNTY).code == 0
    role = "colleague_" + tmp_path.name[-8:].lower().replace("-", "_")
    with psycopg.connect(pg_url, autocommit=True) as raw:
        raw.execute(f"DROP ROLE IF EXISTS {role}")
        raw.execute(f"CREATE ROLE {role} LOGIN")
    try:
        theirs = {"CHILDCARE_NEW_PASSPHRASE": "their own long passphrase"}
        unknown = childcare("store", "grant", "--db", pg_url, "--role", "no_such_role", env=theirs)
        assert unknown.code == 1 and "no_such_role" in unknown.err
        granted = childcare("store", "grant", "--db", pg_url, "--role", role, env=theirs)
        assert granted.code == 0, granted.err
        with psycopg.connect(pg_url) as raw:
            owners = {o for (o,) in raw.execute("SELECT owner FROM key_slot")}
        assert role in owners
        new_one = "a new county passphrase"
        changed = childcare("passwd", "--db", pg_url, env={"CHILDCARE_NEW_PASSPHRASE": new_one})
        assert changed.code == 0, changed.err
        new = childcare("children", "list", "--db", pg_url, "--json", passphrase=new_one)
        assert new.code == 0, new.err
        # Last: a wrong passphrase makes the next try wait (core/storage/tries.py).
        old = childcare("children", "list", "--db", pg_url, "--json")
        assert old.code == 1  # the old passphrase no longer opens this officer's slot
    finally:
        with psycopg.connect(pg_url, autocommit=True) as raw:
            raw.execute(f"DROP OWNED BY {role}")
            raw.execute(f"DROP ROLE IF EXISTS {role}")
