"""The supervisor's dashboard on a town of two villages counted by hand (dashboard_town): each
figure per village and in total, this month and a month past, the list behind each figure, the
twelve months of children visited on time, the same figures as the team's month, and a county
drilled into its town."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from childcare_desktop.core.domain.child import new_uuid
from childcare_desktop.core.errors import CoreError, ValidationFailed
from childcare_desktop.core.services import dashboard
from childcare_desktop.core.services.dashboard import FIGURES, LISTED, FigureList
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.services.team import Team
from childcare_desktop.core.storage import bulk
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.changes import ChangeWriter
from tests.conftest import PASSPHRASE
from tests.core.services import dashboard_town as town_month
from tests.core.services.dashboard_town import APRIL, APRIL_LISTS, MARCH, MONTH, TODAY, A, B
from tests.pg import POSTGRESQL


def _station(data_dir: Path, backend: str, request, role: str, code: str, name: str):
    server = request.getfixturevalue("pg_url") if backend == POSTGRESQL else None
    store, _ = init_station(
        data_dir / f"{role}.db", PASSPHRASE, role, code, name, "张督导", server=server
    )
    return store


@pytest.fixture
def town(data_dir: Path, backend: str, request: pytest.FixtureRequest):
    store = _station(data_dir, backend, request, "town", town_month.TOWN, "石坑镇")
    uuids = town_month.build(store)
    yield store, {u: n for n, u in uuids.items()}
    store.close()


@pytest.mark.parametrize("figure", FIGURES)
def test_each_figure_of_april_is_the_count_by_hand(town, figure):
    store, _ = town
    shown = dashboard.figures(store, MONTH, TODAY)
    assert (shown.month, shown.as_of, shown.level) == ("2026-04", TODAY, "village")
    by_code = {r.code: r for r in shown.rows}
    assert set(by_code) == {A, B}
    assert [by_code[A].name, by_code[B].name] == ["上村", "下村"]
    for village in (A, B):
        assert by_code[village].figure(figure) == APRIL[village][figure], village
    assert shown.total.figure(figure) == APRIL[A][figure] + APRIL[B][figure]
    assert shown.total.name == "石坑镇"


def test_the_month_s_owed_visits_are_made_up_of_its_four_states(town):
    store, _ = town
    for row in dashboard.figures(store, MONTH, TODAY).rows:
        assert row.due == row.on_time + row.late + row.overdue + row.pending


def test_a_month_past_is_counted_on_its_last_day(town):
    store, _ = town
    shown = dashboard.figures(store, MONTH.replace(month=3), TODAY)
    assert shown.as_of.isoformat() == "2026-03-31"
    for row in shown.rows:
        assert {k: row.figure(k) for k in MARCH[row.code]} == MARCH[row.code], row.code


@pytest.mark.parametrize(("village", "figure"), sorted(APRIL_LISTS))
def test_the_list_behind_a_figure_holds_the_children_it_counts(town, village, figure):
    store, names = town
    shown = dashboard.figures(store, MONTH, TODAY)
    found = dashboard.listed(store, shown.list_of(figure, village), TODAY)
    assert {names[x.child] for x in found} == APRIL_LISTS[(village, figure)]
    assert len(found) == {r.code: r for r in shown.rows}[village].figure(figure)
    assert all(x.village == village and x.village_name for x in found)


def test_a_list_of_visits_says_when_each_was_owed_and_made(town):
    store, names = town
    found = dashboard.listed(store, FigureList("due", A, "2026-04"), TODAY)
    dates = {names[x.child]: (x.kind, str(x.owed_by), str(x.visited)) for x in found}
    assert dates == {
        "a1": ("on_time", "2026-04-09", "2026-04-05"),
        "a2": ("late", "2026-03-31", "2026-04-12"),
        "a3": ("overdue", "2026-04-14", "None"),
        "a4": ("pending", "2026-04-24", "None"),
        "a6": ("pending", "2026-04-23", "None"),
    }
    (concern,) = dashboard.listed(store, FigureList("concerns", "", "2026-04"), TODAY)
    assert (names[concern.child], concern.kind, str(concern.noted_on)) == (
        "b1", "abandoned", "2026-04-02",
    )  # fmt: skip


def test_every_list_of_the_total_holds_its_figure(town):
    store, _ = town
    shown = dashboard.figures(store, MONTH, TODAY)
    for figure in LISTED:
        assert len(dashboard.listed(store, shown.list_of(figure), TODAY)) == shown.total.figure(
            figure
        ), figure


def test_twelve_months_of_children_visited_on_time(town):
    store, _ = town
    points = dashboard.trend(store, MONTH, TODAY)
    assert len(points) == 12
    assert (points[0].month, points[-1].month) == ("2025-05", "2026-04")
    assert {p.month: p.on_time for p in points if p.on_time} == town_month.TREND
    whole = dashboard.dashboard(store, MONTH, TODAY)
    assert whole.trend == points and whole.total.on_time == points[-1].on_time


def test_the_dashboard_counts_a_month_as_the_team_does(town):
    store, _ = town
    for month in ("2026-03", "2026-04"):
        shown = dashboard.figures(store, dashboard.month_of(month), TODAY)
        team = {m.division_code: m for m in Team(store, lambda: TODAY).month(month)}
        for row in shown.rows:
            assert (row.due, row.on_time) == (
                team[row.code].children_due,
                team[row.code].visited_on_time,
            ), (month, row.code)


def test_a_county_shows_its_towns_and_drills_into_one(data_dir, backend, request):
    county = _station(data_dir, backend, request, "county", "441481", "兴宁市")
    try:
        town_month.build(county)
        shown = dashboard.figures(county, MONTH, TODAY)
        assert (shown.level, [r.code for r in shown.rows]) == ("town", [town_month.TOWN])
        assert shown.rows[0].overdue == APRIL[A]["overdue"] + APRIL[B]["overdue"]
        inside = dashboard.figures(county, MONTH, TODAY, town=town_month.TOWN)
        assert (inside.level, inside.scope) == ("village", town_month.TOWN)
        assert {r.code: r.late for r in inside.rows} == {A: 1, B: 1}
        overdue = dashboard.listed(county, inside.list_of("overdue", B), TODAY)
        assert len(overdue) == 1
        with pytest.raises(CoreError) as refused:
            dashboard.figures(county, MONTH, TODAY, town="441482103")
        assert refused.value.code == "not_a_town_below"
    finally:
        county.close()


def test_a_town_does_not_set_the_reporting_calendar(town):
    store, _ = town
    with pytest.raises(CoreError) as refused:
        dashboard.set_report_day(store, 5)
    assert refused.value.code == "report_calendar_county_only"
    assert dashboard.report_day(store) is None


def test_the_county_sets_the_reporting_calendar(data_dir, backend, request):
    county = _station(data_dir, backend, request, "county", "441481", "兴宁市")
    try:
        for day in (0, 29, "5"):
            with pytest.raises(ValidationFailed):
                dashboard.set_report_day(county, day)
        assert dashboard.report_day(county) is None
        assert dashboard.set_report_day(county, 5) == 5
        assert dashboard.report_day(county) == 5
        assert dashboard.figures(county, MONTH, TODAY).report_day == 5
    finally:
        county.close()


def test_a_bad_month_is_refused():
    for text in ("2026-13", "2026-4", "april"):
        with pytest.raises(CoreError) as refused:
            dashboard.month_of(text)
        assert refused.value.code == "bad_month"
    assert dashboard.month_of("2026-04") == MONTH


def test_a_figure_without_a_list_is_refused(town):
    store, _ = town
    with pytest.raises(CoreError):
        dashboard.listed(store, replace(FigureList("children", "", "2026-04")), TODAY)


def test_items_waiting_for_the_town_s_review_are_counted_and_listed(town):
    store, names = town
    a1 = next(u for u, n in names.items() if n == "a1")
    row = {"uuid": new_uuid(), "child_uuid": a1, "village_code": A, "kind": "new_file",
           "subject": "", "changes": "{}", "submitted_on": date(2026, 4, 18),
           "submitted_by": "上村主任"}  # fmt: skip
    with store.write() as conn:  # as a village's batch brings it
        writer = ChangeWriter(conn)
        bulk.insert_rows(conn, t.submission, [row])
        writer.record("submission", row["uuid"], row, new=True, append_only=True)
        writer.flush()
    shown = dashboard.figures(store, MONTH, TODAY)
    assert {r.code: r.waiting for r in shown.rows} == {A: 1, B: 0}
    (item,) = dashboard.listed(store, shown.list_of("waiting", A), TODAY)
    assert (names[item.child], item.kind, item.noted_on) == ("a1", "new_file", date(2026, 4, 18))
