"""`childcare team` from a script: the station's own director registered at set-up, a director
replaced (the old one kept with the day they left), a training, the month's figures as JSON, and
what is refused said with its field."""

from __future__ import annotations

from datetime import date

from tests.conftest import VILLAGE


def test_the_team_from_the_command_line(childcare, village_db):
    listed = childcare("team", "list", "--db", village_db, "--json")
    assert listed.code == 0, listed.err
    (own,) = listed.json()["officers"]
    assert (own["name"], own["duty"], own["division"], own["division_name"]) == (
        "李主任", "director", VILLAGE, "新陂村")  # fmt: skip
    assert own["appointed_on"] == date.today().isoformat() and own["left_on"] is None

    replaced = childcare("team", "replace", "--db", village_db, "--division", VILLAGE,
                         "--name", "赵主任", "--phone", "13900139000", "--appointed",
                         date.today().isoformat(), "--json")  # fmt: skip
    assert replaced.code == 0, replaced.err
    new = replaced.json()
    trained = childcare("team", "train", "--db", village_db, "--officer", new["id"], "--title",
                        "示范培训", "--start", "2025-09-01", "--hours", "12")  # fmt: skip
    assert trained.code == 0, trained.err

    again = childcare("team", "list", "--db", village_db, "--json").json()
    officers = {o["name"]: o for o in again["officers"]}
    assert officers["李主任"]["left_on"] == date.today().isoformat()
    assert (officers["赵主任"]["phone"], officers["赵主任"]["training_hours"]) == (
        "13900139000", 12.0)  # fmt: skip
    words = childcare("team", "list", "--db", village_db)
    assert "139****9000" in words.out and "13900139000" not in words.out

    month = date.today().strftime("%Y-%m")
    stats = childcare("team", "stats", "--db", village_db, "--month", month, "--json")
    assert stats.code == 0, stats.err
    assert stats.json() == {"month": month, "officers": [{
        "division": VILLAGE, "division_name": "新陂村", "officer": new["id"],
        "officer_name": "赵主任", "children_due": 0, "visited_on_time": 0,
        "concerns_reported": 0, "items_returned": 0}]}  # fmt: skip


def test_what_the_team_refuses_is_said_with_its_field(childcare, village_db):
    bad = childcare("team", "add", "--db", village_db, "--division", "441481103", "--duty",
                    "supervisor", "--name", "钱督导", "--phone", "123",
                    "--appointed", "2025-01-01")  # fmt: skip
    assert bad.code == 1
    assert "只能登记本级或下级的工作人员" in bad.err and "电话号码格式不对" in bad.err
    no_hours = childcare("team", "train", "--db", village_db, "--officer", "x", "--title", "t",
                         "--start", "2025-01-01", "--hours", "3")  # fmt: skip
    assert no_hours.code == 1 and "找不到这名工作人员" in no_hours.err
    no_month = childcare("team", "stats", "--db", village_db, "--month", "2025-13")
    assert no_month.code == 1 and "YYYY-MM" in no_month.err
