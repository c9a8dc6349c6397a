"""A town's or county's first view: each station below it, the last batch received from it and
when, how many changes it carried, and who is late; the buttons to read their files."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...core.services import sync
from ..models.sync_models import COL_CONFLICTS, StationsModel
from ..tasks import SYNC, Tasks
from ..widgets import ErrorLabel, plain_label
from .seen import RefreshWhenSeen
from .sync_status import _table


class StationsLanding(RefreshWhenSeen, QWidget):
    details_requested = Signal()

    def __init__(self, store, role: str, tasks: Tasks, import_action: QAction, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("stations_landing")
        self.store = store
        self.tasks = tasks
        self.below = self.tr("镇（街道）") if role == "county" else self.tr("村（居）")
        heading = plain_label(self.tr("各%1的同步情况").replace("%1", self.below))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.model = StationsModel(self)
        self.table = _table(self.model)
        # Conflicts are counted on the details tab, which reads them; here they would read 0.
        self.table.setColumnHidden(COL_CONFLICTS, True)
        self.import_button = QPushButton(self.tr("导入同步文件……"))
        self.import_button.setObjectName("landing_import")
        self.import_button.clicked.connect(import_action.trigger)
        self.details_button = QPushButton(self.tr("同步详情"))
        self.details_button.clicked.connect(self.details_requested)
        self.error = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.details_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.refresh_after(tasks, SYNC)
        self.refresh_when_seen()

    def refresh(self) -> None:
        store = self.store
        self.tasks.read(lambda: sync.status(store), self._show, self.error)

    def _show(self, state: sync.SyncStatus) -> None:
        self.model.set_status(state.stations, {})
        if not state.stations:
            text = self.tr(
                "还没有下属站点。在“同步 → 登记与证书”中为各%1办理入网；"
                "导入它们的同步文件后，这里列出每一个最近一批的情况。"
            )
            self.summary.setText(text.replace("%1", self.below))
            return
        late = sum(s.late for s in state.stations)
        if state.report_day:
            text = self.tr("共 %1 个站点，其中迟报 %2 个（每月 %3 日前未报送）。")
        else:
            text = self.tr("共 %1 个站点，其中迟报 %2 个（超过 %3 天没有收到批次）。")
        text = text.replace("%1", str(len(state.stations))).replace("%2", str(late))
        self.summary.setText(text.replace("%3", str(state.report_day or state.late_days)))
