"""The audit log as the supervisor reads it: one row per entry, words for the action codes."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ...core.storage.audit import AuditEntry

COL_TIME, COL_WHO, COL_ACTION, COL_RECORD, COL_FIELDS, COL_DETAIL = range(6)


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditModel", text)


def action_words() -> dict[str, str]:
    """Each action code in the supervisor's words, in the order the filter offers them."""
    return {
        "create": _t("新建"),
        "update": _t("修改"),
        "close": _t("销档"),
        "reopen": _t("恢复在册"),
        "import": _t("导入"),
        "export": _t("导出"),
        "print": _t("打印"),
        "report": _t("报表"),
        "backup": _t("备份"),
        "restore": _t("从备份恢复"),
        "passwd": _t("修改密码"),
        "merge": _t("合并"),
        "resolve": _t("处理冲突"),
    }


def entity_words() -> dict[str, str]:
    return {
        "child": _t("儿童档案"),
        "member": _t("家庭成员"),
        "visit": _t("走访"),
        "concern": _t("问题线索"),
        "setting": _t("设置"),
        "roster": _t("花名册"),
        "audit": _t("操作记录"),
    }


def headers() -> list[str]:
    return [_t("时间"), _t("操作人"), _t("操作"), _t("记录"), _t("字段"), _t("说明")]


def cells(entry: AuditEntry, actions: dict[str, str], entities: dict[str, str]) -> list[str]:
    """The texts of one row; a record is named by its kind and the start of its number."""
    record = entities.get(entry.entity, entry.entity)
    if entry.entity_uuid:
        record = f"{record} {entry.entity_uuid[:8]}".strip()
    return [
        entry.at.replace("T", " "),
        entry.who,
        actions.get(entry.action, entry.action),
        record,
        "、".join(entry.fields),
        entry.detail,
    ]


class AuditModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers = headers()
        self._actions = action_words()
        self._entities = entity_words()
        self._entries: list[AuditEntry] = []
        self._rows: list[list[str]] = []

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._rows = [cells(e, self._actions, self._entities) for e in self._entries]
        self.endResetModel()

    def entry(self, row: int) -> AuditEntry:
        return self._entries[row]

    def rows_for_export(self) -> tuple[list[str], list[list[str]]]:
        """What the table shows, with the record's whole number in a column of its own."""
        header = [*self._headers[:COL_FIELDS], _t("记录编号"), *self._headers[COL_FIELDS:]]
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
