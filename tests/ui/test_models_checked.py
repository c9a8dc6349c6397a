"""pytest-qt's model checks bite, and they watch the models through the changes a person makes:
members added, replaced and removed in the child's file, the main list paged far down and
searched again, the lists of the child's visits and care as they are written."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.exceptions import _QtExceptionCaptureManager

from childcare_desktop.core.domain.child import FamilyMember
from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.services import safety
from childcare_desktop.core.services.children import ChildQuery, Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.sync import FileResult
from childcare_desktop.ui.dialogs.backups import BackupsDialog
from childcare_desktop.ui.dialogs.child_family import FamilySection, MemberDialog
from childcare_desktop.ui.dialogs.child_form import ChildForm
from childcare_desktop.ui.models import children_model as cm
from childcare_desktop.ui.models.records_model import MARKED
from childcare_desktop.ui.models.sync_models import ImportResultsModel
from childcare_desktop.ui.views.children_view import ChildrenView
from tests.core.services.care_support import add_child
from tests.ui.conftest import TODAY, type_text, when_shown

LEFT = Qt.MouseButton.LeftButton


def result(name: str) -> FileResult:
    return FileResult(f"{name}.ccsync", "applied", "", "441481103201", 1, 3, 0)


class MiscountingResults(ImportResultsModel):
    """The slip the checks are there for: the rows added are announced one short."""

    def append_rows(self, rows) -> None:
        added = list(rows)
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(added) - 2)
        self._rows.extend(added)
        self.endInsertRows()


def test_the_checks_fail_a_model_that_miscounts_the_rows_it_adds(check_model):
    honest = check_model(ImportResultsModel())
    honest.append_rows([result("一"), result("二")])
    honest.append_rows([result("三")])
    assert honest.rowCount() == 3
    assert check_model.take_qt_complaints() == []

    model = check_model(MiscountingResults())
    pytest_qt = _QtExceptionCaptureManager()  # what pytest-qt watches during every test
    pytest_qt.start()
    try:
        model.append_rows([result("一"), result("二")])
    finally:
        pytest_qt.finish()
    with pytest.raises(pytest.fail.Exception, match="Exceptions caught in Qt event loop"):
        pytest_qt.fail_if_exceptions_occurred("CALL")
    (said,) = check_model.take_qt_complaints()  # Qt's tester says it too
    assert said.startswith("FAIL!") and "model->rowCount(parent)" in said


def member_typed(qtbot, name: str, phone: str):
    def act(dialog: MemberDialog):
        dialog.name.selectAll()
        type_text(qtbot, dialog.name, name)
        dialog.phone.selectAll()
        qtbot.keyClicks(dialog.phone, phone)
        ok = dialog.findChild(QDialogButtonBox).buttons()[0]
        qtbot.mouseClick(ok, LEFT)

    return act


def names(model) -> list[str]:
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def test_the_family_list_is_checked_while_members_are_added_changed_and_removed(
    qtbot, store, check_model
):
    children = Children(store)
    child = add_child(children, ("poor_family",), members=(FamilyMember("mother", "王秀英"),))
    section = FamilySection(lambda member: [])
    qtbot.addWidget(section)
    check_model(section.model)
    section.show()
    section.load(child)
    assert names(section.model) == ["王秀英"]

    when_shown(MemberDialog, member_typed(qtbot, "张大山", "13800138000"))
    qtbot.mouseClick(section.add_button, LEFT)
    assert names(section.model) == ["王秀英", "张大山"]

    section.table.selectRow(0)
    section.model.mark({0})  # a problem the form found on saving: the row turns red
    assert section.model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) == MARKED
    when_shown(MemberDialog, member_typed(qtbot, "王秀兰", "13900139000"))
    qtbot.mouseClick(section.edit_button, LEFT)
    assert names(section.model) == ["王秀兰", "张大山"]
    assert section.model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert section.table.currentIndex().row() == 0  # the row changed in place stays chosen

    qtbot.mouseClick(section.remove_button, LEFT)
    assert names(section.model) == ["张大山"]
    qtbot.mouseClick(section.remove_button, LEFT)
    assert names(section.model) == []
    section.load(child)
    assert names(section.model) == ["王秀英"]


def test_the_tabs_of_a_childs_file_are_checked_while_visits_and_care_are_written(
    qtbot, work, tasks, check_model
):
    child = add_child(work.children, ("orphan",))
    form = ChildForm(work.children, child, True, False, work=work, tasks=tasks, visitor="李主任")
    qtbot.addWidget(form, before_close_func=lambda f: setattr(f, "dirty", False))
    tab = form.visits
    for model in (tab.history, tab.concerns, tab.wishes, tab.referrals):
        check_model(model)
    check_model(form.assistance.model)
    form.show()
    form.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.reason.text() != "")
    assert tab.history.rowCount() == 0

    first = work.visits.log(Visit(child.uuid, TODAY, "home", findings={"health": "感冒"}))
    work.care.add_wish(child.uuid, "一套课外书")
    work.care.add_referral(child.uuid, "health", "视力检查")
    with qtbot.waitSignal(tab.shown):
        tab.refresh()
    assert (tab.history.rowCount(), tab.wishes.rowCount(), tab.referrals.rowCount()) == (1, 1, 1)
    work.visits.correct(first.visit.uuid, Visit(child.uuid, TODAY, "phone"))
    with qtbot.waitSignal(tab.shown):
        tab.refresh()
    assert [tab.history.index(r, 1).data() for r in range(2)] == ["电话", "入户"]


def test_the_main_list_is_checked_while_it_is_paged_through_and_searched_again(
    qtbot, store, tasks, check_model, monkeypatch
):
    # Few pages kept, so that scrolling down and back up drops and reads pages again.
    monkeypatch.setattr(cm, "CACHED_PAGES", 2)
    fill_demo(store, 5 * cm.PAGE_SIZE + 17, seed=11)
    children = Children(store)
    view = ChildrenView(children, tasks)
    qtbot.addWidget(view)
    check_model(view.model)
    view.resize(900, 500)
    view.show()
    with qtbot.waitSignal(view.searched):
        view.refresh()
    everyone = children.find(view.model.query)
    assert view.model.rowCount() == len(everyone)
    table = view.table
    for row in (*range(0, len(everyone), 97), len(everyone) - 1, 3):
        table.scrollTo(view.model.index(row, cm.COL_NAME))
        view.grab()  # painted, as a person scrolling sees it
        assert view.model.index(row, cm.COL_NAME).data(cm.UuidRole) == everyone[row]
    table.scrollToBottom()
    view.grab()
    with qtbot.waitSignal(view.searched):
        type_text(qtbot, view.search, children.get(everyone[-1]).name[:1])
    narrowed = children.find(view.model.query)
    assert 0 < view.model.rowCount() == len(narrowed) < len(everyone)
    with qtbot.waitSignal(view.searched):
        view.search.clear()
    assert view.model.rowCount() == len(children.find(ChildQuery()))


def test_the_backups_list_is_checked_from_before_it_is_read_to_a_backup_made(
    qtbot, store, store_path, tasks, check_model
):
    safety.backup(store, "manual")
    dialog = BackupsDialog(store_path, store, tasks)
    check_model(dialog.model)  # the dialog asked for its list; the answer comes after this
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    qtbot.mouseClick(dialog.backup_button, LEFT)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert dialog.table.currentIndex().row() == 0  # the newest, chosen
