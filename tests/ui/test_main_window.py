"""The main window brings the work together: tabs, and menus that open each area's windows."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.ui.dialogs.concern_form import ConcernForm
from childcare_desktop.ui.dialogs.report_preview import ReportPreview
from childcare_desktop.ui.dialogs.roster_import import RosterImportDialog
from childcare_desktop.ui.dialogs.visit_form import VisitForm
from childcare_desktop.ui.tasks import VISITS, Changes

from .conftest import unlock_with


def open_window(qtbot, make_app, store):
    fill_demo(store, 15, seed=4)
    store.close()
    controller = make_app()
    unlock_with(qtbot, controller)
    qtbot.waitUntil(lambda: controller.window is not None)
    window = controller.window
    qtbot.waitUntil(lambda: window.view.model.rowCount() == 15)
    return window


def shown(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_today_opens_first_and_every_area_has_its_tab_and_menu(qtbot, make_app, store):
    window = open_window(qtbot, make_app, store)
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == [
        "工作台",
        "儿童名册",
        "走访日程",
        "动态管理",
        "关爱服务",
        "排查",
        "同步情况",
    ]  # a village opens on its workbench, marks its screening rounds and sees its sync last
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["档案(&F)", "走访(&V)", "报表(&B)", "同步(&Y)", "工具(&T)", "安全(&A)"]


def test_menus_open_the_visit_form_the_concern_form_the_import_and_a_report(qtbot, make_app, store):
    window = open_window(qtbot, make_app, store)
    window.tabs.setCurrentWidget(window.view)
    window.view.table.selectRow(0)
    name = window.view.current_row().name
    window.care_actions.visit_action.trigger()
    qtbot.waitUntil(lambda: len(shown(VisitForm)) == 1)
    shown(VisitForm)[0].reject()
    window.care_actions.concern_action.trigger()
    qtbot.waitUntil(lambda: len(shown(ConcernForm)) == 1)
    shown(ConcernForm)[0].reject()
    window.ledger_actions.import_action.trigger()
    qtbot.waitUntil(lambda: len(shown(RosterImportDialog)) == 1)
    shown(RosterImportDialog)[0].reject()
    window.report_actions.child_action.trigger()
    qtbot.waitUntil(lambda: len(shown(ReportPreview)) == 1, timeout=20000)
    preview = shown(ReportPreview)[0]
    assert name in preview.windowTitle() or preview.windowTitle() == "一人一档"
    preview.reject()


def test_a_tab_reads_the_store_when_it_is_first_seen_and_after_a_change(qtbot, make_app, store):
    window = open_window(qtbot, make_app, store)
    agenda = window.agenda
    assert agenda.list.model.rowCount() == 0  # not seen yet: nothing asked
    with qtbot.waitSignal(agenda.shown):
        window.tabs.setCurrentWidget(agenda)
    listed = agenda.list.model.rowCount()
    assert listed > 0
    window.tabs.setCurrentWidget(window.view)
    asked: list[int] = []
    agenda.shown.connect(lambda: asked.append(1))
    # A write elsewhere: the hidden agenda waits until seen again.
    window.tasks.announce(Changes.of(VISITS))
    qtbot.wait(100)
    assert asked == []
    with qtbot.waitSignal(agenda.shown):
        window.tabs.setCurrentWidget(agenda)
    assert agenda.list.model.rowCount() == listed
