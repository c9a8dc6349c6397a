"""What an empty workbench says: no child's file yet, how to begin, and the buttons that do it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..widgets import plain_label


class StartPanel(QWidget):
    def __init__(self, import_action: QAction, new_action: QAction, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("start_panel")
        heading = plain_label(self.tr("还没有儿童档案"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        how = plain_label(
            self.tr(
                "可以这样开始：\n"
                "• 村里已有 Excel 台账的，导入台账：先看到每一行能否导入、哪里有错，"
                "确认后才写入；\n"
                "• 没有台账的，一份一份新建档案。\n"
                "有了档案，这里会列出逾期和将到期的走访、未结的强制报告。"
            )
        )
        how.setWordWrap(True)
        self.import_button = QPushButton(self.tr("导入台账……"))
        self.import_button.setObjectName("start_import")
        self.new_button = QPushButton(self.tr("新建档案"))
        self.new_button.setObjectName("start_new")
        self.import_button.clicked.connect(import_action.trigger)
        self.new_button.clicked.connect(new_action.trigger)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(heading)
        layout.addWidget(how)
        layout.addLayout(buttons)
        layout.addStretch(1)
