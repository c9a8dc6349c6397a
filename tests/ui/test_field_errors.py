"""A message beside a field goes once the person has put the field right, without pressing 保存
again; while the field is still wrong it stays."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from childcare_desktop import words
from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child, FamilyMember
from childcare_desktop.core.services.children import Children
from childcare_desktop.ui.dialogs.child_family import MemberDialog
from childcare_desktop.ui.dialogs.child_form import ChildForm
from childcare_desktop.ui.dialogs.concern_form import ConcernForm
from childcare_desktop.ui.dialogs.visit_form import VisitForm
from tests.conftest import VILLAGE
from tests.core.services.care_support import add_child
from tests.ui.conftest import type_text

LEFT = Qt.MouseButton.LeftButton
BORN = date(2014, 3, 9)
NUMBER = idnumber.make(VILLAGE[:6], BORN, 7, "female")


def backspace(qtbot, widget, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(widget, Qt.Key.Key_Backspace)


def wrong_check_digit(number: str) -> str:
    return number[:-1] + ("1" if number[-1] != "1" else "2")


def test_the_childs_id_number_and_date_errors_go_once_typed_right(qtbot, store, tasks):
    children = Children(store)
    child = Child(name="", sex="", birth_date=None, village_code=VILLAGE)
    form = ChildForm(children, child, True, True, tasks=tasks)
    qtbot.addWidget(form, before_close_func=lambda f: setattr(f, "dirty", False))
    form.show()
    basic = form.basic
    type_text(qtbot, basic.name, "王芳")
    qtbot.keyClicks(basic.id_number, wrong_check_digit(NUMBER))
    qtbot.keyClicks(basic.birth_date, "2014-03-1")
    qtbot.mouseClick(form.save_button, LEFT)
    id_error, birth_error = basic.errors["id_number"], basic.errors["birth_date"]
    assert id_error.isVisible() and id_error.text()
    assert birth_error.isVisible() and "年-月-日" in birth_error.text()

    backspace(qtbot, basic.id_number)
    qtbot.keyClicks(basic.id_number, wrong_check_digit(wrong_check_digit(NUMBER))[-1])
    assert id_error.isVisible()  # another wrong digit: still wrong, still said
    backspace(qtbot, basic.id_number)
    qtbot.keyClicks(basic.id_number, NUMBER[-1])
    assert not id_error.isVisible()

    qtbot.keyClicks(basic.birth_date, "0")  # 2014-03-10: a date, but not the number's
    assert birth_error.isVisible()
    assert birth_error.text() == words.message("id_birth_mismatch", id_birth=BORN.isoformat())
    backspace(qtbot, basic.birth_date, 2)
    qtbot.keyClicks(basic.birth_date, "09")
    assert not birth_error.isVisible()
    assert children.summaries() == []  # nothing was saved on the way


def test_a_members_phone_error_goes_once_the_phone_is_a_phone(qtbot, store, tasks):
    children = Children(store)
    child = children.save(
        Child(name="王芳", sex="female", birth_date=BORN, village_code=VILLAGE, id_number=NUMBER)
    )
    form = ChildForm(children, child, True, False, tasks=tasks)
    qtbot.addWidget(form, before_close_func=lambda f: setattr(f, "dirty", False))
    dialog = MemberDialog(FamilyMember(relation="father", name="王父"), form._member_problems, form)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.phone, "12")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    error = dialog.grid.errors["phone"]
    assert error.isVisible() and error.text() == words.message("phone_invalid")
    qtbot.keyClicks(dialog.phone, "3")
    assert error.isVisible()
    dialog.phone.selectAll()
    qtbot.keyClicks(dialog.phone, "13800138000")
    assert not error.isVisible()
    assert dialog.isVisible()  # corrected, not yet saved


def test_a_visit_date_error_goes_once_the_date_is_readable(qtbot, work, tasks):
    child = add_child(work.children)
    form = VisitForm(work.visits, tasks, child.uuid, child.name)
    qtbot.addWidget(form)
    form.show()
    form.visit_date.clear()
    qtbot.keyClicks(form.visit_date, "2026-11-1")
    qtbot.mouseClick(form.save_button, LEFT)
    error = form.errors["visit_date"]
    assert error.isVisible() and "年-月-日" in error.text()
    backspace(qtbot, form.visit_date)  # 2026-11-: still no date
    assert error.isVisible()
    qtbot.keyClicks(form.visit_date, "15")
    assert not error.isVisible()
    assert work.visits.history(child.uuid) == []


def test_a_concern_without_description_is_told_and_the_words_go_when_it_is_typed(
    qtbot, work, tasks
):
    child = add_child(work.children)
    form = ConcernForm(work.concerns, tasks, child.uuid, child.name)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClick(form.kind, Qt.Key.Key_Down)
    qtbot.mouseClick(form.save_button, LEFT)
    error = form.grid.errors["description"]
    qtbot.waitUntil(error.isVisible)
    type_text(qtbot, form.description, "独自在家三天")
    assert not error.isVisible()
    assert form.isVisible()


def test_a_birth_date_that_disagrees_is_put_right_by_correcting_the_id_number(qtbot, store, tasks):
    children = Children(store)
    child = Child(name="", sex="", birth_date=None, village_code=VILLAGE)
    form = ChildForm(children, child, True, True, tasks=tasks)
    qtbot.addWidget(form, before_close_func=lambda f: setattr(f, "dirty", False))
    form.show()
    basic = form.basic
    type_text(qtbot, basic.name, "王芳")
    qtbot.keyClicks(basic.birth_date, "2014-03-10")
    qtbot.keyClicks(basic.id_number, NUMBER)
    qtbot.mouseClick(form.save_button, LEFT)
    birth_error = basic.errors["birth_date"]
    assert birth_error.text() == words.message("id_birth_mismatch", id_birth=BORN.isoformat())
    # The number was mistyped, not the date: the date's message goes with the number's fix.
    basic.id_number.selectAll()
    qtbot.keyClicks(basic.id_number, idnumber.make(VILLAGE[:6], date(2014, 3, 10), 7, "female"))
    assert not birth_error.isVisible()
    assert not basic.errors["id_number"].isVisible()
