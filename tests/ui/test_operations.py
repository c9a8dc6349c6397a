"""Work run from the window: a save waits for another write instead of failing, the window keeps
answering meanwhile, and an unexpected error reaches the crash dialog and the log."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from childcare_desktop.core.paths import log_path
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.roster import Roster
from childcare_desktop.ui.dialogs.crash import CrashDialog
from tests.core.roster.ledgers import HEADER, child_row, write_xlsx

from .conftest import BOY_ID, listed_names, run_wizard, type_text

# A name typed into the file in the tests below; the log must never hold it.
NAME = "欧阳小燕"


def new_child_form(qtbot, window):
    window.new_action.trigger()
    form = window.form
    type_text(qtbot, form.basic.name, NAME)
    qtbot.keyClicks(form.basic.id_number, BOY_ID)
    return form


def test_a_save_while_an_import_writes_waits_its_turn_and_the_window_keeps_answering(
    qtbot, make_app, tmp_path
):
    window = run_wizard(qtbot, make_app())
    roster = Roster(window.store)
    ledger = write_xlsx(
        tmp_path / "台账.xlsx", [HEADER, child_row(1, "张小明"), child_row(2, "李想")]
    )
    preview = roster.preview(ledger)
    writing, release = threading.Event(), threading.Event()

    def held_between_chunks() -> bool:
        """The import is inside its transaction, holding the write lock, until released."""
        writing.set()
        release.wait(30)
        return False

    imported = []
    window.tasks.write(
        lambda: roster.import_chosen(preview, cancelled=held_between_chunks), imported.append
    )
    qtbot.waitUntil(writing.is_set)
    form = new_child_form(qtbot, window)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(ticks) >= 5)  # the window answers while the save waits
    assert form.writing and not form.save_button.isEnabled()
    with qtbot.waitSignal(form.saved, timeout=20000):
        release.set()
    timer.stop()
    assert imported and imported[0].imported == 2
    assert form.general_error.text() == ""
    assert form.status.text() == "状态：在册"
    assert Children(window.store).get(form.child.uuid).name == NAME
    qtbot.waitUntil(lambda: sorted(listed_names(window)) == sorted(["张小明", "李想", NAME]))


@pytest.mark.qt_no_exception_capture  # the error is the program's own to catch here
def test_an_unexpected_error_shows_the_crash_dialog_and_is_logged_without_personal_data(
    qtbot, make_app, data_dir, monkeypatch
):
    window = run_wizard(qtbot, make_app())

    def broken_save(self, child):
        raise ValueError(f"cannot save {child.name}")  # a message that carries what was typed

    monkeypatch.setattr(Children, "save", broken_save)
    form = new_child_form(qtbot, window)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: crash_dialogs() != [])
    dialog = crash_dialogs()[0]
    assert dialog.path.text() == str(log_path(data_dir))
    assert not form.writing and form.save_button.isEnabled()  # the officer may try again
    logged = log_path(data_dir).read_text(encoding="utf-8")
    assert "builtins.ValueError" in logged
    assert "in broken_save" in logged  # the frames of the code it went through
    assert NAME not in logged  # the message is not kept, only the type and the frames
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: crash_dialogs() == [])


def crash_dialogs() -> list[CrashDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()
    ]
