"""A titled table of one list of the visits work, with its count in the title."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QHeaderView, QTableView, QVBoxLayout

from .. import i18n

UuidRole = Qt.ItemDataRole.UserRole + 1


class TitledTable(QGroupBox):
    """`activated` gives the uuid of the row's child (Enter or double click)."""

    activated = Signal(str)

    def __init__(
        self, title: str, model: QAbstractItemModel, stretch: int = -1, parent=None
    ) -> None:
        super().__init__(parent)
        self._title = title
        self.model = model
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # The lists are short (a page at most), so columns fit their contents; one takes the rest.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        last = model.columnCount() - 1
        header.setSectionResizeMode(
            last if stretch < 0 else stretch, QHeaderView.ResizeMode.Stretch
        )
        self.table.activated.connect(self._activated)
        QVBoxLayout(self).addWidget(self.table)
        self.set_count(0)

    def set_count(self, count: int, shown: int | None = None) -> None:
        text = i18n.bracket(self._title, str(count))
        if shown is not None and shown < count:
            text = i18n.bracket(self._title, f"{shown} / {count}")
        self.setTitle(text)

    def current_uuid(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(UuidRole) if index.isValid() else None

    def select_first(self) -> None:
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _activated(self, index) -> None:
        uuid = index.data(UuidRole)
        if uuid:
            self.activated.emit(uuid)
