"""Restoring any backup of the list, and a restore cut short at any step."""

import os
import shutil
from itertools import count

import pytest

from childcare_desktop.core.services import safety
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE, VILLAGE

from .test_safety import add

pytestmark = pytest.mark.sqlite_only("file backups restored with their key files")


def names(path):
    store = Store.open(path, PASSPHRASE)
    try:
        return sorted(s.name for s in Children(store).summaries())
    finally:
        store.close()


def test_the_oldest_backup_of_a_full_folder_can_be_restored(store, store_path):
    add(store, "最早")
    safety.backup(store, "manual")
    add(store, "后来")
    for _ in range(safety.DEFAULT_KEEP - 1):
        safety.backup(store, "manual")
    oldest = safety.list_backups(store_path)[-1]
    store.close()
    safety.restore(store_path, oldest.path, PASSPHRASE)
    assert names(store_path) == ["最早"]


class Killed(BaseException):
    """The program stopped here: nothing after this step ran, no handler saw it."""


def station(path, name):
    store, _ = init_station(path, PASSPHRASE, "village", VILLAGE, "新陂村", "李主任")
    add(store, name)
    return store


def restore_stopped_at(step, store_path, backup, monkeypatch) -> bool:
    """Restore, the program stopping before file operation number `step`; True if it ended."""
    done = 0
    real = {"copyfile": shutil.copyfile, "replace": os.replace, "unlink": os.unlink}

    def counted(name):
        def run(*args, **kwargs):
            nonlocal done
            if done == step:
                raise Killed
            done += 1
            return real[name](*args, **kwargs)

        return run

    for name in real:
        monkeypatch.setattr(shutil if name == "copyfile" else os, name, counted(name))
    try:
        safety.restore(store_path, backup, PASSPHRASE)
        return True
    except Killed:
        return False
    finally:
        monkeypatch.undo()


def test_a_restore_killed_at_any_step_leaves_the_old_store_or_the_new_one(tmp_path, monkeypatch):
    """Every file operation of the restore is, in turn, the last one before the program stops.
    The backup is of another store (its own key): a store swapped without its key, or a key
    without its store, does not open at all."""
    station(tmp_path / "current" / "store.db", "现在的").close()
    made = station(tmp_path / "other" / "store.db", "备份里的")
    backup = safety.backup(made, "manual")
    made.close()
    for step in count():
        store_path = tmp_path / f"kill-{step}" / "store.db"
        shutil.copytree(tmp_path / "current", store_path.parent)
        finished = restore_stopped_at(step, store_path, backup, monkeypatch)
        assert names(store_path) in (["现在的"], ["备份里的"]), step
        assert not [p.name for p in store_path.parent.glob("*restor*")], step
        if finished:
            assert names(store_path) == ["备份里的"]
            break
    assert step > 3  # the steps were counted: the copies and the swaps
