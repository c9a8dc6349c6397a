"""Backups in the program: the daily one after unlocking, one made now, one restored through the
program (store closed, replaced, opened, shown again); a damaged store is reported, not touched."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from childcare_desktop import words
from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.services import safety
from childcare_desktop.core.services.children import Children
from childcare_desktop.ui.dialogs.backups import BackupsDialog, RestoreConfirm
from childcare_desktop.ui.models.backups_model import COL_REASON
from tests.conftest import PASSPHRASE, VILLAGE

from .conftest import listed_names, unlock_with, when_shown


def child(name: str, serial: int) -> Child:
    born = date(2014, 3, 9)
    number = idnumber.make(VILLAGE[:6], born, serial, "female")
    return Child(name=name, sex="female", birth_date=born, village_code=VILLAGE, id_number=number)


def test_back_up_now_then_restore_the_daily_backup(qtbot, make_app, store, store_path, check_model):
    Children(store).save(child("王芳", 7))
    store.close()
    controller = make_app()
    unlock_with(qtbot, controller)
    qtbot.waitUntil(lambda: controller.window is not None)
    # After unlocking: both checks, then the day's backup, in the background.
    qtbot.waitUntil(lambda: len(safety.list_backups(store_path)) == 1)
    assert safety.list_backups(store_path)[0].reason == "daily"
    controller.window.children.save(child("李四", 8))  # typed in after the backup
    seen = {}

    def confirm(dialog: RestoreConfirm):
        qtbot.keyClicks(dialog.passphrase, "not the passphrase")
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dialog.error.isVisible)
        seen["wrong"] = dialog.error.text()
        dialog.passphrase.clear()
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    def work(dialog: BackupsDialog):
        check_model(dialog.model)
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)  # listed in the background
        qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
        seen["reasons"] = [dialog.model.index(r, COL_REASON).data() for r in range(2)]
        dialog.table.selectRow(1)  # the daily one, from before 李四
        when_shown(RestoreConfirm, confirm)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    when_shown(BackupsDialog, work)
    old_window = controller.window
    controller.open_backups()
    assert seen == {"reasons": ["手动", "每日自动"], "wrong": words.message("wrong_passphrase")}
    qtbot.waitUntil(lambda: controller.window is not None and controller.window is not old_window)
    window = controller.window
    qtbot.waitUntil(lambda: listed_names(window) == ["王芳"])
    assert window.statusBar().currentMessage().startswith("已从备份恢复")
    reasons = [b.reason for b in safety.list_backups(store_path)]
    assert "before-restore" in reasons  # the store as it was, 李四 included, kept
    restored = safety.audit_entries(controller.store, action="restore")
    assert len(restored) == 1


def damage_last_page(path) -> bytes:
    """Overwrite bytes inside the file's last page: its authentication code no longer fits."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(size - 4096 + 100)
        fh.write(bytes(range(64)))
    return path.read_bytes()


def test_a_damaged_store_is_said_never_overwritten_and_a_good_backup_restored(
    qtbot, make_app, store, store_path
):
    children = Children(store)
    for serial in range(2, 40):  # enough pages that the damaged one is not the first
        children.save(child("王芳", serial))
    safety.backup(store, "manual")
    store.close()
    damaged = damage_last_page(store_path)
    controller = make_app()
    seen = {}

    def restore(dialog: BackupsDialog):
        seen["banner"] = dialog.damage.text()
        seen["backup_now"] = dialog.backup_button.isEnabled()
        seen["backups_then"] = [b.reason for b in safety.list_backups(store_path)]
        when_shown(RestoreConfirm, lambda c: (qtbot.keyClicks(c.passphrase, PASSPHRASE),
                                              c.restore_button.click()))  # fmt: skip
        qtbot.waitUntil(dialog.restore_button.isEnabled)  # the backups listed
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    def answer(box: QMessageBox):
        seen["text"] = box.text()
        when_shown(BackupsDialog, restore)
        next(b for b in box.buttons() if b.text() == "查看备份……").click()

    when_shown(QMessageBox, answer)
    # The lists of the main window read the damaged page too, and fail; only those failures
    # are allowed here.
    with qtbot.capture_exceptions() as failures:
        unlock_with(qtbot, controller)
        qtbot.waitUntil(lambda: "text" in seen)
        qtbot.waitUntil(
            lambda: (
                controller.window is not None
                and controller.window.statusBar().currentMessage().startswith("已从备份恢复")
            ),
            timeout=10_000,
        )
    assert all("malformed" in str(exc) for _, exc, _ in failures)
    assert "没有通过" in seen["text"] and "不会改动" in seen["text"]
    assert seen["banner"].startswith("数据文件检查没有通过")
    assert seen["backup_now"] is False  # a copy of a damaged store would push good ones out
    assert seen["backups_then"] == ["manual"]  # no daily copy of the damaged store
    # Once restored, the sound store gets its daily backup; the damaged one is only aside.
    assert "before-restore" not in [b.reason for b in safety.list_backups(store_path)]
    aside = list(store_path.parent.glob("backups/damaged-*.db"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged  # kept, byte for byte
    window = controller.window
    qtbot.waitUntil(lambda: window.view.model.rowCount() == 38)
    assert safety.check(controller.store).ok
