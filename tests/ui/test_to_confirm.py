"""What the files show that the law asks to be reported (未保法 §21), on the Today list for a
person to confirm: recorded as a concern from the form the file started, or set aside with what
the officer found; either takes it off the list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.core.services.care_support import add_child, parent
from tests.ui.conftest import type_text
from tests.ui.test_concerns_gui import choose, click, concern_cells, today_view


def cells(view) -> list[list[str]]:
    model = view.to_confirm.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_a_situation_the_file_shows_is_confirmed_or_set_aside(qtbot, work, tasks):
    children = work.children
    small = add_child(children, ("orphan",), "none", date(2021, 3, 1), 1, "刘小宝")
    away = (parent("father", "migrant"), parent("mother", "migrant"))
    alone = add_child(children, ("left_behind",), "fair", date(2014, 3, 1), 2, "刘小红", away)
    add_child(children, ("left_behind",), "good", date(2014, 3, 1), 3, "刘小兰")
    view = today_view(qtbot, work, tasks)
    qtbot.waitUntil(lambda: len(cells(view)) == 2)
    assert view.to_confirm.isVisible()
    assert view.to_confirm.title() == "档案显示须确认的情形（强制报告）（2）"
    assert cells(view) == [
        ["刘小宝", "2021-03-01", "未满八周岁无人看护", "监护情况评估为无人监护"],
        ["刘小红", "2014-03-01", "未满十六周岁脱离监护单独生活",
         "父母都不在家，也没有在家能照护的祖辈或委托照护人"],
    ]  # fmt: skip

    # Recorded: the concern form opens on the situation, with what the file shows written in.
    view.to_confirm.table.setCurrentIndex(view.to_confirm.model.index(1, 0))
    click(qtbot, view.confirm_button)
    form = view.dialog
    qtbot.waitUntil(form.isVisible)
    assert form.kind.code() == "alone"
    shown = [label.text() for label in form.findChildren(QLabel)]
    assert "父母都不在家，也没有在家能照护的祖辈或委托照护人" in shown  # 档案显示, beside
    assert form.focusWidget() is form.description and form.description.text() == ""
    type_text(qtbot, form.description, "邻居说晚上独自在家")
    choose(qtbot, form.later)
    qtbot.keyClick(form.description, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(cells(view)) == 1)
    assert [row[0] for row in concern_cells(view)] == ["刘小红"]
    assert work.children.rows([alone.uuid])[0].risk == "high"

    # Set aside: what was found is required.
    view.to_confirm.table.setCurrentIndex(view.to_confirm.model.index(0, 0))
    click(qtbot, view.set_aside_button)
    dialog = view.dialog
    qtbot.waitUntil(dialog.isVisible)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.grid.errors["reason"].isVisible())
    assert dialog.grid.errors["reason"].text() == "必填"
    type_text(qtbot, dialog.found, "外婆每天住在家里照看，已电话核实")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not view.to_confirm.isVisible())
    assert work.concerns.to_confirm() == [] and work.concerns.for_child(small.uuid) == []
