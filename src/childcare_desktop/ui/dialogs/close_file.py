"""Closing a child's file (销档): the reason from the fixed list, and a note."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

from ...core.domain import vocab
from ..widgets import CodeCombo, FieldGrid, plain_label


class CloseFileDialog(QDialog):
    def __init__(self, child_name: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("销档"))
        self.reason = CodeCombo("close_reason", vocab.CLOSE_REASONS)
        self.note = QLineEdit()
        grid = FieldGrid()
        grid.add("close_reason", self.tr("销档原因"), self.reason)
        grid.add("close_note", self.tr("说明"), self.note)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("销档"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = plain_label(self.tr("档案不会删除，销档后仍可恢复在册。"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(child_name))
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addWidget(buttons)
