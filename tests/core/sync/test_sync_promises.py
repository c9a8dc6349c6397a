"""The promises of the sync design, each with real stations, keys and files."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from childcare_desktop.core.services import identity, sync
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.safety import backup
from childcare_desktop.core.storage import settings
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.store import Store
from childcare_desktop.core.sync import conflicts
from tests.conftest import PASSPHRASE

from .stations import COUNTY, OTHER_TOWN, TOWN, VILLAGE, dump, enroll, station


@pytest.fixture
def county(tmp_path):
    folder = tmp_path / "county"
    folder.mkdir()
    store = station(folder, "county", COUNTY, "兴宁市")
    yield store
    store.close()


@pytest.fixture
def town(tmp_path, county):
    folder = tmp_path / "town"
    folder.mkdir()
    store = station(folder, "town", TOWN, "宁新镇")
    enroll(county, store, folder)
    yield store
    store.close()


@pytest.fixture
def village(tmp_path, town):
    folder = tmp_path / "village"
    folder.mkdir()
    store = station(folder, "village", VILLAGE, "新陂村")
    enroll(town, store, folder)
    fill_demo(store, 3, seed=5)
    yield store
    store.close()


def first_child(store) -> str:
    with store.read() as conn:
        return conn.execute(select(t.child.c.uuid).order_by(t.child.c.uuid)).scalars().first()


def name_of(store, uuid) -> str:
    with store.read() as conn:
        return conn.execute(select(t.child.c.name).where(t.child.c.uuid == uuid)).scalar()


def test_file_for_another_town_cannot_be_imported(tmp_path, county, town):
    other = station(tmp_path, "town", OTHER_TOWN, "叶塘镇")
    enroll(county, other, tmp_path)
    out = tmp_path / "to-other-town.ccsync"
    sync.export(county, out, to=OTHER_TOWN)
    before = dump(town)
    (result,) = sync.import_files(town, [out])
    assert (result.status, result.reason) == ("rejected", "not_for_us")
    assert dump(town) == before
    assert sync.import_files(other, [out])[0].status == "applied"
    other.close()


def test_unknown_signer_rejected(tmp_path, county, town):
    other = station(tmp_path, "town", OTHER_TOWN, "叶塘镇")
    stranger = station(tmp_path, "village", OTHER_TOWN + "201", "外村")
    enroll(other, stranger, tmp_path)
    fill_demo(stranger, 2)
    out = tmp_path / "stranger.ccsync"
    sync.export(stranger, out)
    (result,) = sync.import_files(town, [out])
    assert (result.status, result.reason) == ("rejected", "unknown_signer")
    assert sync.status(town).refused[0]["reason"] == "unknown_signer"
    other.close()
    stranger.close()


def test_revoked_key_after_n_is_quarantined(tmp_path, village, town):
    files = [tmp_path / "b1.ccsync", tmp_path / "b2.ccsync"]
    for out in files:
        sync.export(village, out)
    assert sync.import_files(town, files[:1])[0].status == "applied"
    identity.revoke(town, VILLAGE, 1)
    results = sync.import_files(town, files)
    assert [(r.status, r.reason) for r in results] == [
        ("duplicate", ""),
        ("quarantined", "revoked"),
    ]
    (state,) = sync.status(town).stations
    assert (state.last_seq, state.quarantined) == (1, 1)


def test_two_batches_with_one_number_raise_the_alarm(tmp_path, village, town):
    copy = backup(village, "before-fork", tmp_path / "fork.db")
    first = tmp_path / "b1.ccsync"
    sync.export(village, first)
    forked = Store.open(copy, PASSPHRASE)
    Children(forked).update_fields(first_child(forked), {"name": "分叉"})
    second = tmp_path / "b1-other.ccsync"
    assert sync.export(forked, second).seq == 1
    forked.close()
    results = sync.import_files(town, [first, second])
    assert [(r.status, r.reason, r.seq) for r in results] == [
        ("applied", "", 1),
        ("quarantined", "equivocation", 1),
    ]


def test_gap_reported_then_closed(tmp_path, village, town):
    files = []
    for n in range(1, 4):
        Children(village).update_fields(first_child(village), {"name": f"改名{n}"})
        files.append(tmp_path / f"b{n}.ccsync")
        sync.export(village, files[-1])
    sync.import_files(town, [files[0], files[2]])
    (state,) = sync.status(town).stations
    assert (state.station, state.last_seq, state.missing) == (VILLAGE, 3, (2,))
    assert sync.import_files(town, [files[1]])[0].status == "applied"
    (state,) = sync.status(town).stations
    assert state.missing == ()
    assert name_of(town, first_child(village)) == "改名3"


def test_oversized_file_refused_unread(tmp_path, town):
    huge = tmp_path / "huge.ccsync"
    with open(huge, "wb") as handle:
        handle.truncate(300 * 1024 * 1024)  # sparse: nothing is written or read
    (result,) = sync.import_files(town, [huge])
    assert (result.status, result.reason) == ("rejected", "file_too_large")


def test_acknowledged_changes_are_not_sent_again(tmp_path, village, town):
    first = sync.export(village, tmp_path / "b1.ccsync")
    sync.import_files(town, [tmp_path / "b1.ccsync"])
    back = sync.export(town, tmp_path / "down.ccsync", to=VILLAGE)
    assert back.changes == 0  # the village's own records are already there
    assert sync.import_files(village, [tmp_path / "down.ccsync"])[0].status == "applied"
    Children(village).update_fields(first_child(village), {"name": "新名"})
    again = sync.export(village, tmp_path / "b2.ccsync")
    assert (first.changes > 1, again.changes) == (True, 1)


def test_lost_stick_costs_nothing(tmp_path, village, town):
    sync.export(village, tmp_path / "lost.ccsync")
    Children(village).update_fields(first_child(village), {"name": "新名"})
    sync.export(village, tmp_path / "b2.ccsync")
    assert sync.import_files(town, [tmp_path / "b2.ccsync"])[0].status == "applied"
    assert name_of(town, first_child(village)) == "新名"
    assert sync.import_files(town, [tmp_path / "lost.ccsync"])[0].status == "applied"
    assert name_of(town, first_child(village)) == "新名"


def test_concurrent_edit_conflict_shown_alike_at_county_and_resolved_once(
    tmp_path, village, town, county
):
    sync.export(village, tmp_path / "v1.ccsync")
    sync.import_files(town, [tmp_path / "v1.ccsync"])
    uuid = first_child(village)
    Children(town).update_fields(uuid, {"name": "镇改"})
    Children(village).update_fields(uuid, {"name": "村改"})
    sync.export(village, tmp_path / "v2.ccsync")
    assert sync.import_files(town, [tmp_path / "v2.ccsync"])[0].conflicts == 1
    sync.export(town, tmp_path / "t1.ccsync")
    (up,) = sync.import_files(county, [tmp_path / "t1.ccsync"])
    assert up.status == "applied"
    with town.read() as conn:
        (at_town,) = conflicts.open_conflicts(conn)
    with county.read() as conn:
        (at_county,) = conflicts.open_conflicts(conn)
    assert at_town.shown == at_county.shown == name_of(town, uuid) == name_of(county, uuid)
    assert {v.value for v in at_county.values} == {"镇改", "村改"}
    with town.write() as conn:
        conflicts.resolve(conn, at_town.id, "村改", date.today())
    for sender, receiver, to in ((town, county, None), (town, village, VILLAGE)):
        out = tmp_path / f"resolution-{to}.ccsync"
        sync.export(sender, out, to=to)
        assert sync.import_files(receiver, [out])[0].status == "applied"
    for store in (town, county, village):
        with store.read() as conn:
            assert conflicts.open_conflicts(conn) == []
        assert name_of(store, uuid) == "村改"


def test_provenance_at_county_through_the_town_bundle(tmp_path, village, town, county):
    sync.export(village, tmp_path / "v1.ccsync")
    sync.import_files(town, [tmp_path / "v1.ccsync"])
    bundle = sync.export(town, tmp_path / "t1.ccsync")
    assert bundle.carried == 1 and bundle.changes == 0
    assert sync.import_files(county, [tmp_path / "t1.ccsync"])[0].status == "applied"
    with village.read() as conn:
        change_id = "{}:{}".format(
            *conn.execute(select(t.change.c.station, t.change.c.counter)).first()
        )
    found = sync.provenance(county, change_id)
    assert (found.station, found.via_station, found.signature_ok) == (VILLAGE, TOWN, True)
    assert name_of(county, first_child(village)) == name_of(village, first_child(village))


def test_visit_policy_travels_down(tmp_path, village, town):
    with town.write() as conn:
        settings.put(conn, "visit_policy", {"high_risk": 7})
    sync.export(town, tmp_path / "down.ccsync", to=VILLAGE)
    sync.import_files(village, [tmp_path / "down.ccsync"])
    with village.read() as conn:
        assert settings.visit_policy(conn).high_risk == 7


def test_a_towns_home_visit_rules_travel_down_and_set_the_due_dates(tmp_path, village, town):
    """The town's days and the rules it asks a home visit (入户) for apply at the village
    together, and the village works its due dates out again; a policy from a town of an
    earlier version (its days alone) asks for none, and a village's own policy stored by an
    earlier version (no home-visit rules) reads as it did."""
    from datetime import timedelta

    from childcare_desktop.core.domain.visit import Visit
    from childcare_desktop.core.domain.visit_policy import VisitPolicy
    from childcare_desktop.core.services.visits import Visits
    from tests.core.services.care_support import add_child

    today = date.today()
    kid = add_child(Children(village), ("orphan",))
    visits = Visits(village)
    visits.log(Visit(kid.uuid, today - timedelta(days=20), "home"))
    visits.log(Visit(kid.uuid, today - timedelta(days=2), "phone"))
    sent = VisitPolicy(intensive=21, home=frozenset({"intensive"}))
    with town.write() as conn:
        settings.put_visit_policy(conn, sent)
    sync.export(town, tmp_path / "down1.ccsync", to=VILLAGE)
    sync.import_files(village, [tmp_path / "down1.ccsync"])
    with village.read() as conn:
        assert settings.visit_policy(conn) == sent
    due = next(r for r in visits.due() if r.uuid == kid.uuid)
    assert (due.due_date, due.reason, due.home_visit) == (today + timedelta(days=1), "orphan", True)
    with town.write() as conn:  # as a town of the previous version keeps its policy
        settings.put(conn, settings.VISIT_POLICY, {"intensive": 25})
        settings.put(conn, settings.VISIT_POLICY_HOME, None)
    sync.export(town, tmp_path / "down2.ccsync", to=VILLAGE)
    sync.import_files(village, [tmp_path / "down2.ccsync"])
    due = next(r for r in visits.due() if r.uuid == kid.uuid)
    assert (due.due_date, due.home_visit) == (today + timedelta(days=23), False)
    with village.write() as conn:
        settings.put(conn, settings.VISIT_POLICY, {"high_risk": 7})
        conn.exec_driver_sql("DELETE FROM setting WHERE key = 'visit_policy_home'")
        assert settings.visit_policy(conn) == VisitPolicy(high_risk=7)


def test_a_village_that_sent_nothing_for_35_days_is_late(tmp_path, village, town):
    from datetime import timedelta

    (waiting,) = sync.status(town).stations
    assert (waiting.station, waiting.last_seq, waiting.late) == (VILLAGE, 0, True)
    sync.export(village, tmp_path / "b1.ccsync")
    sync.import_files(town, [tmp_path / "b1.ccsync"])
    (fresh,) = sync.status(town).stations
    assert fresh.last_seq == 1 and not fresh.late
    (later,) = sync.status(town, today=date.today() + timedelta(days=36)).stations
    assert later.late


def test_the_town_sees_how_many_changes_a_villages_last_batch_carried(tmp_path, village, town):
    fill_demo(village, 2, seed=4)
    sent = sync.export(village, tmp_path / "b1.ccsync")
    sync.import_files(town, [tmp_path / "b1.ccsync"])
    state = sync.status(town)
    (received,) = state.stations
    assert received.last_changes == sent.changes > 0
    assert state.late_days == 35
    with town.write() as conn:
        settings.put(conn, "sync_late_days", 40)
    assert sync.status(town).late_days == 40
