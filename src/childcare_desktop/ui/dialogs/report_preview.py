"""Preview of a printed report: its pages on screen, then print or save the PDF.

PySide6-Essentials has no QtPdf, so pages are drawn to images by PDFium (pypdfium2), and only
the pages scrolled into view: a roster of ten thousand children has hundreds of pages.
`make_and_preview` makes the report in the background first, with a busy indicator.

The report is made and shown from memory: a PDF of a child's file written to a temporary folder
would stay there, in plaintext, if the program were killed while it is on screen. Only the
officer's own 另存为 and the printer put it anywhere.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import CoreError
from .. import i18n
from ..tasks import Tasks
from ..widgets import fit_to_screen

SCREEN_DPI = 96
PRINT_DPI = 300  # enough for small Chinese print; more only makes the job slower


def page_image(document: pdfium.PdfDocument, index: int, dpi: int) -> QImage:
    bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True)
    image = QImage(
        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
    )
    return image.copy()  # the bitmap's memory goes when `bitmap` does


class ReportPreview(QDialog):
    """Shows the pages of `pdf` (the PDF's bytes); the officer prints them or saves the file
    where they choose."""

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.setWindowTitle(title)
        self._document: pdfium.PdfDocument | None = pdfium.PdfDocument(pdf)
        self._pages: list[QLabel] = []
        self._drawn: set[int] = set()

        column = QWidget()
        pages = QVBoxLayout(column)
        pages.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for index in range(len(self._document)):
            width, height = self._document[index].get_size()
            label = QLabel()
            label.setFixedSize(int(width * SCREEN_DPI / 72), int(height * SCREEN_DPI / 72))
            label.setStyleSheet("background: white; border: 1px solid #999;")
            pages.addWidget(label)
            self._pages.append(label)
        self.scroll = QScrollArea()
        self.scroll.setWidget(column)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.verticalScrollBar().valueChanged.connect(self._draw_visible)

        self.count = QLabel(self.tr("共 %n 页", "", len(self._pages)))
        self.print_button = QPushButton(self.tr("打印(&P)…"))
        self.save_button = QPushButton(self.tr("另存为(&S)…"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.print_button.clicked.connect(self.print_pages)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        # An A4 page's width and most of its height; less on a smaller screen.
        fit_to_screen(self, QSize(900, 1000))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._draw_visible()

    def page_count(self) -> int:
        return len(self._pages)

    def drawn_pages(self) -> set[int]:
        return set(self._drawn)

    def _draw_visible(self) -> None:
        if self._document is None:  # closed: a late scroll draws nothing
            return
        top = self.scroll.verticalScrollBar().value()
        seen = QRect(0, top, 1 << 20, self.scroll.viewport().height())
        for index, label in enumerate(self._pages):
            if index not in self._drawn and label.geometry().intersects(seen):
                label.setPixmap(QPixmap.fromImage(page_image(self._document, index, SCREEN_DPI)))
                self._drawn.add(index)

    def save_as(self) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存报表"), f"{self.windowTitle()}.pdf", self.tr("PDF 文件 (*.pdf)")
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        target.write_bytes(self.pdf)
        return target

    def print_pages(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Each page as an image fitted to the printer's page, keeping its proportions."""
        dpi = min(printer.resolution(), PRINT_DPI)
        painter = QPainter(printer)
        try:
            for index in range(len(self._pages)):
                if index:
                    printer.newPage()
                image = page_image(self._document, index, dpi)
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(area.x(), area.y(), size.width(), size.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(area)
        finally:
            painter.end()

    def done(self, result: int) -> None:
        self.release()
        super().done(result)

    def closeEvent(self, event) -> None:
        # A dialog closed without being shown (or by its owner) never passes through done().
        self.release()
        super().closeEvent(event)

    def release(self) -> None:
        """Close the PDF document (its pages with it); the dialog shows nothing more."""
        if self._document is not None:
            self._document.close()
            self._document = None


def make_and_preview(
    parent: QWidget, tasks: Tasks, title: str, make: Callable[[BinaryIO], object]
) -> None:
    """Run `make(out)` (a Reports call) off the GUI thread into memory, then preview it."""
    pdf = io.BytesIO()
    busy = QProgressDialog(
        QCoreApplication.translate("ReportPreview", "正在生成报表…"),
        QCoreApplication.translate("ReportPreview", "取消"),
        0,
        0,
        parent,
    )
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(300)

    cancelled: list[bool] = []

    def ended() -> None:
        cancelled.append(busy.wasCanceled())  # read first: closing the dialog counts as cancelling
        busy.close()

    def done(_result: object) -> None:
        if not cancelled[0]:
            ReportPreview(pdf.getvalue(), title, parent).open()

    def failed(error: CoreError) -> None:
        QMessageBox.warning(parent, title, i18n.error_text(error))

    tasks.read(lambda: make(pdf), done, failed, ended=ended)
