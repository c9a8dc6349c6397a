"""The main list of children: holds only the uuids and fetches rows a page at a time."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...core.services.children import Children, ChildRow
from .. import i18n

COL_NAME, COL_SEX, COL_AGE, COL_CATEGORIES, COL_GUARDIANSHIP, COL_RISK = range(6)
COL_VILLAGE, COL_ID, COL_PHONE, COL_LAST_VISIT, COL_NEXT_DUE = range(6, 11)
COLUMN_COUNT = 11
UuidRole = Qt.ItemDataRole.UserRole + 1

PAGE_SIZE = 200
# A screen shows a page or two; a few more keep scrolling back and forth free of queries.
CACHED_PAGES = 16
OVERDUE = QBrush(QColor("#c00000"))
CLOSED = QBrush(QColor("#808080"))


class ChildrenModel(QAbstractTableModel):
    def __init__(self, children: Children, parent=None) -> None:
        super().__init__(parent)
        self._children = children
        self._uuids: list[str] = []
        self._pages: OrderedDict[int, dict[str, ChildRow]] = OrderedDict()
        self._today = children.today()

    def set_uuids(self, uuids: list[str]) -> None:
        self.beginResetModel()
        self._uuids = list(uuids)
        self._pages.clear()
        self._today = self._children.today()
        self.endResetModel()

    def uuids(self) -> list[str]:
        return self._uuids

    def row_of(self, uuid: str) -> int:
        try:
            return self._uuids.index(uuid)
        except ValueError:
            return -1

    def row_record(self, row: int) -> ChildRow | None:
        if not 0 <= row < len(self._uuids):
            return None
        page = self._page(row // PAGE_SIZE)
        return page.get(self._uuids[row])

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._uuids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
            return self._headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == UuidRole:
            return self._uuids[index.row()]
        row = self.row_record(index.row())
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status == "closed":
                return CLOSED
            if index.column() == COL_NEXT_DUE and row.next_due and row.next_due < self._today:
                return OVERDUE
        return None

    def _page(self, number: int) -> dict[str, ChildRow]:
        page = self._pages.get(number)
        if page is None:
            uuids = self._uuids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
            page = {row.uuid: row for row in self._children.rows(uuids)}
            self._pages[number] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def _text(self, row: ChildRow, column: int) -> str:
        if column == COL_NAME:
            return row.name
        if column == COL_SEX:
            return i18n.label("sex", row.sex) if row.sex else ""
        if column == COL_AGE:
            return "" if row.age is None else str(row.age)
        if column == COL_CATEGORIES:
            return "、".join(i18n.label("category", c) for c in row.categories)
        if column == COL_GUARDIANSHIP:
            return i18n.label("guardianship", row.guardianship)
        if column == COL_RISK:
            return i18n.label("risk", row.risk) if row.risk else ""
        if column == COL_VILLAGE:
            return row.village
        if column == COL_ID:
            return row.id_masked
        if column == COL_PHONE:
            return row.phone_masked
        if column == COL_LAST_VISIT:
            return _iso(row.last_visit)
        if column == COL_NEXT_DUE:
            return _iso(row.next_due)
        return None

    def _headers(self) -> list[str]:
        return [
            self.tr("姓名"),
            self.tr("性别"),
            self.tr("年龄"),
            self.tr("类别"),
            self.tr("监护情况"),
            self.tr("风险"),
            self.tr("村（居）"),
            self.tr("身份证号"),
            self.tr("联系电话"),
            self.tr("最近走访"),
            self.tr("下次走访"),
        ]


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""
