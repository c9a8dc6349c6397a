"""Migration 0019: the summary's covering indexes, made as tables.py declares them, replacing
the active children's index of 0011; a store of 0018 gets them when opened."""

from __future__ import annotations

from importlib.resources import as_file, files

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex

from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.storage import migrate
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE

INDEXES = {
    "ix_child_as_of": t.child,
    "ix_category_as_of": t.category,
    "ix_member_family": t.member,
}

pytestmark = pytest.mark.sqlite_only("SQLite's planner and its indexes in sqlite_master")


def index_sql(engine: Engine, name: str) -> str | None:
    with engine.connect() as conn:
        sql = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
        ).scalar()
    return " ".join(sql.split()) if sql else None


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    with as_file(files("childcare_desktop.migrations")) as location, engine.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(location))
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def test_the_summary_indexes_are_the_ones_tables_declares(store):
    for name, table in INDEXES.items():
        declared = next(i for i in table.indexes if i.name == name)
        expected = " ".join(str(CreateIndex(declared).compile(dialect=sqlite.dialect())).split())
        assert index_sql(store.engine, name) == expected
    assert index_sql(store.engine, "ix_child_summary") is None


def test_a_store_without_the_indexes_gets_them_when_opened(store, store_path):
    fill_demo(store, 30, seed=5)
    downgrade(store.engine, "0018")
    assert index_sql(store.engine, "ix_child_summary") is not None
    assert all(index_sql(store.engine, name) is None for name in INDEXES)
    store.close()
    again = Store.open(store_path, PASSPHRASE)
    try:
        assert migrate.current_revision(again.engine) == migrate.SCHEMA_HEAD
        assert all(index_sql(again.engine, name) for name in INDEXES)
        figures = Reports(again).figures()
        assert figures.total == sum(v.total for v in figures.table("sex").villages) > 0
    finally:
        again.close()


def test_the_summary_reads_the_indexes_not_the_rows(store):
    """At 100,000 children the rows are most of the file, among the visits: the children, their
    spans and their families are read from the covering indexes alone."""
    fill_demo(store, 30, seed=5)
    statements: list[tuple[str, object]] = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", remember)
    try:
        Reports(store).figures()
    finally:
        event.remove(store.engine, "before_cursor_execute", remember)
    counting = [(s, p) for s, p in statements if "FROM child" in s]
    assert len(counting) == 2
    with store.read() as conn:
        plans = [
            detail
            for s, p in counting
            for *_, detail in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + s, p)
        ]
    reads = [d for d in plans if d.startswith(("SCAN", "SEARCH")) and d != "SCAN x"]
    assert reads and all("COVERING INDEX" in d for d in reads), plans
    assert {d.split()[1] for d in reads} == {"c", "k", "member"}
