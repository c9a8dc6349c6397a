"""Migration 0020: the partial index of home visits, made as tables.py declares it; a store of
0019 gets it when opened, and a child's last home visit is read from it alone."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex

from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.domain.visit_policy import VisitPolicy
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.visits import Visits
from childcare_desktop.core.storage import derived_repo, migrate
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE
from tests.core.services.care_support import add_child
from tests.core.storage.test_summary_index import downgrade, index_sql

pytestmark = pytest.mark.sqlite_only("SQLite's planner and an older store file")


def test_the_home_visit_index_is_the_one_tables_declares(store):
    declared = next(i for i in t.visit.indexes if i.name == "ix_visit_home")
    expected = " ".join(str(CreateIndex(declared).compile(dialect=sqlite.dialect())).split())
    assert index_sql(store.engine, "ix_visit_home") == expected


def test_a_store_of_0019_gets_the_index_and_due_dates_count_the_last_home_visit(store, store_path):
    today = date.today()
    child = add_child(Children(store), ("orphan",))
    visits = Visits(store)
    visits.log(Visit(child.uuid, today - timedelta(days=20), "home"))
    visits.log(Visit(child.uuid, today - timedelta(days=2), "phone"))
    downgrade(store.engine, "0019")
    assert index_sql(store.engine, "ix_visit_home") is None
    store.close()
    again = Store.open(store_path, PASSPHRASE)
    try:
        assert migrate.current_revision(again.engine) == migrate.SCHEMA_HEAD
        assert index_sql(again.engine, "ix_visit_home") is not None
        Visits(again).set_policy(VisitPolicy(home=frozenset({"intensive"})))
        (due,) = Visits(again).due()
        assert (due.due_date, due.home_visit) == (today + timedelta(days=10), True)
        with again.read() as conn:
            plan = conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + derived_repo._HOME_SQL.format("?", ""), (child.uuid,)
            ).all()
        assert any("COVERING INDEX ix_visit_home" in row[-1] for row in plan), plan
    finally:
        again.close()
