"""The audit log as the supervisor reads it: one row per entry, words for the action codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ...core.storage.audit import AuditEntry
from .. import i18n
from .backups_model import reason_words
from .rows_model import RowsModel

COL_TIME, COL_WHO, COL_ACTION, COL_RECORD, COL_FIELDS, COL_DETAIL = range(6)


def action_words() -> dict[str, str]:
    """Each action code in the supervisor's words, in the order the filter offers them."""
    return {
        "create": QCoreApplication.translate("AuditModel", "新建"),
        "update": QCoreApplication.translate("AuditModel", "修改"),
        "close": QCoreApplication.translate("AuditModel", "销档"),
        "reopen": QCoreApplication.translate("AuditModel", "恢复在册"),
        "import": QCoreApplication.translate("AuditModel", "导入"),
        "export": QCoreApplication.translate("AuditModel", "导出"),
        "print": QCoreApplication.translate("AuditModel", "打印"),
        "report": QCoreApplication.translate("AuditModel", "报表"),
        "backup": QCoreApplication.translate("AuditModel", "备份"),
        "restore": QCoreApplication.translate("AuditModel", "从备份恢复"),
        "passwd": QCoreApplication.translate("AuditModel", "修改密码"),
        "merge": QCoreApplication.translate("AuditModel", "合并"),
        "resolve": QCoreApplication.translate("AuditModel", "处理冲突"),
    }


def entity_words() -> dict[str, str]:
    return {
        "child": QCoreApplication.translate("AuditModel", "儿童档案"),
        "member": QCoreApplication.translate("AuditModel", "家庭成员"),
        "visit": QCoreApplication.translate("AuditModel", "走访"),
        "visit_photo": QCoreApplication.translate("AuditModel", "走访照片"),
        "concern": QCoreApplication.translate("AuditModel", "问题线索"),
        "setting": QCoreApplication.translate("AuditModel", "设置"),
        "roster": QCoreApplication.translate("AuditModel", "花名册"),
        "audit": QCoreApplication.translate("AuditModel", "操作记录"),
    }


def headers() -> list[str]:
    return [
        QCoreApplication.translate("AuditModel", "时间"),
        QCoreApplication.translate("AuditModel", "操作人"),
        QCoreApplication.translate("AuditModel", "操作"),
        QCoreApplication.translate("AuditModel", "记录"),
        QCoreApplication.translate("AuditModel", "字段"),
        QCoreApplication.translate("AuditModel", "说明"),
    ]


def cells(
    entry: AuditEntry, actions: dict[str, str], entities: dict[str, str], reasons: dict[str, str]
) -> list[str]:
    """The texts of one row; a record is named by its kind and the start of its number; a
    backup's reason is in words."""
    record = entities.get(entry.entity, entry.entity)
    if entry.entity_uuid:
        record = f"{record} {entry.entity_uuid[:8]}".strip()
    return [
        entry.at.replace("T", " "),
        entry.who,
        actions.get(entry.action, entry.action),
        record,
        i18n.join(entry.fields),
        reasons.get(entry.detail, entry.detail) if entry.action == "backup" else entry.detail,
    ]


class AuditModel(RowsModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers = headers()
        self._actions = action_words()
        self._entities = entity_words()
        self._reasons = reason_words()

    def headers(self) -> list[str]:
        return self._headers

    def cells(self, entry: AuditEntry) -> list[str]:
        return cells(entry, self._actions, self._entities, self._reasons)

    def rows_for_export(self) -> tuple[list[str], list[list[str]]]:
        """What the table shows, with the record's whole number in a column of its own."""
        header = [
            *self._headers[:COL_FIELDS],
            QCoreApplication.translate("AuditModel", "记录编号"),
            *self._headers[COL_FIELDS:],
        ]
        rows = []
        for entry in self.records():
            shown = self.cells(entry)
            rows.append([*shown[:COL_FIELDS], entry.entity_uuid, *shown[COL_FIELDS:]])
        return header, rows

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            entry = self.row_record(index.row())
            return entry.entity_uuid if index.column() == COL_RECORD else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return super().data(index, role)
