"""The town's sync overview: per village the last batch, gaps, refused files and open
conflicts; the files refused here; possible duplicates, merged or unmerged on request; and, in
red above all, each station whose audit log went backwards or forked between its batches."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.services import sync
from ...core.services.conflicts import Conflicts
from ...core.sync.audit_heads import HeadAlarm
from .. import i18n
from ..dialogs.conflicts import ConflictsDialog
from ..dialogs.duplicate_merge import DuplicateMergeDialog
from ..models.sync_models import DuplicatesModel, RefusedFilesModel, StationsModel
from ..tasks import CHILDREN, EVERYTHING, SYNC, Tasks
from ..widgets import ErrorLabel, plain_label
from .seen import RefreshWhenSeen


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _boxed(title: str, *widgets) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        if isinstance(widget, QWidget):
            layout.addWidget(widget)
        else:
            layout.addLayout(widget)
    return box


def _alarm_words(alarm: HeadAlarm, names: dict[str, str]) -> str:
    name = names.get(alarm.origin)
    return i18n.message(
        f"audit_head_{alarm.kind}",
        station=i18n.bracket(name, alarm.origin) if name else alarm.origin,
        batch=str(alarm.batch),
        entry=str(alarm.entry),
        at=alarm.at[:16].replace("T", " "),
    )


class SyncStatusView(RefreshWhenSeen, QWidget):
    def __init__(self, store, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.conflicts = Conflicts(store)
        self.dialog: ConflictsDialog | None = None
        self.merge_dialog: DuplicateMergeDialog | None = None
        self.stations = StationsModel(self)
        self.refused = RefusedFilesModel(self)
        self.duplicates = DuplicatesModel(self)
        self.stations_table = _table(self.stations)
        self.refused_table = _table(self.refused)
        self.duplicates_table = _table(self.duplicates)
        self.duplicates_table.selectionModel().currentRowChanged.connect(self._update_buttons)
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.refresh)
        self.open_conflicts = plain_label()
        self.audit_alarms = ErrorLabel()
        self.conflicts_button = QPushButton(self.tr("处理冲突……"))
        self.conflicts_button.clicked.connect(self.show_conflicts)
        self.merge_button = QPushButton(self.tr("把所选档案并入同组的另一份"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.undo_button = QPushButton(self.tr("撤销合并"))
        self.undo_button.clicked.connect(self.undo_selected)
        self.error = ErrorLabel()
        top = QHBoxLayout()
        top.addWidget(self.open_conflicts)
        top.addWidget(self.conflicts_button)
        top.addStretch()
        top.addWidget(refresh)
        merge_row = QHBoxLayout()
        merge_row.addWidget(self.merge_button)
        merge_row.addWidget(self.undo_button)
        merge_row.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.audit_alarms)
        layout.addWidget(_boxed(self.tr("各站点的批次"), self.stations_table), 2)
        layout.addWidget(_boxed(self.tr("拒收和隔离的文件"), self.refused_table), 1)
        duplicates = _boxed(
            self.tr("可能重复的档案（同一身份证号，或两村的姓名和出生日期相同、相近）"),
            self.duplicates_table,
            merge_row,
        )
        layout.addWidget(duplicates, 1)
        layout.addWidget(self.error)
        self._update_buttons()
        self.refresh_after(tasks, SYNC, CHILDREN)
        self.refresh_when_seen()

    def refresh(self) -> None:
        conflicts = self.conflicts

        def load():
            return sync.status(self.store), conflicts.open(), sync.audit_alarms(self.store)

        self.tasks.read(load, self._show, self.error)
        # Matching a county's files for possible duplicates takes seconds: read beside the rest,
        # so that the stations and conflicts are not kept waiting for it.
        alike = conflicts.possible_duplicates
        self.tasks.read(lambda: alike(True), self._show_duplicates, self.error)

    def _show_duplicates(self, groups) -> None:
        self.duplicates.set_groups(groups)
        self._update_buttons()

    def _show(self, loaded) -> None:
        state, open_conflicts, alarms = loaded
        per_station: dict[str, int] = {}
        for c in open_conflicts:
            for station in {v.station for v in c.values}:
                per_station[station] = per_station.get(station, 0) + 1
        self.stations.set_status(state.stations, per_station)
        self.refused.set_rows(state.refused)
        names = {s.station: s.name for s in state.stations}
        self.audit_alarms.show_text("\n".join(_alarm_words(a, names) for a in alarms))
        self.open_conflicts.setText(
            self.tr("待处理的冲突：%1 条").replace("%1", str(len(open_conflicts)))
        )
        self.conflicts_button.setEnabled(bool(open_conflicts))
        self._update_buttons()

    def show_conflicts(self) -> None:
        self.dialog = ConflictsDialog(self.store, self.tasks, self)
        self.dialog.finished.connect(self.refresh)
        self.dialog.open()

    def selected_file(self):
        return self.duplicates.row_record(self.duplicates_table.currentIndex().row())

    def merge_selected(self) -> None:
        chosen = self.selected_file()
        if chosen is None:
            return
        group, selected = chosen
        # Beside the file registered first of the others (the service lists it first); the
        # supervisor compares the two and says which one stays.
        other = next(f for f in group.files if f.uuid != selected.uuid and f.status == "active")
        dialog = DuplicateMergeDialog(self.store, self.tasks, other.uuid, selected.uuid, self)
        dialog.accepted.connect(
            lambda: self._write(
                lambda: self.conflicts.merge_duplicate(dialog.duplicate, dialog.kept)
            )
        )
        self.merge_dialog = dialog
        dialog.open()

    def undo_selected(self) -> None:
        chosen = self.selected_file()
        if chosen is not None:
            self._write(lambda: self.conflicts.undo_merge(chosen[1].uuid))

    def _write(self, job) -> None:
        self.error.clear_text()
        self.merge_button.setEnabled(False)
        self.undo_button.setEnabled(False)
        self.tasks.write(
            job, lambda _r: None, self.error, ended=self._update_buttons, changes=EVERYTHING
        )

    def _update_buttons(self, *_current) -> None:
        chosen = self.selected_file()
        mergeable = (
            chosen is not None
            and chosen[1].status == "active"
            and sum(f.status == "active" for f in chosen[0].files) > 1
        )
        self.merge_button.setEnabled(mergeable)
        self.undo_button.setEnabled(chosen is not None and bool(chosen[1].duplicate_of))
