"""A store on a write-protected stick, for real (a read-only mount): the passphrase prompt says
so in the officer's words, with the way out, instead of the crash dialog or a driver's text;
the store is untouched and opens from a folder that can be written."""

from __future__ import annotations

import shutil

import pytest

from childcare_desktop import words
from childcare_desktop.core.services.children import Children
from childcare_desktop.ui.app import build_app
from tests.core.storage.disks import read_only_view
from tests.core.storage.test_disk_trouble import child

from .conftest import listed_names, unlock_with

pytestmark = pytest.mark.qt_no_exception_capture  # the errors are the program's own to catch


def test_a_write_protected_stick_is_said_at_the_passphrase(
    qtbot, store, data_dir, tmp_path, monkeypatch
):
    unexpected = []
    monkeypatch.setattr("sys.excepthook", lambda kind, _error, _tb: unexpected.append(kind))
    Children(store).save(child(1))
    store.close()
    with read_only_view(data_dir, tmp_path / "stick") as stick:
        controller = build_app(stick)
        try:
            dialog = unlock_with(qtbot, controller)
            qtbot.waitUntil(dialog.error.isVisible)
            assert dialog.error.text() == words.message("disk_read_only")
            assert unexpected == [] and controller.window is None and controller.wizard is None
            assert dialog.open_button.isEnabled()  # not a wrong passphrase: no wait
        finally:
            controller.shutdown()

    copy = tmp_path / "documents"
    shutil.copytree(data_dir, copy)  # what the words say: copied where it can be written
    again = build_app(copy)
    try:
        unlock_with(qtbot, again)
        qtbot.waitUntil(lambda: again.window is not None)
        qtbot.waitUntil(lambda: listed_names(again.window) == ["王芳1"])
    finally:
        again.shutdown()
