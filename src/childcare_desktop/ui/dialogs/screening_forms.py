"""排查's forms: open a round (title, deadline, who it covers, and the household register to load,
if any), and mark a child or person screened (the day, the categories found or 无, a note)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...core.domain.categories import CATEGORY_CODES
from ...core.services.screening import Screening, Subject
from .. import i18n
from ..tasks import Tasks
from ..widgets import DateField, plain_label
from .care_dialog import CareDialog

if TYPE_CHECKING:  # the list reader and the matcher load only for a list
    from ...core.services.screening_population import PopulationLoaded

FOUND_COLUMNS = 3


class ScreeningRoundForm(CareDialog):
    """A new round for this town's or county's area; with a list, its rows not registered
    become people to screen (services/screening_population.py)."""

    def __init__(self, screening: Screening, tasks: Tasks, parent=None) -> None:
        super().__init__(tasks, self.tr("发起排查"), parent)
        self.screening = screening
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("如：2026年春季困境儿童排查"))
        self.deadline = DateField()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("如：户籍或居住在本镇的未满18周岁儿童"))
        self.population = QLineEdit()
        self.population.setPlaceholderText(self.tr("可不选：户籍名单（Excel 或 CSV）"))
        choose = self.choose_button = QPushButton(self.tr("选择(&L)……"))
        choose.setAutoDefault(False)  # Enter in the form saves it, even from this button
        choose.clicked.connect(self._choose)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.population, 1)
        line.addWidget(choose)
        explained = plain_label(
            self.tr("本辖区在册、未满18周岁的儿童都在排查范围内；名单中尚未建档的儿童一并列入。")
        )
        explained.setWordWrap(True)
        self.grid.add("title", self.tr("名称"), self.title)
        self.grid.add("deadline", self.tr("截止日期"), self.deadline)
        self.grid.add("population_note", self.tr("排查对象"), self.note)
        self.grid.add("population", self.tr("户籍名单"), row)
        self.grid.add("explained", "", explained)
        self.title.setFocus()

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择户籍名单"), "", self.tr("名单 (*.xlsx *.xls *.csv)")
        )
        if path:
            self.population.setText(path)

    def save(self) -> None:
        self.clear_errors()
        if not self.dates_readable({"deadline": self.deadline}, ["deadline"]):
            return
        screening, title, note = self.screening, self.title.text(), self.note.text()
        deadline, listed = self.deadline.value(), self.population.text().strip()

        def write():
            if not listed:
                return screening.open(title, deadline, note), None
            # Imported here: the list reader and the matcher load only for a list.
            from ...core.services.screening_population import open_with_population

            return open_with_population(
                screening.store, title, deadline, note, Path(listed), screening.today
            )

        self.submit(write)


def population_text(loaded: PopulationLoaded) -> str:
    """What became of the household register's rows, the rows refused each with its reason: a
    row left out is not lost without a word."""
    people = loaded.people
    counts = (loaded.rows, len(loaded.registered), len(people.added), len(people.already))
    text = QCoreApplication.translate(
        "ScreeningRoundForm",
        "户籍名单共 %1 行：%2 人已建档，已在排查中；%3 人新列入待排查；%4 人已在本轮。",
    )
    for i, count in enumerate(counts, 1):
        text = text.replace(f"%{i}", str(count))
    if people.refused:
        text += "\n" + QCoreApplication.translate(
            "ScreeningRoundForm", "%1 行未能列入，请核对名单后再导入："
        ).replace("%1", str(len(people.refused)))
        line = QCoreApplication.translate("ScreeningRoundForm", "第 %1 行：%2")
        for key, problem in people.refused:
            text += "\n" + line.replace("%1", key).replace("%2", i18n.problem_text(problem))
    return text


class FoundChecks(QWidget):
    """无, or the categories found: ticking a category unticks 无 and the other way round."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.none = QCheckBox(self.tr("无"))
        self.boxes = {code: QCheckBox(i18n.label("category", code)) for code in CATEGORY_CODES}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.none, 0, 0)
        for i, box in enumerate(self.boxes.values(), FOUND_COLUMNS):
            grid.addWidget(box, i // FOUND_COLUMNS, i % FOUND_COLUMNS)
            box.toggled.connect(lambda on: on and self.none.setChecked(False))
        self.none.toggled.connect(self._none_toggled)

    def _none_toggled(self, on: bool) -> None:
        if on:
            for box in self.boxes.values():
                box.setChecked(False)

    def codes(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def said(self) -> bool:
        """无 or some category ticked: an answer was given."""
        return self.none.isChecked() or bool(self.codes())

    def set_codes(self, codes: tuple[str, ...]) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in codes)
        self.none.setChecked(not codes)


class MarkForm(CareDialog):
    """The subject screened: on which day, what was found (无 or categories), a note."""

    def __init__(
        self, screening: Screening, tasks: Tasks, round_uuid: str, subject: Subject, parent=None
    ) -> None:
        super().__init__(tasks, self.tr("登记排查结果"), parent)
        self.screening = screening
        self.round_uuid = round_uuid
        self.subject = subject
        self.on = DateField()
        self.on.set_value(subject.screened_on or screening.today())
        self.found = FoundChecks()
        if subject.screened:
            self.found.set_codes(subject.found)
        self.note = QLineEdit(subject.note)
        who = i18n.bracket(subject.name, subject.village_name or subject.village_code)
        self.grid.add("subject", self.tr("儿童"), plain_label(who))
        self.grid.add("screened_on", self.tr("排查日期"), self.on)
        self.grid.add("found", self.tr("发现情形"), self.found, below=True)
        self.grid.add("note", self.tr("备注"), self.note)
        self.on.setFocus()

    def save(self) -> None:
        self.clear_errors()
        if not self.dates_readable({"screened_on": self.on}, ["screened_on"]):
            return
        if not self.found.said():
            self.grid.errors["found"].show_text(self.tr("请选择“无”或发现的类别"))
            self.grow_to_content()
            return
        screening, round_uuid, uuid = self.screening, self.round_uuid, self.subject.uuid
        on, found, note = self.on.value(), self.found.codes(), self.note.text()
        self.submit(lambda: screening.mark(round_uuid, uuid, found, on, note))
