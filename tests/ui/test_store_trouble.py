"""A store that cannot be opened as it is never leads to the set-up wizard (the way a new,
empty store would replace the officer's records): it is said, with the way out."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from childcare_desktop import words
from childcare_desktop.core.paths import key_path
from childcare_desktop.core.services import safety
from childcare_desktop.core.services.children import Children
from childcare_desktop.ui.dialogs.backups import BackupsDialog, RestoreConfirm
from tests.conftest import PASSPHRASE
from tests.core.services.test_safety import add

from .conftest import when_shown


def lose_key(store_path):
    key_path(store_path).unlink()
    return "no_key_file", key_path(store_path).name


def damage_key(store_path):
    key_path(store_path).write_text('{"format": "childcare-keyfile-1", "kdf": 3}', "utf-8")
    return "key_file_damaged", key_path(store_path).name


def empty_store(store_path):
    store_path.write_bytes(b"")
    return "store_empty", store_path.name


def foreign_store(store_path):
    store_path.write_bytes(b"%PDF-1.4 not a store\n" * 100)
    return "store_foreign", store_path.name


@pytest.mark.parametrize("spoil", [lose_key, damage_key, empty_store, foreign_store])
def test_a_store_that_cannot_open_is_said_and_the_wizard_is_not_offered(
    qtbot, make_app, store, store_path, spoil
):
    store.close()
    for suffix in ("-wal", "-shm"):
        store_path.with_name(store_path.name + suffix).unlink(missing_ok=True)
    code, name = spoil(store_path)
    before = store_path.read_bytes()
    controller = make_app()
    assert controller.wizard is None and controller.unlock is None
    trouble = controller.trouble
    assert trouble.isVisible()
    assert trouble.text() == words.message(code, path=name)
    assert "备份" in trouble.text()  # the way out
    assert store_path.read_bytes() == before


def test_the_way_out_restores_a_backup_and_keeps_the_store_without_its_key(
    qtbot, make_app, store, store_path
):
    add(store, "赵六")
    safety.backup(store, "manual")
    add(store, "后来的")
    store.close()
    lose_key(store_path)
    kept = store_path.read_bytes()
    controller = make_app()

    def restore(dialog: BackupsDialog):
        when_shown(RestoreConfirm, lambda c: (qtbot.keyClicks(c.passphrase, PASSPHRASE),
                                              c.restore_button.click()))  # fmt: skip
        qtbot.waitUntil(dialog.restore_button.isEnabled)  # the backups are listed
        dialog.restore_selected()

    when_shown(BackupsDialog, restore)
    controller.trouble.button(QMessageBox.StandardButton.Open).click()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    assert [s.name for s in Children(controller.store).summaries()] == ["赵六"]
    aside = list(store_path.parent.glob("backups/damaged-*.db"))
    assert len(aside) == 1 and aside[0].read_bytes() == kept
