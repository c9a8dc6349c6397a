"""`childcare dashboard` and `childcare report calendar|bulletin` run as a script would, on the
town of two villages counted by hand (tests/core/services/dashboard_town.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from childcare_desktop.core.services.station import init_station
from tests.conftest import PASSPHRASE
from tests.core.reports import poppler
from tests.core.services import dashboard_town as town_month
from tests.core.services.dashboard_town import MARCH, A, B


@pytest.fixture
def town_db(data_dir: Path) -> str:
    path = data_dir / "town.db"
    store, _ = init_station(path, PASSPHRASE, "town", town_month.TOWN, "石坑镇", "张督导")
    try:
        town_month.build(store)
    finally:
        store.close()
    return str(path)


def test_the_figures_per_village_as_json(childcare, town_db):
    result = childcare("dashboard", "--db", town_db, "--month", "2026-03", "--json")
    assert result.code == 0, result.err
    shown = result.json()
    assert (shown["month"], shown["as_of"], shown["level"]) == ("2026-03", "2026-03-31", "village")
    by_code = {s["code"]: s for s in shown["stations"]}
    assert set(by_code) == {A, B}
    for village in (A, B):
        assert {k: by_code[village][k] for k in MARCH[village]} == MARCH[village]
        assert (by_code[village]["station"], by_code[village]["late"]) == (False, False)
        assert by_code[village]["last_batch"] is None
    assert by_code[A]["name"] == "上村"
    assert shown["total"]["due"] == MARCH[A]["due"] + MARCH[B]["due"]
    trend = {p["month"]: p["on_time"] for p in shown["trend"]}
    assert len(trend) == 12 and trend["2026-03"] == 5 and trend["2026-01"] == 1


def test_the_list_behind_a_figure(childcare, town_db):
    result = childcare(
        "dashboard", "--db", town_db, "--month", "2026-03", "--list", "overdue",
        "--division", B, "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    (item,) = result.json()["items"]
    assert (item["name"], item["village"], item["kind"]) == ("儿童b1", B, "overdue")
    assert item["owed_by"] == "2026-01-12" and item["visited"] is None
    words = childcare("dashboard", "--db", town_db, "--month", "2026-03", "--list", "on_time")
    assert words.code == 0 and words.out.count("on_time") == MARCH[A]["on_time"]


def test_the_figures_in_words(childcare, town_db):
    result = childcare("dashboard", "--db", town_db, "--month", "2026-03")
    assert result.code == 0, result.err
    assert "本月应访" in result.out and "上村" in result.out and "下村" in result.out


def test_a_bad_month_and_a_town_that_is_none_are_refused(childcare, town_db):
    bad = childcare("dashboard", "--db", town_db, "--month", "2026-13")
    assert bad.code == 1 and "YYYY-MM" in bad.err
    drilled = childcare("dashboard", "--db", town_db, "--town", "441481104")
    assert drilled.code == 1 and "441481104" in drilled.err


def test_the_calendar_is_set_at_the_county_and_refused_elsewhere(childcare, town_db, data_dir):
    refused = childcare("report", "calendar", "--db", town_db, "--day", "5")
    assert refused.code == 1 and "县" in refused.err
    county = str(data_dir / "county.db")
    made = childcare("init", "--db", county, "--role", "county", "--division", "441481",
                     "--name", "兴宁市", "--officer", "王督导")  # fmt: skip
    assert made.code == 0, made.err
    assert childcare("report", "calendar", "--db", county, "--json").json() == {"report_day": None}
    too_late = childcare("report", "calendar", "--db", county, "--day", "31")
    assert too_late.code == 1 and "28" in too_late.err
    set_ = childcare("report", "calendar", "--db", county, "--day", "5")
    assert set_.code == 0 and "5" in set_.out
    assert childcare("report", "calendar", "--db", county, "--json").json() == {"report_day": 5}
    shown = childcare("dashboard", "--db", county, "--json").json()
    assert shown["report_day"] == 5


def test_the_bulletin_reads_back_with_its_figures(childcare, town_db, tmp_path):
    out = tmp_path / "通报.pdf"
    result = childcare(
        "report", "bulletin", "--db", town_db, "--month", "2026-03", "--out", str(out)
    )
    assert result.code == 0, result.err
    flat = poppler.flat_text(out)
    assert "儿童关爱服务工作通报（2026年3月）" in flat
    assert "上村" in flat and "下村" in flat and "按时走访" in flat
    assert "本级尚无下属站点报送同步批次" in flat
