"""The 报表 menu: the child's file, the roster (PDF or Excel), the visit ledger, the summary, the
lists going out to other departments."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from ..tasks import show_error
from .base import add_menu, keep_open, make_action

# reportlab, openpyxl and the PDF renderer (some 40 MB) load on the first report, not with the
# main window: most days an officer prints nothing.


class ReportActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.child_action = make_action(window, self.tr("一人一档(&C)"), "Ctrl+P")
        self.roster_action = make_action(window, self.tr("花名册 PDF(&R)"))
        self.roster_excel_action = make_action(window, self.tr("花名册 Excel(&E)……"))
        self.ledger_action = make_action(window, self.tr("走访台账(&L)……"))
        self.summary_action = make_action(window, self.tr("汇总表(&S)"))
        self.department_action = make_action(window, self.tr("部门名单(&D)……"))
        self.child_action.triggered.connect(self.child_file)
        self.roster_action.triggered.connect(self.roster_pdf)
        self.roster_excel_action.triggered.connect(self.roster_excel)
        self.ledger_action.triggered.connect(self.ledger)
        self.summary_action.triggered.connect(self.summary)
        self.department_action.triggered.connect(self.department_list)
        add_menu(
            window,
            self.tr("报表(&B)"),
            [
                self.child_action,
                None,
                self.roster_action,
                self.roster_excel_action,
                self.ledger_action,
                self.summary_action,
                None,
                self.department_action,
            ],
        )

    def reports(self):
        from ...core.services.reports import Reports

        return Reports(self.window.store)

    def update(self, row) -> None:
        self.child_action.setEnabled(row is not None)

    def child_file(self) -> None:
        row = self.window.view.current_row()
        if row is not None:
            uuid = row.uuid
            self._preview(self.tr("一人一档"), lambda pdf: self.reports().child_file(uuid, pdf))

    def roster_pdf(self) -> None:
        self._preview(self.tr("花名册"), lambda pdf: self.reports().roster(pdf))

    def roster_excel(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("保存花名册"), self.tr("花名册.xlsx"), "Excel (*.xlsx)"
        )
        if not path:
            return
        out = Path(path).with_suffix(".xlsx")
        self.window.tasks.read(
            lambda: self.reports().roster(out),
            lambda printed: QMessageBox.information(
                self.window,
                self.tr("花名册"),
                self.tr("已保存 %1 名儿童：%2")
                .replace("%1", str(printed.rows))
                .replace("%2", str(out)),
            ),
            lambda error: show_error(error, self.tr("花名册")),
        )

    def ledger(self) -> None:
        month, ok = QInputDialog.getText(
            self.window,
            self.tr("走访台账"),
            self.tr("月份（年-月）："),
            text=date.today().strftime("%Y-%m"),
        )
        if ok and month.strip():
            chosen = month.strip()
            self._preview(self.tr("走访台账"), lambda pdf: self.reports().ledger(chosen, pdf))

    def summary(self) -> None:
        from ..dialogs.summary_date import SummaryDateDialog

        dialog = SummaryDateDialog(date.today(), self.window)
        dialog.accepted.connect(lambda: self._summary_as_of(dialog.chosen()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _summary_as_of(self, as_of: date) -> None:
        self._preview(self.tr("汇总表"), lambda pdf: self.reports().summary(pdf, as_of))

    def department_list(self) -> None:
        from ..dialogs.department_list import DepartmentListDialog

        keep_open(
            self.window, DepartmentListDialog(self.window.store, self.window.tasks, self.window)
        )

    def _preview(self, title: str, make) -> None:
        from ..dialogs.report_preview import make_and_preview

        make_and_preview(self.window, self.window.tasks, title, make)
