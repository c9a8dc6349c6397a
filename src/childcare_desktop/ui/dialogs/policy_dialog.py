"""The station's visit policy as a table of days per rule, and the numbers to call on a concern."""

from __future__ import annotations

from dataclasses import asdict, fields

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from ...core.domain.care import ReportContact
from ...core.domain.visit_policy import VisitPolicy
from ...core.errors import CoreError, ValidationFailed
from ...core.services.care_work import CareWork
from ...core.services.visits import POLICY_DAYS
from .. import i18n
from ..tasks import POLICY, VISITS, Changes, Tasks
from ..widgets import ErrorLabel, fit_to_screen, plain_label, scrolled


class PolicyDialog(QDialog):
    def __init__(self, work: CareWork, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.work = work
        self.tasks = tasks
        self.setWindowTitle(self.tr("走访周期与报告电话"))
        self.loaded: VisitPolicy | None = None  # as the store holds it, once read
        self.days: dict[str, QSpinBox] = {}
        rules = QGroupBox(self.tr("走访周期（多条适用时取最短）"))
        grid = QGridLayout(rules)
        grid.addWidget(plain_label(self.tr("情形")), 0, 0)
        grid.addWidget(plain_label(self.tr("间隔天数")), 0, 1)
        for row, field in enumerate(fields(VisitPolicy), start=1):
            spin = QSpinBox()
            spin.setRange(POLICY_DAYS[0], POLICY_DAYS[-1])
            spin.setSuffix(self.tr(" 天"))
            caption = QLabel(i18n.label("policy_rule", field.name))
            caption.setBuddy(spin)
            grid.addWidget(caption, row, 0)
            grid.addWidget(spin, row, 1)
            self.days[field.name] = spin
        self.contacts: list[tuple[ReportContact, QLineEdit, QLineEdit]] = []
        numbers = QGroupBox(self.tr("发现情况时报告给（强制报告）"))
        self.numbers_grid = QGridLayout(numbers)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setEnabled(False)  # until the policy in the store is shown
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        body = QVBoxLayout()
        body.addWidget(rules)
        body.addWidget(numbers)
        body.addWidget(plain_label(self.tr("保存后，全部儿童的下次走访日期会重新计算。")))
        body.addWidget(self.error)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(body))
        layout.addWidget(buttons)
        fit_to_screen(self)
        visits, concerns = work.visits, work.concerns
        self.tasks.read(lambda: (visits.policy(), concerns.contacts()), self._show, self.error)

    def _show(self, found: tuple[VisitPolicy, list[ReportContact]]) -> None:
        self.loaded, contacts = found
        for name, spin in self.days.items():
            spin.setValue(getattr(self.loaded, name))
        for row, contact in enumerate(contacts):
            name, number = QLineEdit(contact.name), QLineEdit(contact.number)
            target = plain_label(i18n.label("report_target", contact.target))
            self.numbers_grid.addWidget(target, row, 0)
            self.numbers_grid.addWidget(name, row, 1)
            self.numbers_grid.addWidget(number, row, 2)
            self.contacts.append((contact, name, number))
        self.save_button.setEnabled(True)

    def policy(self) -> VisitPolicy:
        return VisitPolicy(**{name: spin.value() for name, spin in self.days.items()})

    def save(self) -> None:
        if self.loaded is None:
            return
        policy = self.policy()
        contacts = [
            ReportContact(c.target, name.text(), number.text()) for c, name, number in self.contacts
        ]
        visits, concerns = self.work.visits, self.work.concerns
        changed = asdict(policy) != asdict(self.loaded)

        def job() -> None:
            concerns.set_contacts(contacts)
            if changed:
                visits.set_policy(policy)

        self.save_button.setEnabled(False)
        self.tasks.write(
            job,
            lambda _r: self.accept(),
            self._failed,
            ended=lambda: self.save_button.setEnabled(True),
            changes=Changes.of(POLICY, VISITS),  # the next visit of every child
        )

    def _failed(self, error: CoreError) -> None:
        if isinstance(error, ValidationFailed):
            self.error.show_text("；".join(i18n.problem_text(p) for p in error.problems))
        else:
            self.error.show_text(i18n.error_text(error))
