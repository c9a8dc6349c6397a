"""Raising a concern (强制报告): what was noticed, then at once whom to call, and the report."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.domain.care import CONCERN_KINDS, REPORT_TARGETS, Concern, ReportContact
from ...core.errors import CoreError, ValidationFailed
from ...core.services.concerns import Concerns
from .. import i18n
from ..tasks import Tasks
from ..widgets import CodeCombo, DateField, ErrorLabel, FieldGrid, date_format_text, plain_label


class ConcernForm(QDialog):
    saved = Signal(str)  # the child's uuid, once the concern is recorded

    def __init__(
        self, concerns: Concerns, tasks: Tasks, child_uuid: str, child_name: str, parent=None
    ) -> None:
        super().__init__(parent)
        self.concerns = concerns
        self.tasks = tasks
        self.child_uuid = child_uuid
        self.concern: Concern | None = None
        self.setWindowTitle(self.tr("关注与强制报告"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._record_page())
        self.prompt_page = self._prompt_page()
        self.pages.addWidget(self.prompt_page)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(child_name))
        layout.addWidget(self.pages)
        self.kind.setFocus()

    def _record_page(self) -> QWidget:
        page = QWidget()
        self.kind = CodeCombo("concern_kind", CONCERN_KINDS)
        self.noticed = DateField()
        self.noticed.set_value(self.concerns.today())
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("看到或听到了什么"))
        grid = FieldGrid()
        grid.add("kind", self.tr("情况类别"), self.kind)
        grid.add("noticed_on", self.tr("发现日期"), self.noticed)
        grid.add("description", self.tr("具体情况"), self.description)
        self.errors = grid.errors
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("记录"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        return page

    def _prompt_page(self) -> QWidget:
        page = QWidget()
        self.prompt_title = plain_label(self.tr("已记录。请立即报告（强制报告）："))
        self.prompt_title.setStyleSheet("font-weight: bold; color: #c00000;")
        self.contacts_box = QGroupBox(self.tr("报告给"))
        QVBoxLayout(self.contacts_box)
        self.target = CodeCombo("report_target", REPORT_TARGETS)
        self.reported_on = DateField()
        self.reported_on.set_value(self.concerns.today())
        self.receipt = QLineEdit()
        self.receipt.setPlaceholderText(self.tr("如有回执号或接警编号"))
        grid = FieldGrid()
        grid.add("target", self.tr("报告给"), self.target)
        grid.add("reported_on", self.tr("报告日期"), self.reported_on)
        grid.add("receipt", self.tr("回执号"), self.receipt)
        self.report_errors = grid.errors
        self.report_button = QPushButton(self.tr("记录这次报告"))
        self.report_button.clicked.connect(self.record_report)
        self.reported = plain_label()
        done = QPushButton(self.tr("完成"))
        done.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.report_button)
        row.addStretch(1)
        row.addWidget(done)
        layout = QVBoxLayout(page)
        layout.addWidget(self.prompt_title)
        layout.addWidget(self.contacts_box)
        layout.addLayout(grid)
        layout.addWidget(self.reported)
        layout.addLayout(row)
        return page

    def save(self) -> None:
        for error in self.errors.values():
            error.clear_text()
        if self.noticed.value() is None:
            self.errors["noticed_on"].show_text(date_format_text())
            return
        concerns, uuid = self.concerns, self.child_uuid
        kind, noticed, text = self.kind.code(), self.noticed.value(), self.description.text()
        self.save_button.setEnabled(False)
        self.tasks.write(
            lambda: (concerns.add(uuid, kind, noticed, text), concerns.contacts()),
            self._recorded,
            lambda error: self._failed(error, self.errors, self.save_button),
        )

    def record_report(self) -> None:
        if self.concern is None or self.reported_on.value() is None:
            self.report_errors["reported_on"].show_text(date_format_text())
            return
        concerns, uuid = self.concerns, self.concern.uuid
        target, day, receipt = self.target.code(), self.reported_on.value(), self.receipt.text()
        self.report_button.setEnabled(False)
        self.tasks.write(
            lambda: concerns.report(uuid, target, day, receipt),
            self._reported,
            lambda error: self._failed(error, self.report_errors, self.report_button),
        )

    def _recorded(self, result: tuple[Concern, list[ReportContact]]) -> None:
        self.concern, contacts = result
        box = self.contacts_box.layout()
        for contact in contacts:
            number = contact.number or self.tr("（号码未设置，请在设置中填写）")
            box.addWidget(plain_label(f"{contact.name}    {number}"))
        self.pages.setCurrentWidget(self.prompt_page)
        self.report_button.setFocus()
        self.saved.emit(self.child_uuid)

    def _reported(self, concern: Concern) -> None:
        self.concern = concern
        self.report_button.setEnabled(True)
        self.receipt.clear()
        lines = [
            f"{r.reported_on.isoformat()}  {i18n.label('report_target', r.target)}  {r.receipt}"
            for r in concern.reports
        ]
        self.reported.setText(self.tr("已报告：") + "\n" + "\n".join(lines))

    def _failed(self, error: Exception, errors: dict[str, ErrorLabel], button) -> None:
        button.setEnabled(True)
        if isinstance(error, ValidationFailed):
            for problem in error.problems:
                label = errors.get(problem.field) or next(iter(errors.values()))
                label.show_text(i18n.problem_text(problem))
        elif isinstance(error, CoreError):
            next(iter(errors.values())).show_text(i18n.error_text(error))
        else:
            raise error
