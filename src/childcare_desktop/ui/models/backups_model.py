"""The backups beside the store: when, why, how big; newest first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ...core.services.safety import BackupInfo
from .. import i18n
from .rows_model import RowsModel

COL_TIME, COL_REASON, COL_SIZE = range(3)


def reason_words() -> dict[str, str]:
    return {
        "daily": QCoreApplication.translate("BackupsModel", "每日自动"),
        "manual": QCoreApplication.translate("BackupsModel", "手动"),
        "before-import": QCoreApplication.translate("BackupsModel", "导入前"),
        "before-restore": QCoreApplication.translate("BackupsModel", "恢复前"),
        "before-migration": QCoreApplication.translate("BackupsModel", "升级前"),
    }


class BackupsModel(RowsModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers = [
            QCoreApplication.translate("BackupsModel", "备份时间"),
            QCoreApplication.translate("BackupsModel", "原因"),
            QCoreApplication.translate("BackupsModel", "大小"),
        ]
        self._reasons = reason_words()

    def headers(self) -> list[str]:
        return self._headers

    def cells(self, b: BackupInfo) -> list[str]:
        return [
            b.made_at.strftime("%Y-%m-%d %H:%M:%S"),
            self._reasons.get(b.reason, b.reason),
            i18n.size_text(b.size),
        ]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)
