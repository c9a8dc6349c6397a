"""The team's registry: each rule of an officer and a training, a director replaced and kept,
the station's own officer added once, and a month's figures per village's director."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from childcare_desktop.core.domain.child import new_uuid
from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.errors import NotFound, ValidationFailed
from childcare_desktop.core.reports.errors import ReportError
from childcare_desktop.core.reports.ledger import month_bounds
from childcare_desktop.core.services.concerns import Concerns
from childcare_desktop.core.services.team import Team, ensure_station_officer
from childcare_desktop.core.storage import bulk
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.changes import ChangeWriter
from tests.conftest import VILLAGE
from tests.core.services.care_support import add_child

APPOINTED = date(2025, 6, 1)


@pytest.fixture
def team(store, clock):
    return Team(store, clock)


def _codes(failed: pytest.ExceptionInfo) -> dict[str, str]:
    return {p.field: p.code for p in failed.value.problems}


def test_an_officer_is_added_with_the_division_s_name_and_read_back(team):
    added = team.add(VILLAGE, "director", " 王主任 ", APPOINTED, phone="13800138000")
    assert (added.name, added.duty, added.division_name) == ("王主任", "director", "新陂村")
    assert (added.phone, added.appointed_on, added.left_on) == ("13800138000", APPOINTED, None)
    assert team.officers() == [added]


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"name": "  "}, "name", "required"),
        ({"name": "王" * 41}, "name", "name_invalid"),
        ({"phone": "12345"}, "phone", "phone_invalid"),
        ({"duty": "mayor"}, "duty", "unknown_value"),
        ({"duty": "supervisor"}, "duty", "duty_level"),
        ({"appointed_on": date(2030, 1, 1)}, "appointed_on", "future_date"),
        ({"appointed_on": date(1800, 1, 1)}, "appointed_on", "implausible_date"),
        ({"division_code": "441481103202"}, "division_code", "division_not_below"),
        ({"division_code": "441481103"}, "division_code", "division_not_below"),
    ],
)
def test_an_officer_refused_names_the_field_and_nothing_is_written(team, change, field, code):
    given = {"division_code": VILLAGE, "duty": "director", "name": "王主任",
             "appointed_on": APPOINTED, "phone": ""} | change  # fmt: skip
    with pytest.raises(ValidationFailed) as failed:
        team.add(**given)
    assert _codes(failed)[field] == code
    assert team.officers() == []


def test_a_director_replaced_is_kept_with_the_day_they_left(team, store):
    old = team.add(VILLAGE, "director", "王主任", APPOINTED)
    new = team.replace_director(VILLAGE, "赵主任", date(2026, 1, 5), phone="13900139000")
    by_name = {o.name: o for o in team.officers()}
    assert by_name["王主任"].left_on == date(2026, 1, 5)
    assert by_name["赵主任"] == new and new.left_on is None
    assert [o.name for o in team.officers()] == ["赵主任", "王主任"]
    with store.read() as conn:
        logged = conn.execute(
            select(t.change.c.entity, t.change.c.entity_uuid).order_by(t.change.c.counter)
        ).all()
    assert logged == [("officer", old.uuid), ("officer", old.uuid), ("officer", new.uuid)]


def test_a_replacement_before_the_serving_director_was_appointed_is_refused(team):
    team.add(VILLAGE, "director", "王主任", APPOINTED)
    with pytest.raises(ValidationFailed) as failed:
        team.replace_director(VILLAGE, "赵主任", date(2025, 1, 1))
    assert _codes(failed) == {"appointed_on": "before_predecessor"}
    assert [(o.name, o.left_on) for o in team.officers()] == [("王主任", None)]


def test_a_training_adds_its_hours_to_the_officer(team):
    officer = team.add(VILLAGE, "director", "王主任", APPOINTED)
    team.train(officer.uuid, "儿童主任示范培训", date(2025, 9, 1), date(2025, 9, 3), 16)
    team.train(officer.uuid, "线上课程", date(2025, 11, 2), None, 2.5)
    assert team.get(officer.uuid).training_hours == 18.5
    assert [x.title for x in team.trainings(officer.uuid)] == ["儿童主任示范培训", "线上课程"]


@pytest.mark.parametrize(
    ("title", "start", "end", "hours", "field", "code"),
    [
        ("", date(2025, 9, 1), None, 4, "title", "required"),
        ("培训", date(2025, 9, 1), None, 0, "hours", "hours_positive"),
        ("培训", date(2025, 9, 1), None, -2, "hours", "hours_positive"),
        ("培训", date(2025, 9, 3), date(2025, 9, 1), 4, "end", "end_before_start"),
        ("培训", date(2030, 9, 3), None, 4, "start", "future_date"),
    ],
)
def test_a_training_refused_names_the_field(team, title, start, end, hours, field, code):
    officer = team.add(VILLAGE, "director", "王主任", APPOINTED)
    with pytest.raises(ValidationFailed) as failed:
        team.train(officer.uuid, title, start, end, hours)
    assert _codes(failed)[field] == code
    assert team.trainings(officer.uuid) == []


def test_a_training_of_no_officer_is_refused(team):
    with pytest.raises(NotFound):
        team.train(new_uuid(), "培训", date(2025, 9, 1), None, 4)


def test_the_station_s_own_officer_is_added_once(store, team):
    first = ensure_station_officer(store, date(2026, 3, 2))
    assert (first.name, first.duty, first.division_code) == ("李主任", "director", VILLAGE)
    assert ensure_station_officer(store, date(2026, 3, 9)) == first
    assert team.officers() == [first]


def _returned(store, child: str) -> None:
    """A submission of the village and the town's return of it, as they arrive by sync."""
    submission, decision = new_uuid(), new_uuid()
    with store.write() as conn:
        rows = {
            "submission": {"uuid": submission, "child_uuid": child, "village_code": VILLAGE,
                           "kind": "new_file", "subject": "", "changes": "{}",
                           "submitted_on": date(2026, 4, 1), "submitted_by": "李主任"},
            "decision": {"uuid": decision, "submission_uuid": submission, "child_uuid": child,
                         "level": "town", "verdict": "returned", "reason": "缺证明",
                         "decided_on": date(2026, 4, 2), "decided_by": "镇督导员"},
        }  # fmt: skip
        writer = ChangeWriter(conn)
        for entity, row in rows.items():
            bulk.insert_rows(conn, t.metadata.tables[entity], [row])
            writer.record(entity, row["uuid"], row, new=True, append_only=True)
        writer.flush()


