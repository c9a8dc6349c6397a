"""Recording a concern (强制报告): what was noticed, and whether it was already reported (to
whom, when, the receipt) or will be reported later; the numbers to call are on the form.

Nothing is chosen for the officer: the kind is picked, the description typed, and with "reported
now" whom it went to. Enter on an incomplete form saves nothing and says beside each field what
it lacks (the service's checks, shown where they belong).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QLineEdit, QRadioButton, QVBoxLayout

from ... import words
from ...core.domain.care import (
    CONCERN_KINDS,
    DEFAULT_REPORT_CONTACTS,
    REPORT_TARGETS,
    ReportContact,
)
from ...core.services.concerns import Concerns
from .. import i18n
from ..tasks import CHILDREN, CONCERNS, Changes, Tasks
from ..widgets import CodeCombo, DateField, FieldGrid, plain_label
from .care_dialog import CareDialog

# The names the program ships, in Chinese, before an officer types the office's own.
_SHIPPED_NAMES = {c.target: c.name for c in DEFAULT_REPORT_CONTACTS}


def contact_lines(contacts: list[ReportContact]) -> str:
    """Whom to call, one a line, a missing number said as such."""
    missing = QCoreApplication.translate("ConcernForm", "（号码未设置，请在设置中填写）")
    return "\n".join(f"{contact_name(c)}    {c.number or missing}" for c in contacts)


def contact_name(contact: ReportContact) -> str:
    """The name the officer gave; one the program shipped (Chinese) is said, in another
    language, as the kind of office it is."""
    shipped = contact.name == _SHIPPED_NAMES.get(contact.target)
    if shipped and i18n.language() != words.ZH:
        return i18n.label("report_target", contact.target)
    return contact.name


def choose_text() -> str:
    return QCoreApplication.translate("ConcernForm", "（请选择）")


class ConcernForm(CareDialog):
    def __init__(
        self,
        concerns: Concerns,
        tasks: Tasks,
        child_uuid: str,
        child_name: str,
        parent=None,
        *,
        kind: str = "",
        shown: str = "",
    ) -> None:
        """`kind` and `shown` (what the file shows) start a form the facts of the file raised;
        what was seen or heard is still the officer's to write."""
        super().__init__(tasks, self.tr("记录关注（强制报告）"), parent)
        self.concerns = concerns
        self.child_uuid = child_uuid
        self.save_button.setText(self.tr("记录"))
        self.kind = CodeCombo("concern_kind", CONCERN_KINDS, blank=choose_text())
        self.noticed = DateField()
        self.noticed.set_value(concerns.today())
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("看到或听到了什么，在哪里，孩子现在怎样"))
        self.grid.add("child", self.tr("儿童"), plain_label(child_name))
        self.grid.add("kind", self.tr("情况类别"), self.kind)
        self.grid.add("noticed_on", self.tr("发现日期"), self.noticed)
        if shown:
            facts = plain_label(shown)
            facts.setWordWrap(True)
            self.grid.add("shown", self.tr("档案显示"), facts)
        self.grid.add("description", self.tr("具体情况"), self.description)
        self.layout().insertWidget(1, self._report_box())
        self.kind.set_code(kind)
        (self.description if kind else self.kind).setFocus()
        tasks.read(concerns.contacts, self._show_contacts)

    def _show_contacts(self, found: list[ReportContact]) -> None:
        self.contacts.setText(contact_lines(found))
        self.grow_to_content()

    def _report_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("报告（强制报告须立即报告）"))
        self.now = QRadioButton(self.tr("已报告"))
        self.later = QRadioButton(self.tr("稍后报告"))
        self.now.setChecked(True)  # the law asks for a report at once; later is a choice
        group = QButtonGroup(box)
        group.addButton(self.now)
        group.addButton(self.later)
        self.contacts = plain_label()
        self.target = CodeCombo("report_target", REPORT_TARGETS, blank=choose_text())
        self.reported_on = DateField()
        self.reported_on.set_value(self.concerns.today())
        self.receipt = QLineEdit()
        self.receipt.setPlaceholderText(self.tr("如有回执号或接警编号"))
        grid = FieldGrid()
        grid.add("target", self.tr("报告给"), self.target)
        grid.add("reported_on", self.tr("报告日期"), self.reported_on)
        grid.add("receipt", self.tr("回执号"), self.receipt)
        self.grid.errors.update(grid.errors)  # the service's problems land beside these too
        self.now.toggled.connect(self._report_now)
        layout = QVBoxLayout(box)
        layout.addWidget(self.contacts)
        layout.addWidget(self.now)
        layout.addWidget(self.later)
        layout.addLayout(grid)
        return box

    def _report_now(self, now: bool) -> None:
        for widget in (self.target, self.reported_on, self.receipt):
            widget.setEnabled(now)
        if not now:
            for name in ("target", "reported_on", "receipt"):
                self.grid.errors[name].clear_text()

    def save(self) -> None:
        self.clear_errors()
        dates = {"noticed_on": self.noticed}
        if self.now.isChecked():
            dates["reported_on"] = self.reported_on
        if not self.dates_readable(dates, list(dates)):
            return
        concerns, uuid = self.concerns, self.child_uuid
        kind, noticed, text = self.kind.code(), self.noticed.value(), self.description.text()
        target = self.target.code() if self.now.isChecked() else None
        day, receipt = self.reported_on.value(), self.receipt.text()
        self.submit(
            lambda: concerns.add(uuid, kind, noticed, text, target, day, receipt),
            Changes.of(CONCERNS, CHILDREN, children=[uuid]),
        )
