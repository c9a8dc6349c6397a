"""The audit log for the supervisor: who did what to which record and when; filtered; exported."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ...core.services import safety
from ...core.storage.store import Store
from ..models.audit_model import COL_DETAIL, AuditModel, action_words
from ..tasks import Tasks
from ..widgets import ErrorLabel, fit_to_screen, plain_label

# A month back by default: what a supervisor's visit looks at; the dates widen it.
DEFAULT_DAYS = 30


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AuditViewDialog(QDialog):
    def __init__(self, store: Store, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.setWindowTitle(self.tr("操作记录"))
        today = date.today()
        self.start = QDateEdit(_qdate(today - timedelta(days=DEFAULT_DAYS)))
        self.end = QDateEdit(_qdate(today))
        for field in (self.start, self.end):
            field.setCalendarPopup(True)
            field.setDisplayFormat("yyyy-MM-dd")
            field.dateChanged.connect(self.refresh)
        self.action = QComboBox()
        self.action.addItem(self.tr("全部操作"), "")
        for code, words in action_words().items():
            self.action.addItem(words, code)
        self.action.currentIndexChanged.connect(self.refresh)
        self.export_button = QPushButton(self.tr("导出为 CSV……"))
        self.export_button.clicked.connect(self.export)
        close_button = QPushButton(self.tr("关闭"))
        close_button.clicked.connect(self.reject)
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Stretch)
        self.count = plain_label()
        self.status = plain_label()
        self.error = ErrorLabel()
        filters = QHBoxLayout()
        for widget in (
            plain_label(self.tr("从")),
            self.start,
            plain_label(self.tr("到")),
            self.end,
            plain_label(self.tr("操作")),
            self.action,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        fit_to_screen(self, QSize(1000, 560))
        self.refresh()

    def filters(self) -> tuple[str, str, str | None]:
        start = self.start.date().toString("yyyy-MM-dd")
        end = self.end.date().toString("yyyy-MM-dd")
        return start, end, self.action.currentData() or None

    def refresh(self) -> None:
        store, (start, end, action) = self.store, self.filters()
        self.tasks.read(
            lambda: safety.audit_entries(store, start, end, action), self._shown, self.error
        )

    def _shown(self, entries) -> None:
        self.model.set_rows(entries)
        self.count.setText(self.tr("共 %1 条").replace("%1", str(len(entries))))
        self.export_button.setEnabled(bool(entries))

    def export(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出操作记录"), "audit.csv", self.tr("CSV 文件 (*.csv)")
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> None:
        header, rows = self.model.rows_for_export()
        store = self.store
        self.export_button.setEnabled(False)
        self.tasks.write(
            lambda: safety.export_audit_csv(store, path, header, rows),
            lambda count: self._exported(path, count),
            self.error,
            ended=lambda: self.export_button.setEnabled(True),
        )

    def _exported(self, path: Path, count: int) -> None:
        self.error.clear_text()
        text = self.tr("已导出 %1 条到 %2").replace("%1", str(count)).replace("%2", path.name)
        self.status.setText(text)
        self.refresh()  # the export is itself in the log
