"""Micro-wishes (微心愿): collecting a wish, and moving it on one step (published → claimed by
whom → fulfilled → shared)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLineEdit

from ...core.domain.care import Wish, next_wish_state
from ...core.services.care import Care
from .. import i18n
from ..tasks import Tasks
from ..widgets import DateField, plain_label
from .care_dialog import CareDialog, ChildChoice


class WishForm(CareDialog):
    def __init__(
        self, care: Care, tasks: Tasks, children: Sequence[tuple[str, str]], parent=None
    ) -> None:
        super().__init__(tasks, self.tr("新增微心愿"), parent)
        self.care = care
        self.child = ChildChoice(children)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("如：一套课外书、一双运动鞋"))
        self.collected_on = DateField()
        self.collected_on.set_value(care.today())
        self.grid.add("child_uuid", self.tr("儿童"), self.child)
        self.grid.add("text", self.tr("心愿"), self.text)
        self.grid.add("collected_on", self.tr("收集日期"), self.collected_on)
        (self.text if len(children) == 1 else self.child).setFocus()

    def save(self) -> None:
        self.clear_errors()
        if not self.child.uuid():
            self.grid.errors["child_uuid"].show_text(self.tr("请从名单中选择儿童"))
            return
        if not self.dates_readable({"collected_on": self.collected_on}, ["collected_on"]):
            return
        care, uuid = self.care, self.child.uuid()
        text, day = self.text.text(), self.collected_on.value()
        self.submit(lambda: care.add_wish(uuid, text, day))


class WishStepDialog(CareDialog):
    """Moves one wish to its next state; claiming asks who claimed it."""

    def __init__(self, care: Care, tasks: Tasks, wish: Wish, parent=None) -> None:
        super().__init__(tasks, self.tr("微心愿：下一步"), parent)
        self.care = care
        self.wish = wish
        after = next_wish_state(wish.state)
        then = i18n.label("wish_state", after) if after else self.tr("已完成全部步骤")
        step = f"{i18n.label('wish_state', wish.state)} → {then}"
        self.claimed_by = QLineEdit()
        self.claimed_by.setPlaceholderText(self.tr("如：县妇联、某爱心企业"))
        self.note = QLineEdit()
        self.grid.add("text", self.tr("心愿"), plain_label(wish.text))
        self.grid.add("state", self.tr("状态"), plain_label(step))
        if after == "claimed":
            self.grid.add("claimed_by", self.tr("认领人"), self.claimed_by)
        self.grid.add("note", self.tr("说明"), self.note)
        self.save_button.setEnabled(after is not None)
        (self.claimed_by if after == "claimed" else self.note).setFocus()

    def save(self) -> None:
        self.clear_errors()
        care, uuid = self.care, self.wish.uuid
        who, note = self.claimed_by.text(), self.note.text()
        self.submit(lambda: care.advance_wish(uuid, claimed_by=who, note=note))
