"""A signer changes only what it answers for: attacks by enrolled stations with their real keys,
each batch written by the program's own export with its changes altered before signing."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from childcare_desktop.core.services import identity, sync
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.changes import ChangeWriter
from childcare_desktop.core.storage.store import Store
from childcare_desktop.core.sync import conflicts
from childcare_desktop.core.sync.changeset import ChangeRecord

from .stations import COUNTY, OTHER_TOWN, OTHER_VILLAGE, TOWN, VILLAGE, enrolled


@pytest.fixture
def county(tmp_path):
    store = enrolled(tmp_path, "county", COUNTY, "兴宁市")
    yield store
    store.close()


@pytest.fixture
def town(tmp_path, county):
    store = enrolled(tmp_path, "town", TOWN, "宁新镇", county)
    yield store
    store.close()


@pytest.fixture
def village(tmp_path, town):
    store = enrolled(tmp_path, "village", VILLAGE, "新陂村", town, children=3)
    yield store
    store.close()


@pytest.fixture
def neighbour(tmp_path, town):
    store = enrolled(tmp_path, "village", OTHER_VILLAGE, "大岭村", town, children=3)
    yield store
    store.close()


@pytest.fixture
def other_town(tmp_path, county):
    store = enrolled(tmp_path, "town", OTHER_TOWN, "叶塘镇", county)
    yield store
    store.close()


def send(source: Store, target: Store, out, to: str | None = None) -> sync.FileResult:
    sync.export(source, out, to=to)
    (result,) = sync.import_files(target, [out])
    return result


def forged(monkeypatch, source: Store, target: Store, out, tamper) -> sync.FileResult:
    """`source`'s next batch to its parent, its changes passed through `tamper` before the
    program signs them; imported at `target`."""
    real = sync.changes_since
    with monkeypatch.context() as patch:
        patch.setattr(sync, "changes_since", lambda conn, acks: tamper(real(conn, acks)))
        sync.export(source, out)
    (result,) = sync.import_files(target, [out])
    return result


def first_child(store: Store) -> str:
    with store.read() as conn:
        return conn.execute(select(t.child.c.uuid).order_by(t.child.c.uuid)).scalars().first()


def name_of(store: Store, uuid: str) -> str | None:
    with store.read() as conn:
        return conn.execute(select(t.child.c.name).where(t.child.c.uuid == uuid)).scalar()


def top_counter(store: Store, code: str) -> int:
    with store.read() as conn:
        return conn.execute(
            select(func.max(t.change.c.counter)).where(t.change.c.station == code)
        ).scalar()


def now_clock() -> str:
    return f"{int(time.time() * 1000):013d}.00000"


def rename(station_code: str, counter: int, uuid: str, name: str) -> ChangeRecord:
    return ChangeRecord(station_code, counter, "child", uuid, {"name": name}, now_clock(), ())


def write_as_self(store: Store, uuid: str, name: str) -> None:
    """The station's own program records an edit of a child it does not answer for."""
    with store.write() as conn:
        writer = ChangeWriter(conn)
        writer.record("child", uuid, {"name": name})
        writer.flush()


def test_a_village_cannot_sign_in_another_villages_name(tmp_path, monkeypatch, town, village,
                                                        neighbour):  # fmt: skip
    assert send(neighbour, town, tmp_path / "n1.ccsync").status == "applied"
    uuid = first_child(neighbour)
    fake = rename(OTHER_VILLAGE, top_counter(neighbour, OTHER_VILLAGE) + 1, uuid, "冒名")
    result = forged(monkeypatch, village, town, tmp_path / "v1.ccsync", lambda c: [*c, fake])
    assert (result.status, result.reason) == ("rejected", "foreign_change")
    assert name_of(town, uuid) == name_of(neighbour, uuid)
    Children(neighbour).update_fields(uuid, {"name": "真名"})
    assert send(neighbour, town, tmp_path / "n2.ccsync").status == "applied"
    assert send(village, town, tmp_path / "v2.ccsync").status == "applied"
    assert name_of(town, uuid) == "真名"


def test_a_village_cannot_edit_a_child_registered_in_another_village(tmp_path, town, village,
                                                                     neighbour):  # fmt: skip
    assert send(neighbour, town, tmp_path / "n1.ccsync").status == "applied"
    uuid = first_child(neighbour)
    before = name_of(town, uuid)
    write_as_self(village, uuid, "越权")
    result = send(village, town, tmp_path / "v1.ccsync")
    assert (result.status, result.reason) == ("rejected", "outside_authority")
    assert name_of(town, uuid) == before
    with town.read() as conn:
        assert conflicts.open_conflicts(conn) == []
    Children(neighbour).update_fields(uuid, {"name": "真名"})
    assert send(neighbour, town, tmp_path / "n2.ccsync").status == "applied"


