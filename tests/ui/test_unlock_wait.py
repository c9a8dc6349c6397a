"""The wait after a wrong passphrase survives closing the program: the next start shows how long
is left, second by second, and neither the passphrase prompt nor the recovery code is taken
meanwhile."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from childcare_desktop.core.paths import tries_path
from childcare_desktop.core.storage import tries
from childcare_desktop.ui.dialogs.recovery import RecoveryDialog

from .conftest import unlock_with, when_shown


@pytest.fixture
def minute_wait(monkeypatch):
    """Six wrong passphrases in: the next wait is the longest, a minute."""
    monkeypatch.setattr(tries, "FIRST_WAIT_MS", 60_000)


def seconds_said(text: str) -> int:
    found = re.fullmatch(r"请等 (\d+) 秒再试。", text)
    assert found, text
    return int(found.group(1))


def test_a_restart_still_waits_and_says_how_long(qtbot, make_app, store, store_path, minute_wait):
    store.close()
    first = make_app()
    dialog = unlock_with(qtbot, first, "not the passphrase")
    qtbot.waitUntil(dialog.error.isVisible)
    assert seconds_said(dialog.status.text()) == 60
    first.shutdown()

    again = make_app()  # a new start: new windows, the same data folder
    prompt = again.unlock
    qtbot.waitUntil(prompt.isVisible)
    assert not prompt.open_button.isEnabled()
    left = seconds_said(prompt.status.text())
    assert 0 < left <= 60
    qtbot.waitUntil(lambda: seconds_said(prompt.status.text()) < left, timeout=5000)  # counts down
    qtbot.keyClicks(prompt.passphrase, "correct horse battery")
    qtbot.keyClick(prompt.passphrase, Qt.Key.Key_Return)
    assert again.window is None and prompt.isVisible()  # the right one waits too

    seen = {}

    def look(recovery: RecoveryDialog) -> None:
        seen["enabled"] = recovery.reset_button.isEnabled()
        seen["status"] = recovery.status.text()
        recovery.reject()

    when_shown(RecoveryDialog, look)
    prompt.use_recovery_code()
    assert seen["enabled"] is False
    assert 0 < seconds_said(seen["status"]) <= 60
    assert tries.load(store_path).failures == 1 and tries_path(store_path).exists()
