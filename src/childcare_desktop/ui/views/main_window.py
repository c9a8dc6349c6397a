"""The main window: Today, the registry and the other lists as tabs, the menus, the station."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QTabWidget, QToolBar

from ...core.domain.child import Child
from ...core.services.care_work import CareWork
from ...core.services.children import Children
from ...core.services.screening import Screening, Subject
from ...core.services.station import StationInfo
from ...core.services.team import Team
from ..actions.base import add_menu, make_action
from ..actions.care import CareActions
from ..actions.ledger import LedgerActions
from ..actions.reports import ReportActions
from ..actions.sync import SyncActions
from ..dialogs.child_form import ChildForm
from ..dialogs.close_file import CloseFileDialog
from ..server_watch import watch_server
from ..tasks import CARE, CHILDREN, Changes, Tasks
from ..widgets import fit_to_screen, plain_label
from .agenda_view import AgendaView
from .approval_view import ApprovalView
from .care_lists import CareLists
from .children_view import ChildrenView
from .dashboard_view import DashboardView
from .review_view import ReviewView
from .screening_view import ScreeningView
from .start_panel import StartPanel
from .stations_landing import StationsLanding
from .sync_status import SyncStatusView
from .team_view import TeamView
from .today_view import TodayView
from .village_sync import VillageSyncView


class MainWindow(QMainWindow):
    OPENING_SIZE = QSize(1200, 760)  # made smaller on a smaller screen

    def __init__(self, children: Children, station: StationInfo, tasks: Tasks, parent=None):
        super().__init__(parent)
        self.children = children
        self.store = children.store
        self.station = station
        self.tasks = tasks
        self.work = CareWork.open(self.store)
        self.form: ChildForm | None = None
        self.setWindowTitle(self.tr("儿童关爱服务") + " — " + station.name)
        self.view = ChildrenView(children, tasks)
        self.today = TodayView(self.work, tasks, visitor=station.officer)
        self.agenda = AgendaView(self.work, tasks, station.officer)
        self.review = ReviewView(self.work, tasks)
        self.care_lists = CareLists(self.work, tasks)
        self.screening = ScreeningView(Screening(self.store), station.role, tasks)
        self.screening.register_requested.connect(self.register_screened)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        for view in (self.today, self.agenda, self.review, self.care_lists):
            view.open_child.connect(self.open_child)
        self.new_action = self._action(self.tr("新建档案(&N)"), QKeySequence.StandardKey.New)
        self.open_action = self._action(self.tr("打开档案(&O)"), QKeySequence.StandardKey.Open)
        self.close_file_action = self._action(self.tr("销档(&C)……"))
        self.reopen_action = self._action(self.tr("恢复在册(&R)"))
        self.find_action = self._action(self.tr("查找(&F)"), QKeySequence.StandardKey.Find)
        self.settings_action = self._action(self.tr("设置(&S)……"), QKeySequence("Ctrl+,"))
        self.quit_action = self._action(self.tr("退出(&Q)"), QKeySequence.StandardKey.Quit)
        self.new_action.triggered.connect(self.new_child)
        self.open_action.triggered.connect(self.open_current)
        self.close_file_action.triggered.connect(self.close_current)
        self.reopen_action.triggered.connect(self.reopen_current)
        self.find_action.triggered.connect(self._focus_search)
        self.quit_action.triggered.connect(self.close)
        self.view.open_requested.connect(self.open_child)
        self.view.current_changed.connect(self._update_actions)
        self.ledger_actions = LedgerActions(self)
        self._build_menus()
        self.care_actions = CareActions(self)
        self.report_actions = ReportActions(self)
        self.sync_actions = SyncActions(self)
        self.start = StartPanel(self.ledger_actions.import_action, self.new_action)
        self._add_tabs()
        self.tools_menu = add_menu(
            self,
            self.tr("工具(&T)"),
            [self.find_action, self.ledger_actions.check_list_action, self.settings_action],
        )
        who = self.tr("本站：%1（%2）    负责人：%3")
        who = who.replace("%1", station.name).replace("%2", station.code)
        self.statusBar().addWidget(plain_label(who.replace("%3", station.officer)))
        fit_to_screen(self, self.OPENING_SIZE)
        self._update_actions()
        self.view.refresh()
        self.view.search.setFocus()
        # On a shared server, what a colleague saved shows here too.
        self.server_watch = watch_server(self, self.store, tasks)

    def _add_tabs(self) -> None:
        """A village opens on its workbench: whom to visit and what is urgent. A town or a
        county opens on its dashboard (the stations below it: how their visits went, who sent
        what and who is late), then the sync state of each."""
        station, sync = self.station, self.sync_actions
        self.landing: StationsLanding | None = None
        self.sync_status: SyncStatusView | None = None
        self.village_sync: VillageSyncView | None = None
        self.team: TeamView | None = None
        self.approval: ApprovalView | None = None
        self.dashboard: DashboardView | None = None
        if station.role == "village":
            actions = (sync.enroll_action, sync.export_action, sync.import_action)
            self.village_sync = VillageSyncView(self.store, station.code, self.tasks, actions)
        else:
            self.landing = StationsLanding(self.store, station.role, self.tasks, sync.import_action)
            self.sync_status = SyncStatusView(self.store, self.tasks)
            self.team = TeamView(Team(self.store), self.tasks)
            self.approval = ApprovalView(self.work.approval, self.children, self.store, self.tasks)
            self.approval.open_child.connect(self.open_child)
            self.landing.details_requested.connect(
                lambda: self.tabs.setCurrentWidget(self.sync_status)
            )
            self.dashboard = DashboardView(self.store, station.role, self.tasks)
            self.dashboard.open_child.connect(self.open_child)
            below = self.tr("各镇同步") if station.role == "county" else self.tr("各村同步")
            self.tabs.addTab(self.dashboard, self.tr("看板"))
            self.tabs.addTab(self.landing, below)
            self.tabs.addTab(self.approval, self.tr("审核"))
        self.tabs.addTab(self.today, self.tr("工作台"))
        self.tabs.addTab(self.view, self.tr("儿童名册"))
        self.tabs.addTab(self.agenda, self.tr("走访日程"))
        self.tabs.addTab(self.review, self.tr("动态管理"))
        self.tabs.addTab(self.care_lists, self.tr("关爱服务"))
        self.tabs.addTab(self.screening, self.tr("排查"))
        if self.team is not None:
            self.tabs.addTab(self.team, self.tr("团队"))
        self.tabs.addTab(self.sync_status or self.village_sync, self.tr("同步情况"))
        self.tabs.setCurrentIndex(0)
        self.tasks.changed.connect(self._written)
        self._count_children()

    def _written(self, changes: Changes) -> None:
        if changes.touch(CHILDREN):
            self._count_children()

    def _count_children(self) -> None:
        self.tasks.read(self.children.count, self._show_start)

    def _show_start(self, count: int) -> None:
        """With no child's file yet, the workbench says how to begin instead of empty lists."""
        page, other = (self.start, self.today) if count == 0 else (self.today, self.start)
        at = self.tabs.indexOf(other)
        if at < 0:
            return
        current = self.tabs.currentIndex()
        self.tabs.removeTab(at)
        self.tabs.insertTab(at, page, self.tr("工作台"))
        self.tabs.setCurrentIndex(current)

    def new_child(self) -> None:
        village = self.station.code if self.station.role == "village" else ""
        self._open_form(Child(name="", sex="", birth_date=None, village_code=village), True)

    def open_current(self) -> None:
        uuid = self.view.current_uuid()
        if uuid:
            self.open_child(uuid)

    def open_child(self, uuid: str) -> None:
        children = self.children
        self.tasks.read(lambda: children.get(uuid), lambda child: self._open_form(child, False))

    def close_current(self) -> None:
        row = self.view.current_row()
        if row is None or row.status != "active":
            return
        dialog = CloseFileDialog(row.name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            reason, note, children = dialog.reason.code(), dialog.note.text(), self.children
            self._change(row.uuid, lambda: children.close(row.uuid, reason, note))

    def reopen_current(self) -> None:
        row = self.view.current_row()
        if row is not None and row.status == "closed":
            children = self.children
            self._change(row.uuid, lambda: children.reopen(row.uuid))

    def _open_form(self, child: Child, is_new: bool) -> None:
        village_fixed = self.station.role == "village"
        self.form = ChildForm(
            self.children,
            child,
            village_fixed,
            is_new,
            self,
            tasks=self.tasks,
            work=self.work,
            visitor=self.station.officer,
        )
        self.form.finished.connect(self._form_closed)
        self.form.open()

    def register_screened(self, round_uuid: str, subject: Subject) -> None:
        """A listed person found in a category: the child's form filled from the list; once
        saved, the person is that child in the round, with what the screening found."""
        screening = self.screening.screening
        self.tasks.read(
            lambda: screening.draft_child(round_uuid, subject.uuid),
            lambda child: self._register(child, round_uuid, subject),
        )

    def _register(self, child: Child, round_uuid: str, subject: Subject) -> None:
        self._open_form(child, True)
        screening, linked = self.screening.screening, []

        def saved(uuid: str) -> None:
            if linked:
                return
            linked.append(uuid)
            self.tasks.write(
                lambda: screening.mark(
                    round_uuid, subject.uuid, subject.found, subject.screened_on, subject.note,
                    registered_as=uuid,
                ),
                lambda _marked: None,
                changes=Changes.of(CARE),
            )  # fmt: skip

        self.form.saved.connect(saved)

    def _form_closed(self) -> None:
        if self.form is not None:
            self.form.deleteLater()
            self.form = None
        self.view.table.setFocus()

    def _change(self, uuid: str, change) -> None:
        self.tasks.write(change, lambda _child: None, changes=Changes.of(CHILDREN, children=[uuid]))

    def _update_actions(self) -> None:
        row = self.view.current_row()
        self.open_action.setEnabled(row is not None)
        self.close_file_action.setEnabled(row is not None and row.status == "active")
        self.reopen_action.setEnabled(row is not None and row.status == "closed")
        if hasattr(self, "care_actions"):
            self.care_actions.update(row)
            self.report_actions.update(row)

    def _focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.view)
        self.view.search.setFocus()
        self.view.search.selectAll()

    def _action(self, text: str, shortcut=None) -> QAction:
        return make_action(self, text, shortcut)

    def _build_menus(self) -> None:
        ledger = self.ledger_actions
        add_menu(
            self,
            self.tr("档案(&F)"),
            [
                self.new_action,
                self.open_action,
                self.close_file_action,
                self.reopen_action,
                None,
                ledger.import_action,
                ledger.export_action,
                None,
                self.quit_action,
            ],
        )
        bar = QToolBar(self.tr("工具栏"))
        bar.setObjectName("main_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setMovable(False)
        for action in (
            self.new_action,
            self.open_action,
            self.close_file_action,
            self.reopen_action,
            ledger.import_action,
            self.settings_action,
        ):
            bar.addAction(action)
        self.addToolBar(bar)
