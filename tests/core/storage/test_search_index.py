"""Migration 0024: type-ahead on a server through the search text's trigram index (pg_trgm), and
a store made without it where the extension may not be created."""

from __future__ import annotations

import json
import logging
import os
import uuid

import psycopg
import pytest
from sqlalchemy import event, text

from childcare_desktop.core.services.children import ChildQuery, Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import server
from tests.conftest import PASSPHRASE, VILLAGE
from tests.pg import POSTGRESQL

pytestmark = pytest.mark.postgresql
on_a_server = pytest.mark.parametrize("backend", [POSTGRESQL], indirect=True)


def _search_index(conn) -> str | None:
    found = conn.execute(
        text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_child_search'")
    )
    return found.scalar_one_or_none()


@on_a_server
def test_the_search_text_is_found_through_its_trigrams(store):
    """The list's count and page, as the program sends them, can be served by the index."""
    fill_demo(store, 30, seed=5)
    with store.read() as conn:
        assert "USING gin (search_text gin_trgm_ops)" in _search_index(conn)
    sent: list[tuple[str, object]] = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        sent.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", remember)
    try:
        typed = ChildQuery(text="zxm", status="all")  # the typed text the only condition
        Children(store).count_matching(typed)
        Children(store).page(typed, 0, 200)
    finally:
        event.remove(store.engine, "before_cursor_execute", remember)
    listing = [(s, p) for s, p in sent if "search_text" in s]
    assert len(listing) == 2
    with store.read() as conn:
        cursor = conn.connection.driver_connection.cursor()  # the statements as translated
        for other in ("seqscan", "indexscan", "indexonlyscan"):  # 30 children: all would do
            cursor.execute(f"SET LOCAL enable_{other} = off")
        plans = [cursor.execute("EXPLAIN (FORMAT JSON) " + s, p).fetchone()[0] for s, p in listing]
    assert all("ix_child_search" in json.dumps(plan) for plan in plans), plans


def test_without_the_right_to_create_the_extension_the_store_has_no_index_and_still_finds(
    pg_databases, data_dir, tmp_path, monkeypatch, caplog
):
    """A role that may create tables in the database but not an extension in it (no CREATE on
    the database): the store is made all the same, without the index, and the list reads every
    child; the log says why."""
    url = pg_databases()
    role = "no_ext_" + uuid.uuid4().hex[:12]  # roles are the whole server's
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'c-secret'")
        admin.execute(f"GRANT CREATE, USAGE ON SCHEMA public TO {role}")
    own = os.environ["PGPASSWORD"]
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:*:{role}:c-secret\n*:*:*:childcare_test:{own}\n")
    pgpass.chmod(0o600)
    monkeypatch.delenv("PGPASSWORD")
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    theirs = server.server_url(url).set(username=role).render_as_string(False)
    try:
        with caplog.at_level(logging.WARNING, logger="childcare_desktop"):
            store, _ = init_station(
                data_dir / "county.server", PASSPHRASE, "village", VILLAGE, "新陂村", "李主任",
                server=theirs,
            )  # fmt: skip
        try:
            with store.read() as conn:
                assert _search_index(conn) is None
            assert "no trigram index" in caplog.text
            fill_demo(store, 20, seed=5)
            children = Children(store)
            everyone = children.find(ChildQuery())
            named = children.rows(everyone[:1])[0].name
            assert everyone[0] in children.find(ChildQuery(text=named))
        finally:
            store.close()
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP OWNED BY {role}")
            admin.execute(f"DROP ROLE IF EXISTS {role}")
