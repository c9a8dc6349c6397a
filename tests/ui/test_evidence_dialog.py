"""The evidence dialog: a submission's files listed, a picture shown in the window, a PDF saved
out, a file attached through the file dialog and a renamed file that is no picture refused with
its words, as an officer would click them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from childcare_desktop.core.services import evidence
from childcare_desktop.core.storage import tables as t
from childcare_desktop.ui.dialogs.evidence import EvidenceDialog
from tests.core.services.test_approval import new_child
from tests.core.services.test_visit_photos import png
from tests.core.sync.stations import COUNTY, TOWN, VILLAGE, enrolled

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


@pytest.fixture
def village(tmp_path):
    county = enrolled(tmp_path, "county", COUNTY, "兴宁市")
    town = enrolled(tmp_path, "town", TOWN, "宁新镇", county)
    store = enrolled(tmp_path, "village", VILLAGE, "新陂村", town)
    yield store
    for opened in (store, town, county):
        opened.close()


def submission_of(store) -> str:
    kid = new_child(store)
    with store.read() as conn:
        s = t.submission.c
        return conn.execute(select(s.uuid).where(s.child_uuid == kid.uuid)).scalar_one()


def names(dialog) -> list[str]:
    return [dialog.names.item(i).text() for i in range(dialog.names.count())]


def test_listed_shown_saved_and_attached(qtbot, village, tasks, tmp_path, monkeypatch):
    sub = submission_of(village)
    (tmp_path / "in").mkdir()
    home = tmp_path / "in" / "住房照片.png"
    home.write_bytes(png(side=64))
    ruling = tmp_path / "in" / "判决书.pdf"
    ruling.write_bytes(PDF)
    evidence.attach(village, sub, ruling)

    dialog = EvidenceDialog(village, tasks, sub, True)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.listed):
        dialog.show()
    assert names(dialog) == ["判决书.pdf（1 KB）"]
    assert "另存为" in dialog.picture.text()

    out = tmp_path / "保存的判决书.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes() == PDF

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(home), ""))
    with qtbot.waitSignal(dialog.shown, timeout=10_000):
        qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    assert names(dialog) == ["住房照片.png（1 KB）", "判决书.pdf（1 KB）"]
    assert dialog.names.currentRow() == 0
    assert dialog.picture.pixmap() is not None and not dialog.picture.pixmap().isNull()
    assert "已添加" in dialog.status.text()

    fake = tmp_path / "in" / "证明.jpg"
    fake.write_bytes(b"GIF89a, renamed")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(fake), ""))
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "不是 JPEG" in dialog.status.text())
    assert len(names(dialog)) == 2
    tasks.wait()


def test_a_reviewer_sees_no_attach_button(qtbot, village, tasks):
    dialog = EvidenceDialog(village, tasks, submission_of(village), False)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.listed):
        dialog.show()
    assert not dialog.attach_button.isVisible() and names(dialog) == []
    assert dialog.picture.text() == "还没有证明材料"
    tasks.wait()
