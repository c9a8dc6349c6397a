"""A read-only table of small records (family members, assistance) that a form edits."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt

from .rows_model import RowsModel


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
        """Replace the record at `row`, or add it at the end when `row` is None."""
        rows = list(self._rows)
        if row is None:
            rows.append(record)
        else:
            rows[row] = record
        self.set_rows(rows)

    def remove(self, row: int) -> None:
        self.set_rows(r for i, r in enumerate(self._rows) if i != row)

    def mark(self, rows: set[int]) -> None:
        """Rows with a problem are shown in red until the records change."""
        self._marked = set(rows)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self._headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.ForegroundRole])

    def brush(self, record, row: int) -> Qt.GlobalColor | None:
        return Qt.GlobalColor.red if row in self._marked else None
