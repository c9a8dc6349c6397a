"""Every report printed or exported leaves an audit entry that names it and holds no data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.storage import audit
from tests.core.reports.conftest import LONG_NAME


def test_each_report_is_audited_without_personal_data(demo, tmp_path: Path):
    reports = Reports(demo.store)
    reports.child_file(demo.long_child, tmp_path / "child.pdf")
    reports.roster(tmp_path / "roster.pdf")
    reports.roster(tmp_path / "roster.xlsx", full_ids=True)
    reports.ledger(date.today().strftime("%Y-%m"), tmp_path / "ledger.pdf")
    reports.summary(tmp_path / "summary.pdf")
    with demo.store.read() as conn:
        logged = audit.entries(conn)[-5:]
        assert audit.verify(conn) is None
    assert [(e.action, e.entity) for e in logged] == [
        ("print", "child"),
        ("print", "roster"),
        ("export", "roster"),
        ("print", "ledger"),
        ("report", "summary"),
    ]
    assert logged[0].entity_uuid == demo.long_child
    assert "full ID numbers" in logged[2].detail and "masked" in logged[1].detail
    text = " ".join(e.detail for e in logged)
    assert demo.number not in text and LONG_NAME not in text
