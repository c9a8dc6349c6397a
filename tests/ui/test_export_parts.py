"""The export window says when a station has more to send than one file holds: what went into
this batch, and how many changes wait for the next one, after the receiver's acknowledgement."""

from __future__ import annotations

from PySide6.QtCore import Qt

from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.sync import envelope
from childcare_desktop.core.sync.merge import changes_since
from childcare_desktop.ui.dialogs.sync_export import ExportDialog
from childcare_desktop.ui.tasks import Tasks
from tests.core.sync.stations import TOWN, VILLAGE, enroll, station


def test_the_export_window_says_how_many_changes_wait_for_the_next_batch(
    qtbot, tmp_path, monkeypatch
):
    for name in ("town", "village", "stick"):
        (tmp_path / name).mkdir()
    town = station(tmp_path / "town", "town", TOWN, "宁新镇")
    village = station(tmp_path / "village", "village", VILLAGE, "新陂村")
    enroll(town, village, tmp_path / "village")
    fill_demo(village, 3, seed=4)
    with village.read() as conn:
        everything = len(changes_since(conn, {}))
    monkeypatch.setattr(envelope, "MAX_CHANGES", 10)  # one file holds ten changes here
    tasks = Tasks()
    dialog = ExportDialog(village, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.receiver.count() == 1)
    dialog.folder.setText(str(tmp_path / "stick"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "第 1 批已写到" in dialog.sent.text())
    said = dialog.sent.text()
    assert "含 10 条修改" in said
    assert f"还有 {everything - 10} 条修改一个文件装不下：对方回传确认后再导出下一批。" in said
    dialog.close()
    tasks.wait()
    village.close()
    town.close()
