"""The idle lock: no input for a while, and every window hides its records behind a cover until
the passphrase is typed again. The store stays open and every window keeps what it holds, so a
half-typed form is still there, unsaved, after the lock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QVBoxLayout, QWidget

from ..core.errors import CoreError
from ..core.storage import tries
from .dialogs.unlock import PassphrasePrompt
from .tasks import Tasks
from .widgets import plain_label

MS_PER_MINUTE = 60_000
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    """Watches every input event of the application; `idle` fires after `minutes` without one."""

    idle = Signal()

    def __init__(self, app: QApplication, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.timer.setInterval(minutes * MS_PER_MINUTE)
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        self.app.installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        self.app.removeEventFilter(self)
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.timer.start()
        return False


class Cover(QWidget):
    """An opaque sheet over a whole window, following its size."""

    def __init__(self, window: QWidget, text: str) -> None:
        super().__init__(window)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        label = plain_label(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
            self.raise_()
        return False


class LockDialog(PassphrasePrompt):
    """The passphrase, checked against the key file; it cannot be closed any other way, but
    for quitting the program when the passphrase cannot be checked at all (the store's USB
    stick pulled out): the words then say to start the program again."""

    quit_asked = Signal()

    def __init__(self, store_path: Path, tasks: Tasks, parent=None) -> None:
        super().__init__(tasks, lambda p: _check_passphrase(store_path, p), parent, store_path)
        self.setWindowTitle(self.tr("已锁定"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.prompt.setText(self.tr("程序已锁定，档案都已遮住。请输入密码继续："))
        self.open_button.setText(self.tr("解锁"))
        self.quit_button = self.buttons.addButton(
            self.tr("退出程序"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.quit_button.hide()
        self.quit_button.clicked.connect(self.quit_asked)

    def reject(self) -> None:
        """Esc and the window's close do nothing: only the passphrase opens the lock."""

    def _failed(self, error: CoreError) -> None:
        super()._failed(error)
        if error.code not in (*tries.WRONG, "passphrase_wait"):
            self.quit_button.show()

    def accept(self) -> None:
        self.quit_button.hide()  # the trouble is over: the next lock holds as ever
        super().accept()


class ScreenLock(QObject):
    """Covers every window of the program and asks for the passphrase; `unlocked` after it."""

    unlocked = Signal()

    def __init__(self, main_window: QWidget, store_path: Path, tasks: Tasks) -> None:
        super().__init__(main_window)
        self.main_window = main_window
        self.dialog = LockDialog(store_path, tasks, main_window)
        self.dialog.accepted.connect(self._unlock)
        self.covers: list[Cover] = []
        self.titles: dict[QWidget, str] = {}
        self.focus: QWidget | None = None

    @property
    def locked(self) -> bool:
        return bool(self.covers)

    def lock(self) -> None:
        if self.locked:
            return
        self.focus = QApplication.focusWidget()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()  # an open list of choices would float above the covers
        station = self.main_window.windowTitle()
        self.covers.append(Cover(self.main_window, self.tr("已锁定") + "\n\n" + station))
        for window in self._other_windows():
            # Titles of forms carry names; the taskbar shows them.
            self.titles[window] = window.windowTitle()
            window.setWindowTitle(self.tr("已锁定"))
            self.covers.append(Cover(window, self.tr("已锁定")))
        self.dialog.open()
        self.dialog.passphrase.setFocus()

    def _other_windows(self) -> list[QWidget]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible()
            and w is not self.main_window
            and w is not self.dialog
            and w.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
        ]

    def _unlock(self) -> None:
        for cover in self.covers:
            cover.parentWidget().removeEventFilter(cover)
            cover.hide()
            cover.deleteLater()
        self.covers = []
        for window, title in self.titles.items():
            window.setWindowTitle(title)
        self.titles = {}
        if self.focus is not None:
            self.focus.setFocus()
        self.focus = None
        self.unlocked.emit()


def _check_passphrase(store_path: Path, passphrase: str) -> None:
    from ..core.services import safety  # on the worker thread, like the key derivation

    safety.check_passphrase(store_path, passphrase)
