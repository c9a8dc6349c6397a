"""Settings of the windows: language (applies at the next start), font size and the idle lock
(at once)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QSpinBox, QVBoxLayout

from ..ui_settings import FONT_SIZES, IDLE_MINUTES, UiSettings
from ..widgets import FieldGrid, plain_label

# Each language is named in itself, so that a person who cannot read the other finds their own.
LANGUAGE_NAMES = (("zh", "中文"), ("en", "English"))


class SettingsDialog(QDialog):
    def __init__(self, current: UiSettings, parent=None) -> None:
        super().__init__(parent)
        self.current = current
        self.setWindowTitle(self.tr("设置"))
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(current.language), 0))
        self.font_size = QSpinBox()
        self.font_size.setRange(FONT_SIZES.start, FONT_SIZES.stop - 1)
        self.font_size.setSuffix(self.tr(" 磅"))
        self.font_size.setValue(current.font_size)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(IDLE_MINUTES.start, IDLE_MINUTES.stop - 1)
        self.idle_minutes.setSuffix(self.tr(" 分钟"))
        self.idle_minutes.setValue(current.idle_minutes)
        grid = FieldGrid()
        grid.add("language", self.tr("界面语言"), self.language)
        grid.add("font_size", self.tr("字号"), self.font_size)
        grid.add("idle_minutes", self.tr("无操作多久后锁定"), self.idle_minutes)
        self.restart_note = plain_label(self.tr("更换语言后，下次启动程序时生效。"))
        self.restart_note.setWordWrap(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.restart_note)
        layout.addWidget(buttons)

    def chosen(self) -> UiSettings:
        return UiSettings(
            language=self.language.currentData(),
            font_size=self.font_size.value(),
            idle_minutes=self.idle_minutes.value(),
        )
