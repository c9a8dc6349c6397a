"""Unlocking (a wrong passphrase, the growing wait), settings (font size at once, English)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from childcare_desktop import words
from childcare_desktop.core.paths import ui_settings_path
from childcare_desktop.core.storage import tries
from childcare_desktop.ui.dialogs.settings import SettingsDialog

from .conftest import listed_names, unlock_with


def test_a_wrong_passphrase_is_said_in_the_dialog_and_the_next_try_waits(
    qtbot, make_app, store, short_wait
):
    store.close()
    controller = make_app()
    dialog = unlock_with(qtbot, controller, "not the passphrase")
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == words.message("wrong_passphrase")
    assert dialog.isVisible()
    assert not dialog.open_button.isEnabled()  # waiting before the next try
    assert controller.window is None
    qtbot.waitUntil(dialog.open_button.isEnabled)
    dialog.passphrase.clear()
    unlock_with(qtbot, controller, "still wrong!")
    qtbot.waitUntil(lambda: dialog._wait.interval() == 2 * tries.FIRST_WAIT_MS)  # it doubles
    qtbot.waitUntil(dialog.open_button.isEnabled)
    dialog.passphrase.clear()
    unlock_with(qtbot, controller)
    qtbot.waitUntil(lambda: controller.window is not None)
    assert controller.window.isVisible()
    assert not dialog.isVisible()


def test_font_size_applies_at_once_and_english_at_the_next_start(qtbot, make_app, store):
    store.close()
    controller = make_app()
    unlock_with(qtbot, controller)
    qtbot.waitUntil(lambda: controller.window is not None)
    assert QApplication.font().pointSize() == 12

    def choose():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.font_size.setValue(16)
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.accept()

    QTimer.singleShot(0, choose)
    controller.window.settings_action.trigger()
    assert QApplication.font().pointSize() == 16
    saved = json.loads(ui_settings_path(controller.data).read_text("utf-8"))
    assert saved == {"language": "en", "font_size": 16, "idle_minutes": 10}
    assert controller.window.new_action.text() == "新建档案(&N)"  # language: next start

    controller.shutdown()
    again = make_app()
    assert again.unlock.windowTitle() == "Childcare — passphrase"
    assert again.unlock.open_button.text() == "Open"
    unlock_with(qtbot, again)
    qtbot.waitUntil(lambda: again.window is not None)
    window = again.window
    assert window.new_action.text() == "&New file"
    assert window.view.model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert window.view.status.itemText(0) == "active"  # vocabulary words in English too
    qtbot.waitUntil(lambda: window.view.count.text().startswith("Showing 0 of 0"))
    assert listed_names(window) == []
