"""A visit round (走访行动, e.g. the Spring Festival visit): its name, the group it covers (one
category or every active child) and its own deadline."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QLineEdit

from ...core.domain.categories import CATEGORY_CODES
from ...core.services.rounds import Rounds
from ..tasks import Tasks
from ..widgets import CodeCombo, DateField
from .care_dialog import CareDialog

# A round is usually a few weeks' work; the officer changes the deadline as needed.
DEFAULT_WEEKS = 4


class RoundForm(CareDialog):
    def __init__(self, rounds: Rounds, tasks: Tasks, parent=None) -> None:
        super().__init__(tasks, self.tr("新建走访行动"), parent)
        self.rounds = rounds
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("如：春节走访"))
        self.category = CodeCombo("category", CATEGORY_CODES, blank=self.tr("全部在册儿童"))
        self.started_on = DateField()
        self.started_on.set_value(rounds.today())
        self.deadline = DateField()
        self.deadline.set_value(rounds.today() + timedelta(weeks=DEFAULT_WEEKS))
        self.grid.add("name", self.tr("名称"), self.name)
        self.grid.add("category", self.tr("对象"), self.category)
        self.grid.add("started_on", self.tr("开始日期"), self.started_on)
        self.grid.add("deadline", self.tr("截止日期"), self.deadline)
        self.name.setFocus()

    def save(self) -> None:
        self.clear_errors()
        dates = {"started_on": self.started_on, "deadline": self.deadline}
        if not self.dates_readable(dates, list(dates)):
            return
        rounds, name, code = self.rounds, self.name.text(), self.category.code()
        start, deadline = self.started_on.value(), self.deadline.value()
        self.submit(lambda: rounds.create(name, code, deadline, start))
