"""A child's visits, every version: a correction is marked as such and the version it replaced
stays listed, greyed."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

from ...core.services.visits import VisitRecord
from .. import i18n
from .rows_model import RecordRole, RowsModel

__all__ = ["COLUMN_COUNT", "COL_PHOTOS", "OLD_VERSION", "RecordRole", "VisitHistoryModel"]

(
    COL_DATE,
    COL_MODE,
    COL_VISITOR,
    COL_MET,
    COL_FINDINGS,
    COL_ACTIONS,
    COL_NEXT,
    COL_PHOTOS,
    COL_VERSION,
) = range(9)
COLUMN_COUNT = 9
OLD_VERSION = QBrush(QColor("#8a8a8a"))


class VisitHistoryModel(RowsModel):
    def headers(self) -> list[str]:
        return [
            self.tr("走访日期"),
            self.tr("方式"),
            self.tr("走访人"),
            self.tr("见到的人"),
            self.tr("发现"),
            self.tr("需求与措施"),
            self.tr("下次计划"),
            self.tr("照片"),
            self.tr("版本"),
        ]

    def cells(self, record: VisitRecord) -> list[str]:
        return [self._text(record, column) for column in range(COLUMN_COUNT)]

    def brush(self, record: VisitRecord, row: int) -> QBrush | None:
        return None if record.current else OLD_VERSION

    def _text(self, record: VisitRecord, column: int) -> str:
        visit = record.visit
        if column == COL_DATE:
            return visit.visit_date.isoformat()
        if column == COL_MODE:
            return i18n.label("mode", visit.mode)
        if column == COL_VISITOR:
            return visit.visitor
        if column == COL_MET:
            return visit.met
        if column == COL_FINDINGS:
            return "；".join(
                (f"{i18n.label('finding_area', area)}：" if area else "") + text
                for area, text in visit.findings.items()
            )
        if column == COL_ACTIONS:
            return "；".join(x for x in (visit.needs, visit.actions) if x)
        if column == COL_NEXT:
            return visit.next_planned.isoformat() if visit.next_planned else ""
        if column == COL_PHOTOS:
            count = len(record.photos)
            return self.tr("%1张").replace("%1", str(count)) if count else ""
        if column == COL_VERSION:
            if not record.current:
                return self.tr("旧版本（已更正）")
            return self.tr("更正后") if visit.supersedes else ""
        return ""
