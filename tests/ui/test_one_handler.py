"""Failures of a dialog's work take the one path: an unexpected error reaches the crash hook and
the dialog gives its buttons back; a file that cannot be written is said beside the work."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget, QWizard

from childcare_desktop import words
from childcare_desktop.core.services.visits import PhotoFile
from childcare_desktop.ui.dialogs import report_preview, setup_wizard, visit_photos
from childcare_desktop.ui.dialogs.sync_export import ExportDialog
from childcare_desktop.ui.dialogs.unlock import PassphrasePrompt
from childcare_desktop.ui.tasks import SYNC
from tests.core.services.test_visit_photos import png
from tests.core.storage.disks import fill, small_disk
from tests.core.sync.stations import TOWN, VILLAGE, enroll, station

from .conftest import type_text

pytestmark = pytest.mark.qt_no_exception_capture  # the errors are the program's own to catch


@pytest.fixture
def unexpected(monkeypatch) -> list[type]:
    """The crash hook the program installs (log and crash dialog), as the types it was given."""
    seen: list[type] = []
    monkeypatch.setattr("sys.excepthook", lambda kind, _error, _tb: seen.append(kind))
    return seen


def broken(*_args, **_kwargs):
    raise RuntimeError("a bug")


def test_the_unlock_dialog_can_be_tried_again_after_an_unexpected_error(qtbot, tasks, unexpected):
    dialog = PassphrasePrompt(tasks, broken)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "any passphrase")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: unexpected == [RuntimeError])
    assert dialog.open_button.isEnabled()
    assert dialog.status.text() == ""  # no longer says it is checking
    assert dialog.isVisible()


def test_the_set_up_wizard_is_no_longer_busy_after_an_unexpected_error(
    qtbot, make_app, monkeypatch, unexpected
):
    monkeypatch.setattr(setup_wizard, "_init_station", broken)
    wizard = make_app().wizard
    qtbot.keyClicks(wizard.station_page.division, VILLAGE)
    type_text(qtbot, wizard.station_page.station_name, "新陂村")
    type_text(qtbot, wizard.station_page.officer, "李主任")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(wizard.passphrase_page.first, "a long enough passphrase")
    qtbot.keyClicks(wizard.passphrase_page.second, "a long enough passphrase")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: unexpected == [RuntimeError])
    assert not wizard.busy
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert wizard.passphrase_page.status.text() == ""


def test_an_export_to_a_full_stick_is_said_beside_it_and_the_lists_ask_again(
    qtbot, tmp_path, tasks, unexpected
):
    for name in ("town", "village"):
        (tmp_path / name).mkdir()
    town = station(tmp_path / "town", "town", TOWN, "宁新镇")
    store = station(tmp_path / "village", "village", VILLAGE, "新陂村")
    enroll(town, store, tmp_path)
    try:
        with small_disk(tmp_path / "stick", "1m") as stick:
            fill(stick)
            dialog = ExportDialog(store, tasks)
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitUntil(lambda: dialog.receiver.count() == 1)
            dialog.folder.setText(str(stick))
            with qtbot.waitSignal(tasks.changed) as announced:
                qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(dialog.error.isVisible)
            assert unexpected == []
            assert dialog.error.text() == words.message("disk_full")
            assert announced.args[0].touch(SYNC)
            assert dialog.progress.isHidden() and dialog.export_button.isEnabled()
            assert [p.name for p in stick.iterdir()] == ["filler.bin"]  # no half a batch
    finally:
        tasks.wait()
        store.close()
        town.close()


def test_the_busy_report_window_closes_after_an_unexpected_error(qtbot, tasks, unexpected):
    parent = QWidget()
    qtbot.addWidget(parent)
    gate = threading.Event()

    def make(_pdf):
        gate.wait(30)
        broken()

    report_preview.make_and_preview(parent, tasks, "走访台账", make)
    busy = parent.findChild(QProgressDialog)
    busy.show()
    gate.set()
    qtbot.waitUntil(lambda: unexpected == [RuntimeError])
    assert not busy.isVisible()


def test_a_photo_that_fails_to_open_no_longer_says_it_is_opening(
    qtbot, tasks, monkeypatch, unexpected
):
    monkeypatch.setattr(visit_photos, "load_image", broken)
    viewer = visit_photos.PhotoViewer(None, tasks, [PhotoFile("a.png", png())])
    qtbot.addWidget(viewer)
    qtbot.waitUntil(lambda: unexpected == [RuntimeError])
    assert viewer.picture.text() == "无法显示这张照片"
