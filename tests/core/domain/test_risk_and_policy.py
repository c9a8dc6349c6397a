"""Risk derivation and the default visit schedule of DESIGN.md."""

from datetime import date, timedelta

import pytest

from childcare_desktop.core.domain.risk import derived_risk, effective_risk
from childcare_desktop.core.domain.visit_policy import (
    VisitPolicy,
    due_date,
    due_status,
    visit_interval,
)

POLICY = VisitPolicy()


@pytest.mark.parametrize(
    ("categories", "grade", "concern", "days", "reason"),
    [
        (["left_behind"], "poor", False, 14, "high_risk"),
        (["left_behind"], "good", True, 14, "high_risk"),
        (["orphan"], "good", False, 30, "orphan"),
        (["left_behind"], "fair", False, 30, "left_behind_fair"),
        (["left_behind"], "", False, 30, "left_behind_fair"),
        (["left_behind"], "good", False, 90, "left_behind_good"),
        (["poor_family"], "good", False, 90, "poor_family"),
        (["floating"], "good", False, 180, "floating"),
        (["floating", "serious_illness"], "good", False, 30, "serious_illness"),
    ],
)
def test_the_shortest_applicable_interval_wins(categories, grade, concern, days, reason):
    interval = visit_interval(categories, grade, concern, POLICY)
    assert (interval.days, interval.reason) == (days, reason)


def test_never_visited_is_due_a_week_after_registration():
    registered = date(2026, 11, 1)
    interval = visit_interval(["orphan"], "good", False, POLICY)
    assert due_date(None, registered, interval, None, POLICY) == date(2026, 11, 8)


def test_an_open_concern_makes_the_child_due_at_once():
    last = date(2026, 11, 1)
    noticed = date(2026, 11, 5)
    interval = visit_interval(["left_behind"], "good", True, POLICY)
    assert due_date(last, date(2026, 1, 1), interval, noticed, POLICY) == noticed


def test_due_status_boundaries():
    today = date(2026, 11, 23)
    assert due_status(today - timedelta(days=1), today) == "overdue"
    assert due_status(today, today) == "due_soon"
    assert due_status(today + timedelta(days=7), today) == "due_soon"
    assert due_status(today + timedelta(days=8), today) == "upcoming"
    assert due_status(None, today) is None


def test_risk_levels_and_override():
    assert derived_risk(["left_behind"], "none", False) == "high"
    assert derived_risk(["floating"], "good", True) == "high"
    assert derived_risk(["orphan"], "good", False) == "medium"
    assert derived_risk(["left_behind"], "fair", False) == "medium"
    assert derived_risk(["left_behind"], "good", False) == "low"
    assert effective_risk("low", "high") == "high"
    assert effective_risk("medium", "") == "medium"
