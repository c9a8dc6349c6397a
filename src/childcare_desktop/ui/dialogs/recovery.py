"""A forgotten passphrase: the recovery code from the committee's safe, then a new passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

from ...core.errors import CoreError
from ...core.services import safety
from ...core.storage import tries
from ...core.storage.store import Store
from .. import i18n
from ..tasks import Tasks
from ..widgets import FieldGrid, plain_label
from . import unlock
from .passphrase import NewPassphraseFields, show_problems


class RecoveryDialog(QDialog):
    """Accepted with `store` open under the new passphrase; wrong codes wait like passphrases."""

    def __init__(self, store_path: Path, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.store_path = store_path
        self.tasks = tasks
        self.store: Store | None = None
        self.setWindowTitle(self.tr("用恢复码重设密码"))
        intro = plain_label(
            self.tr("恢复码是建站时打印的那一张（24 个字母和数字）。输入恢复码，再设一个新密码。")
        )
        intro.setWordWrap(True)
        self.grid = FieldGrid()
        self.code = QLineEdit()
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.grid.add("code", self.tr("恢复码"), self.code)
        self.fields = NewPassphraseFields(self.grid)
        self.status = plain_label()
        self.buttons = QDialogButtonBox()
        self.reset_button = self.buttons.addButton(
            self.tr("重设密码并打开"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.reset_button.setDefault(True)
        self.buttons.accepted.connect(self.reset)
        self.buttons.rejected.connect(self.reject)
        self._wait, self._tick = unlock.wait_timers(self, self.status, self._wait_over)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.grid)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(640, 260)

    def reset(self) -> None:
        problems = self.fields.problems()
        if not self.code.text().strip():
            problems["code"] = self.tr("请输入恢复码")
        show_problems(self.grid, problems)
        if problems or not self.reset_button.isEnabled():
            return
        code, new, path = self.code.text(), self.fields.new.text(), self.store_path
        self.reset_button.setEnabled(False)
        self.status.setText(self.tr("正在核对恢复码……"))
        self.tasks.write(
            lambda: safety.reset_passphrase_with_recovery(path, code, new),
            self._done,
            self._failed,
            ended=self._answered,
        )

    def _answered(self) -> None:
        self.status.clear()
        self.reset_button.setEnabled(True)

    def _done(self, store: Store) -> None:
        if not self.isVisible():  # given up while the code was being checked
            store.close()
            return
        self.store = store
        self.accept()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._wait.isActive():  # a wait left by wrong passphrases holds codes too
            self._hold(tries.left_ms(self.store_path))

    def _failed(self, error: CoreError) -> None:
        if error.code == "wrong_recovery_code":
            show_problems(self.grid, {"code": self.tr("恢复码不对，请逐位核对")})
        elif error.code != "passphrase_wait":
            field = "new" if error.code == "passphrase_too_short" else "code"
            show_problems(self.grid, {field: i18n.error_text(error)})
        self._hold(unlock.wait_after(error))

    def _hold(self, delay_ms: int) -> None:
        if delay_ms <= 0:
            return
        self.reset_button.setEnabled(False)
        self.status.setText(unlock.wait_text(delay_ms))
        self._wait.start(delay_ms)
        self._tick.start()

    def _wait_over(self) -> None:
        self.status.clear()
        self.reset_button.setEnabled(True)
        self.code.setFocus()
