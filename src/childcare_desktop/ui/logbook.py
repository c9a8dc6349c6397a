"""The program's log: a rotating file in the data folder that unexpected errors and Qt's warnings
go to, with no personal data in it, and the crash dialog that shows where it is.

An exception's message may carry what the officer typed (a name in a ValueError, the values of
an SQL statement), so the log keeps of each exception its type and the frames of the code it
went through; a message only of the program's own coded errors, and of those the code alone.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QThread, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from ..core.errors import CoreError
from ..core.paths import log_path

LOG_BYTES = 512 * 1024
LOG_FILES = 3  # the file and two older ones: some weeks of a quiet program's warnings
log = logging.getLogger("childcare_desktop")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def exception_text(error: BaseException, seen: set[int] | None = None) -> str:
    """Type and frames of an exception and of those it came from; words only of coded ones."""
    seen = seen if seen is not None else set()
    seen.add(id(error))
    earlier = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    text = ""
    if earlier is not None and id(earlier) not in seen:
        link = "caused" if error.__cause__ is not None else "was being handled when"
        text = exception_text(earlier, seen) + f"\n\nwhich {link}:\n\n"
    frames = "".join(traceback.format_list(traceback.extract_tb(error.__traceback__)))
    kind = type(error)
    said = f"{kind.__module__}.{kind.__qualname__}"
    if isinstance(error, CoreError):
        said += f" [{error.code}]"
    return text + "Traceback (most recent call last):\n" + frames + said


class _Formatter(logging.Formatter):
    def formatException(self, ei) -> str:
        return exception_text(ei[1])


def _file_handler(path: Path) -> logging.Handler:
    try:
        handler = RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_FILES - 1, encoding="utf-8"
        )
    except OSError:
        # A folder that cannot be written (a stick's write-protect switch on): the program
        # still starts, to say so in its own words; only its log is not kept.
        return logging.NullHandler()
    handler.setFormatter(_Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    return handler


class Logbook:
    """Installed once the data folder is known; `close` puts back what it replaced (tests build
    many programs in one process)."""

    def __init__(self, data: Path) -> None:
        self.path = log_path(data)
        self.crash = None
        self._handler = _file_handler(self.path)
        log.addHandler(self._handler)
        log.setLevel(logging.INFO)
        self._excepthook = sys.excepthook
        self._thread_hook = threading.excepthook
        sys.excepthook = self._unexpected
        threading.excepthook = self._thread_failed
        self._qt_handler = qInstallMessageHandler(self._qt_message)

    def close(self) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_hook
        qInstallMessageHandler(self._qt_handler)
        log.removeHandler(self._handler)
        self._handler.close()

    def _unexpected(self, kind: type[BaseException], error: BaseException, tb: TracebackType):
        log.error("unexpected error", exc_info=(kind, error, tb))
        # The console, when there is one, still shows it in full (and a test still fails).
        self._excepthook(kind, error, tb)
        app = QApplication.instance()
        if app is not None and QThread.currentThread() is app.thread():
            self._show_crash()

    def _thread_failed(self, args: threading.ExceptHookArgs) -> None:
        log.error("unexpected error in a thread", exc_info=(args.exc_type, args.exc_value,
                                                           args.exc_traceback))  # fmt: skip
        self._thread_hook(args)

    def _qt_message(self, mode: QtMsgType, context, message: str) -> None:
        # Qt's own words are English; anything else in them (a file's name) is not kept.
        kept = message.encode("ascii", "replace").decode("ascii")
        log.log(_QT_LEVELS.get(mode, logging.WARNING), "Qt: %s", kept)
        if self._qt_handler is not None:
            self._qt_handler(mode, context, message)

    def _show_crash(self) -> None:
        from .dialogs.crash import CrashDialog

        if self.crash is not None and self.crash.isVisible():
            return  # one dialog for a burst of errors: the log holds each of them
        self.crash = CrashDialog(self.path, QApplication.activeWindow())
        self.crash.show()
