"""GUI fixtures: build the whole program on the test's own data folder and take it down after."""

from __future__ import annotations

import gc
import os
import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWizard

from childcare_desktop import words
from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.services.care_work import CareWork
from childcare_desktop.core.storage import tries
from childcare_desktop.ui import i18n
from childcare_desktop.ui.app import build_app
from childcare_desktop.ui.collect import collect_on_gui_thread
from childcare_desktop.ui.tasks import Tasks
from tests.conftest import PASSPHRASE, VILLAGE
from tests.core.services.care_support import Clock
from tests.pg import SQLITE
from tests.ui.model_checks import check_model  # noqa: F401 (a fixture for every GUI test)

# The windows open on the screens officers have, as Windows leaves them below its taskbar: a
# 1366×768 laptop (1366×728), and a 1920×1080 screen at 150% as the program sees it (1280×680
# logical pixels; Qt scales everything alike, so the layout is the one of a screen that size).
SCREENS = Path(__file__).with_name("screens.json")
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS}"

# A valid number of a boy born on 1 June 2015 in the test village's county.
BOY_ID = idnumber.make(VILLAGE[:6], date(2015, 6, 1), 12, "male")
# The day the care-work windows are tested on (a Wednesday).
TODAY = date(2026, 11, 18)


@pytest.fixture(autouse=True)
def _collected_on_the_gui_thread(qapp):
    """As the program runs (ui/collect.py): no automatic collection, which freed a window's Qt
    objects in a reading thread and crashed the suite; what a test leaves is collected here."""
    collect_on_gui_thread(qapp)
    yield
    gc.collect()


@pytest.fixture
def clock():
    return Clock(TODAY)


@pytest.fixture
def work(store, clock):
    """The care-work services on the test store, on the test's day."""
    return CareWork.open(store, clock)


@pytest.fixture
def tasks(qapp):
    tasks = Tasks()
    yield tasks
    tasks.wait()


@pytest.fixture
def make_app(qapp, data_dir):
    """Build the program as `main` does, without the event loop; every build is shut down."""
    built = []

    def make():
        controller = build_app(data_dir)
        built.append(controller)
        return controller

    yield make
    for controller in built:
        controller.shutdown()
    i18n.set_language(words.ZH)


@pytest.fixture
def short_wait(monkeypatch):
    """A wrong passphrase waits 100 ms, then 200 ms … (none in the other tests)."""
    monkeypatch.setattr(tries, "FIRST_WAIT_MS", 100)


def type_text(qtbot, widget, text: str) -> None:
    """Type like a person: ASCII key by key; Chinese as an input method commits it, per word."""
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def run_wizard(qtbot, controller, division=VILLAGE, passphrase=PASSPHRASE):
    """Type the station and the passphrase into the wizard and finish it."""
    wizard = controller.wizard
    page = wizard.station_page
    qtbot.keyClicks(page.division, division)
    type_text(qtbot, page.station_name, "新陂村")
    type_text(qtbot, page.officer, "李主任")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(wizard.passphrase_page.first, passphrase)
    qtbot.keyClicks(wizard.passphrase_page.second, passphrase)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    type_recovery_groups(qtbot, wizard, wizard.setup.recovery_code)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.window is not None)
    return controller.window


def type_recovery_groups(qtbot, wizard, code: str) -> None:
    """Type the two groups the wizard asks for, as read from the paper."""
    page = wizard.confirm_page
    groups = code.split("-")
    for edit, number in zip((page.first, page.second), page.asked, strict=True):
        edit.clear()
        qtbot.keyClicks(edit, groups[number - 1])


def unlock_with(qtbot, controller, passphrase=PASSPHRASE):
    dialog = controller.unlock
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    return dialog


def save_form(qtbot, form) -> None:
    """Save the child's form and wait until the writer has written it."""
    with qtbot.waitSignal(form.saved):
        form.save()


def listed_names(window) -> list[str]:
    model = window.view.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def when_shown(kind, act) -> None:
    """Run `act(widget)` on the modal window of `kind` about to open; if `act` fails, the
    window is closed, so that the test fails instead of waiting for ever."""

    def run():
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            QTimer.singleShot(10, run)
            return
        try:
            act(widget)
        except BaseException:
            widget.reject()
            raise

    QTimer.singleShot(0, run)


@pytest.fixture
def backend() -> str:
    """The windows and the commands are tried on the SQLite store; the store's own tests and
    the services' run on both back ends."""
    return SQLITE
