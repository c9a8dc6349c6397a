"""The English window shows no Chinese the program wrote: every widget of the main window and of
every dialog is walked (titles, labels, buttons, tooltips, placeholders, tabs, menus, the
headers of the lists) and none holds a CJK character, once the names the test data typed in
(a child, a carer, the station, the officer) are taken out."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
    QWizard,
)

from childcare_desktop import words
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.station import station_info
from childcare_desktop.ui import i18n
from childcare_desktop.ui.views.main_window import MainWindow

from .test_dialogs_fit import DIALOGS, Opened, open_dialog

# What the test data typed in, as an officer would: names stay as typed in every language.
TYPED = ("张小明", "王秀英", "李主任", "新陂村", "宁新镇主任", "宁新镇", "一个新书包", "一人一档")
# A language is offered in its own words, so that a person who reads only it can find it.
NATIVE = ("中文",)
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


@pytest.fixture
def english(qapp):
    translator = i18n.install_translator(qapp, words.EN)
    i18n.set_language(words.EN)
    yield
    i18n.set_language(words.ZH)
    qapp.removeTranslator(translator)


def shown_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every text of the window a person can read."""
    yield "title", window.windowTitle()
    for widget in [window, *window.findChildren(QWidget)]:
        kind = type(widget).__name__
        yield f"{kind} tooltip", widget.toolTip()
        if isinstance(widget, QLabel | QAbstractButton):
            yield kind, widget.text()
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            yield f"{kind} placeholder", widget.placeholderText()
        if isinstance(widget, QGroupBox):
            yield kind, widget.title()
        if isinstance(widget, QTabWidget):
            yield from ((kind, widget.tabText(i)) for i in range(widget.count()))
        if isinstance(widget, QComboBox):
            yield from ((kind, widget.itemText(i)) for i in range(widget.count()))
        if isinstance(widget, QMenu):
            yield f"{kind} title", widget.title()
        if isinstance(widget, QWizard):
            for page_id in widget.pageIds():
                page = widget.page(page_id)
                yield "wizard page", page.title() + page.subTitle()
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model, side = widget.model(), widget.orientation()
            if side == Qt.Orientation.Horizontal:  # a vertical header numbers rows or names data
                yield from (
                    (f"{kind} header", str(model.headerData(i, side) or ""))
                    for i in range(widget.count())
                )
        for action in widget.actions():
            yield f"{kind} action", action.text() + action.toolTip()


def chinese_made_by_the_program(window: QWidget) -> list[tuple[str, str]]:
    found = []
    for where, text in shown_texts(window):
        left = text
        for typed in (*TYPED, *NATIVE):
            left = left.replace(typed, "")
        if CJK.search(left):
            found.append((where, text))
    return sorted(set(found))


@pytest.mark.parametrize("name", DIALOGS)
def test_no_dialog_shows_chinese_of_the_program_s_making_in_english(
    qtbot, english, store, work, tasks, tmp_path, name
):
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = open_dialog(qtbot, name, Opened(store, work, tasks, parent, tmp_path))
    assert chinese_made_by_the_program(dialog) == []


def test_the_main_window_shows_no_chinese_of_the_program_s_making_in_english(
    qtbot, english, store, tasks
):
    window = MainWindow(Children(store), station_info(store), tasks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    tasks.wait()
    qtbot.wait(50)  # the lists' answers are shown
    assert chinese_made_by_the_program(window) == []


def test_a_towns_main_window_shows_no_chinese_of_the_program_s_making_in_english(
    qtbot, english, tasks, tmp_path
):
    """The town opens on its dashboard, then its villages' sync state; one village has sent
    nothing yet."""
    from tests.core.sync.stations import TOWN, VILLAGE, enroll, station

    for code in (TOWN, VILLAGE):
        (tmp_path / code).mkdir()
    town = station(tmp_path / TOWN, "town", TOWN, "宁新镇")
    village = station(tmp_path / VILLAGE, "village", VILLAGE, "新陂村")
    try:
        enroll(town, village, tmp_path / VILLAGE)
        window = MainWindow(Children(town), station_info(town), tasks)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.dashboard.figures is not None)
        window.tabs.setCurrentWidget(window.landing)
        qtbot.waitUntil(lambda: window.landing.model.rowCount() == 1)
        tasks.wait()
        qtbot.wait(50)
        assert window.landing.summary.text().startswith("1 stations, 1 of them late")
        assert chinese_made_by_the_program(window) == []
    finally:
        tasks.wait()
        town.close()
        village.close()


def test_an_empty_village_s_start_and_sync_state_show_no_chinese_of_the_program_s_making(
    qtbot, english, store, tasks
):
    window = MainWindow(Children(store), station_info(store), tasks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.start)
    window.tabs.setCurrentWidget(window.village_sync)
    qtbot.waitUntil(lambda: window.village_sync.state.text() != "")
    assert window.start.import_button.text() == "Import a ledger…"
    assert window.village_sync.state.text().startswith("This station is not enrolled yet")
    assert chinese_made_by_the_program(window) == []
