"""The one way the GUI runs work: reads in a small pool, writes one at a time through the one
writer, answers by signal on the GUI thread.

A job's function runs on a worker thread and must not touch widgets. Its result comes back to
`on_done` on the GUI thread; a write's `Changes` then go out on `Tasks.changed`, and each view
that shows them asks again. A failure has one path: a `CoreError` becomes words beside the work
(`beside`: an error label, a function taking the error, or, when none is given, a box over the
window); so does a failing disk, from SQLite or the system (a full disk, a folder that may not be
written, a USB stick pulled out: the machine's trouble, not the program's), as the codes of
`core.storage.disk`, and any other `OSError` as `file_unavailable` with the system's reason;
anything else goes to `sys.excepthook`, which the program points at its log and
the crash dialog (see `logbook`). `ended` runs first either way, to give the form its buttons
back: a handler given the error never has to put the form right after an unexpected one.
"""

from __future__ import annotations

import itertools
import logging
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from ..core.errors import CoreError
from ..core.storage import PARALLEL_READS, disk
from . import i18n

log = logging.getLogger("childcare_desktop")

# What a write may change: the views showing one of these ask the store again.
CHILDREN, VISITS, CONCERNS, CARE, POLICY, SYNC = (
    "children", "visits", "concerns", "care", "policy", "sync",
)  # fmt: skip


@dataclass(frozen=True)
class Changes:
    """What a write changed: kinds of records, and the children concerned when known."""

    kinds: frozenset[str]
    children: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *kinds: str, children: Iterable[str] = ()) -> Changes:
        return cls(frozenset(kinds), frozenset(u for u in children if u))

    def touch(self, *kinds: str) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def only_child(self) -> str | None:
        """The one child changed, for a list to keep it selected."""
        return next(iter(self.children)) if len(self.children) == 1 else None


# Merging batch files or resolving conflicts may change any record of any child.
EVERYTHING = Changes.of(CHILDREN, VISITS, CONCERNS, CARE, POLICY, SYNC)


class _Relay(QObject):
    """Lives on the GUI thread as long as its Tasks, so signals emitted by workers are queued
    to it. Workers hold only this object and a job number: no per-job object is ever deleted
    while a worker might still refer to it."""

    succeeded = Signal(int, object)
    failed = Signal(int, object)


@dataclass(frozen=True)
class _Asked:
    on_done: Callable[[Any], None]
    beside: Any
    ended: Callable[[], None] | None
    changes: Changes | None


class Tasks(QObject):
    changed = Signal(object)  # the Changes of a write that ended

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(PARALLEL_READS)  # the store's pool has one for each
        # SQLite allows one writer at a time; one thread keeps writes in the order they were asked.
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.succeeded.connect(self._finish_ok)
        self._relay.failed.connect(self._finish_error)
        self._numbers = itertools.count()
        self._asked: dict[int, _Asked] = {}

    def read(self, fn: Callable[[], Any], on_done, beside=None, *, ended=None) -> None:
        """A read: may run beside other reads and beside the write."""
        self._start(self._reads, fn, _Asked(on_done, beside, ended, None))

    def write(
        self, fn: Callable[[], Any], on_done, beside=None, *, ended=None, changes=None
    ) -> None:
        """A write, after the writes asked before it; `changes` say what it may change."""
        self._start(self._writes, fn, _Asked(on_done, beside, ended, changes))

    def announce(self, changes: Changes) -> None:
        """What a form's write changed, said by the form's opener when the write did not say
        it: the views showing it ask again."""
        self.changed.emit(changes)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the workers are idle (at shutdown, before the store is closed)."""
        return self._reads.waitForDone(msecs) and self._writes.waitForDone(msecs)

    def _start(self, pool: QThreadPool, fn, asked: _Asked) -> None:
        number = next(self._numbers)
        self._asked[number] = asked
        relay = self._relay

        def run() -> None:
            try:
                result = fn()
            except Exception as exc:
                relay.failed.emit(number, exc)
            else:
                relay.succeeded.emit(number, result)

        pool.start(run)

    @Slot(int, object)
    def _finish_ok(self, number: int, result: object) -> None:
        asked = self._asked.pop(number)
        if asked.ended is not None and _alive(asked.ended):
            asked.ended()
        if _alive(asked.on_done):
            asked.on_done(result)
        if asked.changes is not None:
            self.changed.emit(asked.changes)

    @Slot(int, object)
    def _finish_error(self, number: int, error: Exception) -> None:
        asked = self._asked.pop(number)
        if asked.ended is not None and _alive(asked.ended):
            asked.ended()
        if not isinstance(error, CoreError) and asked.changes is not None:
            # It may have failed after its transaction was committed (a batch's records kept,
            # its file not written): the views read the store again rather than trust it.
            self.changed.emit(asked.changes)
        error = file_trouble(error)
        if not isinstance(error, CoreError):
            sys.excepthook(type(error), error, error.__traceback__)
        elif callable(asked.beside):
            if _alive(asked.beside):
                asked.beside(error)
        elif asked.beside is not None:
            if isValid(asked.beside):
                asked.beside.show_text(i18n.error_text(error))
        else:
            show_error(error)


def file_trouble(error: Exception) -> Exception:
    """A failing disk (full, read-only, pulled out: from SQLite or the system) as its coded
    error; any other OSError as `file_unavailable` with the system's reason (never the file's
    name, which may be a child's), its type and number for the log; anything else as it is."""
    found = disk.trouble(error)
    if found is not None:
        return found
    if not isinstance(error, OSError):
        return error
    log.info("file trouble: %s errno=%s", type(error).__name__, error.errno)
    return CoreError("file_unavailable", reason=error.strerror or type(error).__name__)


def show_error(error: CoreError, title: str = "") -> None:
    """A CoreError's words in a box over the active window, for work with no form of its own."""
    parent = QApplication.activeWindow()
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or QApplication.translate("Tasks", "出错了"),
        i18n.error_text(error),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def _alive(callback: Callable) -> bool:
    """False when the callback belongs to a widget closed and deleted while its job ran (a form
    shut before its background read came back): there is nothing left to update. The owner is
    the method's object, or a widget a lambda closes over (`lambda r: self._show(r)`)."""
    owners = [getattr(callback, "__self__", None)]
    owners += [
        cell.cell_contents for cell in getattr(callback, "__closure__", None) or () if _filled(cell)
    ]
    return all(isValid(o) for o in owners if isinstance(o, QObject))


def _filled(cell) -> bool:
    try:
        cell.cell_contents  # noqa: B018 (an empty cell raises)
    except ValueError:
        return False
    return True
