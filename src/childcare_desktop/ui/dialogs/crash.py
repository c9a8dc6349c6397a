"""The one window an unexpected error shows: what happened, what to do, and where the log is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from ..widgets import plain_label


class CrashDialog(QDialog):
    def __init__(self, log: Path, parent=None) -> None:
        super().__init__(parent)
        self.log = log
        self.setWindowTitle(self.tr("程序出错了"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        said = plain_label(
            self.tr(
                "刚才的操作没有完成，程序遇到了意外的错误。已保存的档案不受影响。\n"
                "请再试一次；如果还出错，请把下面的记录文件交给技术支持"
                "（文件里没有儿童的个人信息）。"
            )
        )
        said.setWordWrap(True)
        self.path = plain_label(str(log))
        self.path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        self.folder_button = buttons.addButton(
            self.tr("打开记录所在的文件夹"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = buttons.addButton(
            self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setDefault(True)
        self.folder_button.clicked.connect(self.open_folder)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(said)
        layout.addWidget(self.path)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("字") * 32)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log.parent)))
