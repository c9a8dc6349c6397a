"""The background helper: results and errors come back on the GUI thread, writes one by one."""

from __future__ import annotations

import errno
import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from childcare_desktop.core.errors import StoreError
from childcare_desktop.ui import i18n
from childcare_desktop.ui.tasks import SYNC, Changes, Tasks


@pytest.fixture
def tasks(qapp):
    tasks = Tasks()
    yield tasks
    tasks.wait()


def test_a_result_comes_back_on_the_gui_thread(qtbot, tasks):
    ran_on, came_back_on = [], []

    def work():
        ran_on.append(threading.get_ident())
        return 42

    def done(value):
        came_back_on.append((QThread.currentThread(), value))

    tasks.read(work, done)
    qtbot.waitUntil(lambda: bool(came_back_on))
    assert ran_on != [threading.get_ident()]
    assert came_back_on == [(QApplication.instance().thread(), 42)]


def test_an_error_comes_back_to_the_error_callback(qtbot, tasks):
    errors = []

    def fail():
        raise StoreError("wrong_passphrase")

    tasks.read(fail, lambda _v: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert errors[0].code == "wrong_passphrase"


def test_writes_run_one_at_a_time_in_the_order_asked(qtbot, tasks):
    order, inside, overlaps = [], [], []
    lock = threading.Lock()

    def write(n):
        with lock:
            inside.append(n)
            overlaps.append(len(inside))
        QThread.msleep(5)
        with lock:
            inside.remove(n)
        return n

    for n in range(6):
        tasks.write(lambda n=n: write(n), order.append)
    qtbot.waitUntil(lambda: len(order) == 6)
    assert order == list(range(6))
    assert max(overlaps) == 1


def test_an_answer_for_a_deleted_window_is_dropped(qtbot, tasks):
    from PySide6.QtWidgets import QLabel
    from shiboken6 import delete

    label, alive = QLabel(), QLabel()
    shown = []
    gate = threading.Event()
    tasks.read(gate.wait, lambda _r: label.setText("late"))
    tasks.read(gate.wait, lambda _r: shown.append(alive.text() or "alive"))
    delete(label)  # the form was closed while its read was still running
    gate.set()
    qtbot.waitUntil(lambda: shown == ["alive"])
    tasks.wait()


def test_a_file_that_cannot_be_written_is_said_beside_the_work_and_the_views_ask_again(
    qtbot, tasks, monkeypatch
):
    unexpected, errors, announced = [], [], []
    monkeypatch.setattr("sys.excepthook", lambda *exc: unexpected.append(exc))
    tasks.changed.connect(announced.append)

    def write_over_a_folder():
        raise OSError(errno.EISDIR, "Is a directory", "E:/张小明.ccsync")

    def write_to_a_full_stick():
        raise OSError(errno.ENOSPC, "No space left on device", "E:/张小明.ccsync")

    changes = Changes.of(SYNC)
    tasks.write(write_over_a_folder, lambda _r: None, errors.append, changes=changes)
    tasks.write(write_to_a_full_stick, lambda _r: None, errors.append, changes=changes)
    qtbot.waitUntil(lambda: len(errors) == 2)
    assert unexpected == []  # the machine's trouble, not the program's: no crash dialog
    assert errors[0].code == "file_unavailable"
    assert errors[0].params == {"reason": "Is a directory"}
    assert "Is a directory" in i18n.error_text(errors[0])
    assert errors[1].code == "disk_full"  # the program's own words, saying what to do
    for error in errors:
        assert "张小明" not in i18n.error_text(error)  # the file's name may be a child's
    assert announced == [changes, changes]  # they may have failed after a commit


def test_ended_gives_the_form_back_after_an_unexpected_error(qtbot, tasks, monkeypatch):
    unexpected, ended, beside = [], [], []
    monkeypatch.setattr("sys.excepthook", lambda *exc: unexpected.append(exc[0]))

    def broken():
        raise KeyError("a bug")

    tasks.read(broken, lambda _r: None, beside.append, ended=lambda: ended.append(1))
    qtbot.waitUntil(lambda: bool(unexpected))
    assert unexpected == [KeyError] and ended == [1]
    assert beside == []  # a handler given the error only ever sees coded ones
