"""`childcare screening` from a script, on the town of screening_town: a round opened, listed,
marked (a listed person found in a category gets the hint to register the child), its status as
JSON, its result printed and read back, closed; and what is refused, said with its field."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.screening import Screening
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE
from tests.core.services import screening_town as town_
from tests.core.services.screening_town import PEOPLE, A, B
from tests.core.services.test_screening_population import write_register

TODAY = date.today()


@pytest.fixture
def town_db(data_dir: Path) -> tuple[str, dict[str, str]]:
    path = data_dir / "town.db"
    store, _ = init_station(path, PASSPHRASE, "town", town_.TOWN, "石坑镇", "张督导")
    try:
        uuids = town_.build(store)
    finally:
        store.close()
    return str(path), uuids


def test_a_round_from_the_command_line(childcare, town_db, tmp_path):
    db, uuids = town_db
    deadline = (TODAY + timedelta(days=20)).isoformat()
    opened = childcare("screening", "open", "--db", db, "--title", "春季排查", "--deadline",
                       deadline, "--note", "户籍儿童", "--json")  # fmt: skip
    assert opened.code == 0, opened.err
    round_ = opened.json()["round"]
    assert (round_["title"], round_["level"], round_["division_name"]) == (
        "春季排查",
        "town",
        "石坑镇",
    )
    listed = childcare("screening", "list", "--db", db, "--json")
    assert [r["id"] for r in listed.json()["rounds"]] == [round_["id"]]

    store = Store.open(db, PASSPHRASE)
    try:
        (person, _) = Screening(store).add_people(round_["id"], PEOPLE, "户籍名单").added
    finally:
        store.close()
    today = TODAY.isoformat()
    child = childcare("screening", "mark", "--db", db, round_["id"], uuids["a1"], "--found",
                      "none", "--on", today, "--json")  # fmt: skip
    assert child.code == 0, child.err
    assert child.json()["subject"]["found"] == [] and child.json()["register"] is False
    found = childcare("screening", "mark", "--db", db, round_["id"], person, "--found",
                      "left_behind,poor_family", "--on", today, "--note", "父母在外")  # fmt: skip
    assert found.code == 0, found.err
    assert "请为其登记建档" in found.out and "农村留守儿童" in found.out

    status = childcare("screening", "status", "--db", db, round_["id"], "--json").json()
    assert (status["to_screen"], status["screened"], status["late"]) == (5, 2, [])
    by_village = {v["village_code"]: (v["to_screen"], v["screened"], v["found"])
                  for v in status["villages"]}  # fmt: skip
    assert by_village == {A: (3, 2, 1), B: (2, 0, 0)}
    subjects = {s["name"]: s for s in status["subjects"]}
    assert subjects["陈小雨"]["found"] == ["left_behind", "poor_family"]
    assert subjects["陈小雨"]["note"] == "父母在外"
    words = childcare("screening", "status", "--db", db, round_["id"])
    assert "上村  2/3  发现 found 1" in words.out

    out = tmp_path / "排查.pdf"
    printed = childcare("screening", "print", "--db", db, round_["id"], "--out", str(out))
    assert printed.code == 0, printed.err
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert "排查结果：春季排查" in text and "应排查 5 人，已排查 2 人（40%）" in text

    closed = childcare("screening", "close", "--db", db, round_["id"], "--json")
    assert closed.json()["closed_on"] == today


def test_what_screening_refuses_is_said_with_its_field(childcare, town_db, village_db):
    db, uuids = town_db
    deadline = (TODAY + timedelta(days=20)).isoformat()
    at_village = childcare("screening", "open", "--db", village_db, "--title", "排查",
                           "--deadline", deadline)  # fmt: skip
    assert at_village.code == 1 and "乡镇（街道）或县（区）" in at_village.err
    round_ = childcare("screening", "open", "--db", db, "--title", "排查", "--deadline",
                       deadline, "--json").json()["round"]  # fmt: skip
    bad = childcare("screening", "mark", "--db", db, round_["id"], uuids["a1"], "--found",
                    "martian", "--on", (TODAY + timedelta(days=1)).isoformat())  # fmt: skip
    assert bad.code == 1
    assert "found [unknown_value]" in bad.err and "screened_on [future_date]" in bad.err
    unknown = childcare("screening", "status", "--db", db, "no-such-round")
    assert unknown.code == 1 and "找不到这轮排查" in unknown.err


def test_a_round_opened_with_the_household_register(childcare, town_db, tmp_path):
    db, uuids = town_db
    store = Store.open(db, PASSPHRASE)
    try:
        a1_number = Children(store).get(uuids["a1"]).id_number
    finally:
        store.close()
    listed = write_register(tmp_path / "户籍名单.xlsx", a1_number)
    opened = childcare("screening", "open", "--db", db, "--title", "春季排查", "--deadline",
                       (TODAY + timedelta(days=20)).isoformat(), "--population", str(listed),
                       "--json")  # fmt: skip
    assert opened.code == 0, opened.err
    population = opened.json()["population"]
    assert population["rows"] == 6 and len(population["added"]) == 2
    assert sorted((r["line"], r["how"]) for r in population["registered"]) == [
        (3, "id_number"), (4, "name_birth")]  # fmt: skip
    assert [(r["line"], r["code"]) for r in population["refused"]] == [
        (7, "screening_village_required"), (8, "screening_adult")]  # fmt: skip
    deadline = (TODAY + timedelta(days=20)).isoformat()
    words = childcare("screening", "open", "--db", db, "--title", "秋季排查", "--deadline",
                      deadline, "--population", str(listed))  # fmt: skip
    assert "名单 6 行 rows: 已登记 registered 2，新增待排查 added 2" in words.out
    assert "第 8 行 line 8: birth_date 发起排查之日已满十八周岁" in words.out
