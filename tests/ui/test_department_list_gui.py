"""报表 → 部门名单: the officer chooses a list, sees the department, how many children and the
columns that leave, and saves it as Excel or PDF; the file is read back and the save audited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage import audit
from childcare_desktop.ui.dialogs.department_list import DepartmentListDialog
from tests.conftest import VILLAGE
from tests.core.reports import poppler

BORN = date(date.today().year - 10, 6, 1)


@pytest.fixture
def dialog(qtbot, store, tasks):
    children = Children(store)
    for serial, (name, facts) in enumerate(
        [
            ("钱小辍", {"schooling": "dropout", "school": "新陂小学"}),
            ("孙小离", {"schooling": "not_in_school"}),
            ("赵无监", {"guardianship": "none", "current_address": "新陂村3组8号"}),
            ("李平常", {}),
        ],
        1,
    ):
        number = idnumber.make("441481", BORN, serial, "female")
        children.save(Child(name, "female", BORN, VILLAGE, id_number=number, **facts))
    shown = DepartmentListDialog(store, tasks)
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.shown):
        shown.show()
    yield shown
    tasks.wait()


def test_the_chosen_list_shows_its_department_count_and_columns(qtbot, dialog):
    assert dialog.chosen.currentText() == "失学辍学儿童名单"
    assert dialog.department.text() == "教育部门"
    assert dialog.use.text() == "仅供教育部门控辍保学使用"
    assert dialog.count.text() == "2 名儿童"
    assert dialog.columns.text() == "姓名、性别、出生日期、就学情况、学校、联系人、联系电话"
    with qtbot.waitSignal(dialog.shown):
        dialog.chosen.setFocus()
        qtbot.keyClick(dialog.chosen, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.chosen, Qt.Key.Key_Down)
    assert dialog.chosen.currentText() == "无人监护儿童名单"
    assert dialog.department.text() == "公安派出所"
    assert dialog.count.text() == "1 名儿童"
    assert "身份证号" in dialog.columns.text() and "就学情况" not in dialog.columns.text()


def test_saved_as_excel_and_as_pdf_and_audited(qtbot, dialog, store, tmp_path: Path, monkeypatch):
    target = {"path": tmp_path / "教育名单"}  # the chooser may give no suffix: it is added
    asked = []

    def choose(parent, title, name, kinds):
        asked.append((name, kinds))
        return str(target["path"]), kinds

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    with qtbot.waitSignal(dialog.saved) as excel:
        qtbot.mouseClick(dialog.excel_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "教育名单.xlsx"
    assert excel.args[0].path == out and excel.args[0].rows == 2
    assert asked[0] == (f"失学辍学儿童名单-{date.today().isoformat()}.xlsx", "Excel (*.xlsx)")
    names = [r[1] for r in load_workbook(out).active.iter_rows(min_row=5, values_only=True)]
    assert sorted(names) == ["孙小离", "钱小辍"]
    assert dialog.done_text.text() == f"已保存 2 名儿童：{out}"
    assert dialog.excel_button.isEnabled()

    target["path"] = tmp_path / "教育名单.pdf"
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    flat = poppler.flat_text(target["path"])
    assert "钱小辍" in flat and "赵无监" not in flat and "李平常" not in flat
    with store.read() as conn:
        logged = audit.entries(conn)[-2:]
    assert [(e.action, e.entity) for e in logged] == [
        ("export", "department_list"),
        ("print", "department_list"),
    ]


def test_choosing_no_file_writes_nothing(qtbot, dialog, store, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    with store.read() as conn:
        before = len(audit.entries(conn))
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    with store.read() as conn:
        assert len(audit.entries(conn)) == before
    assert dialog.done_text.text() == "" and dialog.pdf_button.isEnabled()
