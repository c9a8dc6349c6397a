"""The list behind a figure of the dashboard: the children it counts (or the concerns, or the
items waiting for review), read off the GUI thread; Enter or a double click opens a child's
file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from ...core.reports.dashboard_figures import FigureList
from ...core.services import dashboard
from ...core.storage.store import Store
from ..models.dashboard_model import ListedModel
from ..tasks import Tasks
from ..views.due_table import TitledTable
from ..widgets import ErrorLabel, fit_to_screen


class FigureListDialog(QDialog):
    open_child = Signal(str)
    listed = Signal()  # the list is on screen

    def __init__(
        self,
        store: Store,
        tasks: Tasks,
        which: FigureList,
        title: str,
        today: Callable[[], date] = date.today,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("figure_list")
        self.setWindowTitle(title)
        self.which = which
        self.model = ListedModel(self)
        self.table = TitledTable(title, self.model, stretch=0)
        self.table.activated.connect(self.open_child)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(760, 480))
        tasks.read(lambda: dashboard.listed(store, which, today()), self._show, self.error)

    def _show(self, found: tuple) -> None:
        self.model.set_rows(found)
        self.table.set_count(len(found))
        self.table.select_first()
        self.listed.emit()
