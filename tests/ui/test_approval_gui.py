"""The 审核 tab at a town: the village's two new files listed with what was submitted beside the
file as it is now (a name the town corrected since); one approved with 通过, the other returned
through the reason's dialog (its button waits for a reason); the return then shows on the
village's 工作台 with the reason."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from childcare_desktop.core.services.approval import Approval
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.station import station_info
from childcare_desktop.ui.dialogs.return_reason import ReturnDialog
from childcare_desktop.ui.views.main_window import MainWindow
from tests.core.services.test_approval import DAY, Exchange, new_child
from tests.core.sync.stations import TOWN, VILLAGE, enrolled
from tests.ui.conftest import type_text

LEFT = Qt.MouseButton.LeftButton


def _rows(model) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_the_review_tab_approves_one_and_returns_one(qtbot, tasks, tmp_path, check_model):
    town = enrolled(tmp_path, "town", TOWN, "宁新镇")
    village = enrolled(tmp_path, "village", VILLAGE, "新陂村", town)
    move = Exchange(tmp_path)
    try:
        first, second = new_child(village), new_child(village, "李小红", 6)
        move(village, town)
        at_town = Children(town, lambda: DAY)  # the town corrects a name itself meanwhile
        at_town.save(replace(at_town.get(first.uuid), name="张晓明"))

        window = MainWindow(Children(town), station_info(town), tasks)
        qtbot.addWidget(window)
        window.show()
        view = window.approval
        at = window.tabs.indexOf(view)
        assert window.tabs.tabText(at) == "审核"
        window.tabs.setCurrentIndex(at)
        check_model(view.list.model)
        check_model(view.changes.model)
        qtbot.waitUntil(lambda: view.list.model.rowCount() == 2)
        assert [r[:3] + r[5:] for r in _rows(view.list.model)] == [
            ["新陂村", "张晓明", "新建档案", "待审核"],
            ["新陂村", "李小红", "新建档案", "待审核"],
        ]
        qtbot.waitUntil(lambda: view.changes.model.rowCount() > 0)
        shown = {r[0]: r[1:] for r in _rows(view.changes.model)}
        assert shown["姓名"] == ["", "张小明", "张晓明"]  # submitted, and the file now
        assert shown["儿童类别"] == ["", "农村留守儿童", "农村留守儿童"]
        assert shown["监护情况"] == ["", "一般", "一般"]
        # A village by its name, with its code: the code alone was cut short in its column.
        assert shown["所属村（居）代码"] == ["", f"新陂村（{VILLAGE}）", f"新陂村（{VILLAGE}）"]

        qtbot.mouseClick(view.approve_button, LEFT)
        qtbot.waitUntil(lambda: view.list.model.rowCount() == 1)
        assert view.current_item().child_name == "李小红"
        qtbot.mouseClick(view.return_button, LEFT)
        dialog = next(
            w for w in QApplication.topLevelWidgets()
            if isinstance(w, ReturnDialog) and w.isVisible()
        )  # fmt: skip
        assert not dialog.return_button.isEnabled()
        type_text(qtbot, dialog.reason, "缺少户口簿复印件")
        assert dialog.return_button.isEnabled()
        qtbot.mouseClick(dialog.return_button, LEFT)
        qtbot.waitUntil(lambda: view.list.model.rowCount() == 0)
        assert not view.approve_button.isEnabled() and not view.return_button.isEnabled()
        tasks.wait()
        window.close()

        move(town, village, to=VILLAGE)
        (back,) = Approval(village).returned()
        assert (back.child, back.reason) == (second.uuid, "缺少户口簿复印件")
        at_village = MainWindow(Children(village), station_info(village), tasks)
        qtbot.addWidget(at_village)
        at_village.show()
        today = at_village.today
        qtbot.waitUntil(lambda: today.returned.model.rowCount() == 1)
        assert today.returned.isVisible()
        assert _rows(today.returned.model)[0][:3] == ["李小红", "新建档案", "缺少户口簿复印件"]
        tasks.wait()
    finally:
        tasks.wait()
        village.close()
        town.close()
