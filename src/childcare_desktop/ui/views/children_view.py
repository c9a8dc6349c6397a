"""The list of children with its search box and filters; searching runs off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.domain import vocab
from ...core.domain.categories import CATEGORY_CODES
from ...core.services.children import ChildQuery, Children
from .. import i18n
from ..models import children_model as cm
from ..models.children_model import (
    COL_CATEGORIES,
    COL_NAME,
    PAGE_SIZE,
    ChildrenModel,
    UuidRole,
)
from ..tasks import CHILDREN, CONCERNS, POLICY, VISITS, Changes, Tasks
from ..widgets import CodeCombo, plain_label

# Long enough that a fast typist's keystrokes make one query, short enough to feel immediate.
SEARCH_DELAY_MS = 150
COLUMN_SAMPLES = {
    cm.COL_NAME: "欧阳晓明明",
    cm.COL_SEX: "性别",
    cm.COL_AGE: "年龄",
    cm.COL_GUARDIANSHIP: "无人监护",
    cm.COL_RISK: "风险",
    cm.COL_VILLAGE: "新陂村村委会",
    cm.COL_ID: "4414************9X",
    cm.COL_PHONE: "138****1234",
    cm.COL_LAST_VISIT: "2026-11-25",
    cm.COL_NEXT_DUE: "2026-11-25",
}


# The columns that show a code's words: the widest word in the language in use sets the width.
CODED_COLUMNS = {
    cm.COL_SEX: [("sex", code) for code in vocab.SEXES],
    cm.COL_GUARDIANSHIP: [("guardianship", code) for code in (*vocab.GUARDIANSHIP, "")],
    cm.COL_RISK: [("risk", code) for code in vocab.RISKS],
}


class ChildrenView(QWidget):
    open_requested = Signal(str)
    current_changed = Signal()
    searched = Signal()  # a search finished and the list shows its result

    def __init__(self, children: Children, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.children = children
        self.tasks = tasks
        self._search_id = 0
        self._total: int | None = None  # children of the station: counted again after writes
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索：姓名、拼音或首字母（如 zxm）、身份证号"))
        self.search.setClearButtonEnabled(True)
        self.category = CodeCombo("category", CATEGORY_CODES, blank=self.tr("全部类别"))
        self.risk = CodeCombo("risk", vocab.RISKS, blank=self.tr("全部风险等级"))
        self.status = QComboBox()
        self.status.addItem(i18n.label("status", "active"), "active")
        self.status.addItem(i18n.label("status", "closed"), "closed")
        self.status.addItem(self.tr("全部（含已销档）"), "all")
        self.to_complete = QCheckBox(self.tr("只看待补充"))
        self.to_complete.setToolTip(
            self.tr("只列出还有信息待补充的档案（如导入台账时没读懂的内容）")
        )
        self.to_complete.toggled.connect(lambda _on: self.refresh())
        self.model = ChildrenModel(children, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_CATEGORIES, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self._size_columns()
        self.count = plain_label()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._focus_list)
        self.search.installEventFilter(self)
        for combo in (self.category, self.risk, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.current_changed.emit()
        )
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for combo in (self.category, self.risk, self.status):
            filters.addWidget(combo, 1)
        filters.addWidget(self.to_complete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        tasks.changed.connect(self._written)

    def _written(self, changes: Changes) -> None:
        """A write changed what the list shows (a file, its risk, its next visit): search again,
        keeping the child written selected."""
        if changes.touch(CHILDREN, VISITS, CONCERNS, POLICY):
            self.refresh(changes.only_child(), recount=True)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_columns()

    def _size_columns(self) -> None:
        """Widths from typical contents, the header and the words of coded columns in the
        language in use: measuring every row would not scale to a county."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        for column, sample in COLUMN_SAMPLES.items():
            texts = [sample, self.model.headerData(column, Qt.Orientation.Horizontal) or ""]
            texts += [i18n.label(kind, code) for kind, code in CODED_COLUMNS.get(column, ())]
            widest = max(metrics.horizontalAdvance(text) for text in texts)
            header.resizeSection(column, widest + 24)

    def query(self) -> ChildQuery:
        return ChildQuery(
            self.search.text(),
            self.category.code(),
            self.risk.code(),
            self.status.currentData(),
            to_complete=self.to_complete.isChecked(),
        )

    def refresh(self, keep: str | None = None, recount: bool = False) -> None:
        """Search again. A new search (other words typed, another filter) starts at its first
        match; the same search asked again (after a write) keeps `keep`, or else the current
        child, selected if still listed. The station's total is counted again after a write
        (`recount`, or a `keep`). The count and the rows are read side by side, on two
        connections, and shown together."""
        self._timer.stop()
        recount = recount or keep is not None or self._total is None
        known_total = self._total
        self._search_id += 1
        search_id, query = self._search_id, self.query()
        if keep is None and query == self.model.query:
            keep = self.current_uuid()
        children = self.children

        def rows() -> tuple:
            pages = {0: children.page(query, 0, PAGE_SIZE)}
            position = next((i for i, r in enumerate(pages[0]) if r.uuid == keep), -1)
            if keep and position < 0:
                position = children.position(query, keep)
                if position >= PAGE_SIZE:
                    number = position // PAGE_SIZE
                    pages[number] = children.page(query, number * PAGE_SIZE, PAGE_SIZE)
            total = children.count() if recount else known_total
            return pages, position, total

        # The callbacks close over `self`, so an answer for a view closed meanwhile is dropped.
        answers: dict[str, object] = {}
        self.tasks.read(rows, lambda found: self._arrived(search_id, answers, "rows", found))
        self.tasks.read(
            lambda: (query, children.count_matching(query)),
            lambda counted: self._arrived(search_id, answers, "count", counted),
        )

    def current_uuid(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(UuidRole) if index.isValid() else None

    def current_row(self):
        index = self.table.currentIndex()
        return self.model.row_record(index.row()) if index.isValid() else None

    def eventFilter(self, watched, event) -> bool:
        is_key = watched is self.search and event.type() == QEvent.Type.KeyPress
        if is_key and event.key() == Qt.Key.Key_Down:
            self._focus_list()
            return True
        return super().eventFilter(watched, event)

    def _arrived(self, search_id: int, answers: dict, part: str, value) -> None:
        """One half of a search's answer; the other half completes it."""
        answers[part] = value
        if len(answers) == 2:
            query, count = answers["count"]
            self._show(search_id, query, count, *answers["rows"])

    def _show(self, search_id: int, query, count: int, pages, row: int, total: int) -> None:
        if search_id != self._search_id:  # a newer search is under way; this answer is stale
            return
        if self._total is None:
            # After the first answer, while the officer reads it: the two connections a search
            # reads on decrypt the list's index into their caches, so the first keystroke is
            # as quick as the others.
            for _ in range(2):
                self.tasks.read(self.children.warm_search, lambda _none: None)
        self._total = total
        self.model.set_result(query, count, pages)
        if row < 0 and count:
            row = 0
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, COL_NAME),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.count.setText(
            self.tr("显示 %1 名，本站共 %2 名儿童")
            .replace("%1", str(count))
            .replace("%2", str(total))
        )
        self.current_changed.emit()
        self.searched.emit()

    def _focus_list(self) -> None:
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, COL_NAME))

    def _activated(self, index) -> None:
        if index.isValid():
            self.open_requested.emit(index.data(UuidRole))
