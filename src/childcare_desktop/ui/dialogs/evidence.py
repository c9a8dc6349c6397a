"""证明材料 of one submission: the list, a file attached (at the village that submitted it), a
picture shown in the window from memory, a file saved out (a PDF is read in a PDF reader).

Entry point for the review view: `EvidenceDialog(store, tasks, submission_id, can_attach,
parent).open()`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from ...core.errors import CoreError, ValidationFailed
from ...core.services import evidence
from ...core.services.evidence import Evidence
from ...core.storage.store import Store
from .. import i18n
from ..tasks import Tasks
from ..widgets import fit_to_screen
from .visit_photos import SHOWN_SIDE


def _picture(data: bytes) -> QImage:
    """On a worker thread: the picture decoded and shrunk to what a screen shows."""
    image = QImage.fromData(data)
    if not image.isNull() and max(image.width(), image.height()) > SHOWN_SIDE:
        image = image.scaled(
            SHOWN_SIDE,
            SHOWN_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


class EvidenceDialog(QDialog):
    """The files attached to one submission."""

    listed = Signal()  # the list is on screen
    shown = Signal()  # the chosen file is shown (or the words saying why not)
    saved = Signal(str)  # a file was written out

    def __init__(
        self, store: Store, tasks: Tasks, submission: str, can_attach: bool, parent=None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.submission = submission
        self._files: list[Evidence] = []
        self._wanted: str | None = None
        self.setWindowTitle(self.tr("证明材料"))
        self.names = QListWidget()
        self.names.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.names.setMaximumWidth(self.fontMetrics().horizontalAdvance("字") * 18)
        self.names.currentRowChanged.connect(self._load)
        self.picture = QLabel()
        self.picture.setTextFormat(Qt.TextFormat.PlainText)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setWordWrap(True)
        self.picture.setMinimumSize(360, 270)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.attach_button = QPushButton(self.tr("添加证明材料…"))
        self.attach_button.clicked.connect(self.attach)
        self.save_button = QPushButton(self.tr("另存为…"))
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox()
        buttons.addButton(self.attach_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.attach_button.setVisible(can_attach)  # after the box, which shows what it takes
        for button in buttons.buttons():
            button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.names)
        row.addWidget(self.picture, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(860, 560))
        self._update_buttons()
        self.refresh()

    def refresh(self) -> None:
        store, submission = self.store, self.submission
        self.tasks.read(lambda: evidence.list_for(store, submission), self._listed, self._said)

    def attach(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("添加证明材料"),
            "",
            self.tr("图片或 PDF (*.jpg *.jpeg *.png *.pdf *.JPG *.JPEG *.PNG *.PDF)"),
        )
        if not chosen:
            return
        store, submission = self.store, self.submission
        self.status.setText(self.tr("正在添加…"))
        self.tasks.write(
            lambda: evidence.attach(store, submission, Path(chosen)), self._attached, self._said
        )

    def save(self) -> None:
        found = self._chosen()
        if found is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存证明材料"), found.name, self.tr("所有文件 (*)")
        )
        if not chosen:
            return
        store, out = self.store, Path(chosen)
        self.tasks.read(
            lambda: evidence.save(store, found.id, out),
            lambda _size: self._saved(out),
            self._said,
        )

    def _listed(self, files: list[Evidence]) -> None:
        wanted = self._wanted or getattr(self._chosen(), "id", None)
        self._wanted = None
        self._files = files
        self.names.blockSignals(True)
        self.names.clear()
        for found in files:
            self.names.addItem(i18n.bracket(found.name, i18n.size_text(found.size)))
            self.names.item(self.names.count() - 1).setToolTip(found.name)
        self.names.blockSignals(False)
        if not files:
            self.picture.setText(self.tr("还没有证明材料"))
        ids = [f.id for f in files]
        self.names.setCurrentRow(ids.index(wanted) if wanted in ids else len(files) - 1)
        self._update_buttons()
        self.listed.emit()

    def _attached(self, found: Evidence) -> None:
        self.status.setText(self.tr("已添加：") + found.name)
        self._wanted = found.id  # chosen once the list is read again
        self.refresh()

    def _saved(self, out: Path) -> None:
        self.status.setText(self.tr("已保存：") + str(out))
        self.saved.emit(str(out))

    def _said(self, error: CoreError) -> None:
        if isinstance(error, ValidationFailed):
            self.status.setText("\n".join(i18n.problem_text(p) for p in error.problems))
        else:
            self.status.setText(i18n.error_text(error))

    def _chosen(self) -> Evidence | None:
        row = self.names.currentRow()
        return self._files[row] if 0 <= row < len(self._files) else None

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self._chosen() is not None)

    def _load(self, _row: int) -> None:
        self._update_buttons()
        found = self._chosen()
        if found is None:
            return
        self.picture.setPixmap(QPixmap())
        if found.media_type == "application/pdf":
            self.picture.setText(self.tr("PDF 文件：请点“另存为…”后用 PDF 阅读器打开"))
            self.shown.emit()
            return
        self.picture.setText(self.tr("正在打开…"))
        store = self.store
        self.tasks.read(
            lambda: (found.id, _picture(evidence.content(store, found.id))),
            self._show,
            self._not_shown,
        )

    def _show(self, result: tuple[str, QImage]) -> None:
        shown_id, image = result
        found = self._chosen()
        if found is None or found.id != shown_id:
            return
        if image.isNull():
            self.picture.setText(self.tr("无法显示这张图片"))
        else:
            self.picture.setPixmap(
                QPixmap.fromImage(image).scaled(
                    self.picture.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.shown.emit()

    def _not_shown(self, error: CoreError) -> None:
        self.picture.setText(i18n.error_text(error))
        self.shown.emit()
