"""定期报送 through real batches: the county's due day travels down to the town and on to its
villages, as the visit policy does, and the town's sync status and dashboard judge its villages
against it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from childcare_desktop.core.domain.reporting import REPORT_DAY
from childcare_desktop.core.services import dashboard, sync
from childcare_desktop.core.storage import settings

from .stations import COUNTY, TOWN, VILLAGE, enroll, station


@pytest.fixture
def stations(tmp_path):
    made = {}
    for role, code, name in (("county", COUNTY, "兴宁市"), ("town", TOWN, "宁新镇"),
                             ("village", VILLAGE, "新陂村")):  # fmt: skip
        folder = tmp_path / role
        folder.mkdir()
        made[role] = station(folder, role, code, name)
    enroll(made["county"], made["town"], tmp_path / "town")
    enroll(made["town"], made["village"], tmp_path / "village")
    yield made
    for store in made.values():
        store.close()


def _months_on(day: date, months: int, on: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, on)


def test_the_county_s_due_day_travels_down_to_every_station(tmp_path, stations):
    county, town, village = stations["county"], stations["town"], stations["village"]
    dashboard.set_report_day(county, 5)
    sync.export(county, tmp_path / "down1.ccsync", to=TOWN)
    sync.import_files(town, [tmp_path / "down1.ccsync"])
    assert dashboard.report_day(town) == 5
    sync.export(town, tmp_path / "down2.ccsync", to=VILLAGE)
    sync.import_files(village, [tmp_path / "down2.ccsync"])
    assert dashboard.report_day(village) == 5


def test_a_due_day_that_is_none_is_not_taken(tmp_path, stations):
    county, town = stations["county"], stations["town"]
    with county.write() as conn:
        settings.put(conn, REPORT_DAY, 31)  # as no county of this version would send
    sync.export(county, tmp_path / "down.ccsync", to=TOWN)
    sync.import_files(town, [tmp_path / "down.ccsync"])
    assert dashboard.report_day(town) is None


def test_the_town_judges_its_villages_against_the_calendar(tmp_path, stations):
    county, town, village = stations["county"], stations["town"], stations["village"]
    (unheard,) = sync.status(town).stations
    assert unheard.late
    sync.export(village, tmp_path / "up.ccsync")
    sync.import_files(town, [tmp_path / "up.ccsync"])
    received = date.today()
    dashboard.set_report_day(county, 5)
    sync.export(county, tmp_path / "down.ccsync", to=TOWN)
    sync.import_files(town, [tmp_path / "down.ccsync"])
    in_time = sync.status(town, today=received)
    assert in_time.report_day == 5 and not _village(in_time).late
    # Past the 5th of the month after next, with nothing since: late.
    after = _months_on(received, 2, 6)
    assert _village(sync.status(town, today=after)).late
    shown = dashboard.figures(town, after, after)
    (row,) = [r for r in shown.rows if r.code == VILLAGE]
    assert (row.station, row.last_batch, row.last_batch_on) == (True, 1, received)
    assert row.late_report and shown.late == (row,)
    assert not dashboard.figures(town, received, received).rows[0].late_report
    # Without the calendar the same day is judged by the days since the batch.
    with town.write() as conn:
        conn.exec_driver_sql(f"DELETE FROM setting WHERE key = '{REPORT_DAY}'")
    assert _village(sync.status(town, today=received + timedelta(days=35))).late is False


def _village(state: sync.SyncStatus) -> sync.StationStatus:
    (found,) = [s for s in state.stations if s.station == VILLAGE]
    return found
