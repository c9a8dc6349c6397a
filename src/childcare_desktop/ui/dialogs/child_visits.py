"""The "visits and care" tab of the child's file: when the next visit is due and why, the risk,
every version of every visit (with its photos), concerns, micro-wishes and referrals, and the
buttons that add to them. Each change is written through the services and the tab reads itself
again."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.services.care_work import CareWork
from ...core.services.visits import VisitPlan
from .. import i18n
from ..models.care_model import CareModel, RecordRole
from ..models.visit_history_model import COL_FINDINGS, VisitHistoryModel
from ..models.visit_history_model import RecordRole as VisitRole
from ..models.visits_model import reason_text
from ..tasks import Tasks
from ..widgets import plain_label
from .concern_actions import ConcernActions
from .concern_form import ConcernForm
from .referral_form import ReferralForm, ReferralStatusDialog
from .visit_form import VisitForm
from .visit_photos import PhotoViewer
from .wish_form import WishForm, WishStepDialog


def _iso(day) -> str:
    return day.isoformat() if day else ""


def due_reason_text(plan: VisitPlan, today) -> str:
    """Why the child is due when it is, in the officer's words: "孤儿，每30天", or under a
    rule only a home visit resets "孤儿，每30天入户，上次入户 2026-10-05"."""
    if plan.open_concern and plan.next_due is not None and plan.next_due <= today:
        return QCoreApplication.translate("ChildVisitsTab", "有未结关注：立即走访")
    if plan.reason == "first_visit" and plan.interval_days is not None:
        return QCoreApplication.translate("ChildVisitsTab", "从未走访：登记后%1天").replace(
            "%1", str(plan.interval_days)
        )
    text = reason_text(plan.reason, plan.interval_days, plan.home_visit)
    if not plan.home_visit:
        return text
    if plan.last_home_visit is None:
        return i18n.clause(text, QCoreApplication.translate("ChildVisitsTab", "从未入户"))
    last = QCoreApplication.translate("ChildVisitsTab", "上次入户 %1")
    return i18n.clause(text, last.replace("%1", plan.last_home_visit.isoformat()))


def risk_text(plan: VisitPlan) -> str:
    """The risk that counts; an override names itself, the rules' level and the reason."""
    rule = i18n.label("risk", plan.rule_risk)
    if not plan.risk_override:
        return QCoreApplication.translate("ChildVisitsTab", "%1（按规则判定）").replace("%1", rule)
    text = QCoreApplication.translate("ChildVisitsTab", "%1（人工调整；按规则为%2）")
    text = text.replace("%1", i18n.label("risk", plan.risk)).replace("%2", rule)
    if plan.risk_override_reason:
        text += QCoreApplication.translate("ChildVisitsTab", "  理由：") + plan.risk_override_reason
    return text


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class ChildVisitsTab(QWidget):
    changed = Signal(str)  # the child's uuid, after a visit or a care record was written
    shown = Signal()  # the tab shows what the store holds now

    def __init__(self, work: CareWork, tasks: Tasks, visitor: str = "", parent=None) -> None:
        super().__init__(parent)
        self.work = work
        self.tasks = tasks
        self.visitor = visitor
        self.uuid = ""
        self.name = ""
        self.dialog = None
        self._asked = 0  # reads asked for; only the latest one is shown
        self.due = plain_label()
        self.reason = plain_label()
        self.last_visit = plain_label()
        self.risk = plain_label()
        self.risk.setWordWrap(True)
        plan_box = QGroupBox(self.tr("走访计划与风险"))
        form = QFormLayout(plan_box)
        form.addRow(self.tr("应走访日期"), self.due)
        form.addRow(self.tr("原因"), self.reason)
        form.addRow(self.tr("最近走访"), self.last_visit)
        form.addRow(self.tr("风险等级"), self.risk)
        self.log_button = QPushButton(self.tr("记录走访(&L)"))
        self.correct_button = QPushButton(self.tr("更正所选走访"))
        self.concern_button = QPushButton(self.tr("报告关注(&R)"))
        self.wish_button = QPushButton(self.tr("新增微心愿"))
        self.referral_button = QPushButton(self.tr("新增转介"))
        self.step_button = QPushButton(self.tr("心愿下一步"))
        self.status_button = QPushButton(self.tr("转介进展"))
        self.photos_button = QPushButton(self.tr("查看照片"))
        self.buttons = {
            self.log_button: self.log_visit,
            self.correct_button: self.correct_visit,
            self.concern_button: self.raise_concern,
            self.wish_button: self.add_wish,
            self.referral_button: self.add_referral,
        }
        for button, action in (
            *self.buttons.items(),
            (self.step_button, self.step_wish),
            (self.status_button, self.update_referral),
            (self.photos_button, self.view_photos),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(action)
        bar = QHBoxLayout()
        for button in self.buttons:
            bar.addWidget(button)
        bar.addStretch(1)
        self.history = VisitHistoryModel(self)
        self.concerns = CareModel(
            [self.tr("情况"), self.tr("发现日期"), self.tr("具体情况"), self.tr("已报告"),
             self.tr("状态"), self.tr("跟进"), self.tr("处理结果")],
            lambda c: [
                i18n.label("concern_kind", c.kind), _iso(c.noticed_on), c.description,
                "；".join(f"{i18n.label('report_target', r.target)} {_iso(r.reported_on)} "
                         f"{r.receipt}".strip() for r in c.reports) or self.tr("尚未报告"),
                self.tr("未结") if c.is_open else self.tr("已结 ") + _iso(c.closed_on),
                "；".join(f"{_iso(n.noted_on)} {n.text}" for n in c.notes),
                c.follow_up,
            ],
            lambda c: c.child_uuid,
            self,
        )  # fmt: skip
        self.wishes = CareModel(
            [self.tr("心愿"), self.tr("状态"), self.tr("认领人"), self.tr("收集日期"),
             self.tr("说明")],
            lambda r: [r.wish.text, i18n.label("wish_state", r.wish.state), r.wish.claimed_by,
                       _iso(r.wish.collected_on), r.wish.note],
            lambda r: r.wish.child_uuid,
            self,
        )  # fmt: skip
        self.referrals = CareModel(
            [self.tr("转介至"), self.tr("事由"), self.tr("状态"), self.tr("转介日期"),
             self.tr("结果")],
            lambda r: [i18n.label("referral_target", r.referral.target), r.referral.reason,
                       i18n.label("referral_status", r.referral.status),
                       _iso(r.referral.referred_on), r.referral.outcome],
            lambda r: r.referral.child_uuid,
            self,
        )  # fmt: skip
        self.history_table = _table(self.history)
        self.history_table.horizontalHeader().setSectionResizeMode(
            COL_FINDINGS, QHeaderView.ResizeMode.Stretch
        )
        self.history_table.horizontalHeader().setStretchLastSection(False)
        # Findings are read in full: long ones wrap onto more lines instead of being cut.
        self.history_table.setWordWrap(True)
        self.history_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.concern_table = _table(self.concerns)
        self.wish_table = _table(self.wishes)
        self.referral_table = _table(self.referrals)
        self.lists = QTabWidget()
        self.lists.addTab(self._page(self.history_table, self.photos_button), self.tr("走访记录"))
        concern_page = QWidget()
        self.concern_actions = ConcernActions(
            work.concerns, tasks, self.concern_table,
            lambda: (r, self.name) if (r := self.concern_table.currentIndex().data(RecordRole))
            else None,
            self._open, concern_page,
        )  # fmt: skip
        concern_layout = QVBoxLayout(concern_page)
        concern_layout.addLayout(self.concern_actions.bar())
        concern_layout.addWidget(self.concern_table, 1)
        self.lists.addTab(concern_page, self.tr("关注与报告"))
        self.lists.addTab(self._page(self.wish_table, self.step_button), self.tr("微心愿"))
        self.lists.addTab(self._page(self.referral_table, self.status_button), self.tr("转介"))
        self.history_table.selectionModel().currentChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(plan_box)
        layout.addLayout(bar)
        layout.addWidget(self.lists, 1)
        self._update_buttons()

    def _page(self, table: QTableView, button: QPushButton) -> QWidget:
        page = QWidget()
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(button)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(table, 1)
        return page

    def show_child(self, uuid: str, name: str, saved: bool) -> None:
        """A file not yet saved has nothing to visit: the tab says so and waits."""
        self.uuid = uuid if saved else ""
        self.name = name
        if saved:
            self.refresh()
            return
        for model in (self.history, self.concerns, self.wishes, self.referrals):
            model.set_rows([])
        self.due.setText(self.tr("保存档案后才能安排和记录走访"))
        for label in (self.reason, self.last_visit, self.risk):
            label.clear()
        self._update_buttons()

    def refresh(self) -> None:
        if not self.uuid:
            return
        self._asked += 1
        w, uuid, asked = self.work, self.uuid, self._asked
        self.tasks.read(
            lambda: (
                asked,
                w.visits.plan(uuid),
                w.visits.history(uuid),
                w.concerns.for_child(uuid),
                w.care.wishes(uuid),
                w.care.referrals(uuid),
            ),
            self._show,
        )

    def log_visit(self) -> None:
        self._open(VisitForm(self.work.visits, self.tasks, self.uuid, self.name, self.visitor,
                             parent=self))  # fmt: skip

    def correct_visit(self) -> None:
        record = self.history_table.currentIndex().data(VisitRole)
        if record is None or not record.current:
            return
        self._open(VisitForm(self.work.visits, self.tasks, self.uuid, self.name, self.visitor,
                             correcting=record, parent=self))  # fmt: skip

    def view_photos(self) -> None:
        record = self.history_table.currentIndex().data(VisitRole)
        if record is None or not record.photos:
            return
        self.dialog = PhotoViewer(self.work.visits, self.tasks, record.photos, parent=self)
        self.dialog.open()

    def raise_concern(self) -> None:
        self._open(ConcernForm(self.work.concerns, self.tasks, self.uuid, self.name, self))

    def add_wish(self) -> None:
        self._open(WishForm(self.work.care, self.tasks, [(self.uuid, self.name)], self))

    def add_referral(self) -> None:
        self._open(ReferralForm(self.work.care, self.tasks, [(self.uuid, self.name)], self))

    def step_wish(self) -> None:
        row = self.wish_table.currentIndex().data(RecordRole)
        if row is not None:
            self._open(WishStepDialog(self.work.care, self.tasks, row.wish, self))

    def update_referral(self) -> None:
        row = self.referral_table.currentIndex().data(RecordRole)
        if row is not None:
            self._open(ReferralStatusDialog(self.work.care, self.tasks, row.referral, self))

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._changed)
        dialog.open()

    def _changed(self, _record=None) -> None:
        self.refresh()
        self.changed.emit(self.uuid)

    def _show(self, found) -> None:
        asked, plan, history, concerns, wishes, referrals = found
        if asked != self._asked:
            return  # a newer read is on its way (another file, or a later change)
        today = self.work.visits.today()
        if plan.next_due is None:
            self.due.setText(self.tr("不安排走访（已销档或没有适用的规则）"))
        else:
            status = i18n.label("due_status", plan.due_status)
            self.due.setText(i18n.bracket(plan.next_due.isoformat(), status))
        self.reason.setText(due_reason_text(plan, today))
        self.last_visit.setText(_iso(plan.last_visit) or self.tr("从未走访"))
        self.risk.setText(risk_text(plan))
        self.history.set_rows(history)
        self.concerns.set_rows(concerns)
        self.wishes.set_rows(wishes)
        self.referrals.set_rows(referrals)
        for table in (self.history_table, self.concern_table, self.wish_table,
                      self.referral_table):  # fmt: skip
            if table.model().rowCount():
                table.setCurrentIndex(table.model().index(0, 0))
        counts = (len(history), len(concerns), len(wishes), len(referrals))
        titles = (self.tr("走访记录"), self.tr("关注与报告"), self.tr("微心愿"), self.tr("转介"))
        for i, (title, count) in enumerate(zip(titles, counts, strict=True)):
            self.lists.setTabText(i, i18n.bracket(title, str(count)))
        self._update_buttons()
        self.shown.emit()

    def _update_buttons(self, *_args) -> None:
        for button in self.buttons:
            button.setEnabled(bool(self.uuid))
        record = self.history_table.currentIndex().data(VisitRole)
        self.correct_button.setEnabled(bool(self.uuid) and record is not None and record.current)
        self.photos_button.setEnabled(record is not None and bool(record.photos))
        self.step_button.setEnabled(bool(self.uuid) and self.wishes.rowCount() > 0)
        self.status_button.setEnabled(bool(self.uuid) and self.referrals.rowCount() > 0)
