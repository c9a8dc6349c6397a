"""核对部门名单 as a person uses it: pick the file and the department, name a column the
program did not know, check, then accept an item and dismiss another with its reason; at a town,
a row not registered accepted into the open screening round chosen."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.child import Child, FamilyMember
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.crosscheck import Crosscheck
from childcare_desktop.core.services.screening import Screening
from childcare_desktop.core.services.station import init_station
from childcare_desktop.ui.dialogs import list_check as lc
from childcare_desktop.ui.tasks import Tasks
from tests.conftest import PASSPHRASE, VILLAGE
from tests.core.lists.department_lists import write_xlsx
from tests.core.services import screening_town as town_

NUMBER = idnumber.make("441481", date(2014, 8, 9), 5, "male")


@pytest.fixture
def tasks(qapp):
    tasks = Tasks()
    yield tasks
    tasks.wait()


@pytest.fixture
def dialog(qtbot, store, tasks, check_model):
    dialog = lc.ListCheckDialog(Crosscheck(store), tasks)
    qtbot.addWidget(dialog)
    for model in dialog.models:
        check_model(model)
    dialog.show()
    return dialog


def select(qtbot, dialog, tab: int, row: int) -> lc.Item:
    dialog.tabs.setCurrentIndex(tab)
    table = dialog.tables[tab]
    table.selectRow(row)
    return dialog.models[tab].items[row]


def test_a_roll_checked_then_decided(qtbot, store, dialog, tmp_path, monkeypatch):
    children = Children(store)
    ming = children.save(Child("张小明", "male", None, VILLAGE, id_number=NUMBER))
    roll = write_xlsx(
        tmp_path / "学籍.xlsx",
        ["娃娃", "身份证号", "在校状态", "是否寄宿"],
        [["张小明", NUMBER, "辍学", "是"], ["陈不在", "", "在读", ""]],
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roll), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog._busy)
    assert not dialog.check_button.isEnabled()  # no name column yet: nothing can be matched
    combo = dialog.mapping_box.combos[0]
    combo.setCurrentIndex(combo.findData("name"))
    qtbot.waitUntil(lambda: not dialog._busy)
    assert dialog.error.text() == ""
    assert dialog.preview.mapping.header_of("name") == "娃娃"
    assert dialog.check_button.isEnabled()
    dialog.source.setCurrentIndex(dialog.source.findData("education"))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._busy)
    assert dialog.error.text() == ""
    assert dialog.work is not None

    tabs = [dialog.tabs.tabText(i) for i in range(3)]
    assert tabs == ["未登记（1）", "不一致（2）", "已匹配（1）"]
    shown = dialog.models[lc.TAB_DIFFERENT]
    texts = [
        [shown.index(r, c).data() for c in (lc.COL_WHAT, lc.COL_FILE, lc.COL_LIST)]
        for r in range(shown.rowCount())
    ]
    assert ["名单有新情况：就学情况", "小学", "辍学"] in texts
    assert ["名单有新情况：寄宿", "否", "是"] in texts
    assert children.get(ming.uuid).schooling == "primary"  # checking changed nothing

    row = next(i for i, t in enumerate(texts) if t[0].endswith("就学情况"))
    select(qtbot, dialog, lc.TAB_DIFFERENT, row)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: children.get(ming.uuid).schooling == "dropout")
    qtbot.waitUntil(lambda: not dialog._busy)

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("走读，名单有误", True))
    boarding = next(r for r in range(shown.rowCount()) if shown.items[r].field == "boarding")
    select(qtbot, dialog, lc.TAB_DIFFERENT, boarding)
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._busy and shown.items[boarding].state == "dismissed")
    assert shown.index(boarding, lc.COL_STATE).data() == "已忽略（走读，名单有误）"
    assert children.get(ming.uuid).boarding is False


@pytest.fixture
def town(data_dir):
    store, _ = init_station(
        data_dir / "town.db", PASSPHRASE, "town", town_.TOWN, "石坑镇", "张督导"
    )
    town_.build(store)
    yield store
    store.close()


def _town_dialog(qtbot, town, tasks) -> lc.ListCheckDialog:
    dialog = lc.ListCheckDialog(Crosscheck(town), tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_row_not_registered_accepted_goes_to_the_only_open_round(
    qtbot, town, tasks, tmp_path, monkeypatch
):
    screening = Screening(town)
    opened = screening.open("春季排查", date.today() + timedelta(days=30))
    dialog = _town_dialog(qtbot, town, tasks)
    qtbot.waitUntil(lambda: dialog.round_choice.count() == 2)
    assert dialog.round_choice.currentData() == opened.uuid  # the only open round, chosen
    assert dialog.round_choice.currentText().startswith("春季排查")
    # The round's whole title shows (it was cut to its first words beside 接受).
    shown = dialog.round_choice.width() - dialog.round_choice.iconSize().width()
    assert (
        dialog.round_choice.fontMetrics().horizontalAdvance(dialog.round_choice.currentText())
        < shown
    )
    newcomer = idnumber.make("441481", date(2015, 3, 3), 41, "male")
    roll = write_xlsx(
        tmp_path / "户籍.xlsx", ["姓名", "身份证号", "所属村"], [["王新来", newcomer, "上村"]]
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roll), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled())
    dialog.source.setCurrentIndex(dialog.source.findData("police"))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.work is not None and not dialog._busy)
    assert dialog.tabs.tabText(lc.TAB_UNREGISTERED) == "未登记（1）"
    select(qtbot, dialog, lc.TAB_UNREGISTERED, 0)
    assert dialog.round_choice.isEnabled()
    # From the list, Ctrl+Tab turns to the next tab (the table took the keys before).
    table = dialog.tables[lc.TAB_UNREGISTERED]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert dialog.tabs.currentIndex() == lc.TAB_DIFFERENT
    dialog.tabs.setCurrentIndex(lc.TAB_UNREGISTERED)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    unregistered = dialog.models[lc.TAB_UNREGISTERED]
    qtbot.waitUntil(lambda: not dialog._busy and unregistered.items[0].state == "accepted")
    assert dialog.error.text() == ""
    people = [s for s in screening.status(opened.uuid).subjects if s.kind == "person"]
    assert [(p.name, p.village_code) for p in people] == [("王新来", town_.A)]
    dialog.tabs.setCurrentIndex(lc.TAB_MATCHED)
    assert not dialog.round_choice.isEnabled()  # a round is only for rows not registered


def test_with_two_open_rounds_none_is_chosen_for_the_officer(qtbot, town, tasks):
    screening = Screening(town)
    screening.open("春季排查", date.today() + timedelta(days=30))
    autumn = screening.open("秋季排查", date.today() + timedelta(days=60))
    dialog = _town_dialog(qtbot, town, tasks)
    qtbot.waitUntil(lambda: dialog.round_choice.count() == 3)
    assert dialog.round_choice.currentData() == ""
    dialog.round_choice.setCurrentIndex(dialog.round_choice.findData(autumn.uuid))
    assert dialog.round_choice.currentText().startswith("秋季排查")


def test_a_roll_without_villages_accepted_together_asks_the_village_once(
    qtbot, town, tasks, tmp_path, monkeypatch
):
    """A school's roll has no 所属村: of two rows accepted together into the round, the one
    whose address names 上村 goes there (and the dialog says so), the other where the officer
    chooses, asked once."""
    screening = Screening(town)
    opened = screening.open("春季排查", date.today() + timedelta(days=30))
    dialog = _town_dialog(qtbot, town, tasks)
    qtbot.waitUntil(lambda: dialog.round_choice.count() == 2)
    roll = write_xlsx(
        tmp_path / "学籍.xlsx",
        ["姓名", "出生日期", "家庭住址"],
        [["王住上", "2015-01-01", "石坑镇上村三组"], ["李无址", "2015-02-02", ""]],
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roll), ""))
    asked = []

    def choose(_parent, _title, _label, names, *_args):
        asked.append(list(names))
        return "下村", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled())
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.work is not None and not dialog._busy)
    dialog.tabs.setCurrentIndex(lc.TAB_UNREGISTERED)
    dialog.tables[lc.TAB_UNREGISTERED].selectAll()
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    unregistered = dialog.models[lc.TAB_UNREGISTERED]
    qtbot.waitUntil(
        lambda: not dialog._busy and {i.state for i in unregistered.items} == {"accepted"}
    )
    assert asked == [["上村", "下村"]]
    assert dialog.error.text() == ""
    assert dialog.said.text().splitlines() == [
        "王住上 列入排查：上村（据住址判断）",
        "李无址 列入排查：下村（选定）",
    ]
    people = [s for s in screening.status(opened.uuid).subjects if s.kind == "person"]
    assert sorted((p.name, p.village_code) for p in people) == [
        ("李无址", town_.B),
        ("王住上", town_.A),
    ]


def test_a_contradicted_category_says_what_the_list_says_and_whose_file(
    qtbot, store, dialog, tmp_path, monkeypatch
):
    """留守: 否 against a file holding 农村留守儿童 reads 不是农村留守儿童 on the list's side, where
    it was empty; the file is named with its village (two 张小明 born the same day in two
    villages are two files)."""
    Children(store).save(
        Child("张小明", "male", None, VILLAGE, id_number=NUMBER, hukou_type="agricultural",
              categories=(CategorySpan("left_behind", date.today()),),
              members=(FamilyMember("father", "张大", situation="migrant"),
                       FamilyMember("mother", "李二", situation="migrant")))
    )  # fmt: skip
    roll = write_xlsx(
        tmp_path / "学籍.xlsx", ["姓名", "身份证号", "留守儿童"], [["张小明", NUMBER, "否"]]
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roll), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled())
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.work is not None and not dialog._busy)
    shown = dialog.models[lc.TAB_DIFFERENT]
    rows = [
        [shown.index(r, c).data() for c in (lc.COL_CHILD, lc.COL_WHAT, lc.COL_FILE, lc.COL_LIST)]
        for r in range(shown.rowCount())
    ]
    assert rows == [
        ["张小明（新陂村）", "与档案矛盾：儿童类别", "农村留守儿童", "不是农村留守儿童"]
    ]
