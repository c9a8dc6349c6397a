"""Table models of the sync windows: import results, stations, refused files, duplicates,
receivers, open conflicts and one conflict's values side by side."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...core.roster.layout import CHILD_COLUMNS, TAIL_COLUMNS
from ...core.services.conflicts import ConflictView, DuplicateView
from ...core.services.sync import FileResult, SentStatus, StationStatus
from .. import i18n
from .rows_model import RowsModel

REFUSED = QBrush(QColor("#c00000"))
QUARANTINED = QBrush(QColor("#b35900"))


COL_FILE, COL_RESULT, COL_FROM, COL_BATCH, COL_DETAIL = range(5)


class ImportResultsModel(RowsModel):
    """One row per imported file: what became of it, and why in plain words."""

    def headers(self) -> list[str]:
        return [self.tr("文件"), self.tr("结果"), self.tr("来自"), self.tr("批次"), self.tr("说明")]

    def cells(self, r: FileResult) -> list[str]:
        if r.status == "applied":
            detail = self.tr("%1 条修改，%2 处冲突")
            detail = detail.replace("%1", str(r.changes_applied)).replace("%2", str(r.conflicts))
        else:
            detail = i18n.message(r.reason, **r.detail) if r.reason else ""
        seq = "" if r.seq is None else str(r.seq)
        return [Path(r.file).name, i18n.label("sync_status", r.status), r.station, seq, detail]

    def brush(self, r: FileResult, row: int) -> QBrush | None:
        return {"rejected": REFUSED, "quarantined": QUARANTINED}.get(r.status)


(
    COL_STATION,
    COL_LAST_BATCH,
    COL_LAST_IMPORT,
    COL_CHANGES,
    COL_MISSING,
    COL_REJECTED,
    COL_QUARANTINED,
    COL_CONFLICTS,
    COL_LATE,
) = range(9)


class StationsModel(RowsModel):
    """Per station below: the last batch and what it carried, gaps, refusals, open conflicts."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._conflicts: dict[str, int] = {}

    def set_status(self, stations: tuple[StationStatus, ...], conflicts: dict[str, int]) -> None:
        self._conflicts = dict(conflicts)
        self.set_rows(stations)

    def headers(self) -> list[str]:
        return [
            self.tr("站点"),
            self.tr("最后批次"),
            self.tr("导入时间"),
            self.tr("所含修改"),
            self.tr("缺少的批次"),
            self.tr("拒收文件"),
            self.tr("隔离文件"),
            self.tr("待处理冲突"),
            self.tr("迟报"),
        ]

    def cells(self, s: StationStatus) -> list[str]:
        return [
            station_text(s.station, s.name),
            str(s.last_seq) if s.last_seq else "",
            s.last_import[:16].replace("T", " "),
            str(s.last_changes) if s.last_seq else "",
            i18n.join(str(n) for n in s.missing),
            str(s.rejected),
            str(s.quarantined),
            str(self._conflicts.get(s.station, 0)),
            self.tr("迟报") if s.late else "",
        ]

    def brush(self, s: StationStatus, row: int) -> QBrush | None:
        return REFUSED if s.missing or s.quarantined or s.late else None


COL_REFUSED_FILE, COL_REFUSED_AS, COL_REFUSED_FROM, COL_REFUSED_AT, COL_REFUSED_WHY = range(5)


class RefusedFilesModel(RowsModel):
    """Files rejected or quarantined here, with the reason in plain words."""

    def headers(self) -> list[str]:
        return [self.tr("文件"), self.tr("结果"), self.tr("来自"), self.tr("时间"), self.tr("原因")]

    def cells(self, r: dict) -> list[str]:
        return [
            r.get("file_name", ""),
            i18n.label("sync_status", r["status"]),
            r.get("station") or "",
            (r.get("at") or "")[:16].replace("T", " "),
            i18n.message(r["reason"]) if r.get("reason") else "",
        ]

    def brush(self, r: dict, row: int) -> QBrush | None:
        return REFUSED if r["status"] == "rejected" else QUARANTINED


(
    COL_DUP_ID,
    COL_DUP_HOW,
    COL_DUP_SCORE,
    COL_DUP_NAME,
    COL_DUP_VILLAGE,
    COL_DUP_REGISTERED,
    COL_DUP_STATE,
) = range(7)