def test_a_town_cannot_sign_for_a_village_of_another_town(tmp_path, monkeypatch, county, town,
                                                          village, other_town):  # fmt: skip
    assert send(village, town, tmp_path / "v1.ccsync").status == "applied"
    assert send(town, county, tmp_path / "t1.ccsync").status == "applied"
    uuid = first_child(village)
    fake = rename(VILLAGE, top_counter(village, VILLAGE) + 1, uuid, "冒名")
    result = forged(monkeypatch, other_town, county, tmp_path / "o1.ccsync", lambda c: [*c, fake])
    assert (result.status, result.reason) == ("rejected", "foreign_change")
    Children(village).update_fields(uuid, {"name": "真名"})
    assert send(village, town, tmp_path / "v2.ccsync").status == "applied"
    assert send(town, county, tmp_path / "t2.ccsync").status == "applied"
    assert name_of(county, uuid) == "真名"


def test_a_town_cannot_rename_a_child_of_another_towns_village(tmp_path, county, town, village,
                                                               other_town):  # fmt: skip
    assert send(village, town, tmp_path / "v1.ccsync").status == "applied"
    assert send(town, county, tmp_path / "t1.ccsync").status == "applied"
    uuid = first_child(village)
    write_as_self(other_town, uuid, "越权")
    result = send(other_town, county, tmp_path / "o1.ccsync")
    assert (result.status, result.reason) == ("rejected", "outside_authority")
    assert name_of(county, uuid) == name_of(village, uuid)
    Children(town).update_fields(uuid, {"name": "镇改"})
    assert send(town, county, tmp_path / "t2.ccsync").status == "applied"
    assert name_of(county, uuid) == "镇改"


def _far_clock(changes):
    return [*changes[:-1], replace(changes[-1], clock="9999999999999.99999")]


def _town_counter(changes):
    return [*changes, rename(TOWN, 2**53 - 1, changes[0].entity_uuid, "冒名")]


def _own_counter(changes):
    return [*changes, rename(VILLAGE, 2**53 - 1, changes[0].entity_uuid, "跳号")]


@pytest.mark.parametrize(
    ("tamper", "reason"),
    [
        (_far_clock, "clock_ahead"),
        (_town_counter, "foreign_change"),
        (_own_counter, "bad_sequence"),
    ],
)
def test_an_absurd_clock_or_counter_cannot_stop_the_town(tmp_path, monkeypatch, county, town,
                                                         village, tamper, reason):  # fmt: skip
    result = forged(monkeypatch, village, town, tmp_path / "v1.ccsync", tamper)
    assert (result.status, result.reason) == ("rejected", reason)
    assert send(village, town, tmp_path / "v2.ccsync").status == "applied"
    Children(town).update_fields(first_child(village), {"name": "镇改"})
    assert send(town, county, tmp_path / "t1.ccsync").status == "applied"
    down = send(town, village, tmp_path / "down.ccsync", to=VILLAGE)
    assert (down.status, down.changes_applied) == ("applied", 1)
    assert name_of(village, first_child(village)) == "镇改"


def test_a_revoked_laptop_cannot_fill_a_gap_below_the_cut_off(tmp_path, monkeypatch, town,
                                                              village):  # fmt: skip
    files = []
    for n in range(1, 5):
        Children(village).update_fields(first_child(village), {"name": f"改名{n}"})
        files.append(tmp_path / f"b{n}.ccsync")
        sync.export(village, files[-1])
    results = sync.import_files(town, [files[0], files[1], files[3]])
    assert [r.status for r in results] == ["applied"] * 3
    identity.revoke(town, VILLAGE, 4)
    # The thief holds the laptop and its key: a new batch numbered 3, following batch 2.
    with village.read() as conn:
        second = conn.execute(
            select(t.sync_batch.c.batch_id).where(t.sync_batch.c.seq == 2)
        ).scalar()
    Children(village).update_fields(first_child(village), {"name": "盗改"})
    out = tmp_path / "forged-3.ccsync"
    with monkeypatch.context() as patch:
        patch.setattr(sync.ledger, "next_out", lambda conn, key, to: (3, second))
        assert sync.export(village, out).seq == 3
    (result,) = sync.import_files(town, [out])
    assert (result.status, result.reason, result.seq) == ("quarantined", "revoked", 3)
    assert name_of(town, first_child(village)) == "改名4"
    assert sync.import_files(town, [files[1]])[0].status == "duplicate"