def test_a_month_s_figures_per_village_director(store, team, children, visits, clock):
    director = team.add(VILLAGE, "director", "王主任", APPOINTED)
    visited = add_child(children, serial=5, name="张小明")
    add_child(children, serial=7, name="李小红")  # due at registration, never visited
    clock.day = date(2026, 4, 20)
    visits.log(Visit(visited.uuid, date(2026, 4, 3), "home"))
    Concerns(store, clock).add(
        visited.uuid, "abandoned", date(2026, 4, 3), "无人照看", "police", date(2026, 4, 3)
    )
    _returned(store, visited.uuid)

    (april,) = team.month("2026-04")
    assert (april.division_code, april.division_name) == (VILLAGE, "新陂村")
    assert (april.officer_uuid, april.officer_name) == (director.uuid, "王主任")
    assert (april.children_due, april.visited_on_time) == (2, 1)
    assert (april.concerns_reported, april.items_returned) == (1, 1)
    (may,) = team.month("2026-05")
    assert (may.concerns_reported, may.items_returned, may.visited_on_time) == (0, 0, 0)


def test_a_visit_after_the_child_s_date_is_not_on_time(store, team, children, visits, clock):
    child = add_child(children)
    visits.log(Visit(child.uuid, date(2026, 3, 2), "home"))
    clock.day = date(2027, 3, 20)
    visits.log(Visit(child.uuid, date(2027, 3, 15), "home"))  # a year on: late by any rule
    (march,) = team.month("2027-03")
    assert (march.children_due, march.visited_on_time) == (1, 0)


def test_a_month_is_its_first_and_last_day():
    assert month_bounds("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert month_bounds("2026-12") == (date(2026, 12, 1), date(2026, 12, 31))
    with pytest.raises(ReportError):
        month_bounds("2026-13")
