"""The dashboard at a town, on the town of two villages counted by hand (dashboard_town): the
table's figures, the bars and the trend drawn with Chinese labels (rendered to PNG and looked
at), a click on a bar's part or a double click on a figure opens the list behind it, a month of
the trend is chosen by a click; at a county a town's name opens its villages. The figures are
read off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage

from childcare_desktop.core.domain.reporting import REPORT_DAY
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import settings
from childcare_desktop.ui.models.dashboard_model import COL_FIGURE, COL_NAME
from childcare_desktop.ui.views.dashboard_charts import TrendChart
from childcare_desktop.ui.views.dashboard_view import DashboardView
from childcare_desktop.ui.views.stations_landing import StationsLanding
from tests.conftest import PASSPHRASE
from tests.core.services import dashboard_town as town_month
from tests.core.services.dashboard_town import APRIL, TODAY, A, B
from tests.core.sync.stations import enroll, station

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def town(data_dir: Path):
    store, _ = init_station(
        data_dir / "town.db", PASSPHRASE, "town", town_month.TOWN, "石坑镇", "张督导"
    )
    names = {u: n for n, u in town_month.build(store).items()}
    yield store, names
    store.close()


def _opened(qtbot, store, role, tasks, check_model=None) -> DashboardView:
    view = DashboardView(store, role, tasks, today=lambda: TODAY)
    if check_model is not None:
        check_model(view.model)
    qtbot.addWidget(view)
    view.resize(1180, 560)
    with qtbot.waitSignal(view.shown, timeout=20000):
        view.show()
    return view


def _cell(view: DashboardView, row: int, column: int) -> str:
    return view.model.index(row, column).data()


def _list_of(qtbot, view: DashboardView) -> list[str]:
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    dialog = view.dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() == len(dialog.model.records()))
    with qtbot.waitSignal(dialog.listed, timeout=10000, raising=False):
        pass
    return sorted(x.name for x in dialog.model.records())


def test_the_town_s_figures_charts_and_lists(qtbot, town, tasks, tmp_path, check_model):
    store, _ = town
    view = _opened(qtbot, store, "town", tasks, check_model)
    assert view.month.currentText() == "2026-04"
    assert view.model.rowCount() == 3  # two villages and the total
    for row, village in ((0, A), (1, B)):
        assert _cell(view, row, COL_NAME) == town_month.NAMES[village]
        for figure, column in COL_FIGURE.items():
            assert _cell(view, row, column) == str(APRIL[village][figure]), (village, figure)
    assert _cell(view, 2, COL_NAME) == "合计"
    assert _cell(view, 2, COL_FIGURE["due"]) == str(APRIL[A]["due"] + APRIL[B]["due"])
    assert view.summary.text() == "还没有下属站点报送同步批次。"
    assert view.calendar.text() == "定期报送：超过 35 天未报送为迟报"
    assert view.heading.text() == "各村（居）本月走访"

    qtbot.wait(50)  # the labels' new words laid out before the picture is taken
    picture = tmp_path / "dashboard.png"
    assert view.grab().save(str(picture))
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1180, 560)
    # The bars are drawn in the states' colours: a red part for 上村's overdue child.
    overdue = view.bars.part_rect(A, "overdue")
    assert overdue.width() > 0
    spot = view.bars.mapTo(view, overdue.center())
    assert image.pixelColor(spot).name() == "#e15759"

    qtbot.mouseClick(view.bars, LEFT, pos=view.bars.part_rect(A, "pending").center())
    qtbot.waitUntil(lambda: view.dialog is not None)
    check_model(view.dialog.model)
    assert _list_of(qtbot, view) == ["儿童a4", "儿童a6"]
    view.dialog.close()

    late = view.model.index(1, COL_FIGURE["late"])
    view.table.setCurrentIndex(late)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert _list_of(qtbot, view) == ["儿童b3"]
    view.dialog.close()

    concerns = view.model.index(2, COL_FIGURE["concerns"])
    view.table.setCurrentIndex(concerns)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert _list_of(qtbot, view) == ["儿童b1"]
    opened = []
    view.open_child.connect(opened.append)
    qtbot.keyClick(view.dialog.table.table, Qt.Key.Key_Return)
    assert [town[1][u] for u in opened] == ["b1"]
    view.dialog.close()


def test_a_month_of_the_trend_is_chosen_by_a_click(qtbot, town, tasks):
    store, _ = town
    view = _opened(qtbot, store, "town", tasks)
    march = view.trend.column_rect("2026-03")
    assert march.height() > view.trend.column_rect("2026-04").height()  # 5 against 2
    with qtbot.waitSignal(view.shown, timeout=20000):
        qtbot.mouseClick(view.trend, LEFT, pos=march.center())
    assert view.month.currentText() == "2026-03"
    assert _cell(view, 0, COL_FIGURE["on_time"]) == "5"


def test_a_county_opens_a_town_s_villages(qtbot, data_dir, tasks, tmp_path):
    county, _ = init_station(
        data_dir / "county.db", PASSPHRASE, "county", "441481", "兴宁市", "王督导"
    )
    try:
        town_month.build(county)
        view = _opened(qtbot, county, "county", tasks)
        assert view.heading.text() == "各镇（街道）本月走访" and view.calendar_button.isVisible()
        assert [_cell(view, r, COL_NAME) for r in range(view.model.rowCount())] == [
            town_month.TOWN, "合计"]  # fmt: skip
        view.table.setCurrentIndex(view.model.index(0, COL_NAME))
        with qtbot.waitSignal(view.shown, timeout=20000):
            qtbot.keyClick(view.table, Qt.Key.Key_Return)
        assert view.back.isVisible() and view.town == town_month.TOWN
        assert [_cell(view, r, COL_NAME) for r in range(3)] == ["上村", "下村", "合计"]
        assert view.grab().save(str(tmp_path / "county-town.png"))
        with qtbot.waitSignal(view.shown, timeout=20000):
            qtbot.mouseClick(view.back, LEFT)
        assert view.town == "" and not view.back.isVisible()
        with qtbot.waitSignal(view.shown, timeout=20000):
            view.set_report_day(5)
        assert view.calendar.text() == "定期报送：每月 5 日前"
    finally:
        tasks.wait()
        county.close()


def test_the_landing_says_the_calendar_its_stations_are_late_against(qtbot, town, tasks, tmp_path):
    store, _ = town
    (tmp_path / A).mkdir()
    village = station(tmp_path / A, "village", A, "上村")
    try:
        enroll(store, village, tmp_path / A)
        with store.write() as conn:
            settings.put(conn, REPORT_DAY, 5)  # as the county's batch brings it
        landing = StationsLanding(store, "town", tasks, QAction())
        qtbot.addWidget(landing)
        landing.show()
        qtbot.waitUntil(lambda: "共 1 个站点" in landing.summary.text())
        assert landing.summary.text() == "共 1 个站点，其中迟报 1 个（每月 5 日前未报送）。"
        view = _opened(qtbot, store, "town", tasks)
        assert view.calendar.text() == "定期报送：每月 5 日前"
        assert view.summary.text() == "截至 2026-04-20：共 1 个站点，其中迟报 1 个：上村。"
        (row,) = [r for r in view.figures.rows if r.code == A]
        assert (row.station, row.late_report) == (True, True)
    finally:
        tasks.wait()
        village.close()


def test_a_months_label_is_shortened_to_its_number_where_the_word_does_not_fit(qtbot):
    """Seen at 1366x768: 十月, 十一月 and 十二月 ran together into one string under the trend."""
    chart = TrendChart()
    qtbot.addWidget(chart)
    wide = chart.fontMetrics().horizontalAdvance("11月 ") + 2
    assert chart.month_label("2026-11", wide) == "11月"
    assert chart.month_label("2026-11", wide - 4) == "11"
    assert chart.month_label("2026-03", wide - 4) == "3月"


def test_the_trend_is_read_once_the_figures_are_in(qtbot, monkeypatch, town, tasks):
    """The figures are what a supervisor reads first: the twelve months, read beside them on a
    two-core laptop, took their time from them (405 ms against 172 ms alone at a county)."""
    import threading

    from childcare_desktop.core.services import dashboard

    store, _ = town
    figures, trend = dashboard.figures, dashboard.trend
    held, asked = threading.Event(), []

    def slow_figures(*args):
        held.wait(10)
        asked.append("figures")
        return figures(*args)

    def trend_after(*args):
        asked.append("trend")
        return trend(*args)

    monkeypatch.setattr(dashboard, "figures", slow_figures)
    monkeypatch.setattr(dashboard, "trend", trend_after)
    view = DashboardView(store, "town", tasks, today=lambda: TODAY)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.shown, timeout=20000):
        view.show()
        qtbot.wait(300)
        held.set()
    assert asked == ["figures", "trend"]
