"""The 团队 tab at a town: the village's director who came in a batch, with the phone masked;
an officer registered, the village's director replaced (the old one kept with the day they
left) and a training recorded through the dialogs, each seen in the list as a person sees it;
the month's figures per village's director."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from childcare_desktop.core.services import sync
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.station import station_info
from childcare_desktop.core.services.team import Team
from childcare_desktop.ui.dialogs.team_forms import OfficerForm, TrainingForm
from childcare_desktop.ui.views.main_window import MainWindow
from tests.core.sync.stations import TOWN, VILLAGE, enroll, station
from tests.ui.conftest import type_text

LEFT = Qt.MouseButton.LeftButton


def _rows(model) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _dialog(kind):
    (found,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found


def test_the_team_tab_at_a_town(qtbot, tasks, tmp_path, check_model):
    stores = {}
    for role, code, name in (("town", TOWN, "宁新镇"), ("village", VILLAGE, "新陂村")):
        (tmp_path / code).mkdir()
        stores[code] = station(tmp_path / code, role, code, name)
    town, village = stores[TOWN], stores[VILLAGE]
    try:
        enroll(town, village, tmp_path / VILLAGE)
        Team(village).add(VILLAGE, "director", "王主任", date(2024, 3, 1), phone="13800138000")
        sync.export(village, tmp_path / "v1.ccsync")
        sync.import_files(town, [tmp_path / "v1.ccsync"])

        window = MainWindow(Children(town), station_info(town), tasks)
        qtbot.addWidget(window)
        window.show()
        view = window.team
        at = window.tabs.indexOf(view)
        assert window.tabs.tabText(at) == "团队"
        window.tabs.setCurrentIndex(at)
        check_model(view.officers.model)
        check_model(view.figures.model)
        qtbot.waitUntil(lambda: view.officers.model.rowCount() == 1)
        today = date.today().isoformat()
        assert _rows(view.officers.model) == [
            ["新陂村", "儿童主任", "王主任", "138****8000", "2024-03-01", "", "0"]
        ]
        qtbot.waitUntil(lambda: view.figures.model.rowCount() == 1)
        assert _rows(view.figures.model) == [["新陂村", "王主任", "0", "0", "0", "0"]]

        qtbot.mouseClick(view.add_button, LEFT)
        form = _dialog(OfficerForm)
        assert form.division.currentText() == "宁新镇（441481103）"
        assert form.duty.code() == "supervisor"
        qtbot.keyClicks(form.phone, "123")
        qtbot.mouseClick(form.save_button, LEFT)
        qtbot.waitUntil(lambda: form.grid.errors["name"].text() != "")
        assert form.grid.errors["phone"].text() == "电话号码格式不对"
        type_text(qtbot, form.name, "钱督导")
        form.phone.clear()
        with qtbot.waitSignal(form.saved):
            qtbot.mouseClick(form.save_button, LEFT)
        qtbot.waitUntil(lambda: view.officers.model.rowCount() == 2)

        qtbot.mouseClick(view.replace_button, LEFT)
        form = _dialog(OfficerForm)
        assert [form.division.itemText(i) for i in range(form.division.count())] == [
            "新陂村（441481103201）"
        ]
        type_text(qtbot, form.name, "赵主任")
        with qtbot.waitSignal(form.saved):
            qtbot.mouseClick(form.save_button, LEFT)
        qtbot.waitUntil(lambda: view.officers.model.rowCount() == 3)
        rows = {r[2]: r for r in _rows(view.officers.model)}
        assert rows["王主任"][5] == today and rows["赵主任"][4:6] == [today, ""]
        qtbot.waitUntil(lambda: _rows(view.figures.model)[0][1] == "赵主任")

        view.officers.table.selectRow([r[2] for r in _rows(view.officers.model)].index("赵主任"))
        qtbot.mouseClick(view.train_button, LEFT)
        training = _dialog(TrainingForm)
        type_text(qtbot, training.title, "儿童主任示范培训")
        training.hours.setValue(16)
        with qtbot.waitSignal(training.saved):
            qtbot.mouseClick(training.save_button, LEFT)
        qtbot.waitUntil(lambda: {r[2]: r for r in _rows(view.officers.model)}["赵主任"][6] == "16")
        tasks.wait()
    finally:
        tasks.wait()
        town.close()
        village.close()


def test_the_set_up_puts_the_station_s_officer_in_the_registry(tmp_path):
    from childcare_desktop.ui.dialogs.setup_wizard import _init_station
    from tests.conftest import PASSPHRASE, TEST_KDF

    store, _ = _init_station(
        tmp_path / "s.db", PASSPHRASE, "town", TOWN, "宁新镇", "钱督导", kdf=TEST_KDF
    )
    try:
        (officer,) = Team(store).officers()
        assert (officer.name, officer.duty, officer.division_code) == ("钱督导", "supervisor", TOWN)
    finally:
        store.close()
