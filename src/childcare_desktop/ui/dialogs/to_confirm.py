"""A situation the facts of a child's file raised (强制报告, to be confirmed by a person):
recorded as a concern through the concern form, started with what the file shows, or set aside
with what the officer found when checking."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from ...core.services.concerns import Concerns, ToConfirm
from .. import i18n
from ..tasks import CONCERNS, Changes, Tasks
from ..widgets import plain_label
from .care_dialog import CareDialog
from .concern_form import ConcernForm


def concern_form_for(concerns: Concerns, tasks: Tasks, item: ToConfirm, parent=None):
    """The concern form with the situation chosen and what the file shows beside it."""
    shown = i18n.label("reportable_reason", item.found.reason)
    return ConcernForm(
        concerns, tasks, item.child_uuid, item.child_name, parent,
        kind=item.found.kind, shown=shown,
    )  # fmt: skip


class SetAsideDialog(CareDialog):
    """The officer checked and found no situation to report: what was found is required."""

    def __init__(self, concerns: Concerns, tasks: Tasks, item: ToConfirm, parent=None) -> None:
        super().__init__(tasks, self.tr("核实无需报告"), parent)
        self.concerns = concerns
        self.item = item
        self.save_button.setText(self.tr("确认无需报告"))
        self.found = QPlainTextEdit()
        self.found.setTabChangesFocus(True)
        self.found.setPlaceholderText(self.tr("核实了什么：现在谁在照看孩子，怎样核实的"))
        situation = plain_label(i18n.label("concern_kind", item.found.kind))
        situation.setWordWrap(True)
        self.grid.add("child", self.tr("儿童"), plain_label(item.child_name))
        self.grid.add("kind", self.tr("情形"), situation)
        self.grid.add("why", self.tr("依据"), plain_label(
            i18n.label("reportable_reason", item.found.reason)))  # fmt: skip
        self.grid.add("reason", self.tr("核实情况"), self.found)
        self.found.setFocus()

    def save(self) -> None:
        self.clear_errors()
        concerns, item, text = self.concerns, self.item, self.found.toPlainText()
        self.submit(
            lambda: concerns.dismiss(item.child_uuid, item.found.kind, text),
            Changes.of(CONCERNS),
        )
