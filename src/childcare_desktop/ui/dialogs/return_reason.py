"""退回: the reviewer says why a submission goes back to its village (the reason is required)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout

from ..widgets import fit_to_screen, plain_label


class ReturnDialog(QDialog):
    """What is returned (the child and the item), and the reason typed; 退回 once there is one."""

    def __init__(self, what: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("退回"))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("退回理由（必填），村里据此修改后重新报送"))
        self.reason.setTabChangesFocus(True)
        buttons = QDialogButtonBox()
        self.return_button = buttons.addButton(
            self.tr("退回"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.return_button.setEnabled(False)
        self.reason.textChanged.connect(lambda: self.return_button.setEnabled(bool(self.text())))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(what))
        layout.addWidget(self.reason, 1)
        layout.addWidget(buttons)
        fit_to_screen(self)

    def text(self) -> str:
        return self.reason.toPlainText().strip()
