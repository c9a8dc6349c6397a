"""The child's file form: unsaved changes, warnings, members, closing and re-opening a file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from childcare_desktop import words
from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child, FamilyMember
from childcare_desktop.core.services.children import Children
from childcare_desktop.ui.dialogs.child_family import MemberDialog
from childcare_desktop.ui.dialogs.child_form import ChildForm
from tests.conftest import VILLAGE

from .conftest import BOY_ID, type_text


@pytest.fixture
def children(store):
    return Children(store)


@pytest.fixture
def saved_child(children):
    return children.save(Child(name="王芳", sex="", birth_date=None, village_code=VILLAGE,
                               id_number=idnumber.make(VILLAGE[:6], date(2014, 3, 9), 7,
                                                       "female")))  # fmt: skip


def open_form(qtbot, tasks, children, child, is_new=False):
    form = ChildForm(children, child, True, is_new, tasks=tasks)
    # Closed at teardown without asking: the question is tested on purpose, not by accident.
    qtbot.addWidget(form, before_close_func=lambda f: setattr(f, "dirty", False))
    form.show()
    return form


def answer_next_box(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click `button` in the question box that is about to open, noting what it asked."""

    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, click)


@pytest.mark.parametrize(
    ("answer", "still_open", "name_after"),
    [
        (QMessageBox.StandardButton.Cancel, True, "王芳"),
        (QMessageBox.StandardButton.Discard, False, "王芳"),
        (QMessageBox.StandardButton.Save, False, "王芳芳"),
    ],
)
def test_leaving_with_unsaved_changes_asks_first(
    qtbot, tasks, children, saved_child, answer, still_open, name_after
):
    form = open_form(qtbot, tasks, children, saved_child)
    qtbot.keyClick(form.basic.name, Qt.Key.Key_End)
    type_text(qtbot, form.basic.name, "芳")
    assert form.dirty
    seen: list[str] = []
    answer_next_box(answer, seen)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.writing)
    tasks.wait()
    qtbot.waitUntil(lambda: form.isVisible() is still_open)
    assert seen == ["这份档案有未保存的修改。要保存吗？"]
    assert form.isVisible() is still_open
    assert children.get(saved_child.uuid).name == name_after


def test_leaving_without_changes_does_not_ask(qtbot, tasks, children, saved_child):
    form = open_form(qtbot, tasks, children, saved_child)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()


def test_ctrl_s_saves(qtbot, tasks, children, saved_child):
    form = open_form(qtbot, tasks, children, saved_child)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.basic.current_address.setFocus()
    type_text(qtbot, form.basic.current_address, "新陂村2组")
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(
            form.basic.current_address, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        )
    assert children.get(saved_child.uuid).current_address == "新陂村2组"
    assert not form.dirty


def test_an_old_15_digit_number_is_shown_but_does_not_stop_the_save(qtbot, tasks, children):
    child = Child(name="", sex="male", birth_date=date(2010, 1, 1), village_code=VILLAGE)
    form = open_form(qtbot, tasks, children, child, is_new=True)
    type_text(qtbot, form.basic.name, "赵强")
    qtbot.keyClicks(form.basic.id_number, "441481100101123")
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.basic.errors["id_number"].text() == words.message("id_old_15")
    assert children.count() == 1


def test_a_wrong_date_and_a_birth_date_that_disagrees_are_shown_beside_their_fields(
    qtbot, tasks, children, saved_child
):
    form = open_form(qtbot, tasks, children, saved_child)
    form.basic.birth_date.setText("2014-03-10")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    expected = words.message("id_birth_mismatch", id_birth="2014-03-09")
    assert form.basic.errors["birth_date"].text() == expected
    form.care.consent_on.setText("2020-1")
    form.basic.birth_date.setText("2014-03-09")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.care.errors["consent_on"].text() == "日期应写成 年-月-日，如 2015-06-01"
    assert not form.basic.errors["birth_date"].isVisible()
    assert form.tabs.currentWidget() is form.care
    assert children.get(saved_child.uuid).birth_date == date(2014, 3, 9)


def test_a_member_problem_from_the_store_is_listed_on_the_family_tab(
    qtbot, tasks, children, saved_child
):
    bad = FamilyMember(relation="mother", name="王母", phone="not a phone")
    form = open_form(qtbot, tasks, children, saved_child)
    form.family.model.set_rows([bad])
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.tabs.currentWidget() is form.family
    assert words.message("phone_invalid") in form.family.error.text()
    assert children.get(saved_child.uuid).members == ()


