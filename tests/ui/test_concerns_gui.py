"""A concern (强制报告) followed through in the window, as an officer would: recorded, reported
later, followed up and closed, from the Today list by button, keyboard and context menu."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication

from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.ui.dialogs.concern_form import ConcernForm
from childcare_desktop.ui.dialogs.concern_steps import (
    CloseConcernDialog,
    FollowUpDialog,
    ReportDialog,
)
from childcare_desktop.ui.views.today_view import TodayView
from tests.core.services.care_support import add_child
from tests.ui.conftest import TODAY, type_text
from tests.ui.test_child_visits import open_file


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(qtbot, radio) -> None:
    """Click a radio button on its circle (the button spans the form; its words do not)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def visited_child(work, clock):
    """A left-behind child with a good grade, visited ten days ago: low risk."""
    clock.day = TODAY - timedelta(days=10)
    child = add_child(work.children, ("left_behind",), "good")
    work.visits.log(Visit(child.uuid, clock.day, "home"))
    clock.day = TODAY
    return child


def today_view(qtbot, work, tasks) -> TodayView:
    view = TodayView(work, tasks)
    qtbot.addWidget(view)
    view.show()
    view.tester = QAbstractItemModelTester(view.concerns.model)  # alive while the list changes
    qtbot.waitUntil(lambda: view.concerns.title() == "未结关注（强制报告）（0）")
    return view


def concern_cells(view) -> list[list[str]]:
    model = view.concerns.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_enter_on_the_empty_form_records_nothing_and_says_what_is_missing(qtbot, work, tasks):
    child = add_child(work.children, ("left_behind",), "good")
    form = ConcernForm(work.concerns, tasks, child.uuid, child.name)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: "12355" in form.contacts.text())
    assert (form.kind.currentText(), form.target.currentText()) == ("（请选择）", "（请选择）")
    qtbot.keyClick(form.kind, Qt.Key.Key_Return)
    errors = form.grid.errors
    qtbot.waitUntil(lambda: errors["kind"].isVisible())
    shown = {name: e.text() for name, e in errors.items() if e.isVisible()}
    assert shown == {"kind": "必填", "description": "必填", "target": "必填"}
    assert form.isVisible()
    assert work.concerns.for_child(child.uuid) == []
    assert work.children.rows([child.uuid])[0].risk == "low"
    # Reported later: whom it went to is no longer asked for, the rest still is.
    choose(qtbot, form.later)
    assert not form.target.isEnabled() and not errors["target"].isVisible()
    qtbot.keyClick(form.description, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: errors["kind"].isVisible())
    assert work.concerns.for_child(child.uuid) == []


