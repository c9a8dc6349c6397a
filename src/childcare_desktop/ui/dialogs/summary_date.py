"""The summary's cut-off date (截止日期), asked before it is counted: today unless the officer
chooses another day, as the national form is counted as of a set date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout

from ..widgets import plain_label


class SummaryDateDialog(QDialog):
    def __init__(self, today: date, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("汇总表"))
        self.as_of = QDateEdit(QDate(today.year, today.month, today.day))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout()
        form.addRow(self.tr("截止日期"), self.as_of)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("生成"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = plain_label(
            self.tr("统计截止日期已登记、未销档的儿童；类别与年龄都按截止日期计算。")
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen(self) -> date:
        day = self.as_of.date()
        return date(day.year(), day.month(), day.day())
