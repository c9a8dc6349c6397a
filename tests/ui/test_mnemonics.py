"""Alt+letter opens what its label says: no button of the main window takes a letter one of the
menus has (under X, Alt+A on a button lettered like the 安全(&A) menu only moved the focus to the
button, and opened neither it nor the menu)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton

from tests.conftest import VILLAGE
from tests.ui.conftest import run_wizard

TOWN = VILLAGE[:9]
_LETTER = re.compile(r"&([A-Za-z])")


def _letter(text: str) -> str | None:
    found = _LETTER.search(text)
    return found[1].upper() if found else None


@pytest.mark.parametrize(("role", "division"), [("village", VILLAGE), ("town", TOWN)])
def test_no_button_of_the_window_takes_a_menus_letter(qtbot, make_app, role, division):
    controller = make_app()
    page = controller.wizard.station_page
    page.role.setCurrentIndex(page.role.findData(role))
    window = run_wizard(qtbot, controller, division=division)
    menus = {_letter(a.text()) for a in window.menuBar().actions()} - {None}
    assert {"A", "T", "F"} <= menus  # 安全, 工具, 档案
    clashes = sorted(
        button.text()
        for button in window.findChildren(QAbstractButton)
        if _letter(button.text()) in menus
    )
    assert clashes == [], clashes
