"""Today, the agenda, concerns and the review list, driven by keyboard and mouse."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.ui.dialogs.concern_form import ConcernForm
from childcare_desktop.ui.views.agenda_view import AgendaView
from childcare_desktop.ui.views.review_view import ReviewView
from childcare_desktop.ui.views.today_view import TodayView
from tests.core.services.care_support import add_child
from tests.ui.conftest import TODAY, type_text


def names(table) -> list[str]:
    model = table.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def overdue_orphan(work, clock, name="张小明", serial=5):
    """An orphan visited 40 days ago: ten days overdue."""
    clock.day = TODAY - timedelta(days=45)
    child = add_child(work.children, ("orphan",), serial=serial, name=name)
    clock.advance(5)
    work.visits.log(Visit(child.uuid, clock.day, "home"))
    clock.day = TODAY
    return child


def test_log_a_visit_from_the_agenda_by_keyboard(qtbot, work, tasks, clock, check_model):
    child = overdue_orphan(work, clock)
    overdue_orphan(work, clock, "李想", 6)
    today = TodayView(work, tasks, "李主任")
    agenda = AgendaView(work, tasks, "李主任")  # the visit it logs refreshes Today by itself
    for view in (today, agenda):
        qtbot.addWidget(view)
        view.show()
    check_model(agenda.list.model)
    qtbot.waitUntil(lambda: names(today.overdue) == ["李想", "张小明"])
    assert today.overdue.title() == "逾期未走访（2）"
    qtbot.waitUntil(lambda: agenda.list.model.rowCount() == 2)
    table = agenda.list.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert agenda.list.current_uuid() == child.uuid
    qtbot.keyClick(table, Qt.Key.Key_Return)
    form = agenda.dialog
    assert form is not None and form.isVisible()
    qtbot.waitUntil(form.mode.hasFocus)
    qtbot.keyClick(form.mode, Qt.Key.Key_Down)  # 入户 → 电话
    assert form.mode.code() == "phone"
    for _ in range(3):  # visitor (filled), persons met, living conditions
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
    type_text(qtbot, form.focusWidget(), "住房安全，冬衣充足")
    assert form.findings["living"].text() == "住房安全，冬衣充足"
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    qtbot.waitUntil(lambda: names(today.overdue) == ["李想"])
    assert today.overdue.title() == "逾期未走访（1）"
    record = work.visits.history(child.uuid)[0].visit
    assert (record.visit_date, record.mode, record.visitor) == (TODAY, "phone", "李主任")
    assert record.findings == {"living": "住房安全，冬衣充足"}


def test_raise_a_concern_shows_whom_to_call_and_the_child_turns_high_risk(
    qtbot, work, tasks, clock
):
    clock.day = TODAY - timedelta(days=10)
    child = add_child(work.children, ("left_behind",), "good")
    work.visits.log(Visit(child.uuid, clock.day, "home"))
    clock.day = TODAY
    today = TodayView(work, tasks)
    qtbot.addWidget(today)
    today.show()
    qtbot.waitUntil(lambda: today.concerns.title() == "未结关注（强制报告）（0）")
    assert work.children.rows([child.uuid])[0].risk == "low"
    form = ConcernForm(work.concerns, tasks, child.uuid, child.name)  # as from the child's file
    qtbot.addWidget(form)
    form.show()
    for _ in range(4):  # （请选择） → 意见第四条（一） … （四）：疑似遭受家庭暴力、虐待
        qtbot.keyClick(form.kind, Qt.Key.Key_Down)
    type_text(qtbot, form.description, "手臂有淤青")
    qtbot.waitUntil(lambda: "110" in form.contacts.text() and "12355" in form.contacts.text())
    qtbot.keyClick(form.target, Qt.Key.Key_Down)  # 公安
    qtbot.keyClicks(form.receipt, "JJ-2026-88")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: names(today.concerns) == [child.name])
    assert today.concerns.model.index(0, 3).data() == "公安"
    (concern,) = work.concerns.for_child(child.uuid)
    assert (concern.kind, [r.receipt for r in concern.reports]) == ("abuse", ["JJ-2026-88"])
    row = work.children.rows([child.uuid])[0]
    assert (row.risk, row.next_due) == ("high", TODAY)
    assert names(today.due_soon) == [child.name]


def test_close_a_child_who_aged_out(qtbot, work, tasks, clock, check_model):
    born = date(TODAY.year - 16, TODAY.month, TODAY.day) - timedelta(days=3)
    clock.day = TODAY - timedelta(days=400)
    old = add_child(work.children, ("left_behind",), born=born, serial=1, name="王大伟")
    add_child(work.children, ("left_behind",), serial=2, name="李想")
    clock.day = TODAY
    work.children.save(work.children.get(old.uuid))  # derived columns as of today
    view = ReviewView(work, tasks)
    qtbot.addWidget(view)
    view.show()
    check_model(view.list.model)
    qtbot.waitUntil(lambda: names(view.list) == ["王大伟"])
    assert view.list.model.index(0, 1).data() == "超过类别年龄"
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog.reason.code() == "aged_out"
    type_text(qtbot, dialog.note, "年满16周岁")
    dialog.accept()
    qtbot.waitUntil(lambda: names(view.list) == [])
    closed = work.children.get(old.uuid)
    assert (closed.status, closed.close_reason, closed.close_note) == (
        "closed",
        "aged_out",
        "年满16周岁",
    )
    assert closed.categories[0].end == TODAY
