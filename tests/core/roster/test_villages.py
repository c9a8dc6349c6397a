"""A town's or county's ledger names each child's village (所属村): by name or 12-digit code."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert

from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.roster import Roster
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import tables as t
from tests.conftest import PASSPHRASE

from .ledgers import HEADER, child_row, write_xlsx
from .test_export import as_ledger

TOWN = "441481103"
KNOWN = {"441481103201": "新陂村", "441481103202": "黄陂村"}


def station(path, role: str, code: str, name: str, villages: dict[str, str]):
    """A station that knows `villages` (code → name), as enrolling them leaves it."""
    store, _ = init_station(path, PASSPHRASE, role, code, name, "李站长")
    with store.write() as conn:
        conn.execute(insert(t.division), [{"code": c, "name": n} for c, n in villages.items()])
    return store


@pytest.fixture
def town(data_dir):
    store = station(data_dir / "town.db", "town", TOWN, "新陂镇", KNOWN)
    yield store
    store.close()


def villages_by_name(store) -> dict[str, str]:
    return {s.name: Children(store).get(s.uuid).village_code for s in Children(store).summaries()}


@pytest.mark.parametrize("header", ["所属村", "村(居)", "村名", "村（居）委会"])
def test_a_towns_ledger_places_each_child_in_its_village(town, tmp_path, header):
    rows = [[*HEADER, header]]
    for n, village in enumerate(
        [
            "新陂村",
            "441481103202",
            " 黄陂村 ",
            "４４１４８１１０３２０９",
            "月亮村",
            "",
            "441481104201",
        ],
        start=1,
    ):
        rows.append([*child_row(n, f"孩子{n}"), village])
    result = Roster(town).import_file(write_xlsx(tmp_path / "镇台账.xlsx", rows))
    assert result.imported == 4
    assert villages_by_name(town) == {
        "孩子1": "441481103201",
        "孩子2": "441481103202",
        "孩子3": "441481103202",
        "孩子4": "441481103209",  # a village under the town not enrolled yet, by its code
    }
    found = [(e.row, e.column, e.code) for e in result.errors]
    assert found == [
        (6, header, "village_unknown"),
        (7, header, "village_missing"),
        (8, header, "village_unknown"),  # another town's village
    ]
    assert "月亮村" in result.errors[0].message
    assert "所属村" in result.errors[1].message


def test_a_towns_ledger_without_a_village_column_says_so_on_each_row(town, tmp_path):
    rows = [HEADER, child_row(1, "孩子1"), child_row(2, "孩子2")]
    result = Roster(town).import_file(write_xlsx(tmp_path / "镇台账.xlsx", rows))
    assert result.imported == 0
    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (2, "", "village_missing"),
        (3, "", "village_missing"),
    ]


def test_a_name_several_villages_share_needs_the_code(data_dir, tmp_path):
    county = station(
        data_dir / "county.db", "county", "441481", "兴宁市",
        {"441481103201": "新村", "441481104201": "新村", "441481104202": "石岭村"},
    )  # fmt: skip
    rows = [
        [*HEADER, "所属村"],
        [*child_row(1, "孩子1"), "新村"],
        [*child_row(2, "孩子2"), "石岭村"],
    ]
    rows.append([*child_row(3, "孩子3"), "441481104201"])
    try:
        result = Roster(county).import_file(write_xlsx(tmp_path / "a.xlsx", rows))
        assert [(e.row, e.code) for e in result.errors] == [(2, "village_shared_name")]
        assert "12位区划代码" in result.errors[0].message
        assert villages_by_name(county) == {"孩子2": "441481104202", "孩子3": "441481104201"}
    finally:
        county.close()


@pytest.mark.parametrize(
    ("role", "code", "name"), [("town", TOWN, "新陂镇"), ("county", "441481", "兴宁市")]
)
def test_a_towns_or_countys_roster_carries_the_village_and_imports_back_exactly(
    data_dir, tmp_path, today, role, code, name
):
    source, _ = init_station(data_dir / "source.db", PASSPHRASE, role, code, name, "李站长")
    fill_demo(source, 80, seed=3)
    with source.read() as conn:
        known = dict(conn.execute(t.division.select().with_only_columns(
            t.division.c.code, t.division.c.name)).all())  # fmt: skip
    path = Roster(source).export(tmp_path / "花名册.xlsx").path
    header = [c.value for c in load_workbook(path).active[3]]
    assert header[:3] == ["序号", "所属村", "姓名"]
    del known[code]  # a station knows itself from its setup
    other = station(data_dir / "other.db", role, code, name, known)
    try:
        result = Roster(other).import_file(path)
        assert (result.imported, result.errors, result.warnings) == (80, (), ())
        assert as_ledger(other, today) == as_ledger(source, today)
        assert len({v[0][-1] for v in as_ledger(other, today).values()}) > 1  # several villages
    finally:
        other.close()
        source.close()