class DuplicatesModel(RowsModel):
    """One row per file of a group of possible duplicates (one ID number, or two villages'
    files the matcher takes for one child); a record is (group, file)."""

    def set_groups(self, groups: list[DuplicateView]) -> None:
        self.set_rows((g, f) for g in groups for f in g.files)

    def headers(self) -> list[str]:
        return [
            self.tr("身份证号"),
            self.tr("如何匹配"),
            self.tr("可信度"),
            self.tr("姓名"),
            self.tr("所属村"),
            self.tr("登记日期"),
            self.tr("状态"),
        ]

    def cells(self, record) -> list[str]:
        group, f = record
        state = self.tr("已合并到另一份") if f.duplicate_of else i18n.label("status", f.status)
        registered = f.registered_on.isoformat() if f.registered_on else ""
        score = f"{group.score:.2f}" if group.how else ""
        return [
            group.id_number,
            self.how_text(group.how),
            score,
            f.name,
            f.village_code,
            registered,
            state,
        ]

    def how_text(self, how: str) -> str:
        if how == "id_number":
            return self.tr("身份证号")
        if how == "name_birth":
            return self.tr("姓名+出生日期")
        if how == "fuzzy":
            return self.tr("相似")
        return ""  # merged, and no longer alike


COL_TO, COL_SENT_BATCH, COL_SENT_AT, COL_SENT_CHANGES, COL_ACKNOWLEDGED = range(5)


class ReceiversModel(RowsModel):
    """The stations this one sends to: the last batch written and what each acknowledged."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._own = ""

    def set_sent(self, sent, own_code: str) -> None:
        """`own_code` names this station in the receivers' acknowledgements."""
        self._own = own_code
        self.set_rows(sent)

    def headers(self) -> list[str]:
        return [
            self.tr("站点"),
            self.tr("最后导出批次"),
            self.tr("导出时间"),
            self.tr("所含修改"),
            self.tr("对方已确认"),
        ]

    def cells(self, s: SentStatus) -> list[str]:
        acknowledged = self.tr("本站前 %1 条修改").replace(
            "%1", str(s.acknowledged.get(self._own, 0))
        )
        return [
            station_text(s.to, s.name),
            str(s.last_seq) if s.last_seq else "",
            s.last_export[:16].replace("T", " "),
            str(s.changes) if s.last_seq else "",
            acknowledged,
        ]


COL_CONFLICT_CHILD, COL_CONFLICT_FIELD, COL_CONFLICT_SHOWN, COL_CONFLICT_VALUES = range(4)


class ConflictsModel(RowsModel):
    """Open conflicts: whose file, which field, the value shown for now, how many values."""

    def headers(self) -> list[str]:
        return [self.tr("儿童"), self.tr("项目"), self.tr("当前显示"), self.tr("不同的值")]

    def cells(self, c: ConflictView) -> list[str]:
        return [
            c.child_name,
            field_text(c.entity, c.field),
            value_text(c.shown),
            str(len(c.values)),
        ]


ROW_VALUE, ROW_STATION, ROW_WHEN, ROW_CHANGE = range(4)


class ConflictValuesModel(QAbstractTableModel):
    """One conflict's values as columns side by side; the rows say who changed it and when."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._conflict: ConflictView | None = None
        self._names: dict[str, str] = {}

    def set_conflict(self, conflict: ConflictView | None, names: dict[str, str]) -> None:
        self.beginResetModel()
        self._conflict = conflict
        self._names = dict(names)
        self.endResetModel()

    def value(self, column: int):
        values = self._conflict.values if self._conflict else ()
        return values[column] if 0 <= column < len(values) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._conflict is None else 4

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._conflict is None else len(self._conflict.values)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or self._conflict is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if 0 <= section < 4:
                return [
                    self.tr("值"),
                    self.tr("修改的站点"),
                    self.tr("修改时间"),
                    self.tr("修改编号"),
                ][section]
            return None
        if 0 <= section < len(self._conflict.values):
            # The service lists the shown value first.
            return self.tr("当前显示的值") if section == 0 else self.tr("另一个值")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        v = self._conflict.values[index.column()]
        return [
            value_text(v.value),
            station_text(v.station, self._names.get(v.station, "")),
            clock_text(v.clock),
            v.change_id,
        ][index.row()]


def station_text(code: str, name: str) -> str:
    return i18n.bracket(name, code) if name else code


def value_text(value) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("SyncModels", "（空）")
    if value is True:
        return QCoreApplication.translate("SyncModels", "是")
    if value is False:
        return QCoreApplication.translate("SyncModels", "否")
    return str(value)


_CHILD_FIELDS = dict(CHILD_COLUMNS + TAIL_COLUMNS)


def field_text(entity: str, field: str) -> str:
    """A child's field by its ledger header; other records by their technical names."""
    if entity == "child" and field in _CHILD_FIELDS:
        return _CHILD_FIELDS[field]
    return f"{entity}.{field}"


def clock_text(clock: str) -> str:
    """A change's hybrid clock (milliseconds since 1970, then a counter) as local time."""
    millis = int(clock.split(".")[0])
    return datetime.fromtimestamp(millis / 1000).strftime("%Y-%m-%d %H:%M")
