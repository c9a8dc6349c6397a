"""What every menu of the main window shares: making actions and menus, holding dialogs."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ..menu_room import give_room

_MNEMONIC = re.compile(r"\(&\w\)")


def make_action(owner: QObject, text: str, shortcut: str | QKeySequence | None = None) -> QAction:
    action = QAction(text, owner)
    # The toolbar shows the words without the menu's "(&N)" mnemonic.
    action.setIconText(_MNEMONIC.sub("", text))
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut) if isinstance(shortcut, str) else shortcut)
    return action


def add_menu(window: QMainWindow, title: str, actions: list[QAction | None]) -> QMenu:
    menu = window.menuBar().addMenu(title)
    give_room(menu)
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
    return menu


def keep_open(window, dialog) -> None:
    """Hold a modeless dialog until it closes (Qt would not, Python would collect it)."""
    held = window.__dict__.setdefault("_open_dialogs", set())
    held.add(dialog)
    dialog.finished.connect(lambda _code: held.discard(dialog))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
