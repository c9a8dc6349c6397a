"""A full disk, a read-only folder and a USB stick pulled out, for real (mounted file systems):
each failure of a save, an import, a merge, a backup or an export is one of the program's own
codes with words in Chinese and English, never the driver's text, and everything saved before
is in the store when it opens again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from childcare_desktop import words
from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.errors import CoreError
from childcare_desktop.core.services import safety, sync
from childcare_desktop.core.services.children import ChildQuery, Children
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.services.roster import Roster
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import disk
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE, VILLAGE
from tests.core.sync.stations import TOWN, enroll, station

from .disks import Stick, fill, read_only_view, small_disk

BORN = date(2014, 8, 9)


def child(serial: int) -> Child:
    number = idnumber.make(VILLAGE[:6], BORN, serial, "female")
    return Child(f"王芳{serial}", "female", BORN, VILLAGE, id_number=number,
                 current_address="新陂村" * 60)  # fmt: skip


def new_store(folder: Path) -> Store:
    store, _ = init_station(folder / "store.db", PASSPHRASE, "village", VILLAGE, "新陂村", "李主任")
    return store


def names(store: Store) -> set[str]:
    service = Children(store)
    return {r.name for r in service.rows(service.find(ChildQuery(status="all")))}


def failure(work) -> str:
    """The code the faces show for `work`'s failure; the failure must be the disk's."""
    with pytest.raises(Exception) as raised:
        work()
    found = raised.value if isinstance(raised.value, CoreError) else disk.trouble(raised.value)
    assert found is not None, repr(raised.value)
    text = words.both(found.code)
    assert "sqlite" not in text.lower() and "errno" not in text.lower()
    return found.code


def saved_until_full(store: Store, first: int) -> tuple[list[str], str]:
    """Save children until the disk refuses one; the names saved, and the refusal's code."""
    service, saved = Children(store), []
    for serial in range(first, first + 400):
        try:
            service.save(child(serial))
        except Exception as error:
            found = disk.trouble(error)
            assert found is not None, repr(error)
            return saved, found.code
        saved.append(f"王芳{serial}")
    raise AssertionError("the disk never filled")


def reopened(path: Path) -> Store:
    store = Store.open(path, PASSPHRASE)
    assert store.integrity() == ("ok", "ok")
    return store


def test_a_full_disk_is_said_and_nothing_saved_before_is_lost(tmp_path, data_dir):
    with small_disk(tmp_path / "disk") as mounted:
        store = new_store(mounted)
        before = [f"王芳{n}" for n in range(1, 6)]
        for serial in range(1, 6):
            Children(store).save(child(serial))
        other = new_store(data_dir)  # a roster and a batch to take in while the disk is full
        Children(other).save(child(90))
        roster = Roster(other).export(data_dir / "花名册.xlsx").path
        other.close()
        filler = fill(mounted)

        saved, code = saved_until_full(store, 10)  # a few may fit in space the store held
        assert code == "disk_full"
        assert failure(lambda: safety.backup(store, "manual")) == "disk_full"
        assert failure(lambda: Roster(store).import_file(Path(roster))) == "disk_full"
        assert failure(lambda: Roster(store).export(mounted / "花名册.xlsx")) == "disk_full"
        assert failure(lambda: Reports(store).roster(mounted / "花名册.pdf")) == "disk_full"
        assert failure(lambda: Reports(store).roster(mounted / "名册.xlsx")) == "disk_full"
        rows = [["b" * 99]] * 999
        csv_out = mounted / "操作记录.csv"
        assert failure(lambda: safety.export_audit_csv(store, csv_out, ["a"], rows)) == "disk_full"
        # Nothing half written is left under the name of a whole file, nor beside it.
        store_files = ["store.db", "store.db-shm", "store.db-wal", "store.db.key"]
        assert sorted(p.name for p in mounted.iterdir()) == ["backups", "filler.bin", *store_files]
        assert list((mounted / "backups").iterdir()) == []
        assert names(store) == {*before, *saved}  # the store reads on
        store.close()

        filler.unlink()
        again = reopened(mounted / "store.db")
        assert names(again) == {*before, *saved}
        again.close()


