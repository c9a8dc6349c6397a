"""What colleagues saved on a shared server, shown without asking: the newest audit entry is read
every little while and when the window comes to the front, and when it moved the views ask the
store again, as after a save made here. A store in a file on this PC has no one else writing to
it and is not watched."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMainWindow
from sqlalchemy.exc import OperationalError

from ..core.storage.server import ServerStore
from ..core.storage.store import Store
from .tasks import EVERYTHING, Tasks

WATCH_EVERY_MS = 15_000


def watch_server(window: QMainWindow, store: Store, tasks: Tasks) -> ServerWatch | None:
    """The watch of a server's store, living as long as `window`; None for a file's."""
    if not isinstance(store, ServerStore):
        return None
    return ServerWatch(window, store, tasks)


def newest_entry(store: Store) -> int | None:
    """The number of the store's newest audit entry (every save adds one), or None while the
    server cannot be reached."""
    try:
        return store.newest_save()
    except OperationalError:
        return None


class ServerWatch(QObject):
    def __init__(self, window: QMainWindow, store: ServerStore, tasks: Tasks) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.tasks = tasks
        self.seen: int | None = None  # the newest entry this window has shown
        self.asking = False
        self.unreachable = False
        self.timer = QTimer(self)
        self.timer.setInterval(WATCH_EVERY_MS)
        self.timer.timeout.connect(self.look)
        self.timer.start()
        window.installEventFilter(self)
        self._ask()  # what the window's first lists show

    def look(self) -> None:
        """Read the newest entry on a reading thread (one look at a time). A closed window
        is not refreshed: its store may be closed next."""
        if self.window.isVisible():
            self._ask()

    def _ask(self) -> None:
        if self.asking:
            return
        self.asking = True
        store = self.store
        self.tasks.read(lambda: newest_entry(store), self._answered, ended=self._ended)

    def _ended(self) -> None:
        self.asking = False

    def _answered(self, newest: int | None) -> None:
        self._say_reachable(newest is not None)
        if newest is None:
            return
        moved = self.seen is not None and newest != self.seen
        self.seen = newest
        if moved:
            self.tasks.announce(EVERYTHING)

    def _say_reachable(self, reachable: bool) -> None:
        """While the server does not answer, the status bar says that what shows may be old."""
        bar = self.window.statusBar()
        if not reachable:
            bar.showMessage(self.tr("暂时连不上服务器：显示的可能不是同事最新保存的内容。"))
        elif self.unreachable:
            bar.clearMessage()
        self.unreachable = not reachable

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.WindowActivate:
            self.look()
        return False
