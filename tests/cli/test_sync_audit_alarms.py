"""`childcare sync status` tells the supervisor of a village whose audit log went backwards."""

from __future__ import annotations

from sqlalchemy import text

from childcare_desktop.core.services import sync
from tests.core.sync.stations import COUNTY, TOWN, VILLAGE, enroll, station
from tests.core.sync.test_audit_heads import register


def test_sync_status_names_a_village_whose_log_went_backwards(childcare, data_dir):
    county = station(data_dir, "county", COUNTY, "兴宁市")
    town = station(data_dir, "town", TOWN, "宁新镇")
    village = station(data_dir, "village", VILLAGE, "新陂村")
    enroll(county, town, data_dir)
    enroll(town, village, data_dir)
    register(village, "赵一", "钱二", "孙三", "李四")
    sync.export(village, data_dir / "1.ccsync")
    with village.write() as conn:
        conn.execute(text("DELETE FROM audit WHERE seq > 2"))
        conn.execute(text("DELETE FROM setting WHERE key = 'audit_head'"))
    register(village, "周五")
    sync.export(village, data_dir / "2.ccsync")
    results = sync.import_files(town, [data_dir / "1.ccsync", data_dir / "2.ccsync"])
    assert [r.status for r in results] == ["applied", "applied"]
    for store in (county, town, village):
        store.close()

    db = str(data_dir / f"{TOWN}.db")
    said = childcare("sync", "status", "--db", db, "--json")
    assert said.code == 0, said.err
    (alarm,) = said.json()["audit_alarms"]
    assert (alarm["origin"], alarm["kind"], alarm["batch"], alarm["entry"]) == (
        VILLAGE,
        "backwards",
        2,
        4,
    )
    words = childcare("sync", "status", "--db", db).out
    assert f"{VILLAGE}的操作日志倒退了：第 2 批里第 4 条起的记录不见了" in words
    assert f"the audit log of {VILLAGE} went backwards: batch 2 no longer holds entry 4" in words
