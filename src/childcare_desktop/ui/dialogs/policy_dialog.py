"""The station's visit policy as a table of days per rule, each of which may ask for a home
visit, chosen whole from a preset (named with its source) or edited; and the numbers to call on
a concern."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from ...core.domain.visit_policy import DAY_RULES, HOME_RULES, VisitPolicy
from ...core.domain.visit_presets import PRESETS, preset_of
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
        self.home: dict[str, QCheckBox] = {}
        self.preset = QComboBox()
        for code in PRESETS:
            self.preset.addItem(i18n.label("policy_preset", code), code)
        self.preset.addItem(self.tr("本站自行设定"), "")
        self.preset.activated.connect(self._preset_chosen)
        self.source = plain_label("")
        self.source.setWordWrap(True)
        chosen = QGroupBox(self.tr("预设周期"))
        chosen_layout = QVBoxLayout(chosen)
        chosen_layout.addWidget(self.preset)
        chosen_layout.addWidget(self.source)
        rules = QGroupBox(self.tr("走访周期（多条适用时，先到期的一条为准）"))
        grid = QGridLayout(rules)
        grid.addWidget(plain_label(self.tr("情形")), 0, 0)
        grid.addWidget(plain_label(self.tr("间隔天数")), 0, 1)
        grid.addWidget(plain_label(self.tr("须入户（电话等不算）")), 0, 2)
        for row, name in enumerate(DAY_RULES, start=1):
            spin = QSpinBox()
            spin.setRange(POLICY_DAYS[0], POLICY_DAYS[-1])
            spin.setSuffix(self.tr(" 天"))
            spin.valueChanged.connect(self._edited)
            caption = QLabel(i18n.label("policy_rule", name))
            caption.setBuddy(spin)
            grid.addWidget(caption, row, 0)
            grid.addWidget(spin, row, 1)
            self.days[name] = spin
            if name in HOME_RULES:
                check = QCheckBox(self.tr("须入户"))
                check.toggled.connect(self._edited)
                grid.addWidget(check, row, 2)
                self.home[name] = check
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
        body.addWidget(chosen)
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
        self._fill(self.loaded)
        for row, contact in enumerate(contacts):
            name, number = QLineEdit(contact.name), QLineEdit(contact.number)
            target = plain_label(i18n.label("report_target", contact.target))
            self.numbers_grid.addWidget(target, row, 0)
            self.numbers_grid.addWidget(name, row, 1)
            self.numbers_grid.addWidget(number, row, 2)
            self.contacts.append((contact, name, number))
        self.save_button.setEnabled(True)

    def policy(self) -> VisitPolicy:
        home = frozenset(name for name, check in self.home.items() if check.isChecked())
        return VisitPolicy(**{name: spin.value() for name, spin in self.days.items()}, home=home)

    def _fill(self, policy: VisitPolicy) -> None:
        for name, days in policy.days().items():
            self.days[name].setValue(days)
        for name, check in self.home.items():
            check.setChecked(name in policy.home)
        self._edited()

    def _preset_chosen(self, index: int) -> None:
        code = self.preset.itemData(index)
        if code:
            self._fill(PRESETS[code])

    def _edited(self) -> None:
        """The preset the table now is, with its source, or 本站自行设定 once edited away."""
        code = preset_of(self.policy())
        self.preset.setCurrentIndex(self.preset.findData(code))
        source = i18n.label("policy_preset_source", code) if code else self.tr("本站修改过的周期")
        self.source.setText(self.tr("依据：%1").replace("%1", source))

    def save(self) -> None:
        if self.loaded is None:
            return
        policy = self.policy()
        contacts = [
            ReportContact(c.target, name.text(), number.text()) for c, name, number in self.contacts
        ]
        visits, concerns = self.work.visits, self.work.concerns
        changed = policy != self.loaded

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
