"""Risk derivation and the default visit schedule of DESIGN.md."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.derived import derive
from childcare_desktop.core.domain.risk import derived_risk, effective_risk
from childcare_desktop.core.domain.visit_policy import (
    VisitPolicy,
    due_date,
    due_status,
    first_due,
    visit_intervals,
)

POLICY = VisitPolicy()


def visit_interval(categories, grade, concern, policy):
    """The rule that comes due first for a child never visited: the shortest."""
    found = visit_intervals(categories, grade, concern, policy)
    return first_due(found, None, None, date(2026, 1, 1))


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


def _derive(**overrides):
    values = {
        "name": "张小明",
        "id_number": "",
        "birth_date": date(2014, 8, 9),
        "guardianship": "good",
        "risk_override": "",
        "status": "active",
        "registered_on": date(2026, 1, 5),
        "spans": [CategorySpan("left_behind", date(2026, 1, 5))],
        "last_visit": date(2026, 3, 1),
        "open_concern_since": None,
        "policy": POLICY,
        "today": date(2026, 3, 10),
    }
    return derive(**(values | overrides))


def test_a_closed_child_is_never_due():
    assert _derive(status="closed").next_due is None
    assert _derive(status="closed", last_visit=None).next_due is None


def test_a_reassessed_grade_changes_interval_and_risk():
    good, poor = _derive(), _derive(guardianship="poor")
    assert (good.next_due, good.risk) == (date(2026, 5, 30), "low")
    assert (poor.next_due, poor.risk, poor.due_reason) == (date(2026, 3, 15), "high", "high_risk")


def test_an_open_concern_is_high_risk_and_due_the_day_it_was_noticed():
    d = _derive(open_concern_since=date(2026, 3, 8))
    assert (d.next_due, d.risk, d.due_reason) == (date(2026, 3, 8), "high", "high_risk")


def test_a_station_policy_changes_the_interval():
    d = _derive(policy=replace(POLICY, left_behind_good=60))
    assert (d.next_due, d.interval_days) == (date(2026, 4, 30), 60)
    first = _derive(last_visit=None, policy=replace(POLICY, first_visit=3))
    assert (first.next_due, first.due_reason) == (date(2026, 1, 8), "first_visit")
