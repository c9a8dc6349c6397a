"""Asking for the passphrase: the key is derived off the GUI thread; repeated failures wait."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

from ...core.errors import CoreError
from ...core.storage.store import Store
from .. import i18n
from ..tasks import Tasks
from ..widgets import ErrorLabel, plain_label

# Guessing is slowed down on top of the key derivation: 1 s, 2 s, 4 s … at most a minute.
FIRST_DELAY_MS = 1000
LONGEST_DELAY_MS = 60_000


class UnlockDialog(QDialog):
    """Accepted once the store is open; `store` is then the open store."""

    def __init__(self, store_path: Path, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.store_path = store_path
        self.tasks = tasks
        self.store: Store | None = None
        self.failures = 0
        self.setWindowTitle(self.tr("儿童关爱服务 — 输入密码"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = ErrorLabel()
        self.status = plain_label()
        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton(
            self.tr("打开"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.setDefault(True)
        self.buttons.accepted.connect(self.try_open)
        self.buttons.rejected.connect(self.reject)
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.timeout.connect(self._wait_over)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("请输入本站的密码：")))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(420, 180)

    def try_open(self) -> None:
        if not self.open_button.isEnabled():
            return
        self.error.clear_text()
        self.open_button.setEnabled(False)
        self.status.setText(self.tr("正在打开……"))
        passphrase = self.passphrase.text()
        self.tasks.read(lambda: Store.open(self.store_path, passphrase), self._opened, self._failed)

    def _opened(self, store: Store) -> None:
        if not self.isVisible():  # the person quit while the key was being derived
            store.close()
            return
        self.store = store
        self.status.clear()
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.status.clear()
        if not isinstance(error, CoreError):
            self.open_button.setEnabled(True)
            sys.excepthook(type(error), error, error.__traceback__)
            return
        self.error.show_text(i18n.error_text(error))
        if error.code != "wrong_passphrase":
            self.open_button.setEnabled(True)
            return
        self.failures += 1
        delay = min(FIRST_DELAY_MS * 2 ** (self.failures - 1), LONGEST_DELAY_MS)
        self.status.setText(self.tr("请等 %1 秒再试。").replace("%1", str(-(-delay // 1000))))
        self.passphrase.selectAll()
        self._wait.start(delay)

    def _wait_over(self) -> None:
        self.status.clear()
        self.open_button.setEnabled(True)
        self.passphrase.setFocus()
