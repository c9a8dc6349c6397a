"""What a ledger left out (待补充) is said on the child's file until it is typed in or confirmed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.domain.completeness import to_complete
from childcare_desktop.core.services.children import Children
from childcare_desktop.ui.dialogs.child_form import ChildForm
from childcare_desktop.ui.views.children_view import ChildrenView
from tests.conftest import VILLAGE

from .conftest import save_form


@pytest.fixture
def children(store):
    return Children(store)


def imported(children, **fields) -> Child:
    """A file as a ledger import leaves it: saved with details marked still to complete."""
    born = date(2013, 5, 6)
    number = idnumber.make(VILLAGE[:6], born, 3, "male")
    kept = Child("陈小兵", "male", born, VILLAGE, id_number=number, **fields)
    return children.save(kept)


def open_form(qtbot, tasks, children, child) -> ChildForm:
    form = ChildForm(children, child, True, False, tasks=tasks)
    qtbot.addWidget(form, before_close_func=lambda f: setattr(f, "dirty", False))
    form.show()
    return form


def test_the_form_says_what_is_to_complete_and_a_typed_value_completes_it(qtbot, tasks, children):
    child = imported(children, to_complete="health,schooling")
    form = open_form(qtbot, tasks, children, child)
    assert form.to_complete.isVisible()
    assert form.to_complete.text() == "待补充：健康状况、就学情况"
    form.health.schooling.set_code("junior")
    save_form(qtbot, form)
    kept = children.get(child.uuid)
    assert to_complete(kept) == ("health",)
    assert form.to_complete.text() == "待补充：健康状况"


def test_details_confirmed_as_they_stand_are_no_longer_asked_for(qtbot, tasks, children):
    child = imported(children, to_complete="health,father.situation")
    form = open_form(qtbot, tasks, children, child)
    qtbot.mouseClick(form.confirm_button, Qt.MouseButton.LeftButton)
    assert not form.to_complete.isVisible()
    save_form(qtbot, form)
    assert to_complete(children.get(child.uuid)) == ()
    assert not form.confirm_button.isVisible()


def test_a_disability_without_its_type_is_asked_for_until_typed(qtbot, tasks, children):
    child = imported(children, health="disabled")
    form = open_form(qtbot, tasks, children, child)
    assert form.to_complete.text() == "待补充：残疾类别、残疾等级"
    assert not form.confirm_button.isVisible()  # nothing marked: only typing completes it
    save_form(qtbot, form)  # a detail to complete never stops a save
    form.health.disability_type.setText("肢体残疾")
    form.health.disability_grade.setText("二级")
    save_form(qtbot, form)
    assert not form.to_complete.isVisible()


def test_the_registry_lists_only_the_files_still_to_complete_when_asked(qtbot, tasks, children):
    marked = imported(children, to_complete="health")
    born = date(2012, 3, 4)
    complete = Child(
        "李小红", "female", born, VILLAGE, id_number=idnumber.make(VILLAGE[:6], born, 4, "female")
    )
    children.save(complete)
    view = ChildrenView(children, tasks)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.searched):
        view.refresh()
    assert view.model.rowCount() == 2
    with qtbot.waitSignal(view.searched):
        qtbot.mouseClick(view.to_complete, Qt.MouseButton.LeftButton)
    assert view.to_complete.isChecked()
    assert [view.model.row_record(i).uuid for i in range(view.model.rowCount())] == [marked.uuid]
