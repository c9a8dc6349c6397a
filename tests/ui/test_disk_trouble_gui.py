"""A store on a write-protected stick or on a stick pulled out, for real (a read-only mount, a
loop device whose blocks fail): the passphrase prompt and the child's form say so in the
officer's words, with the way out, instead of the crash dialog or a driver's text; what was
typed stays in the form, and what was saved before is in the store when it opens again."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from childcare_desktop import words
from childcare_desktop.core.services.children import Children
from childcare_desktop.ui.app import build_app
from childcare_desktop.ui.dialogs.child_form import ChildForm
from tests.core.storage.disks import Stick, read_only_view
from tests.core.storage.test_disk_trouble import child, new_store, reopened

from .conftest import listed_names, type_text, unlock_with

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


def test_a_save_on_a_stick_that_stops_answering_keeps_what_was_typed(
    qtbot, tasks, tmp_path, monkeypatch
):
    unexpected = []
    monkeypatch.setattr("sys.excepthook", lambda kind, _error, _tb: unexpected.append(kind))
    stick = Stick(tmp_path / "stick.img", tmp_path / "stick")
    folder = stick.plug() / "childcare"
    try:
        folder.mkdir()
        store = new_store(folder)
        children = Children(store)
        saved = children.save(child(1))
        form = ChildForm(children, saved, True, False, tasks=tasks)
        qtbot.addWidget(form, before_close_func=lambda f: setattr(f, "dirty", False))
        form.show()
        form.basic.current_address.clear()
        type_text(qtbot, form.basic.current_address, "新陂村2组")
        stick.fail()
        form.save()
        qtbot.waitUntil(form.general_error.isVisible)
        assert form.general_error.text() == words.message("disk_failed")
        assert unexpected == []
        assert form.dirty and form.basic.current_address.text() == "新陂村2组"
        tasks.wait()
        store.close()
        stick.plug_as_pulled()
        again = reopened(folder / "store.db")
        assert Children(again).get(saved.uuid) == saved  # as saved before the stick failed
        again.close()
    finally:
        stick.unplug_for_good()


def test_the_lock_screen_says_a_pulled_out_stick_not_a_lost_key_file(qtbot, tmp_path, monkeypatch):
    unexpected = []
    monkeypatch.setattr("sys.excepthook", lambda kind, _error, _tb: unexpected.append(kind))
    stick = Stick(tmp_path / "stick.img", tmp_path / "stick")
    folder = stick.plug() / "childcare"  # the program's data folder on the stick
    try:
        folder.mkdir()
        store = new_store(folder)
        Children(store).save(child(1))
        store.close()
        controller = build_app(folder)
        try:
            unlock_with(qtbot, controller)
            qtbot.waitUntil(lambda: controller.window is not None)
            stick.pull()
            controller.lock_now()
            prompt = controller.screen_lock.dialog
            qtbot.waitUntil(prompt.isVisible)
            qtbot.keyClicks(prompt.passphrase, "correct horse battery")
            qtbot.mouseClick(prompt.open_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(prompt.error.isVisible)
            assert prompt.error.text() == words.message("disk_gone")
            assert unexpected == [] and controller.screen_lock.locked
            # The words say to start the program again: the lock lets it be quit, this once.
            assert prompt.quit_button.isVisible()
            with qtbot.waitSignal(prompt.quit_asked):
                qtbot.mouseClick(prompt.quit_button, Qt.MouseButton.LeftButton)
        finally:
            controller.shutdown()
        stick.wait_gone()
        stick.plug()
        again = reopened(folder / "store.db")
        assert Children(again).count() == 1
        again.close()
    finally:
        stick.unplug_for_good()
