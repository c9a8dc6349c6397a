"""The sync windows with real stations, keys and files: enroll, export, import with one bad
file, the town's status, a conflict resolved side by side, duplicates merged and undone."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
)
from sqlalchemy import select

from childcare_desktop import words
from childcare_desktop.core.domain.child import FamilyMember
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.storage import tables as t
from childcare_desktop.ui.dialogs.duplicate_merge import DuplicateMergeDialog
from childcare_desktop.ui.dialogs.sync_enroll import EnrollDialog
from childcare_desktop.ui.dialogs.sync_export import ExportDialog
from childcare_desktop.ui.dialogs.sync_import import ImportDialog
from childcare_desktop.ui.models import sync_models as m
from childcare_desktop.ui.tasks import Tasks
from childcare_desktop.ui.views.sync_status import SyncStatusView
from tests.core.sync import merging
from tests.core.sync.stations import TOWN, VILLAGE, station
from tests.ui.conftest import type_text

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def tasks(qapp):
    tasks = Tasks()
    yield tasks
    tasks.wait()


@pytest.fixture
def town(tmp_path, tasks):
    (tmp_path / "town").mkdir()
    store = station(tmp_path / "town", "town", TOWN, "宁新镇")
    yield store
    tasks.wait()
    store.close()


@pytest.fixture
def village(tmp_path, tasks):
    (tmp_path / "village").mkdir()
    store = station(tmp_path / "village", "village", VILLAGE, "新陂村")
    yield store
    tasks.wait()
    store.close()


@pytest.fixture
def stick(tmp_path) -> Path:
    folder = tmp_path / "U盘"
    folder.mkdir()
    return folder


def answer(monkeypatch, method: str, path) -> None:
    """The file the person picks in the next file dialog."""
    picked = [str(p) for p in path] if isinstance(path, list) else str(path)
    monkeypatch.setattr(QFileDialog, method, staticmethod(lambda *a, **k: (picked, "")))


def watched(model) -> None:
    """Qt's model checks for as long as the model lives (the model owns its tester)."""
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal, model)


def shown(widget, qtbot):
    qtbot.addWidget(widget)
    widget.show()
    return widget


def cells(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def read_aloud(dialog: EnrollDialog) -> str:
    """The fingerprint as a person reads it from the screen and the other one types it."""
    return " ".join(dialog.fingerprint.text().split()).lower()


def shows_fingerprint(dialog: EnrollDialog, fingerprint: str) -> bool:
    """Whether any text of the dialog other than its own fingerprint shows `fingerprint`,
    in any spacing."""
    whole = fingerprint.replace("-", "")
    widgets = [*dialog.findChildren(QLabel), *dialog.findChildren(QLineEdit)]
    texts = [w.text() for w in widgets if w is not dialog.fingerprint]
    return any(whole in "".join(ch for ch in text if ch.isalnum()) for text in texts)


def enroll_through_dialogs(qtbot, monkeypatch, town, village, tasks, stick):
    request, cert = stick / "request.json", stick / "certificate.json"
    at_village = shown(EnrollDialog(village, tasks), qtbot)
    at_town = shown(EnrollDialog(town, tasks), qtbot)
    watched(at_town.enrolled)
    qtbot.waitUntil(lambda: at_village.me is not None and at_town.me is not None)
    assert at_village.up.isVisible() and not at_village.down.isVisible()
    assert at_town.down.isVisible()
    assert at_village.fingerprint.text().count("\n") == 1

    answer(monkeypatch, "getSaveFileName", request)
    qtbot.mouseClick(at_village.request_button, LEFT)
    qtbot.waitUntil(request.exists)
    answer(monkeypatch, "getOpenFileName", request)
    qtbot.mouseClick(at_town.open_request_button, LEFT)
    qtbot.waitUntil(lambda: "新陂村（441481103201）" in at_town.request_info.text())
    # The supervisor never sees the request's fingerprint: only the village's screen shows it.
    assert not shows_fingerprint(at_town, at_village.me.fingerprint)
    assert not at_town.issue_button.isEnabled()

    # A misheard group is refused beside the field, before any certificate is asked for.
    heard = read_aloud(at_village)
    misheard = heard[:-4] + ("bbbb" if heard[-4:] != "bbbb" else "cccc")
    qtbot.keyClicks(at_town.child_fingerprint, misheard[:-1])
    assert not at_town.issue_button.isEnabled()  # a group is still missing
    qtbot.keyClicks(at_town.child_fingerprint, misheard[-1])
    asked: list[str] = []

    def save_to(*_args, **_kwargs):
        asked.append("cert")
        return str(cert), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_to))
    qtbot.mouseClick(at_town.issue_button, LEFT)
    refused = at_town.child_fingerprint_error
    qtbot.waitUntil(refused.isVisible)
    assert refused.text() == words.message("fingerprint_mismatch")
    assert not asked and not cert.exists()
    assert not shows_fingerprint(at_town, at_village.me.fingerprint)
    at_town.child_fingerprint.clear()
    assert not refused.isVisible()  # the field is typed again
    qtbot.keyClicks(at_town.child_fingerprint, heard)
    qtbot.mouseClick(at_town.issue_button, LEFT)
    qtbot.waitUntil(lambda: at_town.enrolled.rowCount() == 1)
    assert cert.exists()
    assert at_town.enrolled.index(0, m.COL_TO).data() == "新陂村（441481103201）"

    assert not at_village.install_button.isEnabled()
    qtbot.keyClicks(at_village.parent_fingerprint, read_aloud(at_town))
    answer(monkeypatch, "getOpenFileName", cert)
    qtbot.mouseClick(at_village.install_button, LEFT)
    qtbot.waitUntil(lambda: "宁新镇（441481103）" in at_village.install_done.text())
    assert not at_village.error.isVisible()
    return at_village, at_town


