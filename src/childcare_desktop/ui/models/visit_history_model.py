"""A child's visits, every version: a correction is marked as such and the version it replaced
stays listed, greyed."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...core.services.visits import VisitRecord
from .. import i18n

COL_DATE, COL_MODE, COL_VISITOR, COL_MET, COL_FINDINGS, COL_ACTIONS, COL_NEXT, COL_VERSION = range(
    8
)
COLUMN_COUNT = 8
RecordRole = Qt.ItemDataRole.UserRole + 2
OLD_VERSION = QBrush(QColor("#8a8a8a"))


class VisitHistoryModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._records: list[VisitRecord] = []

    def set_records(self, records: list[VisitRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list[VisitRecord]:
        return list(self._records)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
            return [
                self.tr("走访日期"),
                self.tr("方式"),
                self.tr("走访人"),
                self.tr("见到的人"),
                self.tr("发现"),
                self.tr("需求与措施"),
                self.tr("下次计划"),
                self.tr("版本"),
            ][section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self._records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(record, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and not record.current:
            return OLD_VERSION
        if role == RecordRole:
            return record
        return None

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
                f"{i18n.label('finding_area', area)}：{text}"
                for area, text in visit.findings.items()
            )
        if column == COL_ACTIONS:
            return "；".join(x for x in (visit.needs, visit.actions) if x)
        if column == COL_NEXT:
            return visit.next_planned.isoformat() if visit.next_planned else ""
        if column == COL_VERSION:
            if not record.current:
                return self.tr("旧版本（已更正）")
            return self.tr("更正后") if visit.supersedes else ""
        return ""
