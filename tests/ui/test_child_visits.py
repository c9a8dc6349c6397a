"""The visits and care tab of the child's file: the due date and its reason, the risk, the visit
history with corrections, concerns, wishes and referrals written from the tab."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from childcare_desktop.core.domain.child import Child
from childcare_desktop.ui.dialogs.child_form import ChildForm
from childcare_desktop.ui.models.visit_history_model import COL_VERSION, OLD_VERSION
from childcare_desktop.words import label
from tests.conftest import VILLAGE
from tests.core.services.care_support import add_child
from tests.ui.conftest import TODAY, type_text


def open_file(qtbot, work, tasks, child):
    complain = QAbstractItemModelTester.FailureReportingMode.Warning
    form = ChildForm(work.children, child, True, False, work=work, tasks=tasks, visitor="李主任")
    qtbot.addWidget(form, before_close_func=lambda f: setattr(f, "dirty", False))
    form.show()
    tab = form.visits
    for model in (tab.history, tab.concerns, tab.wishes, tab.referrals):
        # Owned by the model, it checks while the tab's lists change; pytest-qt fails the test
        # on any of its complaints.
        QAbstractItemModelTester(model, complain, model)
    form.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.reason.text() != "")
    return form, tab


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_tab_says_when_and_why_and_a_logged_visit_moves_the_due_date(qtbot, work, tasks):
    child = add_child(work.children, ("orphan",))
    form, tab = open_file(qtbot, work, tasks, child)
    assert form.tabs.tabText(form.tabs.currentIndex()) == "走访与关爱"
    assert tab.reason.text() == "从未走访：登记后7天"
    assert tab.due.text() == f"{TODAY + timedelta(days=7)}（七天内到期）"
    assert (tab.last_visit.text(), tab.risk.text()) == ("从未走访", "中（按规则判定）")
    click(qtbot, tab.log_button)
    visit_form = tab.dialog
    qtbot.waitUntil(visit_form.isVisible)
    assert visit_form.visitor.text() == "李主任"
    type_text(qtbot, visit_form.met, "祖母")
    type_text(qtbot, visit_form.taken, "送冬衣")
    with qtbot.waitSignal(tab.shown):
        click(qtbot, visit_form.save_button)
    assert tab.reason.text() == "孤儿，每30天"
    assert tab.due.text() == f"{TODAY + timedelta(days=30)}（未到期）"
    assert tab.last_visit.text() == TODAY.isoformat()
    assert tab.history.rowCount() == 1 and tab.history.index(0, 3).data() == "祖母"
    assert tab.lists.tabText(0) == "走访记录（1）"


def test_a_correction_is_listed_above_the_old_version_greyed(qtbot, work, tasks):
    child = add_child(work.children, ("orphan",))
    _form, tab = open_file(qtbot, work, tasks, child)
    click(qtbot, tab.log_button)
    type_text(qtbot, tab.dialog.taken, "送冬衣")
    with qtbot.waitSignal(tab.shown):
        click(qtbot, tab.dialog.save_button)
    tab.history_table.setCurrentIndex(tab.history.index(0, 0))
    assert tab.correct_button.isEnabled()
    click(qtbot, tab.correct_button)
    correction = tab.dialog
    assert correction.windowTitle() == "更正走访记录" and correction.taken.text() == "送冬衣"
    correction.taken.clear()
    type_text(qtbot, correction.taken, "送冬衣和书包")
    with qtbot.waitSignal(tab.shown):
        click(qtbot, correction.save_button)
    rows = [
        (tab.history.index(r, 5).data(), tab.history.index(r, COL_VERSION).data())
        for r in range(tab.history.rowCount())
    ]
    assert rows == [("送冬衣和书包", "更正后"), ("送冬衣", "旧版本（已更正）")]
    old = tab.history.index(1, 0)
    assert old.data(Qt.ItemDataRole.ForegroundRole) == OLD_VERSION
    assert tab.history.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    tab.history_table.setCurrentIndex(old)
    assert not tab.correct_button.isEnabled()


def test_a_planned_date_and_a_reassessed_grade_reach_the_file(qtbot, work, tasks):
    child = add_child(work.children, ("left_behind",), grade="good")
    form, tab = open_file(qtbot, work, tasks, child)
    click(qtbot, tab.log_button)
    visit_form = tab.dialog
    visit_form.guardianship.set_code("fair")
    qtbot.keyClicks(visit_form.next_planned, (TODAY + timedelta(days=10)).isoformat())
    with qtbot.waitSignal(tab.shown):
        click(qtbot, visit_form.save_button)
    assert tab.due.text() == f"{TODAY + timedelta(days=10)}（未到期）"
    assert tab.reason.text() == "按上次走访约定的日期"
    # The file is read again in the background: it takes the new grade.
    qtbot.waitUntil(lambda: form.care.guardianship.code() == "fair")
    assert not form.dirty


def test_an_open_concern_makes_the_visit_due_now_and_the_override_shows(qtbot, work, tasks):
    child = add_child(work.children, ("left_behind",), grade="good")
    work.children.save(replace(child, risk_override="medium", risk_override_reason="父亲酗酒"))
    _form, tab = open_file(qtbot, work, tasks, work.children.get(child.uuid))
    assert tab.risk.text() == "中（人工调整；按规则为低）  理由：父亲酗酒"
    click(qtbot, tab.concern_button)
    concern_form = tab.dialog
    concern_form.kind.setCurrentIndex(concern_form.kind.findData("abuse"))
    type_text(qtbot, concern_form.description, "手臂有淤青")
    concern_form.later.setChecked(True)
    with qtbot.waitSignal(tab.shown):
        click(qtbot, concern_form.save_button)
    assert tab.reason.text() == "有未结关注：立即走访"
    assert tab.due.text() == f"{TODAY}（七天内到期）"
    assert tab.risk.text().startswith("中（人工调整；按规则为高）")
    assert [tab.concerns.index(0, c).data() for c in (0, 2, 4)] == [
        label("concern_kind", "abuse"),
        "手臂有淤青",
        "未结",
    ]


def test_a_wish_added_on_the_file_moves_on_to_claimed_by_whom(qtbot, work, tasks):
    child = add_child(work.children)
    _form, tab = open_file(qtbot, work, tasks, child)
    click(qtbot, tab.wish_button)
    wish_form = tab.dialog
    assert not wish_form.child.isEnabled() and wish_form.child.currentText() == child.name
    type_text(qtbot, wish_form.text, "一套课外书")
    with qtbot.waitSignal(tab.shown):
        click(qtbot, wish_form.save_button)
    assert [tab.wishes.index(0, c).data() for c in range(3)] == ["一套课外书", "已收集", ""]
    click(qtbot, tab.step_button)
    with qtbot.waitSignal(tab.shown):
        click(qtbot, tab.dialog.save_button)
    assert tab.wishes.index(0, 1).data() == "已发布"
    click(qtbot, tab.step_button)
    step = tab.dialog
    click(qtbot, step.save_button)
    error = step.grid.errors["claimed_by"]
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "必填" and step.isVisible()
    type_text(qtbot, step.claimed_by, "县妇联")
    with qtbot.waitSignal(tab.shown):
        click(qtbot, step.save_button)
    assert [tab.wishes.index(0, c).data() for c in range(3)] == ["一套课外书", "已认领", "县妇联"]


def test_a_referral_added_on_the_file_and_its_progress(qtbot, work, tasks):
    child = add_child(work.children, ("severe_disability",))
    _form, tab = open_file(qtbot, work, tasks, child)
    click(qtbot, tab.referral_button)
    referral_form = tab.dialog
    referral_form.target.set_code("disabled_federation")
    type_text(qtbot, referral_form.reason, "申请康复救助")
    with qtbot.waitSignal(tab.shown):
        click(qtbot, referral_form.save_button)
    assert [tab.referrals.index(0, c).data() for c in range(4)] == [
        "残联",
        "申请康复救助",
        "已转介",
        TODAY.isoformat(),
    ]
    click(qtbot, tab.status_button)
    tab.dialog.status.set_code("accepted")
    type_text(qtbot, tab.dialog.outcome, "已安排评估")
    with qtbot.waitSignal(tab.shown):
        click(qtbot, tab.dialog.save_button)
    assert [tab.referrals.index(0, c).data() for c in (2, 4)] == ["已受理", "已安排评估"]


def test_a_new_file_has_nothing_to_visit_until_saved(qtbot, work, tasks):
    form = ChildForm(work.children, Child("", "", None, VILLAGE), True, True, work=work,
                     tasks=tasks)  # fmt: skip
    qtbot.addWidget(form, before_close_func=lambda f: setattr(f, "dirty", False))
    tab = form.visits
    assert tab.due.text() == "保存档案后才能安排和记录走访"
    assert not any(b.isEnabled() for b in (tab.log_button, tab.wish_button, tab.concern_button))
