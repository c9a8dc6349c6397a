"""A village's own sync state: enrolled or not, the last batch written and when, what the town
has acknowledged, and what this laptop cannot know."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...core.services import sync
from ..models.sync_models import station_text
from ..tasks import SYNC, Tasks
from ..widgets import ErrorLabel, plain_label
from .seen import RefreshWhenSeen


class VillageSyncView(RefreshWhenSeen, QWidget):
    def __init__(
        self, store, own_code: str, tasks: Tasks, actions: tuple[QAction, QAction, QAction],
        parent=None,
    ) -> None:  # fmt: skip
        """`actions`: enroll, export and import, as the 同步 menu has them."""
        super().__init__(parent)
        self.setObjectName("village_sync")
        self.store = store
        self.own_code = own_code
        self.tasks = tasks
        self.state = plain_label()
        self.state.setWordWrap(True)
        self.unknown = plain_label(
            self.tr(
                "本机只从上级发回的同步文件得知上级收到了什么：文件是否已送到、上级是否已导入，"
                "本机无从知道；上级导入本站的批次后，要等本机导入上级发来的文件，"
                "这里的确认才会更新。"
            )
        )
        self.unknown.setWordWrap(True)
        self.error = ErrorLabel()
        enroll, export, receive = actions
        self.enroll_button = QPushButton(self.tr("登记与证书……"))
        self.export_button = QPushButton(self.tr("导出同步文件……"))
        self.import_button = QPushButton(self.tr("导入上级发来的文件……"))
        for button, action in (
            (self.enroll_button, enroll),
            (self.export_button, export),
            (self.import_button, receive),
        ):
            button.clicked.connect(action.trigger)
        buttons = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.enroll_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.unknown)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.refresh_after(tasks, SYNC)
        self.refresh_when_seen()

    def refresh(self) -> None:
        store = self.store
        self.tasks.read(lambda: sync.status(store), self._show, self.error)

    def _show(self, state: sync.SyncStatus) -> None:
        enrolled = bool(state.sent)
        self.export_button.setEnabled(enrolled)
        self.import_button.setEnabled(enrolled)
        self.unknown.setVisible(enrolled)
        if not enrolled:
            self.state.setText(
                self.tr(
                    "本站还没有入网：上级还没有为本机发证书，所以还不能导出同步文件。"
                    "请在“登记与证书”中写出入网申请，带到镇里办理。"
                )
            )
            return
        lines = []
        for sent in state.sent:
            to = station_text(sent.to, sent.name)
            if sent.last_seq:
                line = self.tr("最近导出给%1：第 %2 批，%3，含 %4 条修改。")
                line = line.replace("%1", to).replace("%2", str(sent.last_seq))
                line = line.replace("%3", sent.last_export[:16].replace("T", " "))
                lines.append(line.replace("%4", str(sent.changes)))
            else:
                lines.append(self.tr("已入网，上级是%1；还没有导出过同步文件。").replace("%1", to))
            acknowledged = sent.acknowledged.get(self.own_code, 0)
            if acknowledged:
                line = self.tr("%1已确认收到本站的前 %2 条修改。").replace("%1", to)
                lines.append(line.replace("%2", str(acknowledged)))
            else:
                lines.append(self.tr("%1还没有确认收到本站的修改。").replace("%1", to))
        self.state.setText("\n".join(lines))
