"""Photos of a visit: the list in the visit form (add, view, remove) and the viewer.

A picked file is read into memory and handed to the store, where it is kept encrypted; a photo
is shown from memory, never through a temporary file, so nothing readable is left on disk.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
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
    QWidget,
)

from ...core.errors import CoreError, FieldProblem
from ...core.services.visits import PhotoFile, VisitPhoto, Visits, read_photo
from .. import i18n
from ..tasks import Tasks
from ..widgets import fit_to_screen

Photo = PhotoFile | VisitPhoto  # picked now, or stored with the version being corrected
# A photo is shown no larger than this: a phone's 12-megapixel photo is 48 MB as pixels.
SHOWN_SIDE = 1600
LIST_ROWS = 3


def pick_photo_files(parent: QWidget) -> list[Path]:
    """The files the officer picks in the system's file dialog."""
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("PhotoList", "添加照片"),
        "",
        QCoreApplication.translate("PhotoList", "照片 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"),
    )
    return [Path(name) for name in names]


def photo_title(photo: Photo) -> str:
    """The file's name as it was picked, and its size: "厨房.jpg（2.3 MB）"."""
    if isinstance(photo, PhotoFile):
        return i18n.bracket(photo.name, i18n.size_text(len(photo.data)))
    return i18n.bracket(photo.taken_name, i18n.size_text(photo.size))


def load_image(visits: Visits, photo: Photo) -> QImage:
    """On a worker thread: the photo's bytes (from the store when saved), decoded and shrunk
    to what a screen shows."""
    data = photo.data if isinstance(photo, PhotoFile) else visits.photo_data(photo.uuid)
    image = QImage.fromData(data)
    if not image.isNull() and max(image.width(), image.height()) > SHOWN_SIDE:
        image = image.scaled(
            SHOWN_SIDE,
            SHOWN_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


class PhotoList(QWidget):
    """The photos of the visit being written: those of the version being corrected first,
    then the ones added now. Taking off a stored photo leaves it on the old version."""

    problem = Signal(str)  # why picked files were not added; "" when all were

    def __init__(
        self, visits: Visits, tasks: Tasks, kept: Sequence[VisitPhoto] = (), parent=None
    ) -> None:
        super().__init__(parent)
        self.visits = visits
        self.tasks = tasks
        self.viewer: PhotoViewer | None = None
        self._photos: list[Photo] = []
        self._dropped: list[str] = []
        self.list = QListWidget()
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * (LIST_ROWS + 1) + 8)
        # A phone's long file name is cut in the middle, keeping its end and the size in view;
        # the whole name is in the tooltip.
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemDoubleClicked.connect(self.view)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("添加照片…"))
        self.view_button = QPushButton(self.tr("查看"))
        self.remove_button = QPushButton(self.tr("移除"))
        buttons = QVBoxLayout()
        for button, action in (
            (self.add_button, self.pick),
            (self.view_button, self.view),
            (self.remove_button, self.remove),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(action)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        for photo in kept:
            self._append(photo)
        self._update_buttons()

    def photos(self) -> list[Photo]:
        return list(self._photos)

    def new_files(self) -> list[PhotoFile]:
        return [p for p in self._photos if isinstance(p, PhotoFile)]

    def dropped(self) -> list[str]:
        """The stored photos taken off: the corrected version does not show them."""
        return list(self._dropped)

    def pick(self) -> None:
        self.add_files(pick_photo_files(self))

    def add_files(self, paths: Sequence[Path]) -> None:
        problems = []
        for path in paths:
            found = read_photo(path)
            if isinstance(found, FieldProblem):
                problems.append(i18n.problem_text(found))
            else:
                self._append(found)
        self.problem.emit("\n".join(problems))

    def view(self, *_args) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.viewer = PhotoViewer(self.visits, self.tasks, self._photos, row, self)
        self.viewer.open()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        photo = self._photos.pop(row)
        if isinstance(photo, VisitPhoto):
            self._dropped.append(photo.uuid)
        self.list.takeItem(row)
        self._update_buttons()

    def _append(self, photo: Photo) -> None:
        self._photos.append(photo)
        self.list.addItem(photo_title(photo))
        self.list.item(self.list.count() - 1).setToolTip(photo_title(photo))
        self.list.setCurrentRow(self.list.count() - 1)
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        chosen = self.list.currentRow() >= 0
        self.view_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)


class PhotoViewer(QDialog):
    """The photos of one visit, one at a time, fitted to the window."""

    shown = Signal()  # the chosen photo is on screen (or the words saying it cannot be)

    def __init__(
        self, visits: Visits, tasks: Tasks, photos: Sequence[Photo], current: int = 0, parent=None
    ) -> None:
        super().__init__(parent)
        self.visits = visits
        self.tasks = tasks
        self.photos = list(photos)
        self._image: QImage | None = None
        self.setWindowTitle(self.tr("走访照片"))
        self.names = QListWidget()
        self.names.addItems([photo_title(p) for p in self.photos])
        self.names.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.names.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for row, photo in enumerate(self.photos):
            self.names.item(row).setToolTip(photo_title(photo))
        self.names.setMaximumWidth(self.fontMetrics().horizontalAdvance("字") * 16)
        self.picture = QLabel()
        self.picture.setTextFormat(Qt.TextFormat.PlainText)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(480, 360)
        # Ignored: the pixmap follows the window's size instead of pushing the window larger.
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.names)
        row.addWidget(self.picture, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(900, 620))
        self.names.currentRowChanged.connect(self._load)
        self.names.setCurrentRow(min(max(current, 0), len(self.photos) - 1))

    def _load(self, row: int) -> None:
        if row < 0:
            return
        self._image = None
        self.picture.setPixmap(QPixmap())
        self.picture.setText(self.tr("正在打开…"))
        visits, photo = self.visits, self.photos[row]
        self.tasks.read(
            lambda: (row, load_image(visits, photo)),
            self._show,
            self._failed,
            ended=lambda: self._answered(row),
        )

    def _answered(self, row: int) -> None:
        # Whatever came back, 正在打开 is over: the answer below replaces these words.
        if row == self.names.currentRow():
            self.picture.setText(self.tr("无法显示这张照片"))

    def _show(self, found: tuple[int, QImage]) -> None:
        row, image = found
        if row != self.names.currentRow():
            return  # another photo was chosen meanwhile
        if not image.isNull():
            self._image = image
            self._fit()
        self.shown.emit()

    def _failed(self, error: CoreError) -> None:
        self.picture.setText(i18n.error_text(error))
        self.shown.emit()

    def _fit(self) -> None:
        if self._image is None:
            return
        pixmap = QPixmap.fromImage(self._image).scaled(
            self.picture.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.picture.setPixmap(pixmap)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()
