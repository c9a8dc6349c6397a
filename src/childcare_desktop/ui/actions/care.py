"""The 走访 menu: log a visit, raise a concern for the chosen child, the station's visit policy."""

from __future__ import annotations

from PySide6.QtCore import QObject

from ..dialogs.concern_form import ConcernForm
from ..dialogs.policy_dialog import PolicyDialog
from ..dialogs.visit_form import VisitForm
from .base import add_menu, keep_open, make_action


class CareActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.visit_action = make_action(window, self.tr("记录走访(&L)……"), "Ctrl+Shift+V")
        self.concern_action = make_action(window, self.tr("报告关注（强制报告）(&R)……"))
        self.policy_action = make_action(window, self.tr("走访周期与报告电话(&P)……"))
        self.visit_action.triggered.connect(self.log_visit)
        self.concern_action.triggered.connect(self.raise_concern)
        self.policy_action.triggered.connect(self.edit_policy)
        add_menu(
            window,
            self.tr("走访(&V)"),
            [self.visit_action, self.concern_action, None, self.policy_action],
        )

    def update(self, row) -> None:
        active = row is not None and row.status == "active"
        self.visit_action.setEnabled(active)
        self.concern_action.setEnabled(active)

    def log_visit(self) -> None:
        row = self.window.view.current_row()
        if row is None:
            return
        w = self.window
        keep_open(
            w, VisitForm(w.work.visits, w.tasks, row.uuid, row.name, w.station.officer, parent=w)
        )

    def raise_concern(self) -> None:
        row = self.window.view.current_row()
        if row is None:
            return
        w = self.window
        keep_open(w, ConcernForm(w.work.concerns, w.tasks, row.uuid, row.name, parent=w))

    def edit_policy(self) -> None:
        w = self.window
        keep_open(w, PolicyDialog(w.work, w.tasks, w))
