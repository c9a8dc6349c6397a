"""Migration 0027: the dashboard's month reads a county's children from the summary's covering
index (widened with the visit dates), never from their rows, which lie among the visits of a
county's file."""

from __future__ import annotations

from datetime import date

import pytest

from childcare_desktop.core.services import dashboard, dashboard_count
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.station import init_station
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.sqlite_only("SQLite's planner: EXPLAIN QUERY PLAN")

TODAY = date(2026, 11, 20)


def test_the_dashboard_reads_the_children_from_an_index(data_dir, monkeypatch):
    county, _ = init_station(
        data_dir / "county.db", PASSPHRASE, "county", "441481", "兴宁市", "张督导"
    )
    try:
        fill_demo(county, 40, seed=3)
        statements: list[tuple[str, str]] = []
        rows = dashboard_count._rows

        def remember(conn, sql, scope):
            statements.append((sql, scope))
            return rows(conn, sql, scope)

        monkeypatch.setattr(dashboard_count, "_rows", remember)
        dashboard.figures(county, TODAY.replace(day=1), TODAY)
        assert len(statements) == 1
        with county.read() as conn:
            sql, scope = statements[0]
            explained = conn.connection.execute("EXPLAIN QUERY PLAN " + sql, {"scope": scope})
            plan = [d for *_, d in explained.fetchall()]
        children = [d for d in plan if d.startswith(("SCAN c", "SEARCH c"))]
        assert children and all("COVERING INDEX ix_child_as_of" in d for d in children), plan
    finally:
        county.close()
