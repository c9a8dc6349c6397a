"""The audit chain's head travels signed in every batch and is kept by the receiver: a village
whose log went backwards or was recomputed is flagged at the town, an honest one never is, and
batches without a head (written before heads were carried) still import."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text

from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.services import sync
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage import audit
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.sync import batchfile, envelope, intake, ledger
from childcare_desktop.core.sync.keys import own_key, peers
from childcare_desktop.core.sync.merge import changes_since, version_vector
from tests.core.storage.test_audit_anchor import recompute_from

from .stations import COUNTY, TOWN, VILLAGE, enroll, station


@pytest.fixture
def county(tmp_path):
    (tmp_path / "county").mkdir()
    store = station(tmp_path / "county", "county", COUNTY, "兴宁市")
    yield store
    store.close()


@pytest.fixture
def town(tmp_path, county):
    (tmp_path / "town").mkdir()
    store = station(tmp_path / "town", "town", TOWN, "宁新镇")
    enroll(county, store, tmp_path / "town")
    yield store
    store.close()


@pytest.fixture
def village(tmp_path, town):
    (tmp_path / "village").mkdir()
    store = station(tmp_path / "village", "village", VILLAGE, "新陂村")
    enroll(town, store, tmp_path / "village")
    yield store
    store.close()


def register(store, *names):
    for name in names:
        Children(store).save(
            Child(name, "female", date(2015, 1, 1), VILLAGE, no_id_reason="no_hukou")
        )


def head_of(store):
    with store.read() as conn:
        return audit.head(conn)[:2]


def send(sender, receiver, folder, name):
    """Export the sender's next batch and import it at the receiver; the batch's number."""
    out = folder / name
    done = sync.export(sender, out)
    (result,) = sync.import_files(receiver, [out])
    assert result.status == "applied", result
    return done.seq


def kept(store, origin_key_of):
    with store.read() as conn:
        key = own_key_of(origin_key_of)
        row = conn.execute(
            select(t.sync_audit_head).where(t.sync_audit_head.c.origin_key == key)
        ).first()
    return (row.batch_seq, row.seq, row.hash) if row else None


def own_key_of(store):
    with store.read() as conn:
        return own_key(conn).key_id


def test_each_batch_carries_the_village_head_and_the_town_keeps_the_newest(village, town, tmp_path):
    register(village, "赵一", "钱二")
    first_head = head_of(village)
    assert send(village, town, tmp_path, "1.ccsync") == 1
    assert kept(town, village) == (1, *first_head)
    register(village, "孙三")
    second_head = head_of(village)
    assert send(village, town, tmp_path, "2.ccsync") == 2
    assert kept(town, village) == (2, *second_head)
    assert sync.audit_alarms(town) == ()


def test_an_older_batch_imported_late_keeps_the_newer_head_and_raises_nothing(
    village, town, tmp_path
):
    register(village, "赵一")
    sync.export(village, tmp_path / "1.ccsync")
    register(village, "钱二")
    newer = head_of(village)
    sync.export(village, tmp_path / "2.ccsync")
    results = sync.import_files(town, [tmp_path / "2.ccsync", tmp_path / "1.ccsync"])
    assert [r.status for r in results] == ["applied", "applied"]
    assert kept(town, village) == (2, *newer)
    assert sync.audit_alarms(town) == ()


def test_a_village_whose_log_was_cut_is_flagged_and_its_batch_still_applies(
    village, town, tmp_path
):
    register(village, "赵一", "钱二", "孙三", "李四")
    vouched = head_of(village)[0]
    send(village, town, tmp_path, "1.ccsync")
    with village.write() as conn:
        conn.execute(text("DELETE FROM audit WHERE seq > 2"))
        conn.execute(text("DELETE FROM setting WHERE key = 'audit_head'"))
    register(village, "周五")
    assert head_of(village)[0] < vouched
    send(village, town, tmp_path, "2.ccsync")
    (alarm,) = sync.audit_alarms(town)
    assert (alarm.origin, alarm.kind, alarm.batch, alarm.entry) == (VILLAGE, "backwards", 2, 4)
    assert "周五" in names_at(town)
    with town.read() as conn:
        said = audit.entries(conn)[-1].detail
    assert said == f"2.ccsync: audit log of {VILLAGE} backwards at entry 4"


def test_a_village_whose_log_was_recomputed_is_flagged_as_forked(village, town, tmp_path):
    register(village, "赵一", "钱二")
    vouched = head_of(village)[0]
    send(village, town, tmp_path, "1.ccsync")
    with village.write() as conn:
        conn.execute(text("UPDATE audit SET action = 'update' WHERE seq = 2"))
        recompute_from(conn, 2)
    register(village, "孙三")
    send(village, town, tmp_path, "2.ccsync")
    (alarm,) = sync.audit_alarms(town)
    assert (alarm.kind, alarm.batch, alarm.entry) == ("forked", 2, vouched)
    # The alarm stays, with the batch that first showed it, while later batches apply.
    register(village, "李四")
    send(village, town, tmp_path, "3.ccsync")
    assert sync.audit_alarms(town) == (alarm,)


def test_a_recomputed_log_whose_record_of_the_head_sent_was_moved_on_is_flagged(
    village, town, tmp_path
):
    """Rewriting the village's own record of the head it sent last to a later entry would
    leave nothing to compare; the batch numbers, signed and consecutive, say it must be the
    head the town kept."""
    register(village, "赵一", "钱二")
    vouched = head_of(village)[0]
    send(village, town, tmp_path, "1.ccsync")
    with village.write() as conn:
        conn.execute(text("UPDATE audit SET action = 'update' WHERE seq = 2"))
        recompute_from(conn, 2)
        newest, digest = audit.head(conn)[:2]
        conn.execute(
            text("UPDATE sync_audit_head SET seq = :s, hash = :h"), {"s": newest, "h": digest}
        )
    register(village, "孙三")
    send(village, town, tmp_path, "2.ccsync")
    (alarm,) = sync.audit_alarms(town)
    assert (alarm.kind, alarm.batch, alarm.entry) == ("forked", 2, vouched)


def test_the_county_keeps_the_heads_of_the_town_and_of_the_villages_it_carries(
    village, town, county, tmp_path
):
    register(village, "赵一")
    village_head = head_of(village)
    send(village, town, tmp_path, "v1.ccsync")
    town_head = head_of(town)
    send(town, county, tmp_path, "t1.ccsync")
    assert kept(county, village) == (1, *village_head)
    assert kept(county, town) == (1, *town_head)


def test_a_batch_without_a_head_imports_as_before(village, town, tmp_path):
    """A batch as the program wrote it before heads were carried: the same writer, no head."""
    register(village, "赵一")
    out = tmp_path / "old.ccsync"
    with village.write() as conn:
        key = own_key(conn)
        (parent,) = [p for p in peers(conn) if p.relation == "parent"]
        body = {
            "changes": [c.to_json() for c in changes_of(conn)],
            "acks": version_vector(conn),
            "carried": [],
            "certificates": [],
            "settings": {},
        }
        seq, prev = ledger.next_out(conn, key.key_id, parent.station)
        inner = envelope.make(key, VILLAGE, parent.station, seq, prev, body)
        out.write_bytes(batchfile.seal(key, [parent.enc_public], envelope.pack([inner])))
        written = envelope.open_envelope(inner, {key.key_id: key.sign_public}.get)
        ledger.record(conn, written, "out", "written", out.name, keep=False)
    (result,) = sync.import_files(town, [out])
    assert result.status == "applied"
    assert "赵一" in names_at(town)
    assert kept(town, village) is None
    # The next batch, with its head, is kept from then on.
    register(village, "钱二")
    head = head_of(village)
    assert send(village, town, tmp_path, "new.ccsync") == 2
    assert kept(town, village) == (2, *head)


def test_a_head_that_is_not_well_formed_refuses_the_batch_and_burns_nothing(
    village, town, tmp_path
):
    register(village, "赵一")
    out = tmp_path / "bad.ccsync"
    with village.write() as conn:
        key = own_key(conn)
        (parent,) = [p for p in peers(conn) if p.relation == "parent"]
        body = {
            "changes": [c.to_json() for c in changes_of(conn)],
            "acks": version_vector(conn),
            "audit_head": {"seq": "7", "hash": "x"},
        }
        seq, prev = ledger.next_out(conn, key.key_id, parent.station)
        inner = envelope.make(key, VILLAGE, parent.station, seq, prev, body)
        out.write_bytes(batchfile.seal(key, [parent.enc_public], envelope.pack([inner])))
    (result,) = sync.import_files(town, [out])
    assert (result.status, result.reason) == ("rejected", "bad_payload")
    send(village, town, tmp_path, "good.ccsync")
    assert "赵一" in names_at(town)


def changes_of(conn):
    return changes_since(conn, {})


def names_at(store):
    with store.read() as conn:
        return set(conn.execute(select(t.child.c.name)).scalars())


def test_the_head_is_inside_what_the_village_signed(village, town, tmp_path):
    register(village, "赵一")
    head = head_of(village)
    out = tmp_path / "1.ccsync"
    sync.export(village, out)
    with town.read() as conn:
        checked = intake.check(conn, out.read_bytes(), TOWN)
    carried = checked.own.body["audit_head"]
    assert (carried["seq"], carried["hash"]) == head
    assert (carried["prior_seq"], carried["prior_hash"]) == (0, audit.GENESIS)
