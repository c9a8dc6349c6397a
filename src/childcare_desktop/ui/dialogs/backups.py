"""The backups: list them, make one now, choose one to restore (the program then restores it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ...core.services import safety
from ...core.services.safety import BackupInfo
from ...core.storage.store import Store
from ..models.backups_model import BackupsModel, reason_words
from ..tasks import Tasks
from ..widgets import ErrorLabel, fit_to_screen, plain_label, scrolled


class RestoreConfirm(QDialog):
    """Asks once more, with the passphrase; accepted only when the backup opens and is sound."""

    def __init__(self, store_path: Path, backup: BackupInfo, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.store_path = store_path
        self.backup = backup
        self.tasks = tasks
        self.setWindowTitle(self.tr("从备份恢复"))
        when = backup.made_at.strftime("%Y-%m-%d %H:%M")
        reason = reason_words().get(backup.reason, backup.reason)
        text = self.tr(
            "要把数据恢复到 %1（%2）的备份吗？\n"
            "这以后录入的内容会不见。现在的数据会先另存为一份备份。\n"
            "请输入密码确认（备份做成时的密码）："
        )
        question = plain_label(text.replace("%1", when).replace("%2", reason))
        question.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = ErrorLabel()
        self.status = plain_label()
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("恢复"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        body = QVBoxLayout()
        for widget in (question, self.passphrase, self.error, self.status):
            body.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(body))
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(520, 220))

    def check(self) -> None:
        if not self.restore_button.isEnabled():
            return
        path, source, passphrase = self.store_path, self.backup.path, self.passphrase.text()
        self.error.clear_text()
        self.restore_button.setEnabled(False)
        self.status.setText(self.tr("正在检查备份……"))
        self.tasks.read(
            lambda: safety.check_backup(path, source, passphrase),
            lambda _result: self.accept(),
            self.error,
            ended=self._answered,
        )

    def _answered(self) -> None:
        self.status.clear()
        self.restore_button.setEnabled(True)


class BackupsDialog(QDialog):
    """Accepted with `restore_choice` (backup, passphrase) when a restore was confirmed; the
    controller then closes the store, restores and opens it again. With a damaged store
    (`store` None or `damage` said), nothing is backed up: a copy of it would push good ones out."""

    def __init__(
        self, store_path: Path, store: Store | None, tasks: Tasks, damage: str = "", parent=None
    ) -> None:
        super().__init__(parent)
        self.store_path = store_path
        self.store = store
        self.tasks = tasks
        self.restore_choice: tuple[Path, str] | None = None
        self.setWindowTitle(self.tr("备份"))
        self.damage = ErrorLabel()
        self.damage.show_text(damage)
        note = plain_label(
            self.tr("备份与数据同样加密，存放在数据旁的 backups 文件夹。每天首次打开时自动备份。")
        )
        note.setWordWrap(True)
        self.model = BackupsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.status = plain_label()
        self.error = ErrorLabel()
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.restore_button = QPushButton(self.tr("恢复所选……"))
        close_button = QPushButton(self.tr("关闭"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        close_button.clicked.connect(self.reject)
        self.backup_button.setEnabled(store is not None and not damage)
        self.restore_button.setEnabled(False)  # until the backups are listed
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        for widget in (self.damage, note, self.table, self.status, self.error):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        fit_to_screen(self, QSize(640, 420))
        self.refresh()

    def refresh(self) -> None:
        path = self.store_path
        self.tasks.read(lambda: safety.list_backups(path), self._listed, self.error)

    def _listed(self, backups: list[BackupInfo]) -> None:
        self.model.set_rows(backups)
        if self.model.rowCount():
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(self.model.rowCount()))

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_record(rows[0].row()) if rows else None

    def back_up_now(self) -> None:
        store = self.store
        self.backup_button.setEnabled(False)
        self.error.clear_text()
        self.status.setText(self.tr("正在备份……"))
        self.tasks.write(
            lambda: safety.backup(store, "manual"),
            self._backed_up,
            self.error,
            ended=self._backup_ended,
        )

    def _backup_ended(self) -> None:
        self.status.clear()
        self.backup_button.setEnabled(self.store is not None and not self.damage.text())

    def _backed_up(self, _path) -> None:
        self.status.setText(self.tr("已备份。"))
        self.refresh()

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        confirm = RestoreConfirm(self.store_path, backup, self.tasks, self)
        if confirm.exec() == QDialog.DialogCode.Accepted:
            self.restore_choice = (backup.path, confirm.passphrase.text())
            self.accept()