def export_through_dialog(qtbot, dialog: ExportDialog, expected_seq: int) -> Path:
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: f"第 {expected_seq} 批已写到" in dialog.sent.text())
    return Path(dialog.sent.text().split("已写到 ")[1].split("\n")[0])


def drop_files(widget, files: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    middle = widget.rect().center()
    no_keys = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(middle, Qt.DropAction.CopyAction, mime, LEFT, no_keys)
    enter.setAccepted(False)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(middle), Qt.DropAction.CopyAction, mime, LEFT, no_keys)
    QApplication.sendEvent(widget, drop)


def first_child(store) -> str:
    with store.read() as conn:
        return conn.execute(select(t.child.c.uuid).order_by(t.child.c.uuid)).scalars().first()


def click_cell(qtbot, table, index) -> None:
    qtbot.mouseClick(table.viewport(), LEFT, pos=table.visualRect(index).center())


@pytest.mark.parametrize("way", ["Esc", "button", "cross"])
def test_the_export_dialog_closes_after_an_export(
    qtbot, monkeypatch, town, village, tasks, stick, way
):
    """Each time a village sends its records it must be able to close the window again."""
    enroll_through_dialogs(qtbot, monkeypatch, town, village, tasks, stick)
    dialog = shown(ExportDialog(village, tasks), qtbot)
    qtbot.waitUntil(lambda: dialog.receiver.count() == 1)
    dialog.folder.setText(str(stick))
    export_through_dialog(qtbot, dialog, 1)
    with qtbot.waitSignal(dialog.finished):
        if way == "Esc":
            qtbot.keyClick(dialog.folder, Qt.Key.Key_Escape)
        elif way == "button":
            qtbot.mouseClick(dialog.findChild(QDialogButtonBox).buttons()[0], LEFT)
        else:
            dialog.close()
    assert not dialog.isVisible()


