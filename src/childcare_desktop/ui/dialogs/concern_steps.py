"""Following a concern through after it was recorded: reporting it (now, when it was recorded to
be reported later, or once more to another office), follow-up notes, closing with the outcome.
Each form shows what the record already holds, so that the officer writes the next step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from ...core.domain.care import REPORT_TARGETS, Concern
from ...core.services.concerns import Concerns
from .. import i18n
from ..tasks import CHILDREN, CONCERNS, Changes, Tasks
from ..widgets import CodeCombo, DateField, plain_label
from .care_dialog import CareDialog
from .concern_form import choose_text, contact_lines


def history_text(concern: Concern) -> str:
    """The concern as it stands: what, when, its reports and its notes, one a line."""
    reported = QCoreApplication.translate("ConcernSteps", "报告")
    noted = QCoreApplication.translate("ConcernSteps", "跟进")
    lines = [
        f"{concern.noticed_on.isoformat()}  {i18n.label('concern_kind', concern.kind)}  "
        f"{concern.description}"
    ]
    for r in concern.reports:
        target = i18n.label("report_target", r.target)
        lines.append(f"{r.reported_on.isoformat()}  {reported} {target}  {r.receipt}".rstrip())
    lines += [f"{n.noted_on.isoformat()}  {noted} {n.text}" for n in concern.notes]
    if not concern.reports:
        lines.append(QCoreApplication.translate("ConcernSteps", "尚未报告"))
    return "\n".join(lines)


class _ConcernStep(CareDialog):
    """A step on one concern: the record's history on top, the step's fields below."""

    def __init__(
        self,
        concerns: Concerns,
        tasks: Tasks,
        concern: Concern,
        child_name: str,
        title: str,
        parent=None,
    ) -> None:
        super().__init__(tasks, title, parent)
        self.concerns = concerns
        self.concern = concern
        self.history = plain_label(history_text(concern))
        self.history.setWordWrap(True)
        self.grid.add("child", self.tr("儿童"), plain_label(child_name))
        self.grid.add("concern", self.tr("记录"), self.history)

    def write(self, job) -> None:
        self.submit(job, Changes.of(CONCERNS, CHILDREN, children=[self.concern.child_uuid]))


class ReportDialog(_ConcernStep):
    def __init__(self, concerns, tasks, concern, child_name, parent=None) -> None:
        super().__init__(concerns, tasks, concern, child_name, self.tr("报告关注"), parent)
        self.contacts = plain_label()
        self.target = CodeCombo("report_target", REPORT_TARGETS, blank=choose_text())
        self.reported_on = DateField()
        self.reported_on.set_value(concerns.today())
        self.receipt = QLineEdit()
        self.receipt.setPlaceholderText(self.tr("如有回执号或接警编号"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("接听人、对方怎么说"))
        self.grid.add("contacts", self.tr("报告电话"), self.contacts)
        self.grid.add("target", self.tr("报告给"), self.target)
        self.grid.add("reported_on", self.tr("报告日期"), self.reported_on)
        self.grid.add("receipt", self.tr("回执号"), self.receipt)
        self.grid.add("note", self.tr("说明"), self.note)
        self.target.setFocus()
        tasks.read(concerns.contacts, self._show_contacts)

    def _show_contacts(self, found) -> None:
        self.contacts.setText(contact_lines(found))
        self.grow_to_content()

    def save(self) -> None:
        self.clear_errors()
        if not self.dates_readable({"reported_on": self.reported_on}, ["reported_on"]):
            return
        concerns, uuid, target = self.concerns, self.concern.uuid, self.target.code()
        day, receipt, note = self.reported_on.value(), self.receipt.text(), self.note.text()
        self.write(lambda: concerns.report(uuid, target, day, receipt, note))


class FollowUpDialog(_ConcernStep):
    def __init__(self, concerns, tasks, concern, child_name, parent=None) -> None:
        super().__init__(concerns, tasks, concern, child_name, self.tr("跟进记录"), parent)
        self.noted_on = DateField()
        self.noted_on.set_value(concerns.today())
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("做了什么、了解到什么（电话、走访、回复）"))
        self.grid.add("noted_on", self.tr("日期"), self.noted_on)
        self.grid.add("text", self.tr("跟进情况"), self.text)
        self.text.setFocus()

    def save(self) -> None:
        self.clear_errors()
        if not self.dates_readable({"noted_on": self.noted_on}, ["noted_on"]):
            return
        concerns, uuid = self.concerns, self.concern.uuid
        text, day = self.text.toPlainText(), self.noted_on.value()
        self.write(lambda: concerns.note(uuid, text, day))


class CloseConcernDialog(_ConcernStep):
    def __init__(self, concerns, tasks, concern, child_name, parent=None) -> None:
        super().__init__(concerns, tasks, concern, child_name, self.tr("结案"), parent)
        self.save_button.setText(self.tr("结案"))
        self.closed_on = DateField()
        self.closed_on.set_value(concerns.today())
        self.outcome = QPlainTextEdit()
        self.outcome.setTabChangesFocus(True)
        self.outcome.setPlaceholderText(self.tr("处理结果：孩子现在由谁照看、安全情况如何"))
        self.grid.add("closed_on", self.tr("结案日期"), self.closed_on)
        self.grid.add("follow_up", self.tr("处理结果"), self.outcome)
        self.outcome.setFocus()

    def save(self) -> None:
        self.clear_errors()
        if not self.dates_readable({"closed_on": self.closed_on}, ["closed_on"]):
            return
        concerns, uuid = self.concerns, self.concern.uuid
        outcome, day = self.outcome.toPlainText(), self.closed_on.value()
        self.write(lambda: concerns.close(uuid, outcome, day))
