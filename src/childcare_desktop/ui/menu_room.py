"""Menus that show each item's words whole.

Qt sizes a menu item's words without the mnemonic's "&", but cuts them to the room left counting
the "&" it does not draw: the widest item of a menu, where no shortcut beside it leaves some room
over, was shown cut ("核对部门名…D)……" at the 12-point font on a 1366×768 laptop). The menus'
style, the program's own, gives every item with a mnemonic the width of an "&" more."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QProxyStyle, QStyle


class MenuRoom(QProxyStyle):
    """The application's style (none given: Qt follows it), with that room more."""

    def sizeFromContents(self, kind, option, size, widget=None):
        found = super().sizeFromContents(kind, option, size, widget)
        if kind == QStyle.ContentsType.CT_MenuItem and "&" in (option.text or ""):
            found.setWidth(found.width() + option.fontMetrics.horizontalAdvance("&"))
        return found


_style: MenuRoom | None = None


def give_room(menu: QMenu) -> None:
    global _style
    if _style is None:  # one for every menu; a widget does not own the style it is given
        _style = MenuRoom()
    menu.setStyle(_style)
