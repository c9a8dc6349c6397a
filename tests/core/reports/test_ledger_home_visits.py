"""The month's visit ledger under a rule that asks for a home visit (入户): the due date counts
from the last home visit before the month, as the due list does, read back from the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.domain.visit_policy import VisitPolicy
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.services.visits import Visits
from tests.core.reports import poppler
from tests.core.services.care_support import add_child

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("policy", "due", "state"),
    [
        pytest.param(VisitPolicy(), date(2026, 11, 26), "待走访", id="any contact"),
        pytest.param(
            VisitPolicy(home=frozenset({"intensive"})), date(2026, 10, 22), "逾期32天", id="home"
        ),
    ],
)
def test_a_call_before_the_month_moves_the_due_date_only_under_any_contact(
    store, tmp_path: Path, policy, due, state
):
    child = add_child(Children(store, today=lambda: date(2026, 9, 1)), ("orphan",))
    visits = Visits(store, today=lambda: TODAY)
    visits.log(Visit(child.uuid, date(2026, 9, 22), "home"))
    visits.log(Visit(child.uuid, date(2026, 10, 27), "phone"))
    visits.set_policy(policy)
    out = tmp_path / "ledger.pdf"
    Reports(store, today=lambda: TODAY).ledger("2026-11", out)
    flat = poppler.flat_text(out)
    assert due.isoformat() in flat and state in flat
