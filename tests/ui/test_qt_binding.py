"""The Qt binding keeps Python's reference counts: a binding that drops a reference to None (or
True, False) on each call makes the program abort after some thousands of calls, at any time."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QPushButton


def test_calls_that_return_nothing_or_a_bool_keep_the_reference_counts(qapp):
    label, button = QLabel(), QPushButton()
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(1000):
        label.setText("儿童")
        button.setEnabled(True)
        button.isEnabled()
        label.isVisible()
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    assert [a - b for a, b in zip(after, before, strict=True)] == [0, 0, 0]