def test_enter_in_the_export_dialog_exports_or_does_nothing(
    qtbot, monkeypatch, town, village, tasks, stick
):
    """Enter in the folder field while 导出下一批 waits for a folder neither opens the folder
    chooser nor closes the dialog; with a folder, Enter exports."""
    enroll_through_dialogs(qtbot, monkeypatch, town, village, tasks, stick)
    chosen = []
    monkeypatch.setattr(ExportDialog, "choose_folder", lambda self: chosen.append(True))
    dialog = shown(ExportDialog(village, tasks), qtbot)
    qtbot.waitUntil(lambda: dialog.receiver.count() == 1)
    assert not dialog.export_button.isEnabled()
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    assert dialog.isVisible() and chosen == []
    dialog.folder.setText(str(stick))  # a path of any language, as the chooser writes it
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "第 1 批已写到" in dialog.sent.text())
    assert chosen == []


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_enroll_export_import_status_and_resolve_a_conflict(
    qtbot, monkeypatch, town, village, tasks, stick
):
    enroll_through_dialogs(qtbot, monkeypatch, town, village, tasks, stick)
    fill_demo(village, 3, seed=5)

    export = shown(ExportDialog(village, tasks), qtbot)
    watched(export.receivers)
    qtbot.waitUntil(lambda: export.receiver.count() == 1)
    assert export.receiver.currentText() == "宁新镇（441481103）"
    assert not export.export_button.isEnabled()
    type_text(qtbot, export.folder, str(stick))
    first = export_through_dialog(qtbot, export, 1)
    qtbot.waitUntil(lambda: export.receivers.index(0, m.COL_SENT_BATCH).data() == "1")
    assert export.receivers.index(0, m.COL_ACKNOWLEDGED).data() == "本站前 0 条修改"
    uuid = first_child(village)
    Children(village).update_fields(uuid, {"school": "一小"})
    second = export_through_dialog(qtbot, export, 2)
    assert first != second and first.parent == second.parent == stick

    bad = stick / "坏文件.ccsync"
    data = bytearray(first.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad.write_bytes(bytes(data))
    importer = shown(ImportDialog(town, tasks), qtbot)
    watched(importer.results)
    drop_files(importer, [first, bad, second])
    qtbot.waitUntil(lambda: importer.results.rowCount() == 3)
    assert cells(importer.results, m.COL_FILE) == [first.name, bad.name, second.name]
    assert cells(importer.results, m.COL_RESULT) == ["已导入", "已拒收", "已导入"]
    rejected = importer.results.row_record(1)
    assert importer.results.index(1, m.COL_DETAIL).data() == words.message(rejected.reason)
    assert rejected.reason in ("bad_file", "bad_signature", "cannot_decrypt", "bad_payload")
    assert importer.results.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) == m.REFUSED
    assert importer.results.index(0, m.COL_DETAIL).data().endswith("0 处冲突")
    assert importer.summary.text() == "导入 2 个，已导入过 0 个，拒收 1 个，隔离 0 个。"

    view = shown(SyncStatusView(town, tasks), qtbot)
    for model in (view.stations, view.refused, view.duplicates):
        watched(model)
    qtbot.waitUntil(lambda: view.stations.rowCount() == 1)
    row = [view.stations.index(0, c).data() for c in range(view.stations.columnCount())]
    assert row[m.COL_STATION] == "新陂村（441481103201）"
    assert (row[m.COL_LAST_BATCH], row[m.COL_MISSING], row[m.COL_CONFLICTS]) == ("2", "", "0")
    assert cells(view.refused, m.COL_REFUSED_FILE) == [bad.name]
    assert cells(view.refused, m.COL_REFUSED_WHY) == [words.message(rejected.reason)]
    assert view.open_conflicts.text() == "待处理的冲突：0 条"
    assert not view.conflicts_button.isEnabled()

    # The town and the village change the same child at the same time.
    Children(town).update_fields(uuid, {"name": "镇改", "school": "镇小"})
    Children(village).update_fields(uuid, {"name": "村改", "school": "村小"})
    third = export_through_dialog(qtbot, export, 3)
    answer(monkeypatch, "getOpenFileNames", [third])
    qtbot.mouseClick(importer.choose_button, LEFT)
    qtbot.waitUntil(lambda: importer.results.rowCount() == 4)
    assert importer.results.index(3, m.COL_DETAIL).data().endswith("2 处冲突")

    view.refresh()
    qtbot.waitUntil(lambda: view.open_conflicts.text() == "待处理的冲突：2 条")
    assert view.stations.index(0, m.COL_CONFLICTS).data() == "2"
    qtbot.mouseClick(view.conflicts_button, LEFT)
    dialog = view.dialog
    watched(dialog.list_model)
    watched(dialog.values_model)
    qtbot.waitUntil(lambda: dialog.list_model.rowCount() == 2)
    fields = cells(dialog.list_model, m.COL_CONFLICT_FIELD)
    assert sorted(fields) == ["姓名", "就读学校"]

    # Side by side: one column per value, saying which station gave it and when.
    dialog.list.setCurrentIndex(dialog.list_model.index(fields.index("姓名"), 0))
    values = dialog.values_model
    assert values.columnCount() == 2
    assert values.headerData(0, Qt.Orientation.Horizontal) == "当前显示的值"
    pairs = {
        values.index(m.ROW_VALUE, c).data(): values.index(m.ROW_STATION, c).data() for c in range(2)
    }
    assert pairs == {"镇改": "宁新镇（441481103）", "村改": "新陂村（441481103201）"}
    assert all(len(values.index(m.ROW_WHEN, c).data()) == 16 for c in range(2))
    village_column = [values.index(m.ROW_VALUE, c).data() for c in range(2)].index("村改")
    assert not dialog.pick_button.isEnabled()
    click_cell(qtbot, dialog.values, values.index(m.ROW_VALUE, village_column))
    qtbot.mouseClick(dialog.pick_button, LEFT)
    qtbot.waitUntil(lambda: dialog.list_model.rowCount() == 1)
    assert Children(town).get(uuid).name == "村改"

    # The other one: neither value is right, the supervisor types the school's name.
    assert cells(dialog.list_model, m.COL_CONFLICT_FIELD) == ["就读学校"]
    qtbot.keyClicks(dialog.new_value, "Sanxiao")
    qtbot.mouseClick(dialog.type_button, LEFT)
    qtbot.waitUntil(lambda: dialog.list_model.rowCount() == 0)
    assert dialog.empty.isVisible()
    assert Children(town).get(uuid).school == "Sanxiao"
    dialog.close()
    qtbot.waitUntil(lambda: view.open_conflicts.text() == "待处理的冲突：0 条")
    assert view.stations.index(0, m.COL_CONFLICTS).data() == "0"


