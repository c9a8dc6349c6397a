"""A child's visit plan: the date planned at a visit, the first-visit interval, the risk shown."""

from dataclasses import replace
from datetime import timedelta

from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.services.concerns import Concerns
from tests.core.services.care_support import START, add_child, due_of


def test_a_planned_date_earlier_than_the_policy_moves_the_due_date(children, visits):
    child = add_child(children, ("orphan",))
    visits.log(Visit(child.uuid, START, "home", next_planned=START + timedelta(days=10)))
    row = due_of(visits, child.uuid)
    assert (row.due_date, row.reason, row.interval_days) == (
        START + timedelta(days=10),
        "planned",
        10,
    )
    plan = visits.plan(child.uuid)
    assert (plan.next_due, plan.reason, plan.last_visit) == (
        START + timedelta(days=10),
        "planned",
        START,
    )


def test_a_planned_date_later_than_the_policy_leaves_the_policy(children, visits):
    child = add_child(children, ("orphan",))
    visits.log(Visit(child.uuid, START, "home", next_planned=START + timedelta(days=60)))
    row = due_of(visits, child.uuid)
    assert (row.due_date, row.reason, row.interval_days) == (
        START + timedelta(days=30),
        "orphan",
        30,
    )


def test_only_the_latest_visit_plans_and_a_correction_replaces_its_plan(children, visits, clock):
    child = add_child(children, ("orphan",))
    visits.log(Visit(child.uuid, START, "home", next_planned=START + timedelta(days=5)))
    clock.advance(3)
    later = visits.log(Visit(child.uuid, clock.day, "phone"))
    assert due_of(visits, child.uuid).due_date == clock.day + timedelta(days=30)
    plan = clock.day + timedelta(days=12)
    visits.correct(later.visit.uuid, Visit(child.uuid, clock.day, "phone", next_planned=plan))
    row = due_of(visits, child.uuid)
    assert (row.due_date, row.reason) == (clock.day + timedelta(days=12), "planned")


def test_an_open_concern_not_yet_visited_wins_over_a_plan(children, visits, store, clock):
    child = add_child(children, ("orphan",))
    visits.log(Visit(child.uuid, START, "home", next_planned=START + timedelta(days=10)))
    clock.advance(2)
    Concerns(store, clock).add(child.uuid, "abuse", clock.day, "手臂有伤")
    row = due_of(visits, child.uuid)
    assert (row.due_date, row.reason, row.risk) == (clock.day, "high_risk", "high")


def test_a_child_never_visited_has_the_first_visit_interval(children, visits):
    child = add_child(children, ("floating",))
    row = due_of(visits, child.uuid)
    assert (row.due_date, row.reason, row.interval_days) == (
        START + timedelta(days=7),
        "first_visit",
        7,
    )
    visits.log(Visit(child.uuid, START, "home"))
    row = due_of(visits, child.uuid)
    assert (row.due_date, row.reason, row.interval_days) == (
        START + timedelta(days=180),
        "floating",
        180,
    )


def test_the_plan_shows_the_rule_risk_and_the_override(children, visits):
    child = add_child(children, ("orphan",))
    children.save(replace(child, risk_override="high", risk_override_reason="家中失火"))
    plan = visits.plan(child.uuid)
    assert (plan.risk, plan.rule_risk, plan.risk_override, plan.risk_override_reason) == (
        "high",
        "medium",
        "high",
        "家中失火",
    )
    assert (plan.due_status, plan.open_concern) == ("due_soon", False)
