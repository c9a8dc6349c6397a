"""Python's cyclic garbage is collected on the GUI thread, never by a reading thread: a window
collected in a reader has its Qt objects destroyed off the GUI thread (seen: a segmentation
fault in a reading thread while the suite ran)."""

from __future__ import annotations

import gc
import threading

from childcare_desktop.ui.collect import collect_on_gui_thread
from childcare_desktop.ui.tasks import Tasks


class _Cycle:
    """A reference cycle that says on which thread it was collected."""

    def __init__(self, seen: list[str]) -> None:
        self.me = self
        self.seen = seen

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


def _allocate() -> int:
    """What a reader does: many small objects, enough for the collector's count many times."""
    kept = []
    for i in range(200_000):
        kept.append([i])
        if len(kept) > 500:
            kept.clear()
    return len(kept)


def test_a_cycle_is_collected_by_the_gui_thread_not_by_a_reader(qapp, qtbot):
    gc.enable()  # as Python starts
    timer = collect_on_gui_thread(qapp, interval_ms=50)
    try:
        seen: list[str] = []
        _Cycle(seen)
        tasks, done = Tasks(), []
        tasks.read(_allocate, done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=10_000)
        tasks.wait()
        qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
        assert seen == [threading.main_thread().name]
        assert collect_on_gui_thread(qapp) is timer  # one timer, however often asked
    finally:
        timer.stop()
