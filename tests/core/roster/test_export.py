"""Exporting the roster in the ledger layout, and importing it back into an empty store."""

from __future__ import annotations

from openpyxl import load_workbook

from childcare_desktop.core.domain.categories import current_codes
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.roster import Roster
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import tables as t
from tests.conftest import PASSPHRASE, VILLAGE

from .test_import import count

CHILD_FIELDS = ("name", "sex", "ethnicity", "birth_date", "id_number", "no_id_reason",
                "hukou_place", "current_address", "guardianship", "health", "disability_type",
                "illness", "schooling", "school", "notes", "village_code")  # fmt: skip
MEMBER_FIELDS = ("relation", "name", "situation", "work_place", "phone", "entrust_signed")


def as_ledger(store, today) -> dict[str, tuple]:
    """Each active child by name and birth date, as far as the ledger layout carries it."""
    service = Children(store)
    found = {}
    for summary in service.summaries():
        child = service.get(summary.uuid)
        found[(child.name, child.birth_date, child.id_number)] = (
            tuple(getattr(child, f) for f in CHILD_FIELDS),
            tuple(current_codes(child.categories, today)),
            tuple(tuple(getattr(m, f) for f in MEMBER_FIELDS) for m in child.members),
            summary.last_visit,
        )
    return found


def test_export_then_import_into_an_empty_store_gives_the_same_children(
    store, data_dir, tmp_path, today
):
    fill_demo(store, 120, seed=7)
    service = Children(store)
    for summary in service.summaries()[:3]:  # notes travel too
        service.update_fields(summary.uuid, {"notes": "爱画画；会写字"})
    exported = Roster(store).export(tmp_path / "花名册.xlsx")
    assert exported.count == 120

    other, _ = init_station(data_dir / "other.db", PASSPHRASE, "village", VILLAGE, "新陂村", "李")
    try:
        result = Roster(other).import_file(exported.path)
        assert (result.imported, result.errors, result.warnings) == (120, (), ())
        assert as_ledger(other, today) == as_ledger(store, today)
        again = Roster(other).import_file(exported.path)
        assert (again.imported, again.updated, again.unchanged) == (0, 0, 120)
        assert count(other, t.child) == 120
    finally:
        other.close()


def test_the_roster_has_a_title_and_the_grouped_header(store, tmp_path):
    fill_demo(store, 3, seed=1)
    path = Roster(store).export(tmp_path / "r.xlsx").path
    sheet = load_workbook(path).active
    rows = [list(r) for r in sheet.iter_rows(max_row=5, values_only=True)]
    assert rows[0][0] == "新陂村儿童信息台账（花名册）"
    assert rows[1][0].startswith("导出日期") and "共 3 人" in rows[1][0]
    assert rows[2][:3] == ["序号", "姓名", "性别"] and "父亲" in rows[2]
    assert rows[3][rows[2].index("父亲") : rows[2].index("父亲") + 4] == [
        "姓名", "状况", "务工地", "联系电话",
    ]  # fmt: skip
    assert rows[4][0] == 1
    assert isinstance(rows[4][5], str) and len(rows[4][5]) in (2, 18)  # 不详 or the number
