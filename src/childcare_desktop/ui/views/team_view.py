"""The team (团队) at a town or county: the registry of 儿童主任 and 儿童督导员 with their training,
and each village's director's month: visits on time, concerns reported, items returned."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...core.domain.masking import mask_phone
from ...core.services.team import DirectorMonth, Officer, Team
from .. import i18n
from ..dialogs.team_forms import OfficerForm, TrainingForm
from ..models.care_model import CareModel, RecordRole
from ..tasks import CARE, CONCERNS, SYNC, VISITS, Tasks
from ..widgets import plain_label
from .due_table import TitledTable
from .seen import RefreshWhenSeen

MONTHS_SHOWN = 12  # this month and the eleven before it


def recent_months(today: date, count: int = MONTHS_SHOWN) -> list[str]:
    """YYYY-MM of this month and the ones before it, the newest first."""
    year, month = today.year, today.month
    found = []
    for _ in range(count):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return found


class TeamView(RefreshWhenSeen, QWidget):
    def __init__(self, team: Team, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.team = team
        self.tasks = tasks
        self.dialog: QDialog | None = None
        self.divisions: list[tuple[str, str]] = []
        officers = CareModel(
            [
                self.tr("所属"),
                self.tr("职务"),
                self.tr("姓名"),
                self.tr("电话"),
                self.tr("任职日期"),
                self.tr("离任日期"),
                self.tr("培训学时"),
            ],
            lambda o: [
                o.division_name or o.division_code,
                i18n.label("duty", o.duty),
                o.name,
                mask_phone(o.phone),
                o.appointed_on.isoformat(),
                o.left_on.isoformat() if o.left_on else "",
                f"{o.training_hours:g}",
            ],
            lambda o: o.uuid,
            self,
        )
        self.officers = TitledTable(self.tr("工作人员"), officers, stretch=2)
        figures = CareModel(
            [
                self.tr("村（居）"),
                self.tr("儿童主任"),
                self.tr("应走访"),
                self.tr("按时走访"),
                self.tr("报告"),
                self.tr("被退回"),
            ],
            lambda r: [
                r.division_name or r.division_code,
                r.officer_name or self.tr("未登记"),
                str(r.children_due),
                str(r.visited_on_time),
                str(r.concerns_reported),
                str(r.items_returned),
            ],
            lambda r: r.officer_uuid,
            self,
        )
        self.figures = TitledTable(self.tr("各村儿童主任本月工作"), figures, stretch=1)
        self.month = QComboBox()
        self.month.addItems(recent_months(team.today()))
        self.month.currentIndexChanged.connect(self._read_month)
        self.add_button = QPushButton(self.tr("登记人员(&D)……"))
        self.replace_button = QPushButton(self.tr("更换儿童主任(&R)……"))
        self.train_button = QPushButton(self.tr("登记培训(&P)……"))
        self.add_button.clicked.connect(lambda: self._open_officer_form(False))
        self.replace_button.clicked.connect(lambda: self._open_officer_form(True))
        self.train_button.clicked.connect(self.train_current)
        bar = QHBoxLayout()
        bar.addWidget(plain_label(self.tr("儿童主任更换时记录在册，原任保留离任日期。")))
        bar.addStretch(1)
        for button in (self.add_button, self.replace_button, self.train_button):
            bar.addWidget(button)
        month_bar = QHBoxLayout()
        month_bar.addWidget(plain_label(self.tr("月份")))
        month_bar.addWidget(self.month)
        month_bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.officers, 3)
        layout.addLayout(month_bar)
        layout.addWidget(self.figures, 2)
        self.refresh_after(tasks, CARE, VISITS, CONCERNS, SYNC)
        self.refresh_when_seen()

    def refresh(self) -> None:
        team = self.team
        self.tasks.read(lambda: (team.officers(), team.divisions()), self._show_officers)
        self._read_month()

    def current_officer(self) -> Officer | None:
        index = self.officers.table.currentIndex()
        return index.data(RecordRole) if index.isValid() else None

    def train_current(self) -> None:
        officer = self.current_officer()
        if officer is None:
            return
        self._open(TrainingForm(self.team, self.tasks, officer, self))

    def _open_officer_form(self, replacing: bool) -> None:
        self._open(OfficerForm(self.team, self.tasks, self.divisions, replacing, self))

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def _read_month(self) -> None:
        team, month = self.team, self.month.currentText()
        self.tasks.read(lambda: team.month(month), self._show_month)

    def _show_officers(self, found: tuple[list[Officer], list[tuple[str, str]]]) -> None:
        officers, self.divisions = found
        self.officers.model.set_rows(officers)
        self.officers.set_count(len(officers))
        self.officers.select_first()

    def _show_month(self, rows: list[DirectorMonth]) -> None:
        self.figures.model.set_rows(rows)
        self.figures.set_count(len(rows))
