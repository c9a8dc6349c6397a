"""Export: write the next batch for a receiving station into a chosen folder (a USB stick),
and show what was sent and what each receiver has acknowledged."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ...core.services import identity, sync
from .. import i18n
from ..models.sync_models import ReceiversModel, station_text
from ..tasks import SYNC, Changes, Tasks
from ..widgets import ErrorLabel, fit_to_screen, plain_label, scrolled

BATCH_SUFFIX = ".ccsync"


def batch_path(folder: Path, own: str, to: str, now: datetime) -> Path:
    """Sender, receiver and time in the name, so several batches can share one stick; a
    number is added rather than overwrite a batch written within the same second."""
    stem = f"{own}-{to}-{now:%Y%m%d-%H%M%S}"
    path, n = folder / f"{stem}{BATCH_SUFFIX}", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{BATCH_SUFFIX}"
    return path


class ExportDialog(QDialog):
    exported = Signal(object)  # sync.ExportResult

    def __init__(self, store, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.own = ""
        self.setWindowTitle(self.tr("导出同步文件"))
        self.receiver = QComboBox()
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("U盘或文件夹"))
        browse = QPushButton(self.tr("选择……"))
        # Enter exports, or does nothing while there is nothing to export: never the chooser
        # or 关闭, which Qt would take as the default while 导出下一批 is greyed.
        browse.setAutoDefault(False)
        browse.clicked.connect(self.choose_folder)
        self.export_button = QPushButton(self.tr("导出下一批"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.folder.textChanged.connect(self._update_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # the service reports no steps: a busy bar while it writes
        self.progress.hide()
        # Not `done`: that is QDialog's own method, which closing calls.
        self.sent = plain_label()
        self.sent.setWordWrap(True)
        self.error = ErrorLabel()
        self.receivers = ReceiversModel(self)
        table = QTableView()
        table.setModel(self.receivers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(110)
        self.table = table
        grid = QGridLayout()
        grid.addWidget(plain_label(self.tr("发给")), 0, 0)
        grid.addWidget(self.receiver, 0, 1, 1, 2)
        grid.addWidget(plain_label(self.tr("写到")), 1, 0)
        grid.addWidget(self.folder, 1, 1)
        grid.addWidget(browse, 1, 2)
        grid.setColumnStretch(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        body = QVBoxLayout()
        body.addLayout(grid)
        body.addWidget(
            plain_label(self.tr("每次导出都带上对方还没有确认收到的全部修改，U盘丢了也不要紧。"))
        )
        body.addWidget(self.export_button)
        body.addWidget(self.progress)
        body.addWidget(self.sent)
        body.addWidget(self.error)
        body.addWidget(plain_label(self.tr("已发出的批次与对方的确认：")))
        body.addWidget(table)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(body))
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(640, 420))
        self._update_button()
        # A station's first look at its identity makes its keys: through the writer.
        self.tasks.write(lambda: identity.identity(store).station, self._known_self, self.error)

    def _known_self(self, own: str) -> None:
        self.own = own
        self.refresh()

    def refresh(self) -> None:
        self.tasks.read(lambda: sync.status(self.store), self._show_status, self.error)

    def _show_status(self, state: sync.SyncStatus) -> None:
        # The station above first: it is where a village's batches always go.
        sent = sorted(state.sent, key=lambda s: (not self.own.startswith(s.to), s.to))
        chosen = self.receiver.currentData()
        self.receiver.clear()
        for s in sent:
            self.receiver.addItem(station_text(s.to, s.name), s.to)
        if chosen:
            self.receiver.setCurrentIndex(max(self.receiver.findData(chosen), 0))
        self.receivers.set_sent(sent, self.own)
        if not sent:
            self.error.show_text(i18n.message("not_enrolled"))
        self._update_button()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("导出到"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def export(self) -> None:
        folder, to = Path(self.folder.text().strip()), self.receiver.currentData()
        if not folder.is_dir():
            self.error.show_text(self.tr("找不到这个文件夹，U盘插好了吗？"))
            return
        out = batch_path(folder, self.own, to, datetime.now())
        self.error.clear_text()
        self.sent.clear()
        self.export_button.setEnabled(False)
        self.progress.show()
        self.tasks.write(
            lambda: sync.export(self.store, out, to),
            self._exported,
            self.error,
            ended=self._export_ended,
            changes=Changes.of(SYNC),  # a new batch sent, waiting for its acknowledgement
        )

    def _export_ended(self) -> None:
        self.progress.hide()
        self._update_button()

    def _exported(self, done: sync.ExportResult) -> None:
        text = self.tr("第 %1 批已写到 %2\n含 %3 条修改。")
        text = text.replace("%1", str(done.seq)).replace("%2", done.file)
        text = text.replace("%3", str(done.changes))
        if done.carried:
            text += self.tr("另原样转带下级的 %1 批。").replace("%1", str(done.carried))
        if done.left:
            left = self.tr("还有 %1 条修改一个文件装不下：对方回传确认后再导出下一批。")
            text += "\n" + left.replace("%1", str(done.left))
        self.sent.setText(text)
        self.refresh()
        self.exported.emit(done)

    def _update_button(self) -> None:
        ready = bool(self.folder.text().strip()) and self.receiver.count() > 0
        self.export_button.setEnabled(ready and self.progress.isHidden())
