"""What a newcomer sees first: an empty workbench says how to begin and its buttons do it; a town
opens on its villages' sync state; a village sees its own: not enrolled, the last batch written,
what the town has acknowledged, and what the laptop cannot know."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from childcare_desktop.core.services import sync
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.station import station_info
from childcare_desktop.ui.dialogs.child_form import ChildForm
from childcare_desktop.ui.dialogs.roster_import import RosterImportDialog
from childcare_desktop.ui.dialogs.sync_export import ExportDialog
from childcare_desktop.ui.dialogs.sync_import import ImportDialog
from childcare_desktop.ui.models import sync_models as m
from childcare_desktop.ui.tasks import SYNC, Changes
from childcare_desktop.ui.views.main_window import MainWindow
from tests.core.sync.stations import OTHER_VILLAGE, TOWN, VILLAGE, enroll, station
from tests.ui.conftest import BOY_ID, save_form, type_text

LEFT = Qt.MouseButton.LeftButton


def opened(qtbot, store, tasks) -> MainWindow:
    window = MainWindow(Children(store), station_info(store), tasks)
    qtbot.addWidget(window)
    window.show()
    return window


def shown(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def row(model, r: int) -> list[str]:
    return [model.index(r, c).data() for c in range(model.columnCount())]


@pytest.fixture
def stations(tmp_path, tasks):
    made = {}
    for role, code, name in (
        ("town", TOWN, "宁新镇"),
        ("village", VILLAGE, "新陂村"),
        ("village", OTHER_VILLAGE, "石岭村"),
    ):
        (tmp_path / code).mkdir()
        made[code] = station(tmp_path / code, role, code, name)
    yield made
    tasks.wait()
    for store in made.values():
        store.close()


def test_an_empty_workbench_says_how_to_start_and_its_buttons_do_it(qtbot, store, tasks):
    window = opened(qtbot, store, tasks)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.start)
    assert window.tabs.tabText(0) == "工作台" and window.start.isVisible()
    assert not window.today.isVisible()  # no empty lists of visits

    qtbot.mouseClick(window.start.import_button, LEFT)
    qtbot.waitUntil(lambda: len(shown(RosterImportDialog)) == 1)
    shown(RosterImportDialog)[0].reject()

    qtbot.mouseClick(window.start.new_button, LEFT)
    qtbot.waitUntil(lambda: window.form is not None and window.form.isVisible())
    form: ChildForm = window.form
    type_text(qtbot, form.basic.name, "张小明")
    qtbot.keyClicks(form.basic.id_number, BOY_ID)
    save_form(qtbot, form)
    form.reject()
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.today)
    assert window.tabs.tabText(0) == "工作台" and not window.start.isVisible()


def test_a_town_opens_on_its_villages_sync_state(qtbot, tasks, stations, tmp_path, check_model):
    town, village = stations[TOWN], stations[VILLAGE]
    enroll(town, village, tmp_path / VILLAGE)
    enroll(town, stations[OTHER_VILLAGE], tmp_path / OTHER_VILLAGE)
    fill_demo(village, 3, seed=8)
    first = sync.export(village, tmp_path / "b1.ccsync")
    sync.import_files(town, [tmp_path / "b1.ccsync"])

    window = opened(qtbot, town, tasks)
    landing = window.landing
    check_model(landing.model)  # filled once the status is read, after this
    # The town opens on its dashboard; its villages' sync state is the next tab.
    assert window.tabs.currentWidget() is window.dashboard and window.tabs.tabText(0) == "看板"
    assert window.tabs.indexOf(landing) == 1 and window.tabs.tabText(1) == "各村同步"
    window.tabs.setCurrentWidget(landing)
    qtbot.waitUntil(lambda: landing.model.rowCount() == 2)
    rows = {r[m.COL_STATION]: r for r in (row(landing.model, i) for i in range(2))}
    sent = rows["新陂村（441481103201）"]
    assert (sent[m.COL_LAST_BATCH], sent[m.COL_CHANGES], sent[m.COL_LATE]) == (
        "1",
        str(first.changes),
        "",
    )
    assert len(sent[m.COL_LAST_IMPORT]) == 16  # when: day and minute
    silent = rows["石岭村（441481103202）"]
    assert (silent[m.COL_LAST_BATCH], silent[m.COL_LATE]) == ("", "迟报")
    assert landing.summary.text() == "共 2 个站点，其中迟报 1 个（超过 35 天没有收到批次）。"

    # The next batch read through the landing's own button shows there by itself.
    Children(village).update_fields(Children(village).summaries()[0].uuid, {"school": "一小"})
    second = sync.export(village, tmp_path / "b2.ccsync")
    qtbot.mouseClick(landing.import_button, LEFT)
    qtbot.waitUntil(lambda: len(shown(ImportDialog)) == 1)
    importer = shown(ImportDialog)[0]
    importer.add_files([Path(second.file)])
    qtbot.waitUntil(lambda: importer.results.rowCount() == 1)
    importer.reject()
    qtbot.waitUntil(lambda: "2" in [row(landing.model, i)[m.COL_LAST_BATCH] for i in range(2)])

    qtbot.mouseClick(landing.details_button, LEFT)
    assert window.tabs.currentWidget() is window.sync_status


def test_a_village_sees_whether_it_is_enrolled_what_it_sent_and_what_the_town_acknowledged(
    qtbot, tasks, stations, tmp_path
):
    town, village = stations[TOWN], stations[VILLAGE]
    fill_demo(village, 2, seed=9)
    window = opened(qtbot, village, tasks)
    view = window.village_sync
    assert window.tabs.currentWidget() is window.today  # a village opens on its workbench
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: "还没有入网" in view.state.text())
    assert not view.export_button.isEnabled() and not view.unknown.isVisible()

    # Installed as the enrollment dialog installs it: a write that changes the sync state.
    installed = Changes.of(SYNC)
    tasks.write(lambda: enroll(town, village, tmp_path / VILLAGE), print, changes=installed)
    qtbot.waitUntil(lambda: "还没有导出过" in view.state.text())
    assert view.state.text() == (
        "已入网，上级是宁新镇（441481103）；还没有导出过同步文件。\n"
        "宁新镇（441481103）还没有确认收到本站的修改。"
    )
    assert view.unknown.isVisible() and "无从知道" in view.unknown.text()

    stick = tmp_path / "U盘"
    stick.mkdir()
    qtbot.mouseClick(view.export_button, LEFT)
    qtbot.waitUntil(lambda: len(shown(ExportDialog)) == 1)
    export = shown(ExportDialog)[0]
    qtbot.waitUntil(lambda: export.receiver.count() == 1)
    type_text(qtbot, export.folder, str(stick))
    qtbot.mouseClick(export.export_button, LEFT)
    qtbot.waitUntil(lambda: "第 1 批已写到" in export.sent.text())
    export.reject()
    qtbot.waitUntil(lambda: "第 1 批" in view.state.text())
    (batch,) = stick.iterdir()
    changes = sync.status(village).sent[0].changes
    assert "最近导出给宁新镇（441481103）：第 1 批，" in view.state.text()
    assert f"含 {changes} 条修改。" in view.state.text()

    sync.import_files(town, [batch])
    sync.export(town, tmp_path / "back.ccsync", to=VILLAGE)
    qtbot.mouseClick(view.import_button, LEFT)
    qtbot.waitUntil(lambda: len(shown(ImportDialog)) == 1)
    importer = shown(ImportDialog)[0]
    importer.add_files([tmp_path / "back.ccsync"])
    qtbot.waitUntil(lambda: importer.results.rowCount() == 1)
    importer.reject()
    qtbot.waitUntil(lambda: "已确认收到本站的前" in view.state.text())
    assert f"宁新镇（441481103）已确认收到本站的前 {changes} 条修改。" in view.state.text()
