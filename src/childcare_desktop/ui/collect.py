"""Python's cyclic garbage collection, on the GUI thread only.

A window's Python wrappers sit in reference cycles (a widget's signals connected to its own
methods, lambdas holding it). Left to itself, the collector runs in whichever thread is
allocating when its count is reached, often a reading thread of tasks.py, and a window collected
there has its Qt objects destroyed off the GUI thread, which crashes the program (seen: a
segmentation fault in a reading thread running Today's list while a closed dialog's cycle was
collected). So the automatic collector is turned off and the GUI thread collects on a timer,
the way Qt programs in Python commonly guard against it. bulk.gc_paused leaves it off where it
found it off.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 5_000  # a cycle lives a few seconds at most; a pass costs a few milliseconds
_NAME = "collector"


def collect_on_gui_thread(parent: QObject, interval_ms: int = INTERVAL_MS) -> QTimer:
    """Turn the automatic collector off and collect every `interval_ms` on the GUI thread
    (one timer per `parent`, however often asked)."""
    gc.disable()
    timer = parent.findChild(QTimer, _NAME)
    if timer is None:
        timer = QTimer(parent)
        timer.setObjectName(_NAME)
        timer.timeout.connect(gc.collect)
    timer.setInterval(interval_ms)
    timer.start()
    return timer
