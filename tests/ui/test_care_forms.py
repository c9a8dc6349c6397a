"""The station-wide care lists make things too: a visit round and its progress, a wish and a
referral for a child picked by name; the forms refuse what cannot be saved, beside the field."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.ui.models.visit_history_model import VisitHistoryModel
from childcare_desktop.ui.views.care_lists import CareLists
from tests.core.services.care_support import add_child
from tests.ui.conftest import TODAY, type_text


@pytest.fixture
def lists(qtbot, work, tasks, check_model):
    lists = CareLists(work, tasks)
    qtbot.addWidget(lists)
    lists.show()
    for table in (lists.wishes, lists.referrals, lists.rounds):
        check_model(table.model)
    return lists


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_visit_round_made_from_the_lists_shows_its_progress(qtbot, work, lists):
    orphan = add_child(work.children, ("orphan",), serial=5)
    add_child(work.children, ("orphan",), serial=7, name="李小红")
    add_child(work.children, ("floating",), serial=9, name="陈小兵")
    lists.tabs.setCurrentIndex(2)
    click(qtbot, lists.add_round_button)
    form = lists.dialog
    qtbot.waitUntil(form.isVisible)
    type_text(qtbot, form.name, "春节走访")
    form.category.set_code("orphan")
    form.deadline.setText((TODAY - timedelta(days=1)).isoformat())
    click(qtbot, form.save_button)
    error = form.grid.errors["deadline"]
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "结束日期早于开始日期" and form.isVisible()
    form.deadline.setText("2027-01-25")
    click(qtbot, form.save_button)
    model = lists.rounds.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert [model.index(0, c).data() for c in range(5)] == [
        "春节走访",
        "孤儿",
        TODAY.isoformat(),
        "2027-01-25",
        "0 / 2",
    ]
    work.visits.log(Visit(orphan.uuid, TODAY, "home"))
    lists.refresh()
    qtbot.waitUntil(lambda: model.index(0, 4).data() == "1 / 2")


def test_a_wish_for_a_child_picked_by_name(qtbot, work, lists):
    child = add_child(work.children, name="王小芳")
    add_child(work.children, serial=7, name="李小红")
    click(qtbot, lists.add_wish_button)
    qtbot.waitUntil(lambda: lists.dialog is not None and lists.dialog.isVisible())
    form = lists.dialog
    assert form.child.isEnabled() and form.child.currentText() == ""
    type_text(qtbot, form.text, "一双运动鞋")
    click(qtbot, form.save_button)
    assert form.grid.errors["child_uuid"].text() == "请从名单中选择儿童"
    type_text(qtbot, form.child.lineEdit(), "王小芳（2014-08-09）")
    assert form.child.uuid() == child.uuid
    click(qtbot, form.save_button)
    model = lists.wishes.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert [model.index(0, c).data() for c in range(3)] == ["王小芳", "一双运动鞋", "已收集"]


def test_a_referral_for_a_child_picked_by_name(qtbot, work, lists):
    child = add_child(work.children, ("serious_illness",), name="赵小宝")
    lists.tabs.setCurrentIndex(1)
    click(qtbot, lists.add_referral_button)
    qtbot.waitUntil(lambda: lists.dialog is not None and lists.dialog.isVisible())
    form = lists.dialog
    assert form.child.uuid() == child.uuid and not form.child.isEnabled()
    form.target.set_code("social_worker")
    type_text(qtbot, form.reason, "心理疏导")
    form.referred_on.setText("2026-11-3")
    click(qtbot, form.save_button)
    assert "年-月-日" in form.grid.errors["referred_on"].text()
    form.referred_on.setText("2026-11-03")
    click(qtbot, form.save_button)
    model = lists.referrals.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert [model.index(0, c).data() for c in range(5)] == [
        "赵小宝",
        "社工",
        "心理疏导",
        "已转介",
        "2026-11-03",
    ]


def test_the_visit_history_model_passes_the_model_tester(qtbot, work, check_model):
    child = add_child(work.children)
    first = work.visits.log(Visit(child.uuid, TODAY, "home", findings={"health": "感冒"}))
    work.visits.correct(first.visit.uuid, Visit(child.uuid, TODAY, "phone"))
    model = VisitHistoryModel()
    check_model(model)
    model.set_rows(work.visits.history(child.uuid))
    assert [model.index(r, 1).data() for r in range(2)] == ["电话", "入户"]
    assert model.index(1, 4).data() == "健康状况：感冒"
