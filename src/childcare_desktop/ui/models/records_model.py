"""A read-only table of small records (family members, assistance) that a form edits."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class RecordsModel(QAbstractTableModel):
    """Rows are frozen records; `cells` turns one into the texts of its columns."""

    def __init__(self, headers: Sequence[str], cells: Callable[[object], list[str]], parent=None):
        super().__init__(parent)
        self._headers = list(headers)
        self._cells = cells
        self._records: list = []
        self._marked: set[int] = set()

    def records(self) -> tuple:
        return tuple(self._records)

    def set_records(self, records) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._marked.clear()
        self.endResetModel()

    def mark(self, rows: set[int]) -> None:
        """Rows with a problem are shown in red until the records change."""
        self._marked = set(rows)
        if self._records:
            last = self.index(len(self._records) - 1, len(self._headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.ForegroundRole])

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._records)

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
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells(self._records[index.row()])[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.row() in self._marked:
            return Qt.GlobalColor.red
        return None
