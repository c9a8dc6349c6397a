"""The one skeleton of every small list: frozen records in rows; a subclass names its columns
and the texts, colour and child of one record."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

UuidRole = Qt.ItemDataRole.UserRole + 1  # the uuid of the row's child
RecordRole = Qt.ItemDataRole.UserRole + 2  # the record itself


class RowsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cells(self, record) -> list[str]:
        raise NotImplementedError

    def brush(self, record, row: int) -> QBrush | None:
        return None

    def child_of(self, record) -> str | None:
        return None

    def set_rows(self, rows: Iterable) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: Iterable) -> None:
        """Add records below the others: the rows shown, their selection and the scroll stay."""
        added = list(rows)
        if not added:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
        self._rows.extend(added)
        self.endInsertRows()

    def records(self) -> tuple:
        return tuple(self._rows)

    def row_record(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        headers = self.headers()
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(headers):
            return headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells(record)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.brush(record, index.row())
        if role == UuidRole:
            return self.child_of(record)
        if role == RecordRole:
            return record
        return None
