"""The town's sync overview says, in red above the stations, a village whose audit log went
backwards between two of its batches."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from childcare_desktop.core.services import sync
from childcare_desktop.ui.tasks import Tasks
from childcare_desktop.ui.views.sync_status import SyncStatusView
from tests.core.sync.stations import COUNTY, TOWN, VILLAGE, enroll, station
from tests.core.sync.test_audit_heads import register


@pytest.fixture
def tasks(qapp):
    tasks = Tasks()
    yield tasks
    tasks.wait()


def test_the_town_sees_a_village_whose_log_went_backwards(qtbot, tasks, tmp_path):
    county = station(tmp_path, "county", COUNTY, "兴宁市")
    town = station(tmp_path, "town", TOWN, "宁新镇")
    village = station(tmp_path, "village", VILLAGE, "新陂村")
    try:
        enroll(county, town, tmp_path)
        enroll(town, village, tmp_path)
        register(village, "赵一", "钱二", "孙三", "李四")
        sync.export(village, tmp_path / "1.ccsync")
        sync.import_files(town, [tmp_path / "1.ccsync"])
        view = SyncStatusView(town, tasks)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitUntil(lambda: view.stations.rowCount() == 1)
        assert view.audit_alarms.isHidden()

        with village.write() as conn:
            conn.execute(text("DELETE FROM audit WHERE seq > 2"))
            conn.execute(text("DELETE FROM setting WHERE key = 'audit_head'"))
        register(village, "周五")
        sync.export(village, tmp_path / "2.ccsync")
        sync.import_files(town, [tmp_path / "2.ccsync"])
        view.refresh()
        qtbot.waitUntil(lambda: view.audit_alarms.isVisible())
        assert view.audit_alarms.text().startswith(
            f"新陂村（{VILLAGE}）的操作日志倒退了：第 2 批里第 4 条起的记录不见了"
        )
    finally:
        tasks.wait()
        for store in (county, town, village):
            store.close()
