"""Working by keyboard only: find a child, open the file, move through the fields, leave."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.services.children import Children
from tests.conftest import VILLAGE

from .conftest import BOY_ID, listed_names, unlock_with


def test_search_down_enter_opens_the_file_and_tab_follows_the_fields(qtbot, make_app, store):
    children = Children(store)
    children.save(Child(name="张小明", sex="male", birth_date=None, village_code=VILLAGE,
                        id_number=BOY_ID))  # fmt: skip
    born = date(2016, 2, 3)
    children.save(Child(name="李红", sex="female", birth_date=born, village_code=VILLAGE,
                        no_id_reason="no_hukou"))  # fmt: skip
    store.close()
    controller = make_app()
    unlock_with(qtbot, controller)
    qtbot.waitUntil(lambda: controller.window is not None)
    window = controller.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: len(listed_names(window)) == 2)
    assert window.tabs.currentWidget() is window.today  # on opening: whom to visit
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.view
    assert QApplication.focusWidget() is window.view.search

    qtbot.keyClicks(window.view.search, "lh")
    qtbot.waitUntil(lambda: listed_names(window) == ["李红"])
    qtbot.keyClick(window.view.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.view.table
    qtbot.keyClick(window.view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.form is not None)  # the file is read in the background
    form = window.form
    assert form.basic.name.text() == "李红"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.basic.name)
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    basic = form.basic
    assert order == [basic.sex, basic.ethnicity, basic.id_number, basic.no_id_reason]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert window.form is None

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.form is not None and window.form.is_new
