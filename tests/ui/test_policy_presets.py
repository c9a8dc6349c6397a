"""The policy dialog's presets, each shown with its source, and the rules that ask for a home
visit (入户): what the officer ticks is what the due list and the child's file then say."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.domain.visit_policy import VisitPolicy
from childcare_desktop.ui.dialogs.child_visits import due_reason_text
from childcare_desktop.ui.dialogs.policy_dialog import PolicyDialog
from childcare_desktop.ui.models.visits_model import reason_text
from tests.core.services.care_support import add_child
from tests.ui.conftest import TODAY


def opened(qtbot, work, tasks) -> PolicyDialog:
    dialog = PolicyDialog(work, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled)  # the policy in the store is shown
    return dialog


def saved(qtbot, dialog: PolicyDialog) -> None:
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_a_home_visit_ticked_then_the_default_preset_chosen_again(qtbot, work, tasks):
    child = add_child(work.children, ("orphan",))
    at_home = TODAY - timedelta(days=20)
    work.visits.log(Visit(child.uuid, at_home, "home"))
    work.visits.log(Visit(child.uuid, TODAY - timedelta(days=2), "phone"))
    dialog = opened(qtbot, work, tasks)
    assert dialog.preset.currentText() == "本程序的默认周期"
    assert dialog.source.text() == "依据：本程序自带的设置，不出自某一文件"
    assert "first_visit" not in dialog.home  # any contact after registration is a first visit
    dialog.home["intensive"].setFocus()
    qtbot.keyClick(dialog.home["intensive"], Qt.Key.Key_Space)
    assert dialog.preset.currentText() == "本站自行设定"
    assert dialog.source.text() == "依据：本站修改过的周期"
    saved(qtbot, dialog)
    assert work.visits.policy() == VisitPolicy(home=frozenset({"intensive"}))
    (due,) = work.visits.due()
    assert (due.due_date, due.home_visit) == (at_home + timedelta(days=30), True)
    assert reason_text(due.reason, due.interval_days, due.home_visit) == "孤儿，每30天入户"
    plan = work.visits.plan(child.uuid)
    assert due_reason_text(plan, TODAY) == f"孤儿，每30天入户，上次入户 {at_home.isoformat()}"

    again = opened(qtbot, work, tasks)
    assert again.home["intensive"].isChecked()
    again.preset.setFocus()
    qtbot.keyClick(again.preset, Qt.Key.Key_Home)  # the first preset, as a person picks it
    assert again.preset.currentText() == "本程序的默认周期"
    assert not again.home["intensive"].isChecked()
    saved(qtbot, again)
    assert work.visits.policy() == VisitPolicy()
    (due,) = work.visits.due()
    assert (due.due_date, due.home_visit) == (TODAY + timedelta(days=28), False)
    assert due_reason_text(work.visits.plan(child.uuid), TODAY) == "孤儿，每30天"
