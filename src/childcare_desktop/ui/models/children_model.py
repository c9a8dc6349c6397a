"""The main list of children: a query and its count; rows are fetched a page at a time.

At 100,000 children even the list of ids costs a tenth of a second per keystroke, so the model
holds no ids: the count and the first page come with the search, other pages as they scroll in.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...core.services.children import ChildQuery, Children, ChildRow
from .. import i18n
from .rows_model import UuidRole

COL_NAME, COL_SEX, COL_AGE, COL_CATEGORIES, COL_GUARDIANSHIP, COL_RISK = range(6)
COL_VILLAGE, COL_ID, COL_PHONE, COL_LAST_VISIT, COL_NEXT_DUE = range(6, 11)
COLUMN_COUNT = 11


PAGE_SIZE = 200
# A screen shows a page or two; a few more keep scrolling back and forth free of queries.
CACHED_PAGES = 16
_ROLES = frozenset(
    (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        UuidRole,
    )
)
OVERDUE = QBrush(QColor("#c00000"))
CLOSED = QBrush(QColor("#808080"))


class ChildrenModel(QAbstractTableModel):
    def __init__(self, children: Children, parent=None) -> None:
        super().__init__(parent)
        self._children = children
        self._query = ChildQuery()
        self._count = 0
        self._pages: OrderedDict[int, list[ChildRow]] = OrderedDict()
        self._today = children.today()

    def set_result(self, query: ChildQuery, count: int, pages: dict[int, list[ChildRow]]) -> None:
        """Show a search's answer: how many match, and the pages the search read with it (the
        first, and the one of the child kept selected, so showing it asks nothing more)."""
        self.beginResetModel()
        self._query, self._count = query, count
        self._pages.clear()
        self._pages.update(pages)
        self._today = self._children.today()
        self.endResetModel()

    @property
    def query(self) -> ChildQuery:
        """The search whose answer is shown."""
        return self._query

    def row_of(self, uuid: str) -> int:
        for number, page in self._pages.items():
            for offset, row in enumerate(page):
                if row.uuid == uuid:
                    return number * PAGE_SIZE + offset
        return self._children.position(self._query, uuid)

    def row_record(self, row: int) -> ChildRow | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
            return self._headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        # A painted cell is asked for about seven roles; most have no answer here, and saying
        # so before looking the row up spares most of the model's work in a paint.
        if role not in _ROLES or not index.isValid():
            return None
        row = self.row_record(index.row())
        if row is None:
            return None
        if role == UuidRole:
            return row.uuid
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status == "closed":
                return CLOSED
            if index.column() == COL_NEXT_DUE and row.next_due and row.next_due < self._today:
                return OVERDUE
        return None

    def _page(self, number: int) -> list[ChildRow]:
        page = self._pages.get(number)
        if page is None:
            page = self._children.page(self._query, number * PAGE_SIZE, PAGE_SIZE)
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
            return i18n.join(i18n.label("category", c) for c in row.categories)
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
