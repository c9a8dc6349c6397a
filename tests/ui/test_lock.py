"""The idle lock: every window covered after the idle time, a typed form kept, the passphrase
asked with the same growing wait; Ctrl+L locks at once."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from childcare_desktop import words
from childcare_desktop.core.paths import ui_settings_path
from childcare_desktop.core.storage import tries
from childcare_desktop.ui import lock
from childcare_desktop.ui.dialogs.settings import SettingsDialog
from childcare_desktop.ui.lock import Cover, LockDialog

from .conftest import type_text, unlock_with


@pytest.fixture
def short_minute(monkeypatch, data_dir):
    """One "minute" of idle time lasts 400 ms, and the station's setting is one minute."""
    monkeypatch.setattr(lock, "MS_PER_MINUTE", 400)
    ui_settings_path(data_dir).write_text(json.dumps({"idle_minutes": 1}), "utf-8")


def opened(qtbot, make_app):
    controller = make_app()
    unlock_with(qtbot, controller)
    qtbot.waitUntil(lambda: controller.window is not None)
    return controller


def covered(widget) -> bool:
    return any(c.isVisible() for c in widget.findChildren(Cover))


def type_passphrase(qtbot, dialog: LockDialog, passphrase: str) -> None:
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)


def test_idle_time_covers_every_window_and_the_typed_form_survives(
    qtbot, make_app, store, short_minute, short_wait
):
    store.close()
    controller = opened(qtbot, make_app)
    window = controller.window
    window.new_action.trigger()
    form = window.form
    type_text(qtbot, form.basic.name, "张小明")
    type_text(qtbot, form.basic.current_address, "新陂村3号")
    assert form.dirty
    qtbot.waitUntil(lambda: controller.screen_lock.locked, timeout=3000)  # nobody touched it
    prompt = controller.screen_lock.dialog
    assert prompt.isVisible()
    assert covered(window) and covered(form)
    assert "张小明" not in form.windowTitle()
    assert QApplication.activeModalWidget() is prompt  # nothing beneath can be typed into

    type_passphrase(qtbot, prompt, "not the passphrase")
    qtbot.waitUntil(prompt.error.isVisible)
    assert prompt.error.text() == words.message("wrong_passphrase")
    assert prompt.quit_button.isHidden()  # a wrong passphrase is no way out of the lock
    assert not prompt.open_button.isEnabled()  # the same growing wait as at the start
    assert prompt._wait.interval() == tries.FIRST_WAIT_MS
    assert controller.screen_lock.locked and covered(form)
    qtbot.waitUntil(prompt.open_button.isEnabled)
    type_passphrase(qtbot, prompt, "still not it")
    qtbot.waitUntil(lambda: prompt._wait.interval() == 2 * tries.FIRST_WAIT_MS)
    qtbot.waitUntil(prompt.open_button.isEnabled)

    type_passphrase(qtbot, prompt, "correct horse battery")
    qtbot.waitUntil(lambda: not controller.screen_lock.locked)
    assert not prompt.isVisible()
    assert not covered(window) and not covered(form)
    assert form.isVisible() and window.form is form
    assert form.basic.name.text() == "张小明"
    assert form.basic.current_address.text() == "新陂村3号"
    assert form.dirty  # still unsaved: nothing was written behind the person's back
    assert controller.store is not None  # the store stayed open
    # The idle clock runs again after unlocking.
    qtbot.waitUntil(lambda: controller.screen_lock.locked, timeout=3000)


def test_input_keeps_the_program_unlocked(qtbot, make_app, store, short_minute):
    store.close()
    controller = opened(qtbot, make_app)
    search = controller.window.view.search
    for _ in range(6):  # 6 × 150 ms of typing: longer than the idle time in all
        qtbot.keyClicks(search, "a")
        qtbot.wait(150)
        assert not controller.screen_lock.locked


def test_ctrl_l_locks_at_once(qtbot, make_app, store):
    store.close()
    controller = opened(qtbot, make_app)
    window = controller.window
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.screen_lock.locked
    assert covered(window)
    type_passphrase(qtbot, controller.screen_lock.dialog, "correct horse battery")
    qtbot.waitUntil(lambda: not controller.screen_lock.locked)
    assert not covered(window)


def test_the_idle_time_is_a_setting(qtbot, make_app, store):
    store.close()
    controller = opened(qtbot, make_app)
    assert controller.idle.timer.interval() == 10 * lock.MS_PER_MINUTE  # the default

    def choose():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.idle_minutes.setValue(3)
        dialog.accept()

    QTimer.singleShot(0, choose)
    controller.window.settings_action.trigger()
    assert controller.idle.timer.interval() == 3 * lock.MS_PER_MINUTE
    saved = json.loads(ui_settings_path(controller.data).read_text("utf-8"))
    assert saved["idle_minutes"] == 3
