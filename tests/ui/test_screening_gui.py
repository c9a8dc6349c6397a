"""The 排查 tab. At a town: a round opened through its dialog, each village's coverage in the
table. At a village (the round as it arrives from the town): the children to screen, one marked
through the small dialog, the coverage moving; a listed person found left-behind registered
through the child's form filled from the list, and from then on that child in the round."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.screening import Screening
from childcare_desktop.core.services.station import init_station, station_info
from childcare_desktop.core.storage import audit, screening_repo
from childcare_desktop.ui.dialogs.child_form import ChildForm
from childcare_desktop.ui.dialogs.screening_forms import MarkForm, ScreeningRoundForm
from childcare_desktop.ui.views.main_window import MainWindow
from tests.conftest import PASSPHRASE, VILLAGE
from tests.core.lists.department_lists import write_xlsx
from tests.core.services import screening_town as town_
from tests.core.services.care_support import add_child
from tests.ui.conftest import type_text

LEFT = Qt.MouseButton.LeftButton
TODAY = date.today()


def _rows(model) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _dialog(kind):
    (found,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found


def _window(qtbot, tasks, store) -> MainWindow:
    window = MainWindow(Children(store), station_info(store), tasks)
    qtbot.addWidget(window)
    window.show()
    at = window.tabs.indexOf(window.screening)
    assert window.tabs.tabText(at) == "排查"
    window.tabs.setCurrentIndex(at)
    return window


def test_a_town_opens_a_round_and_sees_each_village(qtbot, tasks, data_dir, check_model):
    store, _ = init_station(
        data_dir / "town.db", PASSPHRASE, "town", town_.TOWN, "石坑镇", "张督导"
    )
    try:
        town_.build(store)
        window = _window(qtbot, tasks, store)
        view = window.screening
        check_model(view.villages.model)
        qtbot.waitUntil(lambda: "还没有排查" in view.summary.text())
        qtbot.mouseClick(view.open_button, LEFT)
        form = _dialog(ScreeningRoundForm)
        type_text(qtbot, form.title, "春季排查")
        qtbot.mouseClick(form.save_button, LEFT)
        qtbot.waitUntil(lambda: form.grid.errors["deadline"].text() != "")
        type_text(qtbot, form.deadline, (TODAY + timedelta(days=20)).isoformat())
        with qtbot.waitSignal(form.saved):
            qtbot.mouseClick(form.save_button, LEFT)
        qtbot.waitUntil(lambda: view.villages.model.rowCount() == 2)
        assert view.choice.currentText().startswith("春季排查")
        assert _rows(view.villages.model) == [
            ["上村", "2", "0", "2", "0", "进行中"],
            ["下村", "1", "0", "1", "0", "进行中"],
        ]
        assert "应排查 3 人，已排查 0 人" in view.summary.text()
        assert view.print_button.isEnabled() and not view.mark_button.isVisible()
    finally:
        tasks.wait()  # the reads the window asked for, done before the store closes
        store.close()


def test_a_village_marks_and_registers_a_listed_person(qtbot, tasks, store, work, check_model):
    add_child(work.children, name="王小明", born=date(2015, 3, 3), serial=11)
    row = {"uuid": "round-1", "title": "春季排查", "opened_on": TODAY, "level": "town",
           "deadline": TODAY + timedelta(days=9), "opened_by": "张督导",
           "division_code": town_.TOWN, "population_note": "", "closed_on": None}  # fmt: skip
    number = idnumber.make("441481", date(2016, 2, 2), 31, "female")
    with store.write() as conn:  # as the town's batch brings them
        screening_repo.create_round(conn, row)
        screening_repo.add_people(conn, [{"uuid": "person-1", "round_uuid": "round-1",
            "village_code": VILLAGE, "name": "陈小雨", "id_number": number,
            "birth_date": date(2016, 2, 2), "sex": "female", "address": "新陂村三组",
            "source": "户籍名单"}], "户籍名单")  # fmt: skip
    window = _window(qtbot, tasks, store)
    view = window.screening
    check_model(view.subjects.model)
    qtbot.waitUntil(lambda: view.subjects.model.rowCount() == 2)
    assert [r[:5] for r in _rows(view.subjects.model)] == [
        ["王小明", "新陂村", "已建档", "2015-03-03", "待排查"],
        ["陈小雨", "新陂村", "名单新增", "2016-02-02", "待排查"],
    ]
    assert [r[7] for r in _rows(view.subjects.model)] == ["", "新陂村三组"]  # where to find them
    assert not view.register_button.isEnabled()

    qtbot.mouseClick(view.mark_button, LEFT)
    form = _dialog(MarkForm)
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.grid.errors["found"].text() == "请选择“无”或发现的类别"
    form.found.none.setChecked(True)
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, LEFT)
    qtbot.waitUntil(lambda: "已排查 1 人" in view.summary.text())
    assert _rows(view.subjects.model)[0][4:7] == ["已排查", TODAY.isoformat(), "无"]

    view.subjects.table.selectRow(1)
    qtbot.mouseClick(view.mark_button, LEFT)
    form = _dialog(MarkForm)
    form.found.boxes["left_behind"].setChecked(True)
    assert not form.found.none.isChecked()
    type_text(qtbot, form.note, "父母均在外务工")
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, LEFT)
    qtbot.waitUntil(lambda: "已排查 2 人" in view.summary.text())
    view.subjects.table.selectRow(1)
    assert view.register_button.isEnabled()

    qtbot.mouseClick(view.register_button, LEFT)
    qtbot.waitUntil(lambda: isinstance(window.form, ChildForm) and window.form.isVisible())
    child_form = window.form
    assert child_form.basic.name.text() == "陈小雨"
    assert child_form.basic.id_number.text() == number
    # What the screening found is ticked for the officer to confirm.
    assert [c for c, box in child_form.care.boxes.items() if box.isChecked()] == ["left_behind"]
    with qtbot.waitSignal(child_form.saved):
        qtbot.mouseClick(child_form.save_button, LEFT)
    # The file is saved, then the mark that makes the person that child: one row again, among
    # the files in pinyin order (陈 chen before 王 wang).
    qtbot.waitUntil(lambda: [r[:5] for r in _rows(view.subjects.model)][:1] == [
        ["陈小雨", "新陂村", "已建档", "2016-02-02", "已排查"]])  # fmt: skip
    assert _rows(view.subjects.model)[0][4:7] == ["已排查", TODAY.isoformat(), "农村留守儿童"]
    assert [r[0] for r in _rows(view.subjects.model)] == ["陈小雨", "王小明"]
    status = Screening(store).status("round-1")
    assert (status.to_screen, status.screened) == (2, 2)
    child_form.dirty = False
    child_form.close()


def test_a_town_is_told_what_became_of_the_household_register(
    qtbot, tasks, data_dir, tmp_path, monkeypatch
):
    store, _ = init_station(
        data_dir / "town.db", PASSPHRASE, "town", town_.TOWN, "石坑镇", "张督导"
    )
    try:
        town_.build(store)
        good = idnumber.make("441481", date(2016, 2, 2), 31, "female")
        register = write_xlsx(
            tmp_path / "户籍名单.xlsx",
            ["姓名", "身份证号", "所属村"],
            [["陈小雨", good, "上村"], ["错号码", "441481201602020000", "上村"]],
            title="石坑镇户籍人口名单",
        )
        told: list[str] = []
        monkeypatch.setattr(QMessageBox, "information", lambda _w, _t, text: told.append(text))
        window = _window(qtbot, tasks, store)
        view = window.screening
        qtbot.waitUntil(lambda: "还没有排查" in view.summary.text())
        qtbot.mouseClick(view.open_button, LEFT)
        form = _dialog(ScreeningRoundForm)
        type_text(qtbot, form.title, "春季排查")
        type_text(qtbot, form.deadline, (TODAY + timedelta(days=20)).isoformat())
        type_text(qtbot, form.population, str(register))
        qtbot.mouseClick(form.save_button, LEFT)
        qtbot.waitUntil(lambda: bool(told))
        (text,) = told
        assert text.startswith("户籍名单共 2 行：0 人已建档，已在排查中；1 人新列入待排查；")
        assert "1 行未能列入" in text
        assert "第 4 行：身份证号不正确" in text  # the title and the header are lines 1 and 2
        qtbot.waitUntil(lambda: view.villages.model.rowCount() == 2)
        assert "应排查 4 人" in view.summary.text()
    finally:
        tasks.wait()  # the reads the window asked for, done before the store closes
        store.close()


def test_enter_and_a_double_click_open_the_mark_for_children_and_listed_people(
    qtbot, tasks, store, work
):
    """As 登记结果 does, for a child with a file and for a person a list added."""
    add_child(work.children, name="王小明", born=date(2015, 3, 3), serial=11)
    row = {"uuid": "round-1", "title": "春季排查", "opened_on": TODAY, "level": "town",
           "deadline": TODAY + timedelta(days=9), "opened_by": "张督导",
           "division_code": town_.TOWN, "population_note": "", "closed_on": None}  # fmt: skip
    with store.write() as conn:
        screening_repo.create_round(conn, row)
        screening_repo.add_people(conn, [{"uuid": "person-1", "round_uuid": "round-1",
            "village_code": VILLAGE, "name": "陈小雨", "id_number": "",
            "birth_date": date(2016, 2, 2), "sex": "female", "address": "", "source": "学籍"}],
            "学籍")  # fmt: skip
    window = _window(qtbot, tasks, store)  # held: collected, it would go on another thread
    view = window.screening
    qtbot.waitUntil(lambda: view.subjects.model.rowCount() == 2)
    table = view.subjects.table
    for row_at, name in ((1, "陈小雨"), (0, "王小明")):
        table.setFocus()
        table.selectRow(row_at)
        qtbot.keyClick(table, Qt.Key.Key_Return)
        form = _dialog(MarkForm)
        assert form.subject.name == name
        form.reject()
        at = table.visualRect(view.subjects.model.index(row_at, 0)).center()
        qtbot.mouseClick(table.viewport(), LEFT, pos=at)  # a double click's first press
        qtbot.mouseDClick(table.viewport(), LEFT, pos=at)
        form = _dialog(MarkForm)
        assert form.subject.name == name
        form.reject()


def test_a_register_that_cannot_be_read_opens_no_round_and_keeps_the_form(
    qtbot, tasks, data_dir, tmp_path
):
    store, _ = init_station(
        data_dir / "town.db", PASSPHRASE, "town", town_.TOWN, "石坑镇", "张督导"
    )
    try:
        town_.build(store)
        bad = tmp_path / "户籍名单.xlsx"
        bad.write_bytes(b"not a workbook")
        window = _window(qtbot, tasks, store)  # held: collected, it would go on another thread
        view = window.screening
        qtbot.waitUntil(lambda: "还没有排查" in view.summary.text())
        qtbot.mouseClick(view.open_button, LEFT)
        form = _dialog(ScreeningRoundForm)
        type_text(qtbot, form.title, "春季排查")
        type_text(qtbot, form.deadline, (TODAY + timedelta(days=20)).isoformat())
        type_text(qtbot, form.population, str(bad))
        for _ in range(2):  # saved again: still no round
            qtbot.mouseClick(form.save_button, LEFT)
            qtbot.waitUntil(lambda: form.general_error.text() != "")
            qtbot.waitUntil(form.save_button.isEnabled)
            assert Screening(store).rounds() == []
            form.general_error.clear_text()
        assert form.isVisible() and form.title.text() == "春季排查"
        assert form.population.text() == str(bad)
    finally:
        tasks.wait()  # the reads the window asked for, done before the store closes
        store.close()


def test_a_town_closes_its_round_once_confirmed(qtbot, tasks, data_dir, monkeypatch):
    store, _ = init_station(
        data_dir / "town.db", PASSPHRASE, "town", town_.TOWN, "石坑镇", "张督导"
    )
    try:
        town_.build(store)
        opened = Screening(store).open("春季排查", TODAY + timedelta(days=20))
        asked: list[str] = []
        answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

        def question(_parent, _title, text, *_args):
            asked.append(text)
            return answers[len(asked) - 1]

        monkeypatch.setattr(QMessageBox, "question", question)
        window = _window(qtbot, tasks, store)  # held: collected, it would go on another thread
        view = window.screening
        qtbot.waitUntil(lambda: view.villages.model.rowCount() == 2)
        assert view.close_button.isVisible() and view.close_button.isEnabled()
        qtbot.mouseClick(view.close_button, LEFT)  # not confirmed: still open
        assert Screening(store).get(opened.uuid).closed_on is None
        qtbot.mouseClick(view.close_button, LEFT)
        qtbot.waitUntil(lambda: "已结束" in view.choice.currentText())
        assert asked[1].startswith("结束排查“春季排查”？\n应排查 3 人，已排查 0 人")
        assert Screening(store).get(opened.uuid).closed_on == TODAY
        assert not view.close_button.isEnabled()
        with store.read() as conn:
            logged = audit.entries(conn)
        assert [e.action for e in logged if e.entity_uuid == opened.uuid][-1] == "close"
    finally:
        tasks.wait()  # the reads the window asked for, done before the store closes
        store.close()
