"""The audit log as the supervisor reads it: one row per entry, words for the action codes."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ...core.storage.audit import AuditEntry
from .. import i18n
from .backups_model import reason_words

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


class AuditModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers = headers()
        self._actions = action_words()
        self._entities = entity_words()
        self._reasons = reason_words()
        self._entries: list[AuditEntry] = []
        self._rows: list[list[str]] = []

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._rows = [cells(e, self._actions, self._entities, self._reasons) for e in self._entries]
        self.endResetModel()

    def entry(self, row: int) -> AuditEntry:
        return self._entries[row]

    def rows_for_export(self) -> tuple[list[str], list[list[str]]]:
        """What the table shows, with the record's whole number in a column of its own."""
        header = [
            *self._headers[:COL_FIELDS],
            QCoreApplication.translate("AuditModel", "记录编号"),
            *self._headers[COL_FIELDS:],
        ]
        rows = [
            [*r[:COL_FIELDS], e.entity_uuid, *r[COL_FIELDS:]]
            for r, e in zip(self._rows, self._entries, strict=True)
        ]
        return header, rows

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._entries[index.row()].entity_uuid if index.column() == COL_RECORD else None
        return self._rows[index.row()][index.column()]
