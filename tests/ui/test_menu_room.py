"""No menu item of the main window is shown cut, on a 1366×768 laptop in the usual font and the
largest (工具 → 核对部门名单 showed as "核对部门名…D)……": Qt cuts an item's words counting the
mnemonic's "&" it does not draw). Each menu is drawn as it opens and again much wider; left of
its shortcuts, what it shows must be the same."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QGuiApplication, QImage
from PySide6.QtWidgets import QStyleOptionMenuItem

from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.station import init_station, station_info
from childcare_desktop.ui import i18n
from childcare_desktop.ui.ui_settings import FONT_SIZES, UiSettings
from childcare_desktop.ui.views.main_window import MainWindow
from tests.conftest import PASSPHRASE, VILLAGE

WIDER = 300
EDGE = 24  # the menu's frame and margins on the right


def _drawn(menu) -> QImage:
    menu.adjustSize()
    return menu.grab().toImage()


def _cut_items(menu) -> list[str]:
    menu.setMinimumWidth(0)
    opened = _drawn(menu)
    items = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    option = QStyleOptionMenuItem()
    menu.initStyleOption(option, items[0])
    # Left of the shortcuts' column (the room the menu keeps for them) and its right edge: the
    # items' words; a word cut is cut in its middle, well inside.
    shortcuts = option.reservedShortcutWidth + EDGE
    words = {a: menu.actionGeometry(a).adjusted(0, 0, -shortcuts, 0) for a in items}
    menu.setMinimumWidth(opened.width() + WIDER)
    wide = _drawn(menu)
    menu.setMinimumWidth(0)
    return [a.text() for a in items if opened.copy(words[a]) != wide.copy(words[a])]


@pytest.mark.parametrize("points", [UiSettings().font_size, max(FONT_SIZES)])
@pytest.mark.parametrize("role", ["village", "town"])
def test_no_menu_item_is_cut(qtbot, qapp, tasks, data_dir, points, role):
    laptop = next(s for s in QGuiApplication.screens() if s.name() == "laptop")
    before = QFont(qapp.font())
    i18n.apply_font(qapp, i18n.register_cjk_font(), points)
    code = VILLAGE if role == "village" else VILLAGE[:9]
    store, _ = init_station(data_dir / "s.db", PASSPHRASE, role, code, "新陂", "李梅")
    try:
        window = MainWindow(Children(store), station_info(store), tasks)
        qtbot.addWidget(window)
        window.setScreen(laptop)
        window.show()
        qtbot.waitExposed(window)
        cut = {}
        for top in window.menuBar().actions():
            found = _cut_items(top.menu())
            if found:
                cut[top.text()] = found
        assert cut == {}
        tasks.wait()
    finally:
        qapp.setFont(before)
        store.close()
