"""The team's forms: register an officer, a village's new director (the serving one kept with the
day they left), and a training with its dates and hours."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit

from ...core.domain.review import DUTIES
from ...core.services.team import VILLAGE_DIGITS, Officer, Team
from .. import i18n
from ..tasks import Tasks
from ..widgets import CodeCombo, DateField, plain_label
from .care_dialog import CareDialog


class DivisionChoice(QComboBox):
    """A division of this station or below it, by its name and code."""

    def __init__(self, divisions: Sequence[tuple[str, str]], parent=None) -> None:
        super().__init__(parent)
        for code, name in divisions:
            self.addItem(i18n.bracket(name, code) if name else code, code)

    def code(self) -> str:
        return self.currentData() or ""


class OfficerForm(CareDialog):
    """A new officer; with `replacing` the new director of the village chosen."""

    def __init__(
        self,
        team: Team,
        tasks: Tasks,
        divisions: Sequence[tuple[str, str]],
        replacing: bool = False,
        parent=None,
    ) -> None:
        title = self.tr("更换儿童主任") if replacing else self.tr("登记工作人员")
        super().__init__(tasks, title, parent)
        self.team = team
        self.replacing = replacing
        if replacing:
            divisions = [d for d in divisions if len(d[0]) == VILLAGE_DIGITS]
        self.division = DivisionChoice(divisions)
        self.duty = CodeCombo("duty", DUTIES)
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("手机或固定电话"))
        self.appointed_on = DateField()
        self.appointed_on.set_value(team.today())
        self.grid.add("division_code", self.tr("所属"), self.division)
        if replacing:
            kept = plain_label(self.tr("现任儿童主任自新任职日期起离任，仍保留在名册中。"))
            kept.setWordWrap(True)
            self.grid.add("left_on", "", kept)
        else:
            self.grid.add("duty", self.tr("职务"), self.duty)
            self.division.currentIndexChanged.connect(self._duty_of_division)
            self._duty_of_division()
        self.grid.add("name", self.tr("姓名"), self.name)
        self.grid.add("phone", self.tr("电话"), self.phone)
        self.grid.add("appointed_on", self.tr("任职日期"), self.appointed_on)
        self.name.setFocus()

    def _duty_of_division(self) -> None:
        village = len(self.division.code()) == VILLAGE_DIGITS
        self.duty.set_code("director" if village else "supervisor")

    def save(self) -> None:
        self.clear_errors()
        if not self.dates_readable({"appointed_on": self.appointed_on}, ["appointed_on"]):
            return
        team, code, name = self.team, self.division.code(), self.name.text()
        phone, appointed = self.phone.text(), self.appointed_on.value()
        if self.replacing:
            self.submit(lambda: team.replace_director(code, name, appointed, phone))
        else:
            duty = self.duty.code()
            self.submit(lambda: team.add(code, duty, name, appointed, phone))


class TrainingForm(CareDialog):
    """A training the officer took part in: its title, dates and hours."""

    def __init__(self, team: Team, tasks: Tasks, officer: Officer, parent=None) -> None:
        super().__init__(tasks, self.tr("登记培训"), parent)
        self.team = team
        self.officer = officer
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("如：儿童主任示范培训"))
        self.start = DateField()
        self.start.set_value(team.today())
        self.end = DateField()
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 1000)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.grid.add("officer", self.tr("参训人员"), plain_label(officer.name))
        self.grid.add("title", self.tr("培训名称"), self.title)
        self.grid.add("start", self.tr("开始日期"), self.start)
        self.grid.add("end", self.tr("结束日期"), self.end)
        self.grid.add("hours", self.tr("学时"), self.hours)
        self.title.setFocus()

    def save(self) -> None:
        self.clear_errors()
        if not self.dates_readable({"start": self.start, "end": self.end}, ["start"]):
            return
        team, officer, title = self.team, self.officer.uuid, self.title.text()
        start, end, hours = self.start.value(), self.end.value(), self.hours.value()
        self.submit(lambda: team.train(officer, title, start, end, hours))
