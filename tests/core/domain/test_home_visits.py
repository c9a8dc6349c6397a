"""Rules that ask for a home visit (入户): only a home visit resets their cycle, any contact
resets the others, and where several rules apply the one due first sets the date."""

from __future__ import annotations

from datetime import date

import pytest

from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.derived import derive
from childcare_desktop.core.domain.visit_policy import VisitPolicy

ANY = VisitPolicy()
HOME = VisitPolicy(home=frozenset({"intensive", "left_behind_fair"}))
HOME_HIGH = VisitPolicy(home=frozenset({"high_risk"}))


def day(month: int, d: int) -> date:
    return date(2026, month, d)


REGISTERED = day(1, 5)


def _due(policy, categories, grade, visits, concern=None, planned=None):
    """The derived due date, reason and days of a child with `visits` as (day, mode)."""
    last = max((on for on, _ in visits), default=None)
    home = max((on for on, mode in visits if mode == "home"), default=None)
    d = derive(
        name="张小明",
        id_number="",
        birth_date=date(2014, 8, 9),
        guardianship=grade,
        risk_override="",
        status="active",
        registered_on=REGISTERED,
        spans=[CategorySpan(code, REGISTERED) for code in categories],
        last_visit=last,
        open_concern_since=concern,
        policy=policy,
        today=day(4, 10),
        next_planned=planned,
        last_home_visit=home,
    )
    return d.next_due, d.due_reason, d.interval_days


H1, P2 = (day(3, 1), "home"), (day(4, 1), "phone")
LEFT = ["left_behind"]
CASES = {
    "any contact: a phone call resets": (
        ANY, LEFT, "fair", [H1, P2], (day(5, 1), "left_behind_fair", 30)
    ),
    "home rule: a phone call does not reset": (
        HOME, LEFT, "fair", [H1, P2], (day(3, 31), "left_behind_fair", 30)
    ),
    "home rule: a home visit resets": (
        HOME, LEFT, "fair", [(day(3, 1), "phone"), (day(4, 1), "home")],
        (day(5, 1), "left_behind_fair", 30),
    ),
    "home rule: never at home counts from registration": (
        HOME, LEFT, "fair", [(day(3, 1), "phone"), (day(3, 20), "video")],
        (day(2, 4), "left_behind_fair", 30),
    ),
    "never visited: the first visit after registration": (
        HOME, LEFT, "fair", [], (day(1, 12), "first_visit", 7)
    ),
    "a rule that asks no home visit under the same policy": (
        HOME, LEFT, "good", [H1, P2], (day(6, 30), "left_behind_good", 90)
    ),
    "calls every 14 days do not put off the monthly home visit": (
        HOME, ["orphan"], "poor", [H1, (day(3, 20), "phone")], (day(3, 31), "orphan", 30)
    ),
    "any contact: the shortest rule, as before": (
        ANY, ["orphan"], "poor", [H1, (day(3, 20), "phone")], (day(4, 3), "high_risk", 14)
    ),
}  # fmt: skip


@pytest.mark.parametrize(
    ("policy", "categories", "grade", "visits", "expected"), CASES.values(), ids=CASES.keys()
)
def test_which_visits_reset_a_cycle(policy, categories, grade, visits, expected):
    assert _due(policy, categories, grade, visits) == expected


def test_a_plan_made_at_a_call_still_comes_first_when_sooner():
    visits = [H1, (day(3, 5), "phone")]
    assert _due(HOME, LEFT, "fair", visits, planned=day(3, 20)) == (day(3, 20), "planned", 15)


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        pytest.param(ANY, (day(3, 26), "high_risk", 14), id="a call since it counts"),
        pytest.param(HOME_HIGH, (day(3, 10), "high_risk", 14), id="only a home visit counts"),
    ],
)
def test_an_open_concern_is_due_at_once_until_visited_as_the_rule_asks(policy, expected):
    visits = [H1, (day(3, 12), "phone")]
    assert _due(policy, LEFT, "good", visits, concern=day(3, 10)) == expected
