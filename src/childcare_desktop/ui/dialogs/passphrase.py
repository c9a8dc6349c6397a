"""Changing the passphrase: the old one, the new one twice; the key is rewrapped, not the data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

from ...core.domain.station_setup import check_passphrase_strength
from ...core.errors import CoreError
from ...core.services import safety
from .. import i18n
from ..tasks import Tasks
from ..widgets import ErrorLabel, FieldGrid, plain_label


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class NewPassphraseFields:
    """The new passphrase typed twice, checked before anything slow runs."""

    def __init__(self, grid: FieldGrid) -> None:
        self.grid = grid
        self.new = password_field()
        self.again = password_field()
        grid.add("new", QCoreApplication.translate("NewPassphraseFields", "新密码"), self.new)
        grid.add("again", QCoreApplication.translate("NewPassphraseFields", "再输一遍"), self.again)

    def problems(self) -> dict[str, str]:
        """Field → message, empty when the new passphrase may be tried."""
        try:
            check_passphrase_strength(self.new.text())
        except CoreError as err:
            return {"new": i18n.error_text(err)}
        if self.again.text() != self.new.text():
            return {"again": i18n.message("passphrase_mismatch")}
        return {}


def show_problems(grid: FieldGrid, problems: dict[str, str]) -> None:
    for field, label in grid.errors.items():
        label.show_text(problems.get(field, ""))


class PassphraseDialog(QDialog):
    """Accepted once the new passphrase is in the key file (and the change is in the audit log)."""

    def __init__(self, store_path: Path, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.store_path = store_path
        self.tasks = tasks
        self.setWindowTitle(self.tr("修改密码"))
        self.grid = FieldGrid()
        self.old = password_field()
        self.grid.add("old", self.tr("现在的密码"), self.old)
        self.fields = NewPassphraseFields(self.grid)
        note = plain_label(self.tr("新密码至少 8 位。修改后，旧密码不能再打开数据。"))
        note.setWordWrap(True)
        self.error = ErrorLabel()
        self.status = plain_label()
        self.buttons = QDialogButtonBox()
        self.change_button = self.buttons.addButton(
            self.tr("修改"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.change_button.setDefault(True)
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        for widget in (note, self.error, self.status, self.buttons):
            layout.addWidget(widget)
        self.resize(560, 240)

    def change(self) -> None:
        problems = self.fields.problems()
        show_problems(self.grid, problems)
        self.error.clear_text()
        if problems or not self.change_button.isEnabled():
            return
        old, new, path = self.old.text(), self.fields.new.text(), self.store_path
        self.change_button.setEnabled(False)
        self.status.setText(self.tr("正在修改……"))
        # Through the write queue: the audit entry must not race the program's other writes.
        self.tasks.write(
            lambda: safety.change_passphrase(path, old, new),
            lambda _result: self.accept(),
            self._failed,
            ended=self._answered,
        )

    def _answered(self) -> None:
        self.status.clear()
        self.change_button.setEnabled(True)

    def _failed(self, error: CoreError) -> None:
        field = {
            "wrong_passphrase": "old",
            "passphrase_wait": "old",
            "passphrase_too_short": "new",
        }.get(error.code)
        if field is None:
            self.error.show_text(i18n.error_text(error))
        else:
            show_problems(self.grid, {field: i18n.error_text(error)})
