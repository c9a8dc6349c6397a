"""The audit viewer: entries in the supervisor's words, filtered by days and action, exported as
a CSV that Excel reads, the export itself logged."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.services import safety
from childcare_desktop.core.services.children import Children
from childcare_desktop.ui.dialogs.audit_view import AuditViewDialog
from childcare_desktop.ui.models.audit_model import COL_ACTION, COL_FIELDS, COL_RECORD, COL_WHO
from childcare_desktop.ui.tasks import Tasks
from tests.conftest import VILLAGE


@pytest.fixture
def viewer(qtbot, store, check_model):
    born = date(2014, 3, 9)
    number = idnumber.make(VILLAGE[:6], born, 7, "female")
    child = Children(store).save(
        Child(name="王芳", sex="female", birth_date=born, village_code=VILLAGE, id_number=number)
    )
    safety.backup(store, "manual")
    tasks = Tasks()
    dialog = AuditViewDialog(store, tasks)
    qtbot.addWidget(dialog)
    check_model(dialog.model)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    yield dialog, child
    tasks.wait()


def column(dialog, col) -> list[str]:
    return [dialog.model.index(r, col).data() for r in range(dialog.model.rowCount())]


def test_entries_show_who_did_what_to_which_record_without_values(viewer):
    dialog, child = viewer
    assert column(dialog, COL_ACTION) == ["新建", "备份"]
    assert column(dialog, COL_WHO) == ["李主任", "李主任"]
    assert column(dialog, COL_RECORD)[0] == "儿童档案 " + child.uuid[:8]
    assert "name" in column(dialog, COL_FIELDS)[0].split("、")
    assert not any("王芳" in (dialog.model.index(0, c).data() or "") for c in range(6))
    assert dialog.count.text() == "共 2 条"


def test_filters_by_action_and_by_days(qtbot, viewer):
    dialog, _ = viewer
    dialog.action.setCurrentIndex(dialog.action.findData("backup"))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert column(dialog, COL_ACTION) == ["备份"]
    dialog.action.setCurrentIndex(0)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    tomorrow = date.today() + timedelta(days=1)
    dialog.start.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    dialog.end.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    assert not dialog.export_button.isEnabled()


def test_export_writes_a_csv_that_excel_reads_and_is_itself_audited(
    qtbot, viewer, tmp_path, monkeypatch, store
):
    dialog, child = viewer
    out = tmp_path / "审计.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)  # the export shows at once
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Excel looks for
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["时间", "操作人", "操作", "记录", "记录编号", "字段", "说明"]
    assert [r[2] for r in rows[1:]] == ["新建", "备份"]
    assert rows[2][6] == "手动"  # a backup's reason in words
    assert rows[1][4] == child.uuid
    assert dialog.status.text() == "已导出 2 条到 审计.csv"
    exported = safety.audit_entries(store, action="export")
    assert [(e.entity, e.detail) for e in exported] == [("audit", "2 entries")]


def test_every_kind_of_record_the_store_audits_has_words(qapp):
    from childcare_desktop.ui.models.audit_model import entity_words

    audited = {"child", "member", "visit", "visit_photo", "concern", "setting", "roster", "audit"}
    assert audited <= set(entity_words())
