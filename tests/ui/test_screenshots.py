"""The README's pictures are made by driving the real windows over a demo station."""

from __future__ import annotations

from PySide6.QtGui import QImage

from childcare_desktop.ui.screenshots import save_screenshots


def test_screenshots_are_saved_with_the_windows_sizes(qapp, tmp_path):
    saved = save_screenshots(tmp_path / "shots", children=12, seed=2)
    assert [p.name for p in saved] == [
        "setup.png",
        "main.png",
        "today.png",
        "agenda.png",
        "visit.png",
        "child.png",
    ]
    sizes = {p.name: QImage(str(p)).size() for p in saved}
    assert sizes["main.png"].width() >= 1000 and sizes["main.png"].height() >= 600
    assert sizes["child.png"].width() >= 900
    assert sizes["setup.png"].width() >= 600