def test_a_concern_is_recorded_reported_later_followed_up_and_closed_from_today(
    qtbot, work, tasks, clock
):
    clock.day = TODAY - timedelta(days=45)  # an orphan visited 40 days ago: ten days overdue
    child = add_child(work.children, ("orphan",))
    clock.advance(5)
    work.visits.log(Visit(child.uuid, clock.day, "home"))
    clock.day = TODAY
    risk_before = work.children.rows([child.uuid])[0].risk
    view = today_view(qtbot, work, tasks)
    qtbot.waitUntil(lambda: view.overdue.model.rowCount() == 1)
    click(qtbot, view.overdue.table.viewport())  # the child's row
    click(qtbot, view.concern_button)
    form = view.dialog
    qtbot.waitUntil(form.isVisible)
    qtbot.keyClick(form.kind, Qt.Key.Key_End)  # the last: 未满八周岁无人看护
    qtbot.keyClick(form.kind, Qt.Key.Key_Up)  # 未满十六周岁脱离监护单独生活
    type_text(qtbot, form.description, "父母外出，晚上独自在家")
    choose(qtbot, form.later)
    qtbot.keyClick(form.description, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(concern_cells(view)) == 1)
    assert not form.isVisible()
    assert concern_cells(view)[0][:4] == [
        child.name,
        "未满十六周岁脱离监护单独生活",
        TODAY.isoformat(),
        "尚未报告",
    ]
    assert work.children.rows([child.uuid])[0].risk == "high"

    # Report now: by its button.
    table = view.concerns.table
    table.setFocus()
    report_button = view.concern_actions.buttons[0]
    assert report_button.isEnabled()
    click(qtbot, report_button)
    report = view.dialog
    assert isinstance(report, ReportDialog)
    assert "尚未报告" in report.history.text()
    qtbot.waitUntil(lambda: "110" in report.contacts.text())
    qtbot.keyClick(report.target, Qt.Key.Key_Down)  # 公安
    qtbot.keyClicks(report.receipt, "JJ-2026-88")
    qtbot.keyClick(report.receipt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: concern_cells(view) and concern_cells(view)[0][3] == "公安")

    # A follow-up note: by keyboard, while the list has the focus.
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    note = view.dialog
    assert isinstance(note, FollowUpDialog)
    type_text(qtbot, note.text, "电话联系父亲，答应本周回家")
    click(qtbot, note.save_button)
    qtbot.waitUntil(lambda: work.concerns.open_concerns()[0].concern.notes != ())
    qtbot.waitUntil(lambda: not note.isVisible())

    # Closed with its outcome: by the list's context menu, as a right click opens it.
    cell = table.visualRect(view.concerns.model.index(0, 1)).center()
    QApplication.sendEvent(
        table.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, cell, table.viewport().mapToGlobal(cell)),
    )
    menu = view.concern_actions.menu
    qtbot.waitUntil(menu.isVisible)
    assert [a.text() for a in menu.actions()] == ["报告(&P)……", "跟进记录(&G)……", "结案(&J)……"]
    qtbot.keyClick(menu, Qt.Key.Key_J)
    closing = view.dialog
    qtbot.waitUntil(lambda: isinstance(closing, CloseConcernDialog) and closing.isVisible())
    click(qtbot, closing.save_button)  # without the outcome: refused, said beside the field
    outcome_error = closing.grid.errors["follow_up"]
    qtbot.waitUntil(outcome_error.isVisible)
    assert "跟进" in outcome_error.text() and closing.isVisible()
    type_text(qtbot, closing.outcome, "父亲已返乡照看")
    click(qtbot, closing.save_button)
    qtbot.waitUntil(lambda: concern_cells(view) == [])

    (concern,) = work.concerns.for_child(child.uuid)
    assert (concern.closed_on, concern.follow_up) == (TODAY, "父亲已返乡照看")
    assert [(r.target, r.receipt) for r in concern.reports] == [("police", "JJ-2026-88")]
    assert [n.text for n in concern.notes] == ["电话联系父亲，答应本周回家"]
    assert work.children.rows([child.uuid])[0].risk == risk_before != "high"


def test_the_steps_wait_for_a_chosen_open_concern(qtbot, work, tasks, clock):
    view = today_view(qtbot, work, tasks)
    assert not any(b.isEnabled() for b in view.concern_actions.buttons)
    child = visited_child(work, clock)
    work.concerns.add(child.uuid, "abandoned", TODAY, "连续一周无人照料", "education", TODAY)
    view.refresh()
    qtbot.waitUntil(lambda: len(concern_cells(view)) == 1)
    assert all(b.isEnabled() for b in view.concern_actions.buttons)
    assert view.concern_actions.buttons[0].text() == "报告(&P)"
    # A point of the list with no row opens no menu.
    empty = QPoint(5, view.concerns.table.viewport().height() - 5)
    view.concern_actions._context_menu(empty)
    assert view.concern_actions.menu is None


def test_the_childs_file_reports_follows_up_and_closes_its_concern(qtbot, work, tasks, clock):
    child = visited_child(work, clock)
    work.concerns.add(child.uuid, "abuse", TODAY, "手臂有淤青")
    _form, tab = open_file(qtbot, work, tasks, work.children.get(child.uuid))
    tab.lists.setCurrentIndex(1)
    assert tab.concerns.index(0, 3).data() == "尚未报告"
    report, note, close = tab.concern_actions.buttons
    click(qtbot, report)
    qtbot.keyClick(tab.dialog.target, Qt.Key.Key_Down)  # 公安
    with qtbot.waitSignal(tab.shown):
        click(qtbot, tab.dialog.save_button)
    assert tab.concerns.index(0, 3).data().startswith("公安")
    click(qtbot, note)
    type_text(qtbot, tab.dialog.text, "已带孩子就医")
    with qtbot.waitSignal(tab.shown):
        click(qtbot, tab.dialog.save_button)
    assert tab.concerns.index(0, 5).data() == f"{TODAY} 已带孩子就医"
    click(qtbot, close)
    type_text(qtbot, tab.dialog.outcome, "伤已痊愈，祖母照看")
    with qtbot.waitSignal(tab.shown):
        click(qtbot, tab.dialog.save_button)
    assert [tab.concerns.index(0, c).data() for c in (4, 6)] == [
        f"已结 {TODAY}",
        "伤已痊愈，祖母照看",
    ]
    assert not any(b.isEnabled() for b in tab.concern_actions.buttons)  # closed: only read
