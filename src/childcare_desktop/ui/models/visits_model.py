"""The due list as a table: one row per child due for a visit, overdue ones in red."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
)
from PySide6.QtGui import QBrush, QColor

from ...core.services.visits import DueRow
from .. import i18n
from .rows_model import RowsModel, UuidRole

__all__ = ["COLUMN_COUNT", "OVERDUE", "DueModel", "UuidRole", "reason_text"]

COL_NAME, COL_DUE, COL_STATUS, COL_REASON, COL_RISK, COL_LAST_VISIT = range(6)
COLUMN_COUNT = 6
OVERDUE = QBrush(QColor("#c00000"))


class DueModel(RowsModel):
    def record_of(self, uuid: str) -> DueRow | None:
        return next((r for r in self._rows if r.uuid == uuid), None)

    def uuids(self) -> list[str]:
        return [r.uuid for r in self._rows]

    def headers(self) -> list[str]:
        return [
            self.tr("姓名"),
            self.tr("应走访日期"),
            self.tr("状态"),
            self.tr("原因"),
            self.tr("风险"),
            self.tr("最近走访"),
        ]

    def cells(self, row: DueRow) -> list[str]:
        return [self._text(row, column) for column in range(COLUMN_COUNT)]

    def brush(self, row: DueRow, index: int) -> QBrush | None:
        return OVERDUE if row.status == "overdue" else None

    def child_of(self, row: DueRow) -> str:
        return row.uuid

    def _text(self, row: DueRow, column: int) -> str:
        if column == COL_NAME:
            return row.name
        if column == COL_DUE:
            return row.due_date.isoformat()
        if column == COL_STATUS:
            return i18n.label("due_status", row.status)
        if column == COL_REASON:
            return reason_text(row.reason, row.interval_days, row.home_visit)
        if column == COL_RISK:
            return i18n.label("risk", row.risk)
        if column == COL_LAST_VISIT:
            return row.last_visit.isoformat() if row.last_visit else ""
        return ""


def reason_text(reason: str, days: int | None, home: bool = False) -> str:
    """ "孤儿，每30天" or "孤儿，每30天入户": the rule that set the due date, its interval and
    whether only a home visit resets it."""
    if not reason:
        return ""
    words = i18n.label("due_reason", reason)
    if days is None or reason in ("first_visit", "planned"):
        return words
    if home:
        every = QCoreApplication.translate("DueModel", "每%1天入户")
    else:
        every = QCoreApplication.translate("DueModel", "每%1天")
    return i18n.clause(words, every.replace("%1", str(days)))
