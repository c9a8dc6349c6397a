"""Asking for the passphrase: tried off the GUI thread; repeated failures wait longer each time,
as long as the core says (the wait is kept beside the store and outlives the program)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ...core.errors import CoreError
from ...core.storage import tries
from .. import i18n
from ..tasks import Tasks
from ..widgets import ErrorLabel, plain_label


def wait_after(error: CoreError) -> int:
    """Milliseconds a wrong passphrase or code, or a try during the wait, holds the next try."""
    if error.code not in (*tries.WRONG, "passphrase_wait"):
        return 0
    return int(error.params.get("wait_ms", "0"))


def wait_text(delay_ms: int) -> str:
    text = QCoreApplication.translate("PassphrasePrompt", "请等 %1 秒再试。")
    return text.replace("%1", str(-(-delay_ms // 1000)))


def wait_timers(owner: QObject, status: QLabel, over: Callable[[], None]) -> tuple[QTimer, QTimer]:
    """The wait before the next try (ending in `over`) and a ticker that, started with it, says
    on `status` each second how long is left."""
    wait = QTimer(owner)
    wait.setSingleShot(True)
    wait.setTimerType(Qt.TimerType.PreciseTimer)  # not before the core's wait ends
    tick = QTimer(owner)
    tick.setInterval(1000)

    def say_left() -> None:
        if wait.isActive():
            status.setText(wait_text(wait.remainingTime()))

    def end() -> None:
        tick.stop()
        over()

    wait.timeout.connect(end)
    tick.timeout.connect(say_left)
    return wait, tick


class PassphrasePrompt(QDialog):
    """A passphrase field and one button; `attempt(passphrase)` runs in the background and its
    result goes to `_opened`; a wrong passphrase makes the next try wait. With `store_path`, a
    wait still running from before (another window, an earlier start) holds it when shown."""

    def __init__(
        self,
        tasks: Tasks,
        attempt: Callable[[str], Any],
        parent=None,
        store_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.attempt = attempt
        self.store_path = store_path
        self.prompt = plain_label()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = ErrorLabel()
        self.status = plain_label()
        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setDefault(True)
        self.buttons.accepted.connect(self.try_open)
        self.buttons.rejected.connect(self.reject)
        self._wait, self._tick = wait_timers(self, self.status, self._wait_over)
        self.layout_ = QVBoxLayout(self)
        for widget in (self.prompt, self.passphrase, self.error, self.status, self.buttons):
            self.layout_.addWidget(widget)
        self.resize(420, 180)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.store_path is not None and not self._wait.isActive():
            self.hold(tries.left_ms(self.store_path))

    def hold(self, delay_ms: int) -> None:
        """No try for `delay_ms`; the prompt says how long."""
        if delay_ms <= 0:
            return
        self.open_button.setEnabled(False)
        self.status.setText(wait_text(delay_ms))
        self._wait.start(delay_ms)
        self._tick.start()

    def try_open(self) -> None:
        if not self.open_button.isEnabled():
            return
        self.error.clear_text()
        self.open_button.setEnabled(False)
        self.status.setText(QCoreApplication.translate("PassphrasePrompt", "正在核对密码……"))
        passphrase, attempt = self.passphrase.text(), self.attempt
        self.tasks.read(
            lambda: attempt(passphrase), self._opened, self._failed, ended=self._answered
        )

    def _answered(self) -> None:
        self.status.clear()
        self.open_button.setEnabled(True)

    def _opened(self, result: Any) -> None:
        self.passphrase.clear()
        self.accept()

    def _failed(self, error: CoreError) -> None:
        if error.code != "passphrase_wait":  # the status below says it
            self.error.show_text(i18n.error_text(error))
        self.hold(wait_after(error))
        self.passphrase.selectAll()

    def _wait_over(self) -> None:
        self.status.clear()
        self.open_button.setEnabled(True)
        self.passphrase.setFocus()


class UnlockDialog(PassphrasePrompt):
    """Accepted once the store is open; `store` is then the open store."""

    def __init__(self, store_path: Path, tasks: Tasks, parent=None) -> None:
        super().__init__(
            tasks, lambda passphrase: _open_store(store_path, passphrase), parent, store_path
        )
        self.store = None
        self.setWindowTitle(self.tr("儿童关爱服务 — 输入密码"))
        self.prompt.setText(self.tr("请输入本站的密码："))
        self.open_button.setText(self.tr("打开"))
        self.buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self.recovery_button = QPushButton(self.tr("忘记密码？用恢复码"))
        self.recovery_button.setFlat(True)
        self.recovery_button.clicked.connect(self.use_recovery_code)
        self.layout_.insertWidget(self.layout_.indexOf(self.buttons), self.recovery_button)

    def use_recovery_code(self) -> None:
        # Imported here: the recovery dialog reuses this module's waiting rules.
        from .recovery import RecoveryDialog

        dialog = RecoveryDialog(self.store_path, self.tasks, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.store = dialog.store
            self.accept()

    def _opened(self, store) -> None:
        if not self.isVisible():  # the person quit while the key was being derived
            store.close()
            return
        self.store = store
        super()._opened(store)


def _open_store(store_path: Path, passphrase: str):
    # Imported here, on the worker thread: SQLAlchemy and SQLCipher load while the key is
    # derived, not before the first window appears.
    from ...core.storage.store import Store

    return Store.open(store_path, passphrase)
