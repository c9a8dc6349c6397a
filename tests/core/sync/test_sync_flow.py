"""Village → town with real stores, keys and files: applied, duplicate, rejected; the town on
either back end."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from childcare_desktop.core.services import sync
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.sync import intake
from tests.pg import POSTGRESQL

from .stations import TOWN, VILLAGE, dump, enroll, station


@pytest.fixture
def town(tmp_path, backend, request):
    """The town on each back end: its file, or a database on the tests' server."""
    server = request.getfixturevalue("pg_url") if backend == POSTGRESQL else None
    store = station(tmp_path, "town", TOWN, "宁新镇", server)
    yield store
    store.close()


@pytest.fixture
def village(tmp_path, town):
    store = station(tmp_path, "village", VILLAGE, "新陂村")
    enroll(town, store, tmp_path)
    fill_demo(store, 5, seed=3)
    yield store
    store.close()


def children(store) -> int:
    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(t.child)).scalar()


def test_village_batch_applied_at_town(tmp_path, village, town):
    out = tmp_path / "batch1.ccsync"
    written = sync.export(village, out)
    assert (written.seq, written.to) == (1, TOWN) and written.changes > 5
    (result,) = sync.import_files(town, [out])
    assert result.status == "applied", result
    assert result.changes_applied == written.changes and result.station == VILLAGE
    assert children(town) == 5


def test_replay_and_rename_are_duplicates(tmp_path, village, town):
    out = tmp_path / "batch1.ccsync"
    sync.export(village, out)
    renamed = tmp_path / "copy of batch.ccsync"
    shutil.copyfile(out, renamed)
    sync.import_files(town, [out])
    before = dump(town)
    results = sync.import_files(town, [out, renamed])
    assert [r.status for r in results] == ["duplicate", "duplicate"]
    assert dump(town) == before


def test_a_duplicate_is_known_before_its_changes_are_read_again(tmp_path, village, town):
    out = tmp_path / "batch1.ccsync"
    sync.export(village, out)
    sync.import_files(town, [out])

    def not_again(_document):
        raise AssertionError("the changes of a batch already taken were read again")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(intake.ChangeRecord, "from_json", not_again)
        (result,) = sync.import_files(town, [out])
    assert (result.status, result.station, result.seq) == ("duplicate", VILLAGE, 1)


def test_flipped_bytes_and_truncations_rejected_store_unchanged(tmp_path, village, town):
    out = tmp_path / "batch1.ccsync"
    sync.export(village, out)
    data = out.read_bytes()
    before = dump(town)
    damaged = tmp_path / "damaged.ccsync"
    offsets = sorted(
        {*range(0, 200, 7), *range(0, len(data), max(1, len(data) // 40)), len(data) - 1}
    )
    for offset in offsets:
        flipped = bytearray(data)
        flipped[offset] ^= 0x40
        damaged.write_bytes(bytes(flipped))
        (result,) = sync.import_files(town, [damaged])
        assert result.status == "rejected", offset
    for length in sorted({0, 1, 10, 37, 38, 100, len(data) // 2, len(data) - 1}):
        damaged.write_bytes(data[:length])
        (result,) = sync.import_files(town, [damaged])
        assert result.status == "rejected", length
    damaged.write_bytes(data + b"x")
    assert sync.import_files(town, [damaged])[0].reason == "bad_file"
    assert dump(town) == before
    (result,) = sync.import_files(town, [out])
    assert result.status == "applied"
