"""Background work for the GUI: reads in a small pool, writes one at a time, answers by signal.

A job's function runs on a worker thread and must not touch widgets; its result or its error
comes back on the GUI thread through a queued signal, where the callback may update windows.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot


class _Call(QObject):
    """One job's way home: lives on the GUI thread, so its signals are queued to it."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, owner: Tasks, on_done: Callable[[Any], None], on_error) -> None:
        super().__init__(owner)
        self._owner = owner
        self._on_done = on_done
        self._on_error = on_error
        self.succeeded.connect(self._finish_ok)
        self.failed.connect(self._finish_error)

    def execute(self, fn: Callable[[], Any]) -> None:
        try:
            result = fn()
        except Exception as exc:
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)

    @Slot(object)
    def _finish_ok(self, result: object) -> None:
        self._owner._forget(self)
        self._on_done(result)

    @Slot(object)
    def _finish_error(self, error: Exception) -> None:
        self._owner._forget(self)
        if self._on_error is None:
            sys.excepthook(type(error), error, error.__traceback__)
        else:
            self._on_error(error)


class Tasks(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(4)
        # SQLite allows one writer at a time; one thread keeps writes in the order they were asked.
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._running: set[_Call] = set()

    def read(self, fn: Callable[[], Any], on_done, on_error=None) -> None:
        self._start(self._reads, fn, on_done, on_error)

    def write(self, fn: Callable[[], Any], on_done, on_error=None) -> None:
        self._start(self._writes, fn, on_done, on_error)

    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the workers are idle (at shutdown, before the store is closed)."""
        return self._reads.waitForDone(msecs) and self._writes.waitForDone(msecs)

    def _start(self, pool: QThreadPool, fn, on_done, on_error) -> None:
        call = _Call(self, on_done, on_error)
        self._running.add(call)
        pool.start(lambda: call.execute(fn))

    def _forget(self, call: _Call) -> None:
        # Deleted by the event loop, not here: the call is still delivering its own signal.
        self._running.discard(call)
        call.deleteLater()