def test_revoke_a_lost_laptop_after_its_last_batch(qtbot, monkeypatch, town, village, tasks, stick):
    _, at_town = enroll_through_dialogs(qtbot, monkeypatch, town, village, tasks, stick)
    fill_demo(village, 2, seed=2)
    export = shown(ExportDialog(village, tasks), qtbot)
    qtbot.waitUntil(lambda: export.receiver.count() == 1)
    export.folder.setText(str(stick))
    first = export_through_dialog(qtbot, export, 1)
    Children(village).update_fields(first_child(village), {"school": "一小"})
    later = export_through_dialog(qtbot, export, 2)
    importer = shown(ImportDialog(town, tasks), qtbot)
    importer.add_files([first])
    qtbot.waitUntil(lambda: importer.results.rowCount() == 1)

    at_town.refresh_enrolled()
    qtbot.waitUntil(lambda: at_town.after_seq.value() == 1)
    qtbot.mouseClick(at_town.revoke_button, LEFT)
    box = at_town.revoke_box
    assert box is not None and "第 1 批以后" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), LEFT)
    qtbot.waitUntil(lambda: "已注销 441481103201" in at_town.issue_done.text())

    importer.add_files([later])
    qtbot.waitUntil(lambda: importer.results.rowCount() == 2)
    assert importer.results.index(1, m.COL_RESULT).data() == "已隔离"
    assert importer.results.index(1, m.COL_DETAIL).data() == words.message("revoked")


def test_possible_duplicates_compared_side_by_side_merged_and_undone(qtbot, tmp_path, tasks):
    town = merging.station(tmp_path, merging.TOWN)
    villages = [merging.station(tmp_path, code) for code in (merging.VILLAGE, merging.VILLAGE_2)]
    mother = FamilyMember("mother", "王芳", phone="13800001111", situation="migrant")
    families = ((mother,), (mother, FamilyMember("grandmother", "张秀英")))
    try:
        for store, name, members in zip(villages, ("李想", "李湘"), families, strict=True):
            Children(store).save(merging.child(name, village=store_code(store), members=members))
            merging.send(store, town)
        number = merging.child().id_number
        view = shown(SyncStatusView(town, tasks), qtbot)
        watched(view.duplicates)
        qtbot.waitUntil(lambda: view.duplicates.rowCount() == 2)
        assert sorted(cells(view.duplicates, m.COL_DUP_NAME)) == ["李想", "李湘"]

        def row_of(name: str, column: int = m.COL_DUP_NAME):
            # Both were registered on one day: the order of the two rows is not fixed.
            row = cells(view.duplicates, m.COL_DUP_NAME).index(name)
            return view.duplicates.index(row, column)

        def compare_李湘() -> DuplicateMergeDialog:
            click_cell(qtbot, view.duplicates_table, row_of("李湘"))
            qtbot.mouseClick(view.merge_button, LEFT)
            dialog = view.merge_dialog
            qtbot.waitUntil(lambda: dialog.sides is not None)
            return dialog

        assert not view.merge_button.isEnabled()
        click_cell(qtbot, view.duplicates_table, row_of("李湘"))
        assert view.merge_button.isEnabled() and not view.undo_button.isEnabled()

        # The two files side by side, what differs marked; 取消 merges nothing.
        dialog = compare_李湘()
        assert dialog.isVisible()
        shown_values = {f: (a.text(), b.text()) for f, (a, b) in dialog.values.items()}
        assert shown_values["name"] == ("李想", "李湘")
        left_id, right_id = shown_values["id_masked"]
        assert left_id == right_id and number not in left_id and left_id[:4] == number[:4]
        assert "张秀英" in shown_values["members"][1] and "张秀英" not in shown_values["members"][0]
        assert shown_values["visits"] == ("0", "0")
        assert dialog.differing_fields() == {"name", "village", "members"}
        assert dialog.captions["members"].styleSheet() != dialog.captions["sex"].styleSheet()
        assert not dialog.merge_button.isEnabled()  # which file stays is not yet said
        qtbot.mouseClick(dialog.cancel_button, LEFT)
        assert not dialog.isVisible()
        tasks.wait()
        assert {row_of(n, m.COL_DUP_STATE).data() for n in ("李想", "李湘")} == {"在册"}

        # The supervisor keeps the file on the right (the one chosen in the list).
        dialog = compare_李湘()
        qtbot.mouseClick(dialog.keep_second, LEFT)
        assert dialog.merge_button.isEnabled()
        qtbot.mouseClick(dialog.merge_button, LEFT)
        qtbot.waitUntil(lambda: row_of("李想", m.COL_DUP_STATE).data() == "已合并到另一份")
        assert row_of("李湘", m.COL_DUP_STATE).data() == "在册"
        click_cell(qtbot, view.duplicates_table, row_of("李想"))
        assert view.undo_button.isEnabled() and not view.merge_button.isEnabled()
        qtbot.mouseClick(view.undo_button, LEFT)
        qtbot.waitUntil(lambda: row_of("李想", m.COL_DUP_STATE).data() == "在册")
        tasks.wait()
    finally:
        for store in (town, *villages):
            store.close()


