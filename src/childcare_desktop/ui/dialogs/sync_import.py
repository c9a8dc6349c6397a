"""Import: received batch files chosen or dropped on the window, checked and applied in the
background, with the result of every file in plain words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ...core.services import sync
from ..models.sync_models import ImportResultsModel
from ..tasks import EVERYTHING, Tasks
from ..widgets import ErrorLabel, fit_to_screen, plain_label


def _local_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    return [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]


class ImportDialog(QDialog):
    imported = Signal(object)  # tuple[sync.FileResult, ...] of one run

    def __init__(self, store, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.waiting: list[Path] = []
        self.running = False
        self.setWindowTitle(self.tr("导入同步文件"))
        self.setAcceptDrops(True)
        self.choose_button = QPushButton(self.tr("选择文件……"))
        self.choose_button.clicked.connect(self.choose_files)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # checked and applied in one call: a busy bar meanwhile
        self.progress.hide()
        self.working = plain_label()
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.error = ErrorLabel()
        self.results = ImportResultsModel(self)
        self.table = QTableView()
        self.table.setModel(self.results)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("把U盘里的同步文件拖到这个窗口，或者")))
        top.addWidget(self.choose_button)
        top.addStretch()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(
            plain_label(
                self.tr("每个文件先整份核对签名和内容，无误才导入；有问题的文件一条也不导入。")
            )
        )
        layout.addWidget(self.working)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(900, 420))

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择同步文件"), "", self.tr("同步文件 (*.ccsync);;所有文件 (*)")
        )
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        """Files dropped while an import runs wait for it: one writer at a time."""
        self.waiting.extend(paths)
        if not self.running:
            self._start()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = _local_files(event)
        if files:
            event.acceptProposedAction()
            self.add_files(files)

    def _start(self) -> None:
        if not self.waiting:
            return
        batch, self.waiting = self.waiting, []
        self.running = True
        self.error.clear_text()
        self.working.setText(self.tr("正在核对并导入 %1 个文件……").replace("%1", str(len(batch))))
        self.progress.show()
        self.choose_button.setEnabled(False)
        self.tasks.write(
            lambda: sync.import_files(self.store, batch),
            self._done,
            self.error,
            ended=self._stopped,
            changes=EVERYTHING,
        )

    def _done(self, results: tuple[sync.FileResult, ...]) -> None:
        self.results.append_rows(results)
        counts = {s: 0 for s in ("applied", "duplicate", "rejected", "quarantined")}
        for r in self.results.records():
            counts[r.status] += 1
        text = self.tr("导入 %1 个，已导入过 %2 个，拒收 %3 个，隔离 %4 个。")
        for n, status in enumerate(("applied", "duplicate", "rejected", "quarantined"), start=1):
            text = text.replace(f"%{n}", str(counts[status]))
        self.summary.setText(text)
        # Columns sized to their contents are sized again when a list is reset, not when rows
        # are added below the others: without this, the file's name showed as "4…". The last
        # (说明) keeps the rest of the width, where a long reason wraps.
        for column in range(self.results.columnCount() - 1):
            self.table.resizeColumnToContents(column)
        self.table.resizeRowsToContents()
        self.imported.emit(tuple(results))
        self._start()

    def _stopped(self) -> None:
        self.running = False
        self.progress.hide()
        self.working.clear()
        self.choose_button.setEnabled(True)
