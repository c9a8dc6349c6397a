"""The backups beside the store: when, why, how big; newest first."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ...core.services.safety import BackupInfo

COL_TIME, COL_REASON, COL_SIZE = range(3)


def reason_words() -> dict[str, str]:
    return {
        "daily": QCoreApplication.translate("BackupsModel", "每日自动"),
        "manual": QCoreApplication.translate("BackupsModel", "手动"),
        "before-import": QCoreApplication.translate("BackupsModel", "导入前"),
        "before-restore": QCoreApplication.translate("BackupsModel", "恢复前"),
        "before-migration": QCoreApplication.translate("BackupsModel", "升级前"),
    }


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return QCoreApplication.translate("BackupsModel", "%1 KB").replace(
            "%1", str(max(1, round(size / 1024)))
        )
    return QCoreApplication.translate("BackupsModel", "%1 MB").replace(
        "%1", f"{size / (1024 * 1024):.1f}"
    )


class BackupsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers = [
            QCoreApplication.translate("BackupsModel", "备份时间"),
            QCoreApplication.translate("BackupsModel", "原因"),
            QCoreApplication.translate("BackupsModel", "大小"),
        ]
        self._reasons = reason_words()
        self._backups: list[BackupInfo] = []

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.beginResetModel()
        self._backups = list(backups)
        self.endResetModel()

    def backup(self, row: int) -> BackupInfo:
        return self._backups[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._backups)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        b = self._backups[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == COL_TIME:
            return b.made_at.strftime("%Y-%m-%d %H:%M:%S")
        if index.column() == COL_REASON:
            return self._reasons.get(b.reason, b.reason)
        return size_text(b.size)
