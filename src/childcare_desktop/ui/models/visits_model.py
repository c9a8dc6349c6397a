"""The due list as a table: one row per child due for a visit, overdue ones in red."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...core.services.visits import DueRow
from .. import i18n

COL_NAME, COL_DUE, COL_STATUS, COL_REASON, COL_RISK, COL_LAST_VISIT = range(6)
COLUMN_COUNT = 6
UuidRole = Qt.ItemDataRole.UserRole + 1
OVERDUE = QBrush(QColor("#c00000"))


class DueModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[DueRow] = []

    def set_rows(self, rows: list[DueRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_record(self, row: int) -> DueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def record_of(self, uuid: str) -> DueRow | None:
        return next((r for r in self._rows if r.uuid == uuid), None)

    def uuids(self) -> list[str]:
        return [r.uuid for r in self._rows]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
            return [
                self.tr("姓名"),
                self.tr("应走访日期"),
                self.tr("状态"),
                self.tr("原因"),
                self.tr("风险"),
                self.tr("最近走访"),
            ][section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == UuidRole:
            return row.uuid
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "overdue":
            return OVERDUE
        return None

    def _text(self, row: DueRow, column: int) -> str:
        if column == COL_NAME:
            return row.name
        if column == COL_DUE:
            return row.due_date.isoformat()
        if column == COL_STATUS:
            return i18n.label("due_status", row.status)
        if column == COL_REASON:
            return reason_text(row.reason, row.interval_days)
        if column == COL_RISK:
            return i18n.label("risk", row.risk)
        if column == COL_LAST_VISIT:
            return row.last_visit.isoformat() if row.last_visit else ""
        return ""


def reason_text(reason: str, days: int | None) -> str:
    """ "孤儿，每30天": the rule that set the due date and its interval."""
    if not reason:
        return ""
    words = i18n.label("due_reason", reason)
    if days is None or reason in ("first_visit", "planned"):
        return words
    every = QCoreApplication.translate("DueModel", "每%1天").replace("%1", str(days))
    return f"{words}，{every}"
