"""The steps on the concern chosen in a list (report, follow-up note, close), offered three ways
alike wherever concerns are listed (Today, the child's file): buttons, keyboard shortcuts while
the list has the focus, and the list's context menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QTableView, QWidget

from ...core.domain.care import Concern
from ...core.services.concerns import Concerns
from ..tasks import Tasks
from .concern_steps import CloseConcernDialog, FollowUpDialog, ReportDialog

# The concern chosen in the list and the name of its child, or None.
Chosen = Callable[[], "tuple[Concern, str] | None"]


class ConcernActions(QObject):
    def __init__(
        self,
        concerns: Concerns,
        tasks: Tasks,
        table: QTableView,
        chosen: Chosen,
        open_dialog: Callable[[QWidget], None],
        scope: QWidget,
    ) -> None:
        """`scope` holds the shortcuts: they work while the focus is inside it."""
        super().__init__(scope)
        self.concerns = concerns
        self.tasks = tasks
        self.table = table
        self.chosen = chosen
        self.open_dialog = open_dialog
        self.menu: QMenu | None = None
        steps = (
            (self.tr("报告(&P)……"), "Ctrl+Shift+B", ReportDialog),
            (self.tr("跟进记录(&G)……"), "Ctrl+Shift+G", FollowUpDialog),
            (self.tr("结案(&J)……"), "Ctrl+Shift+J", CloseConcernDialog),
        )
        self.actions: list[QAction] = []
        self.buttons: list[QPushButton] = []
        for text, keys, dialog in steps:
            action = QAction(text, scope)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, d=dialog: self._open(d))
            scope.addAction(action)
            button = QPushButton(text.replace("……", ""))
            button.setAutoDefault(False)
            button.setToolTip(QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText))
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            self.actions.append(action)
            self.buttons.append(button)
        self.report_action, self.note_action, self.close_action = self.actions
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        table.model().modelReset.connect(self.update)
        table.selectionModel().currentChanged.connect(self.update)
        self.update()

    def bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        for button in self.buttons:
            row.addWidget(button)
        return row

    def update(self, *_args) -> None:
        """Every step is on an open concern: a closed one is only read."""
        chosen = self.chosen()
        open_ = chosen is not None and chosen[0].is_open
        for action in self.actions:
            action.setEnabled(open_)

    def _open(self, dialog_class) -> None:
        chosen = self.chosen()
        if chosen is None or not chosen[0].is_open:
            return
        concern, name = chosen
        self.open_dialog(dialog_class(self.concerns, self.tasks, concern, name, self.table))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        self.menu = QMenu(self.table)
        self.menu.addActions(self.actions)
        self.menu.popup(self.table.viewport().mapToGlobal(pos))
