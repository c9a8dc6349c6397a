"""Today (工作台): overdue visits, visits due this week, open concerns, children ageing out,
each with its count, and, when there are any, the situations the files show that a person must
confirm (强制报告) and what the town or the county returned (审核, with the reason); Enter opens
the child, the buttons log a visit or raise a concern, and the
concerns list carries the steps on the chosen concern (report, follow-up, close)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...core.services.care_work import CareWork
from .. import i18n
from ..dialogs.concern_actions import ConcernActions
from ..dialogs.concern_form import ConcernForm
from ..dialogs.to_confirm import SetAsideDialog, concern_form_for
from ..dialogs.visit_form import VisitForm
from ..models.care_model import CareModel, RecordRole
from ..models.visits_model import COL_REASON, DueModel
from ..tasks import CHILDREN, CONCERNS, POLICY, VISITS, Changes, Tasks
from ..widgets import plain_label
from .approval_view import item_title
from .due_table import TitledTable

SHOWN = 200  # rows per list; the title always gives the full count


class TodayView(QWidget):
    open_child = Signal(str)

    def __init__(self, work: CareWork, tasks: Tasks, visitor: str = "", parent=None) -> None:
        super().__init__(parent)
        self.work = work
        self.tasks = tasks
        self.visitor = visitor
        self.dialog = None
        self.overdue = TitledTable(self.tr("逾期未走访"), DueModel(self), COL_REASON)
        self.due_soon = TitledTable(self.tr("本周应走访"), DueModel(self), COL_REASON)
        concerns = CareModel(
            [self.tr("姓名"), self.tr("情况"), self.tr("发现日期"), self.tr("已报告")],
            lambda r: [
                r.child_name,
                i18n.label("concern_kind", r.concern.kind),
                r.concern.noticed_on.isoformat(),
                i18n.join(i18n.label("report_target", x.target) for x in r.concern.reports)
                or self.tr("尚未报告"),
            ],
            lambda r: r.concern.child_uuid,
            self,
        )
        # The situation (the law's long words) takes the room left and gives way to the rest.
        self.concerns = TitledTable(self.tr("未结关注（强制报告）"), concerns, 1)
        self.concern_actions = ConcernActions(
            work.concerns,
            tasks,
            self.concerns.table,
            self._chosen_concern,
            self._open,
            self.concerns,
        )
        self.concerns.layout().insertLayout(0, self.concern_actions.bar())
        ageing = CareModel(
            [self.tr("姓名"), self.tr("到龄日期"), self.tr("类别")],
            lambda r: [
                r.name,
                r.since.isoformat(),
                i18n.join(i18n.label("category", c) for c in r.codes),
            ],
            lambda r: r.child_uuid,
            self,
        )
        self.ageing = TitledTable(self.tr("30天内到龄"), ageing)
        self.to_confirm = TitledTable(self.tr("档案显示须确认的情形（强制报告）"), CareModel(
            [self.tr("姓名"), self.tr("出生日期"), self.tr("情形"), self.tr("依据")],
            lambda r: [
                r.child_name,
                r.birth_date.isoformat(),
                i18n.label("concern_kind", r.found.kind),
                i18n.label("reportable_reason", r.found.reason),
            ],
            lambda r: r.child_uuid,
            self,
        ))  # fmt: skip
        self.confirm_button = QPushButton(self.tr("记录关注(&C)……"))
        self.set_aside_button = QPushButton(self.tr("核实无需报告(&N)……"))
        self.confirm_button.clicked.connect(self.confirm)
        self.set_aside_button.clicked.connect(self.set_aside)
        confirm_bar = QHBoxLayout()
        confirm_bar.addStretch(1)
        confirm_bar.addWidget(self.confirm_button)
        confirm_bar.addWidget(self.set_aside_button)
        self.to_confirm.layout().insertLayout(0, confirm_bar)
        self.to_confirm.hide()  # shown when the files show something
        # 审核: what the town or the county sent back, until the file is corrected and saved.
        self.returned = TitledTable(self.tr("被退回（审核）"), CareModel(
            [self.tr("姓名"), self.tr("报审事项"), self.tr("退回理由"), self.tr("报送日期")],
            lambda r: [r.child_name, item_title(r), r.reason, r.submitted_on.isoformat()],
            lambda r: r.child,
            self,
        ), 2)  # fmt: skip
        self.returned.layout().insertWidget(
            0, plain_label(self.tr("打开档案，按退回理由修改后保存，即重新报送。"))
        )
        self.returned.hide()  # shown when something came back
        self.tables = (
            self.overdue, self.due_soon, self.concerns, self.ageing, self.to_confirm, self.returned
        )  # fmt: skip
        for table in self.tables:
            table.activated.connect(self.open_child)
        self.log_button = QPushButton(self.tr("记录走访(&L)"))
        self.open_button = QPushButton(self.tr("打开档案(&O)"))
        self.concern_button = QPushButton(self.tr("报告关注(&R)"))
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.log_button.clicked.connect(self.log_visit)
        self.open_button.clicked.connect(self._open_current)
        self.concern_button.clicked.connect(self.raise_concern)
        self.refresh_button.clicked.connect(self.refresh)
        self.summary = plain_label()
        bar = QHBoxLayout()
        for button in (self.log_button, self.open_button, self.concern_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        bar.addWidget(self.refresh_button)
        grid = QGridLayout()
        for i, table in enumerate(self.tables[:4]):
            grid.addWidget(table, i // 2, i % 2)
        shown_when_any = QHBoxLayout()
        shown_when_any.addWidget(self.to_confirm)
        shown_when_any.addWidget(self.returned)
        grid.addLayout(shown_when_any, 2, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid, 1)
        self._last = self.overdue
        for table in self.tables:
            table.table.clicked.connect(lambda _i, t=table: self._remember(t))
            table.table.selectionModel().currentChanged.connect(
                lambda *_a, t=table: self._remember(t)
            )
        tasks.changed.connect(self._written)
        self.refresh()

    def _written(self, changes: Changes) -> None:
        if changes.touch(CHILDREN, VISITS, CONCERNS, POLICY):
            self.refresh()

    def refresh(self) -> None:
        w = self.work
        self.tasks.read(
            lambda: (
                w.visits.due(status="overdue", limit=SHOWN),
                w.visits.due(status="due_soon", limit=SHOWN),
                w.visits.due_counts(),
                w.concerns.open_concerns(),
                w.review.ageing_out(30),
                w.concerns.to_confirm(),
                w.approval.returned(),
            ),
            self._show,
        )

    def current_child(self) -> tuple[str, str] | None:
        """(uuid, name) of the child selected in the list last used."""
        index = self._last.table.currentIndex()
        if not index.isValid():
            return None
        name = self._last.model.index(index.row(), 0).data()
        return self._last.current_uuid(), name

    def log_visit(self) -> None:
        current = self.current_child()
        if current is None:
            return
        self.dialog = VisitForm(self.work.visits, self.tasks, *current, self.visitor, parent=self)
        self.dialog.open()

    def raise_concern(self) -> None:
        current = self.current_child()
        if current is None:
            return
        self._open(ConcernForm(self.work.concerns, self.tasks, *current, parent=self))

    def _chosen_to_confirm(self):
        return self.to_confirm.table.currentIndex().data(RecordRole)

    def confirm(self) -> None:
        """Record the situation chosen as a concern, the form started with what the file shows."""
        item = self._chosen_to_confirm()
        if item is not None:
            self._open(concern_form_for(self.work.concerns, self.tasks, item, parent=self))

    def set_aside(self) -> None:
        item = self._chosen_to_confirm()
        if item is not None:
            self._open(SetAsideDialog(self.work.concerns, self.tasks, item, parent=self))

    def _chosen_concern(self):
        row = self.concerns.table.currentIndex().data(RecordRole)
        return None if row is None else (row.concern, row.child_name)

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.open()

    def _open_current(self) -> None:
        current = self.current_child()
        if current is not None:
            self.open_child.emit(current[0])

    def _remember(self, table: TitledTable) -> None:
        self._last = table

    def _show(self, found) -> None:
        overdue, soon, counts, concerns, ageing, to_confirm, returned = found
        self.overdue.model.set_rows(overdue)
        self.overdue.set_count(counts["overdue"], len(overdue))
        self.due_soon.model.set_rows(soon)
        self.due_soon.set_count(counts["due_soon"], len(soon))
        self.concerns.model.set_rows(concerns)
        self.concerns.set_count(len(concerns))
        self.ageing.model.set_rows(ageing)
        self.ageing.set_count(len(ageing))
        self.to_confirm.model.set_rows(to_confirm)
        self.to_confirm.set_count(len(to_confirm))
        self.to_confirm.setVisible(bool(to_confirm))
        self.returned.model.set_rows(returned)
        self.returned.set_count(len(returned))
        self.returned.setVisible(bool(returned))
        for table in self.tables:
            table.select_first()
        self.summary.setText(
            self.tr("逾期 %1 · 本周 %2 · 关注 %3 · 到龄 %4")
            .replace("%1", str(counts["overdue"]))
            .replace("%2", str(counts["due_soon"]))
            .replace("%3", str(len(concerns)))
            .replace("%4", str(len(ageing)))
        )
