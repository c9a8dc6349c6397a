"""The ledger (台账) actions of the 档案 menu: import an Excel ledger, export the roster as one;
and the 工具 menu's check of a department's list against the registry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..tasks import show_error
from .base import keep_open, make_action


class LedgerActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.import_action = make_action(window, self.tr("导入台账(&I)……"), "Ctrl+I")
        self.export_action = make_action(window, self.tr("导出台账(&X)……"))
        self.check_list_action = make_action(window, self.tr("核对部门名单(&D)……"))
        self.check_list_action.triggered.connect(self.check_list)
        self.import_action.triggered.connect(self.import_ledger)
        self.export_action.triggered.connect(self.export_ledger)

    def import_ledger(self) -> None:
        # The Excel readers and writers load when a ledger is first used (see reports.py).
        from ...core.services.roster import Roster
        from ..dialogs.roster_import import RosterImportDialog

        w = self.window
        keep_open(w, RosterImportDialog(Roster(w.store), w.tasks, w))

    def check_list(self) -> None:
        """A department's list (学籍, 户籍, 残疾证, 低保, 裁定) checked against the registry."""
        from ...core.services.crosscheck import Crosscheck
        from ..dialogs.list_check import ListCheckDialog

        w = self.window
        keep_open(w, ListCheckDialog(Crosscheck(w.store), w.tasks, w))

    def export_ledger(self) -> None:
        from ...core.services.roster import Roster

        w = self.window
        path, _ = QFileDialog.getSaveFileName(
            w, self.tr("导出台账"), self.tr("儿童信息台账.xlsx"), "Excel (*.xlsx)"
        )
        if not path:
            return
        out = Path(path).with_suffix(".xlsx")
        w.tasks.write(
            lambda: Roster(w.store).export(out),
            lambda result: QMessageBox.information(
                w,
                self.tr("导出台账"),
                self.tr("已导出 %1 名儿童：%2")
                .replace("%1", str(result.count))
                .replace("%2", str(out)),
            ),
            lambda error: show_error(error, self.tr("导出台账")),
        )
