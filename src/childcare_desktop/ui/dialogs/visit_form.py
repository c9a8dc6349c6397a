"""Logging a visit (走访记录) by keyboard: Enter in any field saves; a correction is prefilled
and keeps the photos of the version it corrects."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

from ...core.domain import vocab
from ...core.domain.visit import FINDING_AREAS, MODES, Visit
from ...core.errors import CoreError, ValidationFailed
from ...core.services.visits import VisitRecord, Visits
from .. import i18n
from ..tasks import CHILDREN, VISITS, Changes, Tasks
from ..widgets import (
    CodeCombo,
    DateField,
    ErrorLabel,
    FieldGrid,
    date_format_text,
    fit_to_screen,
    plain_label,
    scrolled,
)
from .visit_photos import PhotoList


class VisitForm(QDialog):
    saved = Signal(str)  # the child's uuid

    def __init__(
        self,
        visits: Visits,
        tasks: Tasks,
        child_uuid: str,
        child_name: str,
        visitor: str = "",
        correcting: VisitRecord | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.visits = visits
        self.tasks = tasks
        self.child_uuid = child_uuid
        self.correcting = correcting
        title = self.tr("更正走访记录") if correcting else self.tr("记录走访")
        self.setWindowTitle(title)
        self.visit_date = DateField()
        self.visit_date.set_value(visits.today())
        self.mode = CodeCombo("mode", MODES)
        self.visitor = QLineEdit(visitor)
        self.met = QLineEdit()
        self.met.setPlaceholderText(self.tr("如：祖母、本人"))
        self.findings = {area: QLineEdit() for area in FINDING_AREAS}
        self.needs = QLineEdit()
        self.taken = QLineEdit()
        self.guardianship = CodeCombo(
            "guardianship", vocab.GUARDIANSHIP, blank=self.tr("不重新评估")
        )
        self.next_planned = DateField()
        kept = correcting.photos if correcting else ()
        self.photos = PhotoList(visits, tasks, kept)
        grid = FieldGrid()
        grid.add("visit_date", self.tr("走访日期"), self.visit_date)
        grid.add("mode", self.tr("走访方式"), self.mode)
        grid.add("visitor", self.tr("走访人"), self.visitor)
        grid.add("met", self.tr("见到的人"), self.met)
        for area, edit in self.findings.items():
            grid.add(f"findings.{area}", i18n.label("finding_area", area), edit)
        grid.add("needs", self.tr("需求"), self.needs)
        grid.add("actions", self.tr("采取的措施"), self.taken)
        grid.add("guardianship", self.tr("监护情况（重新评估）"), self.guardianship)
        grid.add("next_planned", self.tr("下次计划走访"), self.next_planned)
        grid.add("photos", self.tr("照片（可选）"), self.photos)
        self.errors = grid.errors
        self.photos.problem.connect(self.errors["photos"].show_text)
        self.errors["findings"] = self.errors[f"findings.{FINDING_AREAS[0]}"]
        self.general_error = ErrorLabel()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        body = QVBoxLayout()
        body.addWidget(plain_label(child_name))
        body.addLayout(grid)
        body.addWidget(self.general_error)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(body))
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("字") * 40)
        fit_to_screen(self)
        if correcting is not None:
            self._fill(correcting.visit)
        self.mode.setFocus()

    def visit(self) -> Visit:
        findings = {a: e.text().strip() for a, e in self.findings.items() if e.text().strip()}
        return Visit(
            child_uuid=self.child_uuid,
            visit_date=self.visit_date.value(),
            mode=self.mode.code(),
            visitor=self.visitor.text().strip(),
            met=self.met.text().strip(),
            findings=findings,
            needs=self.needs.text().strip(),
            actions=self.taken.text().strip(),
            guardianship=self.guardianship.code(),
            next_planned=self.next_planned.value(),
        )

    def save(self) -> None:
        for error in self.errors.values():
            error.clear_text()
        self.general_error.clear_text()
        bad_dates = [
            name
            for name, field in (
                ("visit_date", self.visit_date),
                ("next_planned", self.next_planned),
            )
            if not field.is_valid() or (name == "visit_date" and field.value() is None)
        ]
        for name in bad_dates:
            self.errors[name].show_text(date_format_text())
        if bad_dates:
            return
        visit, visits, old = self.visit(), self.visits, self.correcting
        photos, dropped = self.photos.new_files(), self.photos.dropped()
        self.save_button.setEnabled(False)
        if old is None:
            job = lambda: visits.log(visit, photos)  # noqa: E731 (one of two jobs)
        else:
            corrected = replace(visit, supersedes=None)
            job = lambda: visits.correct(old.visit.uuid, corrected, photos, dropped)  # noqa: E731
        # A visit may reassess the guardianship: the child's file changes with it.
        changes = Changes.of(VISITS, CHILDREN, children=[self.child_uuid])
        self.tasks.write(
            job,
            self._saved,
            self._failed,
            ended=lambda: self.save_button.setEnabled(True),
            changes=changes,
        )

    def _saved(self, _record: VisitRecord) -> None:
        self.saved.emit(self.child_uuid)
        self.accept()

    def _failed(self, error: CoreError) -> None:
        if isinstance(error, ValidationFailed):
            for problem in error.problems:
                target = self.errors.get(problem.field, self.general_error)
                target.show_text(i18n.problem_text(problem))
        else:
            self.general_error.show_text(i18n.error_text(error))

    def _fill(self, visit: Visit) -> None:
        self.visit_date.set_value(visit.visit_date)
        self.mode.set_code(visit.mode)
        self.visitor.setText(visit.visitor)
        self.met.setText(visit.met)
        for area, edit in self.findings.items():
            edit.setText(visit.findings.get(area, ""))
        self.needs.setText(visit.needs)
        self.taken.setText(visit.actions)
        self.guardianship.set_code(visit.guardianship)
        self.next_planned.set_value(visit.next_planned)