def test_the_member_dialog_refuses_a_bad_phone_beside_the_field(
    qtbot, tasks, children, saved_child
):
    form = open_form(qtbot, tasks, children, saved_child)
    member = FamilyMember(relation="father", name="王父", phone="12")
    dialog = MemberDialog(member, form._member_problems, form)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.grid.errors["phone"].text() == words.message("phone_invalid")
    dialog.phone.setText("13800138000")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.member.phone == "13800138000"


def test_categories_ticked_in_the_form_are_saved_with_today_as_start(
    qtbot, tasks, children, saved_child
):
    form = open_form(qtbot, tasks, children, saved_child)
    form.tabs.setCurrentWidget(form.care)
    form.care.boxes["left_behind"].setFocus()
    qtbot.keyClick(form.care.boxes["left_behind"], Qt.Key.Key_Space)
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    spans = children.get(saved_child.uuid).categories
    assert [(s.code, s.start, s.end) for s in spans] == [("left_behind", date.today(), None)]
    assert "农村留守儿童" in form.care.history.text()


def test_close_and_reopen_from_the_form(qtbot, tasks, children, saved_child):
    form = open_form(qtbot, tasks, children, saved_child)
    assert not form.reopen_button.isEnabled()

    def fill_close_dialog():
        dialog = QApplication.activeModalWidget()
        dialog.reason.set_code("moved_away")
        dialog.note.setText("随父母迁往深圳")
        dialog.accept()

    QTimer.singleShot(0, fill_close_dialog)
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.close_file_button, Qt.MouseButton.LeftButton)
    closed = children.get(saved_child.uuid)
    assert (closed.status, closed.close_reason, closed.close_note) == (
        "closed", "moved_away", "随父母迁往深圳")  # fmt: skip
    assert "迁出" in form.status.text()
    assert form.reopen_button.isEnabled()
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.reopen_button, Qt.MouseButton.LeftButton)
    assert children.get(saved_child.uuid).status == "active"


def test_a_new_form_has_no_close_button_and_fills_sex_from_the_number(qtbot, tasks, children):
    child = Child(name="", sex="", birth_date=None, village_code=VILLAGE)
    form = open_form(qtbot, tasks, children, child, is_new=True)
    assert not form.close_file_button.isEnabled()
    qtbot.keyClicks(form.basic.id_number, BOY_ID)
    assert (form.basic.sex.code(), form.basic.birth_date.value()) == ("male", date(2015, 6, 1))


def test_a_category_against_the_facts_asks_its_reason_and_the_tab_says_what_they_show(
    qtbot, tasks, children, saved_child
):
    """国发〔2016〕13号: a mother at home and able to care denies 农村留守; 国办发〔2010〕54号:
    both parents dead suggest 孤儿."""
    family = (
        FamilyMember("father", "王大山", situation="migrant"),
        FamilyMember("mother", "李秀英", situation="home"),
    )
    child = children.save(replace(saved_child, members=family))
    form = open_form(qtbot, tasks, children, child)
    form.tabs.setCurrentWidget(form.care)
    assert form.care.facts.text() == ""
    qtbot.keyClick(form.care.boxes["left_behind"], Qt.Key.Key_Space)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    error = form.care.category_error
    qtbot.waitUntil(error.isVisible)
    assert error.text() == (
        "农村留守儿童与档案事实不符（父母一方在家且有监护能力）；如确属此类，请写明理由"
    )
    assert [s.code for s in children.get(child.uuid).categories] == []
    type_text(qtbot, form.care.category_reason, "母亲重病卧床，已申请评估")
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    (span,) = children.get(child.uuid).categories
    assert (span.code, span.reason) == ("left_behind", "母亲重病卧床，已申请评估")
    assert "（理由：母亲重病卧床，已申请评估）" in form.care.history.text()
    assert form.care.category_reason.text() == ""
    # The facts change in the family's tab: the categories' tab says so when it opens again.
    form.tabs.setCurrentWidget(form.family)
    gone = tuple(replace(m, situation="dead") for m in form.edited().members)
    form.family.load(replace(form.edited(), members=gone))
    form.tabs.setCurrentWidget(form.care)
    assert form.care.facts.text().splitlines() == [
        "不再符合农村留守儿童：父母均未外出务工（理由：母亲重病卧床，已申请评估）",
        "可能属于孤儿：父母均已死亡或被宣告失踪",
    ]
