"""The rows of a ledger preview: Excel row number, name, ID number and problems, bad rows marked."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from ...core.roster.mapping import Mapping
from ...core.roster.rows import LedgerRow
from ...core.roster.values import text

COL_ROW, COL_NAME, COL_ID, COL_PROBLEMS = range(4)
COLUMN_COUNT = 4
BadRole = Qt.ItemDataRole.UserRole + 1  # True for a row that will not be imported

BAD_BACKGROUND = QBrush(QColor("#fbdada"))
WARNING_BACKGROUND = QBrush(QColor("#fff4cc"))


class LedgerModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[_Line] = []
        self._shown: list[_Line] = []
        self._only_bad = False

    def set_rows(self, rows: tuple[LedgerRow, ...], mapping: Mapping) -> None:
        # The cells as the officer typed them, not the values read from them: a number Excel
        # mangled must be seen as it is in the file to be found and fixed there.
        name_at = _column_of(mapping, "name")
        id_at = _column_of(mapping, "id_number")
        self.beginResetModel()
        self._all = [_Line(r, _cell(r, name_at), _cell(r, id_at)) for r in rows]
        self._shown = self._filtered()
        self.endResetModel()

    def set_only_bad(self, only_bad: bool) -> None:
        self.beginResetModel()
        self._only_bad = only_bad
        self._shown = self._filtered()
        self.endResetModel()

    def row_record(self, row: int) -> LedgerRow | None:
        return self._shown[row].row if 0 <= row < len(self._shown) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
            return _headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        line = self._shown[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(line.row.row), line.name, line.id_number, line.problems)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_PROBLEMS:
            return line.problems or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.bad:
                return BAD_BACKGROUND
            return WARNING_BACKGROUND if line.problems else None
        if role == Qt.ItemDataRole.DecorationRole and column == COL_ROW:
            return _icon(line)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == BadRole:
            return line.bad
        return None

    def _filtered(self) -> list[_Line]:
        return [line for line in self._all if line.bad] if self._only_bad else list(self._all)


class _Line:
    """A row with its texts worked out once: a ledger may have thousands of rows."""

    __slots__ = ("bad", "id_number", "name", "problems", "row")

    def __init__(self, row: LedgerRow, name: str, id_number: str) -> None:
        self.row = row
        self.name = name
        self.id_number = id_number
        self.problems = "；".join(
            f"{p.column}：{p.message}" if p.column else p.message for p in row.problems
        )
        self.bad = not row.ok


def _column_of(mapping: Mapping, field: str) -> int | None:
    return next((c.index for c in mapping.columns if c.field == field), None)


def _cell(row: LedgerRow, at: int | None) -> str:
    return text(row.cells[at]) if at is not None and at < len(row.cells) else ""


def _icon(line: _Line):
    if not line.problems:
        return None
    kind = QStyle.StandardPixmap
    pixmap = kind.SP_MessageBoxCritical if line.bad else kind.SP_MessageBoxWarning
    return QApplication.style().standardIcon(pixmap)


def _headers() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("LedgerModel", "行号"),
        QCoreApplication.translate("LedgerModel", "姓名"),
        QCoreApplication.translate("LedgerModel", "身份证号码"),
        QCoreApplication.translate("LedgerModel", "问题"),
    )
