"""Station-wide care lists: micro-wishes (added, moved on step by step), referrals (added, their
status), and visit rounds (made here) with their progress."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ...core.domain.care import REFERRAL_STATUSES
from ...core.errors import CoreError
from ...core.services.care_work import CareWork
from .. import i18n
from ..dialogs.referral_form import ReferralForm
from ..dialogs.round_form import RoundForm
from ..dialogs.wish_form import WishForm
from ..models.care_model import CareModel, RecordRole
from ..tasks import CARE, CHILDREN, Changes, Tasks
from ..widgets import CodeCombo, ErrorLabel
from .due_table import TitledTable
from .seen import RefreshWhenSeen


def _iso(day) -> str:
    return day.isoformat() if day else ""


class CareLists(RefreshWhenSeen, QWidget):
    open_child = Signal(str)

    def __init__(self, work: CareWork, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.work = work
        self.tasks = tasks
        self.error = ErrorLabel()
        self.tabs = QTabWidget()
        self.wishes = TitledTable(
            self.tr("微心愿"),
            CareModel(
                [
                    self.tr("姓名"),
                    self.tr("心愿"),
                    self.tr("状态"),
                    self.tr("认领人"),
                    self.tr("收集日期"),
                ],
                lambda r: [
                    r.child_name,
                    r.wish.text,
                    i18n.label("wish_state", r.wish.state),
                    r.wish.claimed_by,
                    _iso(r.wish.collected_on),
                ],
                lambda r: r.wish.child_uuid,
                self,
            ),
        )
        self.claimed_by = QLineEdit()
        self.claimed_by.setPlaceholderText(self.tr("认领人（认领时必填）"))
        self.claimed_by.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("认领人（认领时必填）") + 24
        )
        self.advance_button = QPushButton(self.tr("进入下一步(&N)"))
        self.advance_button.clicked.connect(self.advance_wish)
        self.dialog = None
        self.add_wish_button = QPushButton(self.tr("新增微心愿"))
        self.add_wish_button.clicked.connect(self.add_wish)
        self.add_referral_button = QPushButton(self.tr("新增转介"))
        self.add_referral_button.clicked.connect(self.add_referral)
        self.add_round_button = QPushButton(self.tr("新建走访行动"))
        self.add_round_button.clicked.connect(self.add_round)
        self.referrals = TitledTable(
            self.tr("转介"),
            CareModel(
                [
                    self.tr("姓名"),
                    self.tr("转介至"),
                    self.tr("事由"),
                    self.tr("状态"),
                    self.tr("转介日期"),
                    self.tr("结果"),
                ],
                lambda r: [
                    r.child_name,
                    i18n.label("referral_target", r.referral.target),
                    r.referral.reason,
                    i18n.label("referral_status", r.referral.status),
                    _iso(r.referral.referred_on),
                    r.referral.outcome,
                ],
                lambda r: r.referral.child_uuid,
                self,
            ),
        )
        self.status = CodeCombo("referral_status", REFERRAL_STATUSES)
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText(self.tr("结果或说明"))
        self.status_button = QPushButton(self.tr("更新状态(&U)"))
        self.status_button.clicked.connect(self.update_referral)
        self.rounds = TitledTable(
            self.tr("走访行动"),
            CareModel(
                [
                    self.tr("名称"),
                    self.tr("对象"),
                    self.tr("开始"),
                    self.tr("截止"),
                    self.tr("进度"),
                ],
                lambda p: [
                    p.round.name,
                    i18n.label("category", p.round.category)
                    if p.round.category
                    else self.tr("全部在册儿童"),
                    _iso(p.round.started_on),
                    _iso(p.round.deadline),
                    f"{p.visited} / {p.total}",
                ],
                lambda p: "",
                self,
            ),
        )
        for table in (self.wishes, self.referrals):
            table.activated.connect(self.open_child)
        self.tabs.addTab(
            self._page(
                self.wishes, self.add_wish_button, None, self.claimed_by, self.advance_button
            ),
            self.tr("微心愿"),
        )
        self.tabs.addTab(
            self._page(
                self.referrals,
                self.add_referral_button,
                None,
                self.status,
                self.outcome,
                self.status_button,
            ),
            self.tr("转介"),
        )
        self.tabs.addTab(self._page(self.rounds, self.add_round_button, None), self.tr("走访行动"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        self.refresh_after(tasks, CARE, CHILDREN)
        self.refresh_when_seen()

    def _page(self, table: TitledTable, *controls: QWidget | None) -> QWidget:
        """Controls in a bar above the table; None is the gap between adding and changing."""
        page = QWidget()
        bar = QHBoxLayout()
        for control in controls:
            if control is None:
                bar.addStretch(1)
            else:
                bar.addWidget(control)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(table, 1)
        return page

    def refresh(self) -> None:
        w = self.work
        self.tasks.read(
            lambda: (w.care.wishes(), w.care.referrals(), w.rounds.progress()), self._show
        )

    def add_wish(self) -> None:
        self._with_children(lambda kids: WishForm(self.work.care, self.tasks, kids, self))

    def add_referral(self) -> None:
        self._with_children(lambda kids: ReferralForm(self.work.care, self.tasks, kids, self))

    def add_round(self) -> None:
        self._open(RoundForm(self.work.rounds, self.tasks, self))

    def _with_children(self, make) -> None:
        """The form picks among the active children, read first in the background; a name is
        shown with the birth date, since two children may share a name."""
        children = self.work.children
        self.tasks.read(
            lambda: [
                (s.uuid, i18n.bracket(s.name, _iso(s.birth_date)) if s.birth_date else s.name)
                for s in children.summaries()
            ],
            lambda kids: self._open(make(kids)),
        )

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._done)
        dialog.open()

    def advance_wish(self) -> None:
        index = self.wishes.table.currentIndex()
        if not index.isValid():
            return
        uuid, care, who = index.data(RecordRole).wish.uuid, self.work.care, self.claimed_by.text()
        self._write(lambda: care.advance_wish(uuid, claimed_by=who))

    def update_referral(self) -> None:
        index = self.referrals.table.currentIndex()
        if not index.isValid():
            return
        uuid, care = index.data(RecordRole).referral.uuid, self.work.care
        status, outcome = self.status.code(), self.outcome.text()
        self._write(lambda: care.set_referral_status(uuid, status, outcome))

    def _write(self, job) -> None:
        self.tasks.write(job, self._done, self._failed, changes=Changes.of(CARE))

    def _done(self, _record) -> None:
        self.error.clear_text()
        self.claimed_by.clear()
        self.outcome.clear()

    def _failed(self, error: CoreError) -> None:
        problems = getattr(error, "problems", [])
        text = "；".join(i18n.problem_text(p) for p in problems) or i18n.error_text(error)
        self.error.show_text(text)

    def _show(self, found) -> None:
        wishes, referrals, rounds = found
        for table, records in (
            (self.wishes, wishes),
            (self.referrals, referrals),
            (self.rounds, rounds),
        ):
            table.model.set_rows(records)
            table.set_count(len(records))
            table.select_first()
