"""A read-only table of care records (concerns, wishes, referrals, review items), each row
carrying the uuid of its child and of its record."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

UuidRole = Qt.ItemDataRole.UserRole + 1  # the child's uuid, as in the due list
RecordRole = Qt.ItemDataRole.UserRole + 2  # the record itself


class CareModel(QAbstractTableModel):
    def __init__(
        self,
        headers: Sequence[str],
        cells: Callable[[object], list[str]],
        child_of: Callable[[object], str],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._cells = cells
        self._child_of = child_of
        self._records: list = []

    def set_records(self, records) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list:
        return list(self._records)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self._records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells(record)[index.column()]
        if role == UuidRole:
            return self._child_of(record)
        if role == RecordRole:
            return record
        return None
