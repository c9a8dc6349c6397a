"""Background work for the GUI: reads in a small pool, writes one at a time, answers by signal.

A job's function runs on a worker thread and must not touch widgets; its result or its error
comes back on the GUI thread through a queued signal, where the callback may update windows.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot
from shiboken6 import isValid

from ..core.storage import PARALLEL_READS


class _Relay(QObject):
    """Lives on the GUI thread as long as its Tasks, so signals emitted by workers are queued
    to it. Workers hold only this object and a job number: no per-job object is ever deleted
    while a worker might still refer to it."""

    succeeded = Signal(int, object)
    failed = Signal(int, object)


class Tasks(QObject):
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
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable | None]] = {}

    def read(self, fn: Callable[[], Any], on_done, on_error=None) -> None:
        self._start(self._reads, fn, on_done, on_error)

    def write(self, fn: Callable[[], Any], on_done, on_error=None) -> None:
        self._start(self._writes, fn, on_done, on_error)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the workers are idle (at shutdown, before the store is closed)."""
        return self._reads.waitForDone(msecs) and self._writes.waitForDone(msecs)

    def _start(self, pool: QThreadPool, fn, on_done, on_error) -> None:
        number = next(self._numbers)
        self._callbacks[number] = (on_done, on_error)
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
        on_done, _ = self._callbacks.pop(number)
        if _alive(on_done):
            on_done(result)

    @Slot(int, object)
    def _finish_error(self, number: int, error: Exception) -> None:
        _, on_error = self._callbacks.pop(number)
        if on_error is not None and not _alive(on_error):
            return
        if on_error is None:
            sys.excepthook(type(error), error, error.__traceback__)
        else:
            on_error(error)


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
