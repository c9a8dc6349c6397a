"""Type-ahead in the list of children: from a key pressed in the search field to the list painted.

Each keystroke is a key event sent to the search field of the real list (the program's own
view, its models and its read threads, offscreen Qt), and is timed through the event loop until
the list's viewport has painted the answer, as a slow typist sees it: the next key is pressed
once the list shows the last one's. The view waits SEARCH_DELAY_MS after a key before it asks
(so that a fast typist's keys make one search); that wait is reported apart, and the work is what
remains. The searches are the ones officers type: pinyin initials, a name's pinyin, one
character of a name, the digits of an ID number. 100,000 children (a county) beside 1,000 (a
village) in the same run. Run with the offscreen platform, as `make bench` does.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from childcare_desktop.core.services.children import Children
from childcare_desktop.ui.tasks import Tasks
from childcare_desktop.ui.views.children_view import SEARCH_DELAY_MS, ChildrenView

from .common import county_100k, demo_store, row

# 30 keystrokes: each search typed one key at a time into an emptied field.
SEARCHES = ("zxm", "wangxm", "lij", "chenyu", "4414812012", "小明")
LIMIT_MS = 10_000  # a keystroke whose list has not painted by then fails the benchmark


class _Painted(QObject):
    """Ends `loop` once the viewport has painted after the view said its search was shown."""

    def __init__(self, viewport, loop: QEventLoop) -> None:
        super().__init__()
        self.loop = loop
        self.shown = False
        self.at = 0.0
        viewport.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if self.shown and event.type() == QEvent.Type.Paint:
            self.shown = False
            # A zero timer fires once the paint event has been handled: the list is painted.
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        self.at = time.perf_counter()
        self.loop.quit()


def _until_painted(view: ChildrenView, press) -> float:
    """Press (a callable) and run the event loop until the list is painted; returns seconds."""
    loop = QEventLoop()
    painted = _Painted(view.table.viewport(), loop)

    def shown() -> None:
        painted.shown = True

    view.searched.connect(shown)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    guard.start(LIMIT_MS)
    start = time.perf_counter()
    press()
    loop.exec()
    view.searched.disconnect(shown)
    view.table.viewport().removeEventFilter(painted)
    if not painted.at:
        raise TimeoutError("the list did not paint a search's answer")
    return painted.at - start


def _press(field, key: str) -> None:
    """A key typed into `field`: a Chinese character arrives as an input method commits it."""
    if key.isascii():
        QTest.keyClick(field, key)
    else:
        event = QInputMethodEvent()
        event.setCommitString(key)
        QApplication.sendEvent(field, event)


def _typed(store) -> list[float]:
    """Milliseconds from each key event to the list painted, debounce included."""
    tasks = Tasks()
    view = ChildrenView(Children(store), tasks)
    view.resize(1366, 700)
    view.show()
    view.search.setFocus()
    _until_painted(view, view.refresh)
    # The first search started warming the index on the read connections; let it finish, as
    # the list is at rest by the time an officer starts to type.
    tasks.wait()
    QApplication.processEvents()
    times = []
    for text in SEARCHES:
        if view.search.text():
            _until_painted(view, lambda: view.search.setText(""))
        for key in text:
            times.append(_until_painted(view, lambda k=key: _press(view.search, k)) * 1000)
        assert view.search.text() == text, view.search.text()
    tasks.wait()
    view.close()
    view.deleteLater()
    QApplication.processEvents()
    return times


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def run() -> list[dict]:
    app = QApplication.instance() or QApplication([])
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    with tempfile.TemporaryDirectory() as folder:
        village = demo_store(Path(folder) / "village.db", "village", "441481103201", "新陂村", 1000)
        small = _typed(village)
        village.close()
    county = county_100k()
    big = _typed(county)
    county.close()
    work_big = [t - SEARCH_DELAY_MS for t in big]
    work_small = [t - SEARCH_DELAY_MS for t in small]
    return [
        row("debounce before a search is asked (the view's delay)", SEARCH_DELAY_MS, "ms"),
        row(
            f"key to list painted, 100,000 children, median ({len(big)} keys)",
            statistics.median(big),
            "ms",
            statistics.median(small),
        ),
        row(
            "work beyond the debounce, 100,000 children, median",
            statistics.median(work_big),
            "ms",
            statistics.median(work_small),
            "< 50 ms",
        ),
        row(
            "work beyond the debounce, 100,000 children, 95th percentile",
            _p95(work_big),
            "ms",
            _p95(work_small),
            "< 50 ms",
        ),
        row("work beyond the debounce, 100,000 children, worst", max(work_big), "ms"),
    ]


if __name__ == "__main__":
    from .common import print_table

    print_table(__doc__.splitlines()[0], run())