def test_files_of_two_villages_alike_are_listed_with_how_and_score_and_merged(
    qtbot, tmp_path, tasks
):
    town = merging.station(tmp_path, merging.TOWN)
    try:
        kept = Children(town).save(merging.child("黄晓红", village=merging.VILLAGE))
        other = Children(town).save(
            merging.child("黄小红", village=merging.VILLAGE_2, id_number="", no_id_reason="unknown")
        )
        view = shown(SyncStatusView(town, tasks), qtbot)
        watched(view.duplicates)
        qtbot.waitUntil(lambda: view.duplicates.rowCount() == 2)
        assert cells(view.duplicates, m.COL_DUP_HOW) == ["相似", "相似"]
        (score,) = set(cells(view.duplicates, m.COL_DUP_SCORE))
        assert 0.7 <= float(score) < 0.97
        assert cells(view.duplicates, m.COL_DUP_ID) == ["", ""]
        header = view.duplicates.headerData(m.COL_DUP_HOW, Qt.Orientation.Horizontal)
        assert header == "如何匹配"

        row = cells(view.duplicates, m.COL_DUP_NAME).index("黄小红")
        click_cell(qtbot, view.duplicates_table, view.duplicates.index(row, m.COL_DUP_NAME))
        qtbot.mouseClick(view.merge_button, LEFT)
        dialog = view.merge_dialog
        qtbot.waitUntil(lambda: dialog.sides is not None)
        qtbot.mouseClick(dialog.keep_first, LEFT)
        qtbot.mouseClick(dialog.merge_button, LEFT)
        qtbot.waitUntil(lambda: "已合并到另一份" in cells(view.duplicates, m.COL_DUP_STATE))
        tasks.wait()
        assert Children(town).get(other.uuid).status == "closed"
        assert Children(town).get(kept.uuid).status == "active"
    finally:
        town.close()


def store_code(store) -> str:
    with store.read() as conn:
        return conn.execute(select(t.station.c.code)).scalar()


def test_a_moved_file_is_shown_as_unreadable(qtbot, tmp_path, town, tasks):
    gone = tmp_path / "拔掉的U盘" / "b1.ccsync"
    importer = shown(ImportDialog(town, tasks), qtbot)
    importer.add_files([gone])
    qtbot.waitUntil(lambda: importer.results.rowCount() == 1)
    assert importer.results.index(0, m.COL_DETAIL).data() == words.message("unreadable_file")


def test_the_stations_and_conflicts_are_shown_while_duplicates_are_still_sought(
    qtbot, monkeypatch, town, tasks
):
    """Matching a county's files takes seconds: the rest of the window does not wait for it."""
    from childcare_desktop.core.services.conflicts import Conflicts

    matched = threading.Event()
    seek = Conflicts.possible_duplicates

    def slow(self, *args):
        matched.wait(10)
        return seek(self, *args)

    monkeypatch.setattr(Conflicts, "possible_duplicates", slow)
    view = shown(SyncStatusView(town, tasks), qtbot)
    try:
        qtbot.waitUntil(lambda: "待处理的冲突" in view.open_conflicts.text(), timeout=5000)
        assert not matched.is_set()
    finally:
        matched.set()
    tasks.wait()
