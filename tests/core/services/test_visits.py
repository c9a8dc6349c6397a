"""The visit schedule through the service: due dates, the due list, logging and correcting."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.domain.visit_policy import VisitPolicy
from childcare_desktop.core.errors import ValidationFailed
from childcare_desktop.core.services.concerns import Concerns
from tests.core.services.care_support import START, add_child, due_of


def test_a_child_never_visited_is_due_a_week_after_registration(children, visits):
    child = add_child(children)
    row = due_of(visits, child.uuid)
    assert (row.due_date, row.reason, row.status) == (
        START + timedelta(days=7),
        "first_visit",
        "due_soon",
    )


@pytest.mark.parametrize(
    ("codes", "grade", "days", "reason"),
    [
        (("orphan",), "good", 30, "orphan"),
        (("left_behind",), "good", 90, "left_behind_good"),
        (("left_behind",), "fair", 30, "left_behind_fair"),
        (("left_behind",), "", 30, "left_behind_fair"),
        (("poor_family",), "good", 90, "poor_family"),
        (("floating",), "good", 180, "floating"),
        (("floating", "poor_family", "serious_illness"), "good", 30, "serious_illness"),
        (("left_behind", "floating"), "none", 14, "high_risk"),
    ],
)
def test_after_a_visit_the_shortest_interval_applies(
    children, visits, clock, codes, grade, days, reason
):
    child = add_child(children, codes, grade)
    clock.advance(3)
    visits.log(Visit(child.uuid, clock.day, "home"))
    row = due_of(visits, child.uuid)
    assert (row.due_date, row.interval_days, row.reason) == (
        clock.day + timedelta(days=days),
        days,
        reason,
    )


def test_the_due_list_is_sorted_with_statuses(children, visits, clock):
    late = add_child(children, ("orphan",), serial=1, name="甲")
    soon = add_child(children, ("left_behind",), "good", serial=2, name="乙")
    later = add_child(children, ("floating",), serial=3, name="丙")
    visits.log(Visit(soon.uuid, START, "home"))  # due START + 90
    visits.log(Visit(later.uuid, START, "phone"))  # due START + 180
    clock.day = START + timedelta(days=85)
    rows = visits.due()
    assert [(r.uuid, r.status) for r in rows] == [
        (late.uuid, "overdue"),
        (soon.uuid, "due_soon"),
        (later.uuid, "upcoming"),
    ]
    assert visits.due_counts() == {"overdue": 1, "due_soon": 1, "upcoming": 1}
    assert [r.uuid for r in visits.due(status="overdue")] == [late.uuid]
    week = visits.due(since=clock.day, until=clock.day + timedelta(days=6))
    assert [r.uuid for r in week] == [soon.uuid]


def test_a_closed_child_is_never_due(children, visits):
    child = add_child(children)
    children.close(child.uuid, "moved_away", "迁往县城")
    assert child.uuid not in [r.uuid for r in visits.due()]


def test_an_open_concern_makes_the_child_high_risk_and_due_at_once(children, visits, store, clock):
    child = add_child(children, ("left_behind",), "good")
    visits.log(Visit(child.uuid, START, "home"))
    clock.advance(10)
    concern = Concerns(store, clock).add(child.uuid, "abuse", clock.day, "手臂有伤")
    row = due_of(visits, child.uuid)
    assert (row.due_date, row.status, row.reason, row.risk) == (
        clock.day,
        "due_soon",
        "high_risk",
        "high",
    )
    clock.advance(1)
    assert due_of(visits, child.uuid).status == "overdue"
    visits.log(Visit(child.uuid, clock.day, "home"))
    assert due_of(visits, child.uuid).due_date == clock.day + timedelta(days=14)
    Concerns(store, clock).close(concern.uuid, "已就医，祖母照看")
    row = due_of(visits, child.uuid)
    assert (row.risk, row.due_date) == ("low", clock.day + timedelta(days=90))


def test_a_reassessed_grade_becomes_the_childs_grade(children, visits, clock):
    child = add_child(children, ("left_behind",), "good")
    visits.log(Visit(child.uuid, clock.day, "home", guardianship="poor"))
    saved = children.get(child.uuid)
    row = due_of(visits, child.uuid)
    assert (saved.guardianship, row.risk, row.interval_days) == ("poor", "high", 14)
    clock.advance(5)
    visits.log(Visit(child.uuid, clock.day - timedelta(days=20), "phone", guardianship="none"))
    assert children.get(child.uuid).guardianship == "poor"  # an older visit logged late


def test_a_correction_is_a_new_version_and_both_stay(children, visits, clock):
    child = add_child(children, ("orphan",))
    clock.advance(20)
    first = visits.log(Visit(child.uuid, clock.day, "home", met="祖母", actions="送去冬衣"))
    wrong_day = clock.day
    fixed = replace(first.visit, visit_date=clock.day - timedelta(days=5), uuid="fixed-1")
    visits.correct(first.visit.uuid, fixed)
    history = visits.history(child.uuid)
    assert [(h.visit.uuid, h.superseded_by) for h in history] == [
        (first.visit.uuid, "fixed-1"),
        ("fixed-1", None),
    ]
    assert history[1].visit.actions == "送去冬衣"
    assert due_of(visits, child.uuid).last_visit == wrong_day - timedelta(days=5)
    with pytest.raises(ValidationFailed) as refused:
        visits.correct(first.visit.uuid, replace(fixed, uuid="fixed-2"))
    assert refused.value.problems[0].code == "visit_superseded"


def test_a_visit_is_checked(children, visits, clock):
    child = add_child(children)
    bad = Visit(
        child.uuid,
        clock.day + timedelta(days=1),
        "fax",
        guardianship="great",
        next_planned=clock.day,
        findings={"weather": "晴"},
    )
    with pytest.raises(ValidationFailed) as refused:
        visits.log(bad)
    assert {p.field for p in refused.value.problems} == {
        "mode",
        "visit_date",
        "guardianship",
        "next_planned",
        "findings",
    }
    assert visits.history(child.uuid) == []


def test_a_station_policy_edit_recomputes_every_child(children, visits, clock):
    orphan = add_child(children, ("orphan",), serial=1)
    floating = add_child(children, ("floating",), serial=2)
    for child in (orphan, floating):
        visits.log(Visit(child.uuid, clock.day, "home"))
    assert visits.set_policy(replace(visits.policy(), intensive=21, floating=60)) == 2
    assert visits.policy().intensive == 21
    assert due_of(visits, orphan.uuid).due_date == clock.day + timedelta(days=21)
    assert due_of(visits, floating.uuid).due_date == clock.day + timedelta(days=60)
    with pytest.raises(ValidationFailed):
        visits.set_policy(VisitPolicy(high_risk=0))
    assert visits.policy().intensive == 21


def test_visit_dates_are_iso_dates(children, visits):
    add_child(children)
    assert isinstance(visits.due()[0].due_date, date)
