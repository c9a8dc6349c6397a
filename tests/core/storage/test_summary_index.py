"""Migration 0011: the summary's partial covering index, made as tables.py declares it."""

from __future__ import annotations

from importlib.resources import as_file, files

from sqlalchemy import Engine
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex

from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.storage import migrate
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE


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


def test_the_summary_index_is_the_one_tables_declares(store):
    declared = next(i for i in t.child.indexes if i.name == "ix_child_summary")
    expected = " ".join(str(CreateIndex(declared).compile(dialect=sqlite.dialect())).split())
    assert index_sql(store.engine, "ix_child_summary") == expected
    assert expected.endswith("WHERE status = 'active'")


def test_a_store_without_the_index_gets_it_when_opened(store, store_path):
    fill_demo(store, 30, seed=5)
    downgrade(store.engine, "0010")
    assert migrate.current_revision(store.engine) == "0010"
    assert index_sql(store.engine, "ix_child_summary") is None
    store.close()
    again = Store.open(store_path, PASSPHRASE)
    try:
        assert migrate.current_revision(again.engine) == migrate.SCHEMA_HEAD
        assert index_sql(again.engine, "ix_child_summary") is not None
        figures = Reports(again).figures()
        assert figures.total == sum(v.total for v in figures.villages) > 0
    finally:
        again.close()
