"""督导看板, a town's or county's first view: a bar per village (per town at a county) of the
month's children owed a visit by how the visits went, twelve months of children visited on time,
and the table of every figure with each station's last batch and whether it reported late.
Every figure and every part of a bar opens the list behind it; at a county a town's name opens
its villages. The figures are read off the GUI thread, then the trend."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.reports.dashboard_figures import Dashboard, FigureList
from ...core.services import dashboard
from ...core.storage.store import Store
from .. import i18n
from ..dialogs.figure_list import FigureListDialog
from ..models.dashboard_model import COL_NAME, DashboardModel
from ..tasks import CHILDREN, CONCERNS, POLICY, SYNC, VISITS, Changes, Tasks
from ..widgets import ErrorLabel, plain_label
from .dashboard_charts import TrendChart, VillageBars
from .seen import RefreshWhenSeen
from .team_view import recent_months


class DashboardView(RefreshWhenSeen, QWidget):
    open_child = Signal(str)
    shown = Signal()  # the figures and the trend asked for last are both on screen

    def __init__(
        self,
        store: Store,
        role: str,
        tasks: Tasks,
        today: Callable[[], date] = date.today,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.store, self.role, self.tasks, self.today = store, role, tasks, today
        self.town = ""  # at a county, the town drilled into
        self.figures: Dashboard | None = None
        self.dialog: FigureListDialog | None = None
        self._asked = 0
        self._answers: dict[str, object] = {}
        self.heading = plain_label()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.month = QComboBox()
        self.month.setObjectName("dashboard_month")
        self.month.addItems(recent_months(today()))
        self.month.currentIndexChanged.connect(lambda _i: self.refresh())
        self.back = QPushButton(self.tr("返回各镇"))
        self.back.setObjectName("dashboard_back")
        self.back.clicked.connect(lambda: self.drill(""))
        self.back.hide()
        self.calendar = plain_label()
        self.calendar_button = QPushButton(self.tr("报送日……"))
        self.calendar_button.setToolTip(self.tr("设定各镇每月几日前报送同步批次"))
        self.calendar_button.clicked.connect(self._ask_report_day)
        self.calendar_button.setVisible(role == "county")
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.bars = VillageBars()
        self.bars.part_clicked.connect(lambda code, state: self.open_list(state, code))
        self.trend = TrendChart()
        self.trend.month_clicked.connect(self._pick_month)
        self.model = DashboardModel(self)
        self.table = self._table()
        self.error = ErrorLabel()
        top = QHBoxLayout()
        for widget in (self.heading, self.month, self.back):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.calendar)
        top.addWidget(self.calendar_button)
        self.bars_box = QGroupBox()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.bars)
        QVBoxLayout(self.bars_box).addWidget(scroll)
        trend_box = QGroupBox(self.tr("近十二个月按时走访的儿童（点击月份查看该月）"))
        QVBoxLayout(trend_box).addWidget(self.trend)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.bars_box)
        charts.addWidget(trend_box)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)
        charts.setChildrenCollapsible(False)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(charts)
        body.addWidget(self.table)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)
        body.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)
        layout.addWidget(self.error)
        self._say_level()
        self.refresh_after(tasks, CHILDREN, VISITS, CONCERNS, POLICY, SYNC)
        self.refresh_when_seen()

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("dashboard_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        table.setToolTip(self.tr("双击一个数字，查看它背后的名单"))
        table.activated.connect(self._activated)
        return table

    def refresh(self) -> None:
        """Ask for the month's figures, then its trend: the figures come first, and the table a
        supervisor reads first is not kept waiting by the twelve months read beside it. An
        answer to an earlier question is dropped."""
        self._asked += 1
        asked, answers = self._asked, {}
        self._answers = answers
        store, town, today = self.store, self.town, self.today()
        month = dashboard.month_of(self.month.currentText())

        def figures_in(found: Dashboard) -> None:
            self._arrived(asked, "figures", found)
            if asked == self._asked:
                self.tasks.read(
                    lambda: dashboard.trend(store, month, today, town),
                    lambda points: self._arrived(asked, "trend", points),
                    self.error,
                )

        read = dashboard.figures
        self.tasks.read(lambda: read(store, month, today, town), figures_in, self.error)

    def _arrived(self, asked: int, part: str, found: object) -> None:
        if asked != self._asked:
            return
        self._answers[part] = found
        if part == "figures":
            self._show(found)
        else:
            self.trend.set_points(found, self.month.currentText())
        if len(self._answers) == 2:
            self.shown.emit()

    def _show(self, shown: Dashboard) -> None:
        self.figures = shown
        self.error.show_text("")
        self.model.level = shown.level
        self.model.set_figures(shown.rows, shown.total)
        self.bars.set_rows(shown.rows)
        self._say_level()
        self.calendar.setText(self._calendar_words(shown))
        self.summary.setText(self._summary_words(shown))

    def _say_level(self) -> None:
        villages = self.role != "county" or bool(self.town)
        below = self.tr("各村（居）") if villages else self.tr("各镇（街道）")
        heading = self.tr("%1本月走访").replace("%1", below)
        if self.town and self.figures is not None:
            heading = f"{self.figures.scope_name} · {heading}"
        self.heading.setText(heading)
        self.back.setVisible(bool(self.town))
        self.bars_box.setTitle(self.tr("%1本月应访的儿童（点击查看名单）").replace("%1", below))

    def _calendar_words(self, shown: Dashboard) -> str:
        if shown.report_day:
            return self.tr("定期报送：每月 %1 日前").replace("%1", str(shown.report_day))
        return self.tr("定期报送：超过 %1 天未报送为迟报").replace("%1", str(shown.late_days))

    def _summary_words(self, shown: Dashboard) -> str:
        stations = [r for r in shown.rows if r.station]
        if not stations:
            return self.tr("还没有下属站点报送同步批次。")
        if not shown.late:
            words = self.tr("截至 %1：共 %2 个站点，均按时报送。")
        else:
            words = self.tr("截至 %1：共 %2 个站点，其中迟报 %3 个：%4。")
            words = words.replace("%3", str(len(shown.late)))
            words = words.replace("%4", i18n.join(r.name for r in shown.late))
        return words.replace("%1", shown.as_of.isoformat()).replace("%2", str(len(stations)))

    def _activated(self, index) -> None:
        if self.figures is None or not index.isValid():
            return
        record = self.model.row_record(index.row())
        total = self.model.is_total(record)
        figure = self.model.figure_at(index.column())
        if index.column() == COL_NAME and self.figures.level == "town" and not total:
            self.drill(record.code)
        elif figure in dashboard.LISTED:
            self.open_list(figure, "" if total else record.code)

    def drill(self, town: str) -> None:
        """At a county: show one town's villages (or, with "", the towns again)."""
        self.town = town
        self.figures = None
        self._say_level()
        self.refresh()

    def open_list(self, figure: str, division: str) -> None:
        """The list behind `figure` of `division` ("" for the total), in its own window."""
        if self.figures is None:
            return
        which: FigureList = self.figures.list_of(figure, division)
        names = {r.code: r.name for r in self.figures.rows}
        place = names.get(division) or self.figures.scope_name
        title = f"{place} · {which.month} · {i18n.label('dashboard_figure', figure)}"
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = FigureListDialog(self.store, self.tasks, which, title, self.today, self)
        self.dialog.open_child.connect(self.open_child)
        self.dialog.show()

    def _pick_month(self, month: str) -> None:
        at = self.month.findText(month)
        if at >= 0:
            self.month.setCurrentIndex(at)

    def _ask_report_day(self) -> None:
        current = self.figures.report_day if self.figures and self.figures.report_day else 5
        day, chosen = QInputDialog.getInt(
            self, self.tr("定期报送"), self.tr("各镇每月几日前报送同步批次："), current, 1, 28
        )
        if chosen:
            self.set_report_day(day)

    def set_report_day(self, day: int) -> None:
        store = self.store
        self.tasks.write(
            lambda: dashboard.set_report_day(store, day),
            lambda _day: None,
            self.error,
            changes=Changes.of(SYNC),
        )
