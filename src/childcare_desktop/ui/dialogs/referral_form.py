"""Referrals (转介): referring a child to school, health, 残联, a social worker or the police,
and recording how the referral went."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLineEdit

from ...core.domain.care import REFERRAL_STATUSES, REFERRAL_TARGETS, Referral
from ...core.services.care import Care
from .. import i18n
from ..tasks import Tasks
from ..widgets import CodeCombo, DateField, plain_label
from .care_dialog import CareDialog, ChildChoice


class ReferralForm(CareDialog):
    def __init__(
        self, care: Care, tasks: Tasks, children: Sequence[tuple[str, str]], parent=None
    ) -> None:
        super().__init__(tasks, self.tr("新增转介"), parent)
        self.care = care
        self.child = ChildChoice(children)
        self.target = CodeCombo("referral_target", REFERRAL_TARGETS)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("为什么转介，需要对方做什么"))
        self.referred_on = DateField()
        self.referred_on.set_value(care.today())
        self.grid.add("child_uuid", self.tr("儿童"), self.child)
        self.grid.add("target", self.tr("转介至"), self.target)
        self.grid.add("reason", self.tr("事由"), self.reason)
        self.grid.add("referred_on", self.tr("转介日期"), self.referred_on)
        (self.target if len(children) == 1 else self.child).setFocus()

    def save(self) -> None:
        self.clear_errors()
        if not self.child.uuid():
            self.grid.errors["child_uuid"].show_text(self.tr("请从名单中选择儿童"))
            return
        if not self.dates_readable({"referred_on": self.referred_on}, ["referred_on"]):
            return
        care, uuid, target = self.care, self.child.uuid(), self.target.code()
        reason, day = self.reason.text(), self.referred_on.value()
        self.submit(lambda: care.add_referral(uuid, target, reason, day))


class ReferralStatusDialog(CareDialog):
    """The referral's new status (accepted, done, declined) and what came of it."""

    def __init__(self, care: Care, tasks: Tasks, referral: Referral, parent=None) -> None:
        super().__init__(tasks, self.tr("转介进展"), parent)
        self.care = care
        self.referral = referral
        self.status = CodeCombo("referral_status", REFERRAL_STATUSES)
        self.status.set_code(referral.status)
        self.outcome = QLineEdit(referral.outcome)
        self.outcome.setPlaceholderText(self.tr("结果或说明"))
        target = i18n.label("referral_target", referral.target)
        self.grid.add("target", self.tr("转介至"), plain_label(target))
        self.grid.add("reason", self.tr("事由"), plain_label(referral.reason))
        self.grid.add("status", self.tr("状态"), self.status)
        self.grid.add("outcome", self.tr("结果"), self.outcome)
        self.status.setFocus()

    def save(self) -> None:
        self.clear_errors()
        care, uuid = self.care, self.referral.uuid
        status, outcome = self.status.code(), self.outcome.text()
        self.submit(lambda: care.set_referral_status(uuid, status, outcome))