def test_a_merge_on_a_full_disk_is_said_and_the_town_keeps_what_it_had(tmp_path):
    with small_disk(tmp_path / "disk", "12m") as mounted:
        (tmp_path / "village").mkdir()
        town = station(mounted, "town", TOWN, "宁新镇")
        village = station(tmp_path / "village", "village", VILLAGE, "新陂村")
        enroll(town, village, tmp_path)
        for serial in range(1, 4):
            Children(village).save(child(serial))
        batch = tmp_path / "batch-1.ccb"
        sync.export(village, batch)
        village.close()
        fill(mounted)
        assert failure(lambda: sync.import_files(town, [batch])) == "disk_full"
        assert names(town) == set()
        path = town.path
        town.close()
        (mounted / "filler.bin").unlink()
        again = reopened(path)
        assert names(again) == set()
        [result] = sync.import_files(again, [batch])  # room again: the same batch applies
        assert result.status == "applied", result
        assert names(again) == {"王芳1", "王芳2", "王芳3"}
        again.close()


def test_a_read_only_folder_is_said_and_the_store_opens_from_a_writable_one(tmp_path, data_dir):
    store = new_store(data_dir)
    for serial in range(1, 4):
        Children(store).save(child(serial))
    store.close()
    stick = tmp_path / "write-protected"
    with read_only_view(data_dir, stick) as seen:
        assert failure(lambda: Store.open(seen / "store.db", PASSPHRASE)) == "disk_read_only"
        writable = reopened(data_dir / "store.db")
        try:
            assert failure(lambda: Roster(writable).export(seen / "花名册.xlsx")) == (
                "disk_read_only"
            )
            assert failure(lambda: sync_backup_to(writable, seen)) == "disk_read_only"
            assert names(writable) == {"王芳1", "王芳2", "王芳3"}
        finally:
            writable.close()


def sync_backup_to(store: Store, folder: Path) -> Path:
    return safety.backup(store, "manual", dest=folder / "copy.db")


def test_a_stick_pulled_out_is_said_and_what_was_saved_is_on_it_when_plugged_in_again(tmp_path):
    stick = Stick(tmp_path / "stick.img", tmp_path / "stick")
    folder = stick.plug() / "childcare"  # the program's folder on the stick
    try:
        folder.mkdir()
        store = new_store(folder)
        for serial in range(1, 4):
            Children(store).save(child(serial))
        stick.pull()
        assert failure(lambda: safety.backup(store, "manual")) == "disk_gone"
        audit_csv = folder / "操作记录.csv"
        assert failure(lambda: safety.export_audit_csv(store, audit_csv, ["a"], [])) == "disk_gone"
        # A thread's first use of the store opens a connection of its own: the file is gone.
        store.engine.dispose()
        assert failure(lambda: Children(store).save(child(9))) == "disk_gone"
        store.close()
        stick.wait_gone()
        stick.plug()
        again = reopened(folder / "store.db")
        assert names(again) == {"王芳1", "王芳2", "王芳3"}
        again.close()
    finally:
        stick.unplug_for_good()


def test_a_stick_that_stops_answering_is_said_and_what_was_saved_is_on_it(tmp_path):
    stick = Stick(tmp_path / "stick.img", tmp_path / "stick")
    folder = stick.plug() / "childcare"
    try:
        folder.mkdir()
        store = new_store(folder)
        for serial in range(1, 4):
            Children(store).save(child(serial))
        stick.fail()
        assert failure(lambda: Children(store).save(child(9))) == "disk_failed"
        assert failure(lambda: safety.backup(store, "manual", dest=tmp_path / "copy.db")) == (
            "disk_failed"
        )
        store.close()
        stick.plug_as_pulled()
        again = reopened(folder / "store.db")
        assert names(again) == {"王芳1", "王芳2", "王芳3"}
        again.close()
    finally:
        stick.unplug_for_good()
