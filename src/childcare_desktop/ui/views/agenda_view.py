"""The agenda: children due for a visit by week or by month; Enter logs a visit for the child.

A period that contains today also lists the visits already overdue, so nothing late is hidden.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...core.services.care_work import CareWork
from ..dialogs.visit_form import VisitForm
from ..models.visits_model import COL_REASON, DueModel
from ..tasks import CHILDREN, POLICY, VISITS, Tasks
from ..widgets import plain_label
from .due_table import TitledTable
from .seen import RefreshWhenSeen


def period(day: date, kind: str) -> tuple[date, date]:
    """The week (Monday to Sunday) or the calendar month around `day`."""
    if kind == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


class AgendaView(RefreshWhenSeen, QWidget):
    open_child = Signal(str)
    shown = Signal()  # the list shows the period asked for

    def __init__(self, work: CareWork, tasks: Tasks, visitor: str = "", parent=None) -> None:
        super().__init__(parent)
        self.work = work
        self.tasks = tasks
        self.visitor = visitor
        self.dialog: VisitForm | None = None
        self.day = work.visits.today()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("按周"), "week")
        self.kind.addItem(self.tr("按月"), "month")
        self.previous = QPushButton(self.tr("◀ 上一段"))
        self.next = QPushButton(self.tr("下一段 ▶"))
        self.this = QPushButton(self.tr("本周/本月"))
        self.range_label = plain_label()
        self.list = TitledTable(self.tr("应走访"), DueModel(self), COL_REASON)
        self.list.activated.connect(self.log_visit_for)
        self.log_button = QPushButton(self.tr("记录走访(&L)"))
        self.open_button = QPushButton(self.tr("打开档案(&O)"))
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.previous.clicked.connect(lambda: self._move(-1))
        self.next.clicked.connect(lambda: self._move(1))
        self.this.clicked.connect(self._today)
        self.log_button.clicked.connect(self._log_current)
        self.open_button.clicked.connect(self._open_current)
        bar = QHBoxLayout()
        for widget in (self.kind, self.previous, self.this, self.next):
            bar.addWidget(widget)
        bar.addWidget(self.range_label, 1)
        bar.addWidget(self.log_button)
        bar.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.list, 1)
        self.refresh_after(tasks, CHILDREN, VISITS, POLICY)
        self.refresh_when_seen()

    def bounds(self) -> tuple[date, date]:
        return period(self.day, self.kind.currentData())

    def refresh(self) -> None:
        start, end = self.bounds()
        today = self.work.visits.today()
        since = None if start <= today <= end else start
        visits = self.work.visits
        self.range_label.setText(f"{start.isoformat()} — {end.isoformat()}")
        self.tasks.read(lambda: visits.due(since=since, until=end), self._show)

    def log_visit_for(self, uuid: str) -> None:
        row = self.list.model.record_of(uuid)
        if row is None:
            return
        self.dialog = VisitForm(
            self.work.visits, self.tasks, row.uuid, row.name, self.visitor, parent=self
        )
        self.dialog.open()

    def _show(self, rows) -> None:
        self.list.model.set_rows(rows)
        self.list.set_count(len(rows))
        self.list.select_first()
        self.shown.emit()

    def _move(self, step: int) -> None:
        start, end = self.bounds()
        self.day = end + timedelta(days=1) if step > 0 else start - timedelta(days=1)
        self.refresh()

    def _today(self) -> None:
        self.day = self.work.visits.today()
        self.refresh()

    def _log_current(self) -> None:
        uuid = self.list.current_uuid()
        if uuid:
            self.log_visit_for(uuid)

    def _open_current(self) -> None:
        uuid = self.list.current_uuid()
        if uuid:
            self.open_child.emit(uuid)
