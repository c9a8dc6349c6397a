"""Changing the passphrase in the program, and a forgotten one reset with the recovery code."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from childcare_desktop import words
from childcare_desktop.core.services import safety
from childcare_desktop.core.services.station import init_station
from childcare_desktop.ui.dialogs.passphrase import PassphraseDialog
from childcare_desktop.ui.dialogs.recovery import RecoveryDialog
from tests.conftest import PASSPHRASE, VILLAGE

from .conftest import unlock_with, when_shown

NEW = "a new passphrase"


@pytest.fixture
def recovery_code(store_path):
    store, setup = init_station(store_path, PASSPHRASE, "village", VILLAGE, "新陂村", "李主任")
    store.close()
    return setup.recovery_code


def opened(qtbot, make_app, passphrase=PASSPHRASE):
    controller = make_app()
    unlock_with(qtbot, controller, passphrase)
    qtbot.waitUntil(lambda: controller.window is not None)
    return controller


def fill(qtbot, dialog: PassphraseDialog, old: str, new: str, again: str) -> None:
    for field, text in ((dialog.old, old), (dialog.fields.new, new), (dialog.fields.again, again)):
        field.clear()
        qtbot.keyClicks(field, text)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)


def test_change_passphrase_says_what_is_wrong_beside_the_field_then_the_new_one_opens(
    qtbot, make_app, recovery_code
):
    controller = opened(qtbot, make_app)
    seen = {}

    def work(dialog: PassphraseDialog):
        errors = dialog.grid.errors
        fill(qtbot, dialog, PASSPHRASE, "short", "short")
        assert errors["new"].isVisible()
        assert errors["new"].text() == words.message("passphrase_too_short", min="8")
        fill(qtbot, dialog, PASSPHRASE, NEW, NEW + "!")
        assert errors["again"].text() == words.message("passphrase_mismatch")
        assert not errors["new"].isVisible()
        fill(qtbot, dialog, "not the passphrase", NEW, NEW)
        qtbot.waitUntil(lambda: errors["old"].isVisible())
        seen["old"] = errors["old"].text()
        fill(qtbot, dialog, PASSPHRASE, NEW, NEW)
        when_shown(QMessageBox, lambda box: (seen.setdefault("told", box.text()), box.accept()))

    when_shown(PassphraseDialog, work)
    controller.change_passphrase()
    assert seen["old"] == words.message("wrong_passphrase")
    assert seen["told"].startswith("密码已修改")
    # The program kept working on its open store while the key was rewrapped.
    assert controller.window.view.count.text()
    entries = safety.audit_entries(controller.store, action="passwd")
    assert [e.detail for e in entries] == [""]

    controller.shutdown()
    again = make_app()
    dialog = unlock_with(qtbot, again, PASSPHRASE)
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() == words.message("wrong_passphrase")
    qtbot.waitUntil(dialog.open_button.isEnabled)
    dialog.passphrase.clear()
    unlock_with(qtbot, again, NEW)
    qtbot.waitUntil(lambda: again.window is not None)


def test_the_recovery_code_sets_a_new_passphrase_and_opens_the_program(
    qtbot, make_app, recovery_code, short_wait
):
    controller = make_app()
    unlock = controller.unlock
    assert unlock.recovery_button.text() == "忘记密码？用恢复码"
    seen = {}

    def work(dialog: RecoveryDialog):
        code_error = dialog.grid.errors["code"]
        qtbot.keyClicks(dialog.code, "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ")
        qtbot.keyClicks(dialog.fields.new, NEW)
        qtbot.keyClicks(dialog.fields.again, NEW)
        qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(code_error.isVisible)
        seen["wrong"] = code_error.text()
        seen["waits"] = not dialog.reset_button.isEnabled()
        qtbot.waitUntil(dialog.reset_button.isEnabled)
        dialog.code.clear()
        qtbot.keyClicks(dialog.code, recovery_code.lower())  # read from paper, typed any way
        qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)

    when_shown(RecoveryDialog, work)
    qtbot.mouseClick(unlock.recovery_button, Qt.MouseButton.LeftButton)
    assert seen == {"wrong": "恢复码不对，请逐位核对", "waits": True}
    qtbot.waitUntil(lambda: controller.window is not None)
    assert not unlock.isVisible()
    entries = safety.audit_entries(controller.store, action="passwd")
    assert [e.detail for e in entries] == ["recovery"]

    controller.shutdown()
    again = opened(qtbot, make_app, NEW)
    assert again.window.isVisible()
