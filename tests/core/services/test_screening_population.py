"""The household register loaded into a round (services/screening_population.py), on the town of
screening_town: rows matched to registered children (by ID number, by name and birth date) are in
the round already, the others become people to screen in their villages with their address; a
row of an unknown village or of an adult is refused, said with its line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.errors import ValidationFailed
from childcare_desktop.core.roster.sheet import RosterError
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.screening import Screening
from childcare_desktop.core.services.screening_population import open_with_population
from childcare_desktop.core.services.station import init_station
from tests.conftest import PASSPHRASE
from tests.core.services import screening_town as town_
from tests.core.services.care_support import Clock
from tests.core.services.screening_town import DEADLINE, A, B
from tests.pg import POSTGRESQL

NEW = idnumber.make("441481", date(2016, 2, 2), 31, "female")


def write_register(path: Path, a1_number: str) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["石坑镇户籍人口名单（未满18周岁）"])
    sheet.append(["序号", "姓名", "身份证号", "出生日期", "性别", "所属村", "现住址"])
    sheet.append([1, "儿童a1", a1_number, "", "", "上村", ""])
    sheet.append([2, "儿童b1", "", "2012-09-09", "男", "下村", ""])
    sheet.append([3, "陈小雨", NEW, "", "女", "上村", "上村三组12号"])
    sheet.append([4, "刘小星", "", "2014-06-06", "男", "下村", "下村五组"])
    sheet.append([5, "王外来", "", "2015-01-01", "男", "东村", ""])
    sheet.append([6, "赵成年", "", "2000-01-01", "男", "上村", ""])
    book.save(path)
    return path


@pytest.fixture
def town(data_dir: Path, backend: str, request: pytest.FixtureRequest):
    server = request.getfixturevalue("pg_url") if backend == POSTGRESQL else None
    store, _ = init_station(
        data_dir / "town.db", PASSPHRASE, "town", town_.TOWN, "石坑镇", "张督导", server=server
    )
    clock = Clock()
    uuids = town_.build(store, clock)
    yield store, uuids, clock
    store.close()


def test_the_household_register_fills_the_round(town, tmp_path):
    store, uuids, clock = town
    screening = Screening(store, clock)
    a1_number = Children(store).get(uuids["a1"]).id_number
    listed = write_register(tmp_path / "户籍名单.xlsx", a1_number)
    opened, loaded = open_with_population(store, "春季排查", DEADLINE, "户籍名单", listed, clock)
    assert loaded.rows == 6
    assert {(m.row, m.child, m.how) for m in loaded.registered} == {
        ("3", uuids["a1"], "id_number"),
        ("4", uuids["b1"], "name_birth"),
    }
    assert len(loaded.people.added) == 2 and loaded.people.already == ()
    assert [(key, p.code) for key, p in loaded.people.refused] == [
        ("7", "screening_village_required"),  # 东村 is no village of the town
        ("8", "screening_adult"),
    ]
    status = screening.status(opened.uuid)
    people = {s.name: s for s in status.subjects if s.kind == "person"}
    assert {n: (p.village_code, p.birth_date) for n, p in people.items()} == {
        "陈小雨": (A, date(2016, 2, 2)),
        "刘小星": (B, date(2014, 6, 6)),
    }
    assert screening.draft_child(opened.uuid, people["陈小雨"].uuid).current_address == (
        "上村三组12号"
    )
    assert {v.village_code: v.to_screen for v in status.villages} == {A: 3, B: 2}


def test_a_register_that_cannot_be_read_opens_no_round(town, tmp_path):
    """The register is read before the round is opened: a file that is no list leaves no
    round behind (and saving again would have opened a second)."""
    store, _, clock = town
    bad = tmp_path / "户籍名单.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(RosterError) as refused:
        open_with_population(store, "春季排查", DEADLINE, "", bad, clock)
    assert refused.value.code == "roster_unreadable"
    with pytest.raises(ValidationFailed):  # the round's own fields are checked first
        open_with_population(store, "", DEADLINE, "", bad, clock)
    assert Screening(store, clock).rounds() == []
