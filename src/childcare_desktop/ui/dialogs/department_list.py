"""部门名单: a list going out to another department. The officer chooses the list, sees the
department it goes to, what for, how many children and which columns leave, then saves it as
Excel or PDF; each save is written to the audit log by the service."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from ...core.domain.outgoing import LIST_CODES, LISTS
from ...core.services.outgoing import ListPreview, Outgoing
from ...core.storage.store import Store
from .. import i18n
from ..tasks import Tasks
from ..widgets import CodeCombo, ErrorLabel, fit_to_screen, plain_label, scrolled


class DepartmentListDialog(QDialog):
    shown = Signal()  # the chosen list's count and columns are on screen
    saved = Signal(object)  # services.reports.Printed

    def __init__(
        self,
        store: Store,
        tasks: Tasks,
        parent=None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("department_list")
        self.setWindowTitle(self.tr("部门名单"))
        self.outgoing = Outgoing(store, today)
        self.tasks = tasks
        self.today = today
        self.chosen = CodeCombo("outgoing_list", LIST_CODES)
        self.department = plain_label()
        self.use = plain_label()
        self.use.setWordWrap(True)
        self.count = plain_label()
        self.columns = plain_label()
        self.columns.setWordWrap(True)
        form = QFormLayout()
        list_label = QLabel(self.tr("名单(&M)"))
        list_label.setBuddy(self.chosen)
        form.addRow(list_label, self.chosen)
        form.addRow(self.tr("送交"), self.department)
        form.addRow(self.tr("用途"), self.use)
        form.addRow(self.tr("人数"), self.count)
        form.addRow(self.tr("导出的栏目"), self.columns)
        note = plain_label(
            self.tr(
                "名单只含该部门办事所需的儿童和栏目，身份证号和电话完整导出；"
                "儿童类别、健康、家庭情况和走访记录都不导出。每次导出都记入审计日志。"
            )
        )
        note.setWordWrap(True)
        self.done_text = plain_label()
        self.done_text.setWordWrap(True)
        self.error = ErrorLabel()
        self.excel_button = QPushButton(self.tr("保存为 Excel(&X)……"))
        self.excel_button.setDefault(True)
        self.pdf_button = QPushButton(self.tr("保存为 PDF(&P)……"))
        self.pdf_button.setAutoDefault(False)
        self.excel_button.clicked.connect(lambda: self.save(".xlsx"))
        self.pdf_button.clicked.connect(lambda: self.save(".pdf"))
        saving = QHBoxLayout()
        saving.addWidget(self.excel_button)
        saving.addWidget(self.pdf_button)
        saving.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        body = QVBoxLayout()
        body.addLayout(form)
        body.addWidget(note)
        body.addLayout(saving)
        body.addWidget(self.done_text)
        body.addWidget(self.error)
        body.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(body))
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(560, 380))
        self.chosen.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        code = self.chosen.code()
        lst = LISTS[code]
        self.department.setText(i18n.label("department", lst.department))
        self.use.setText(i18n.label("outgoing_use", code))
        self.count.setText(self.tr("正在统计……"))
        self.columns.clear()
        self.done_text.clear()
        self.error.clear_text()
        self._set_saving(False)
        self.tasks.read(lambda: self.outgoing.preview(code), self._show, self.error)

    def _show(self, preview: ListPreview) -> None:
        if preview.code != self.chosen.code():
            return  # another list was chosen while this one was counted
        self.count.setText(self.tr("%1 名儿童").replace("%1", str(preview.count)))
        self.columns.setText(i18n.join(i18n.label("outgoing_column", c) for c in preview.columns))
        self._set_saving(True)
        self.shown.emit()

    def save(self, suffix: str) -> None:
        code = self.chosen.code()
        name = f"{i18n.label('outgoing_list', code)}-{self.today().isoformat()}{suffix}"
        kinds = "Excel (*.xlsx)" if suffix == ".xlsx" else "PDF (*.pdf)"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存部门名单"), name, kinds)
        if not path:
            return
        out = Path(path).with_suffix(suffix)
        self.done_text.clear()
        self.error.clear_text()
        self._set_saving(False)
        self.tasks.write(
            lambda: self.outgoing.export(code, out),
            self._saved,
            self.error,
            ended=lambda: self._set_saving(True),
        )

    def _saved(self, printed) -> None:
        self.done_text.setText(
            self.tr("已保存 %1 名儿童：%2")
            .replace("%1", str(printed.rows))
            .replace("%2", str(printed.path))
        )
        self.saved.emit(printed)

    def _set_saving(self, on: bool) -> None:
        self.excel_button.setEnabled(on)
        self.pdf_button.setEnabled(on)
