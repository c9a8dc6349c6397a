"""The visit form's checks and corrections, the policy dialog and the care lists."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.ui.dialogs.policy_dialog import PolicyDialog
from childcare_desktop.ui.dialogs.visit_form import VisitForm
from childcare_desktop.ui.views.care_lists import CareLists
from tests.core.services.care_support import add_child
from tests.ui.conftest import TODAY, type_text


def test_a_refused_visit_says_why_beside_the_field(qtbot, work, tasks):
    child = add_child(work.children)
    form = VisitForm(work.visits, tasks, child.uuid, child.name)
    qtbot.addWidget(form)
    form.show()
    form.visit_date.setText((TODAY + timedelta(days=3)).isoformat())
    qtbot.keyClick(form.visit_date, Qt.Key.Key_Return)
    error = form.errors["visit_date"]
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "日期不能晚于今天" and form.isVisible()
    form.visit_date.setText("2026-11-3")
    qtbot.keyClick(form.visit_date, Qt.Key.Key_Return)
    assert "年-月-日" in error.text()
    assert work.visits.history(child.uuid) == []


def test_a_correction_is_prefilled_and_keeps_the_old_version(qtbot, work, tasks, clock):
    child = add_child(work.children)
    first = work.visits.log(Visit(child.uuid, TODAY, "home", met="祖母", actions="送冬衣"))
    form = VisitForm(work.visits, tasks, child.uuid, child.name, correcting=first)
    qtbot.addWidget(form)
    form.show()
    assert (form.met.text(), form.taken.text()) == ("祖母", "送冬衣")
    form.taken.clear()
    type_text(qtbot, form.taken, "送冬衣和书包")
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    history = work.visits.history(child.uuid)
    assert {(h.visit.actions, h.current) for h in history} == {
        ("送冬衣和书包", True),
        ("送冬衣", False),
    }


def test_the_policy_table_edit_recomputes_due_dates(qtbot, work, tasks):
    child = add_child(work.children, ("orphan",))
    work.visits.log(Visit(child.uuid, TODAY, "home"))
    dialog = PolicyDialog(work, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled)  # the policy in the store is shown
    spin = dialog.days["intensive"]
    assert spin.value() == 30
    spin.selectAll()
    qtbot.keyClicks(spin, "21")
    police = dialog.contacts[0][2]
    police.clear()
    qtbot.keyClicks(police, "0753-110")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert work.visits.due()[0].due_date == TODAY + timedelta(days=21)
    assert work.concerns.contacts()[0].number == "0753-110"


def test_wishes_move_on_and_claiming_needs_a_name(qtbot, work, tasks, check_model):
    child = add_child(work.children)
    wish = work.care.add_wish(child.uuid, "一套课外书")
    work.care.advance_wish(wish.uuid)
    work.care.add_referral(child.uuid, "health", "视力检查")
    work.rounds.create("春节走访", "orphan", TODAY + timedelta(days=30))
    lists = CareLists(work, tasks)
    qtbot.addWidget(lists)
    lists.show()
    for table in (lists.wishes, lists.referrals, lists.rounds):
        check_model(table.model)
    qtbot.waitUntil(lambda: lists.wishes.model.rowCount() == 1)
    assert lists.rounds.model.index(0, 4).data() == "0 / 1"
    assert lists.wishes.model.index(0, 2).data() == "已发布"
    qtbot.mouseClick(lists.advance_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lists.error.isVisible)
    type_text(qtbot, lists.claimed_by, "县妇联")
    qtbot.mouseClick(lists.advance_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lists.wishes.model.index(0, 2).data() == "已认领")
    assert lists.wishes.model.index(0, 3).data() == "县妇联"
    lists.tabs.setCurrentIndex(1)
    lists.status.set_code("done")
    qtbot.mouseClick(lists.status_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lists.referrals.model.index(0, 3).data() == "已办结")
