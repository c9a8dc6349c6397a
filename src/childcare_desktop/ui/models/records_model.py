"""A read-only table of small records (family members, assistance) that a form edits."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush

from .rows_model import RowsModel

# A brush, as Qt asks of a colour role (a bare Qt.GlobalColor is not one).
MARKED = QBrush(Qt.GlobalColor.red)


class RecordsModel(RowsModel):
    """Rows are frozen records; `cells` turns one into the texts of its columns."""

    def __init__(self, headers: Sequence[str], cells: Callable[[object], list[str]], parent=None):
        super().__init__(parent)
        self._headers = list(headers)
        self._cells = cells
        self._marked: set[int] = set()

    def headers(self) -> list[str]:
        return self._headers

    def cells(self, record) -> list[str]:
        return self._cells(record)

    def set_rows(self, rows) -> None:
        self._marked.clear()
        super().set_rows(rows)

    def put(self, row: int | None, record) -> None:
        """Replace the record at `row`, or add it at the end when `row` is None; the other rows
        and the selection stay where they are."""
        self._unmark()
        if row is None:
            self.append_rows([record])
            return
        self._rows[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))

    def remove(self, row: int) -> None:
        self._unmark()
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def mark(self, rows: set[int]) -> None:
        """Rows with a problem are shown in red until the records change."""
        self._marked = set(rows)
        self._repaint_marks()

    def _unmark(self) -> None:
        if self._marked:
            self._marked.clear()
            self._repaint_marks()

    def _repaint_marks(self) -> None:
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self._headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.ForegroundRole])

    def brush(self, record, row: int) -> QBrush | None:
        return MARKED if row in self._marked else None
