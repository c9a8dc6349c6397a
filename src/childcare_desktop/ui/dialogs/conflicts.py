"""Conflicts: the values two stations gave one field side by side, with who changed it and
when; the supervisor keeps one or types the right value, and the choice travels on."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ...core.errors import CoreError, ValidationFailed
from ...core.services import sync
from ...core.services.conflicts import Conflicts, ConflictView
from ...core.services.station import station_info
from .. import i18n
from ..models.sync_models import ConflictsModel, ConflictValuesModel
from ..tasks import EVERYTHING, Tasks
from ..widgets import ErrorLabel, fit_to_screen, plain_label


def station_names(store) -> dict[str, str]:
    """Names of this station and the ones it knows, to say who made each value."""
    state, me = sync.status(store), station_info(store)
    return (
        {s.station: s.name for s in state.stations if s.name}
        | {s.to: s.name for s in state.sent if s.name}
        | {me.code: me.name}
    )


def _table(model, behaviour: QAbstractItemView.SelectionBehavior) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(behaviour)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return table


class ConflictsDialog(QDialog):
    resolved = Signal(object)  # core.services.conflicts.Resolution

    def __init__(self, store, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.conflicts = Conflicts(store)
        self.tasks = tasks
        self.names: dict[str, str] = {}
        self.setWindowTitle(self.tr("处理冲突"))
        self.list_model = ConflictsModel(self)
        self.list = _table(self.list_model, QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.list.selectionModel().currentRowChanged.connect(self._show_current)
        self.empty = plain_label(self.tr("没有待处理的冲突。"))
        self.values_model = ConflictValuesModel(self)
        self.values = _table(self.values_model, QAbstractItemView.SelectionBehavior.SelectColumns)
        self.values.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.values.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.values.selectionModel().currentColumnChanged.connect(self._update_buttons)
        self.pick_button = QPushButton(self.tr("采用所选的值"))
        self.pick_button.clicked.connect(self.pick)
        self.new_value = QLineEdit()
        self.new_value.setPlaceholderText(self.tr("或输入正确的值（日期写成 2024-05-06）"))
        self.new_value.textChanged.connect(self._update_buttons)
        self.type_button = QPushButton(self.tr("采用输入的值"))
        self.type_button.clicked.connect(self.type_value)
        self.error = ErrorLabel()
        typed = QHBoxLayout()
        typed.addWidget(self.new_value, 1)
        typed.addWidget(self.type_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(self.tr("两个站点同时改了同一项。处理之前，各处都暂时显示同一个值。"))
        )
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(plain_label(self.tr("请比较两边的值，选一个，或者输入正确的值：")))
        layout.addWidget(self.values, 1)
        layout.addWidget(self.pick_button)
        layout.addLayout(typed)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(760, 560))
        self._update_buttons()
        self.refresh()

    def refresh(self) -> None:
        self.tasks.read(
            lambda: (self.conflicts.open(), station_names(self.store)), self._show, self._failed
        )

    def current(self) -> ConflictView | None:
        return self.list_model.row_record(self.list.currentIndex().row())

    def pick(self) -> None:
        conflict = self.current()
        chosen = self.values_model.value(self.values.currentIndex().column())
        if conflict is None or chosen is None:
            return
        self._resolve(lambda: self.conflicts.pick(conflict.id, chosen.change_id))

    def type_value(self) -> None:
        conflict, text = self.current(), self.new_value.text()
        if conflict is not None and text.strip():
            self._resolve(lambda: self.conflicts.resolve(conflict.id, text))

    def _resolve(self, job) -> None:
        self.error.clear_text()
        self.pick_button.setEnabled(False)
        self.type_button.setEnabled(False)
        self.tasks.write(
            job, self._resolved, self._failed, ended=self._update_buttons, changes=EVERYTHING
        )

    def _resolved(self, resolution) -> None:
        self.new_value.clear()
        self.resolved.emit(resolution)
        self.refresh()

    def _show(self, found) -> None:
        conflicts, self.names = found
        self.list_model.set_rows(conflicts)
        self.empty.setVisible(not conflicts)
        if conflicts:
            self.list.setCurrentIndex(self.list_model.index(0, 0))
        else:
            self.values_model.set_conflict(None, self.names)
        self._update_buttons()

    def _show_current(self, current, _previous=None) -> None:
        self.values_model.set_conflict(self.list_model.row_record(current.row()), self.names)
        self.new_value.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.values.currentIndex().isValid()
        self.pick_button.setEnabled(self.current() is not None and chosen)
        self.type_button.setEnabled(self.current() is not None and bool(self.new_value.text()))

    def _failed(self, error: CoreError) -> None:
        if isinstance(error, ValidationFailed):
            self.error.show_text("；".join(i18n.problem_text(p) for p in error.problems))
        else:
            self.error.show_text(i18n.error_text(error))
