"""The conflicts service: both values side by side, pick one or type another; possible
duplicates listed, merged (closed with a link, travelling on) and the merge undone."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.conflicts import Conflicts
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.sync.errors import SyncError
from tests.core.sync.merging import (
    COUNTY,
    TODAY,
    TOWN,
    VILLAGE,
    VILLAGE_2,
    child,
    open_conflicts,
    records,
    send,
    station,
)


@pytest.fixture
def stores(tmp_path):
    made = [station(tmp_path, code) for code in (VILLAGE, TOWN, COUNTY, VILLAGE_2)]
    yield made
    for store in made:
        store.close()


def children(store):
    return Children(store, today=lambda: TODAY)


def conflicts(store):
    return Conflicts(store, today=lambda: TODAY)


def _concurrent(village, town, field, village_value, town_value):
    kid = children(village).save(child())
    send(village, town)
    children(village).save(children(village).get(kid.uuid).with_changes(**{field: village_value}))
    children(town).save(children(town).get(kid.uuid).with_changes(**{field: town_value}))
    send(village, town)
    return kid


def test_a_conflict_shows_both_values_with_who_and_when(stores):
    village, town, _, _ = stores
    kid = _concurrent(village, town, "school", "一小", "二小")
    (view,) = conflicts(town).open()
    assert (view.entity, view.uuid, view.field) == ("child", kid.uuid, "school")
    assert (view.child_uuid, view.child_name) == (kid.uuid, "李想")
    assert {(v.value, v.station) for v in view.values} == {("一小", VILLAGE), ("二小", TOWN)}
    assert view.shown == view.values[0].value == children(town).get(kid.uuid).school
    assert view.values[0].clock > view.values[1].clock


def test_a_typed_value_resolves_the_conflict_and_travels(stores):
    village, town, county, _ = stores
    kid = _concurrent(village, town, "consent_on", None, None)
    assert conflicts(town).open() == []  # the same value on both sides is no conflict
    kid = _concurrent(village, town, "school", "一小", "二小")
    (view,) = conflicts(town).open()
    resolution = conflicts(town).resolve(view.id, "  三小 ")
    assert resolution.value == "三小" and resolution.change_id.startswith(f"{TOWN}:")
    assert conflicts(town).open() == []
    with town.read() as conn:
        change = conn.execute(
            select(t.change.c.base)
            .where(t.change.c.counter == int(resolution.change_id[10:]))
            .where(t.change.c.station == TOWN)
        ).scalar_one()
        action = conn.execute(select(t.audit.c.action).order_by(t.audit.c.seq.desc())).scalar()
    assert sorted(json.loads(change)) == sorted(v.change_id for v in view.values)
    assert action == "resolve"
    send(town, county)
    send(town, village)
    for store in (village, town, county):
        assert children(store).get(kid.uuid).school == "三小"
        assert open_conflicts(store) == set()
    with pytest.raises(SyncError) as raised:
        conflicts(town).resolve(view.id, "四小")
    assert raised.value.code == "conflict_resolved"


def test_a_typed_value_is_checked_like_the_form(stores):
    village, town, _, _ = stores
    _concurrent(village, town, "registered_on", date(2026, 1, 5), date(2026, 2, 5))
    (view,) = conflicts(town).open()
    for text in ("2026-02-30", "soon"):
        with pytest.raises(SyncError) as raised:
            conflicts(town).resolve(view.id, text)
        assert raised.value.code == "bad_value"
    with pytest.raises(SyncError):
        conflicts(town).pick(view.id, f"{TOWN}:999")
    with pytest.raises(SyncError) as raised:
        conflicts(town).resolve(12345, "x")
    assert raised.value.code == "conflict_not_found"
    conflicts(town).pick(view.id, view.values[-1].change_id)
    assert conflicts(town).open() == []
    assert children(town).get(view.uuid).registered_on.isoformat() == view.values[-1].value


def test_a_typed_value_for_the_file_must_pass_the_forms_checks(stores):
    village, town, _, _ = stores
    _concurrent(village, town, "guardianship", "good", "poor")
    (view,) = conflicts(town).open()
    # A word no form offers is refused as a received one would be.
    with pytest.raises(SyncError) as refused:
        conflicts(town).resolve(view.id, "great")
    assert refused.value.code == "bad_value"
    assert conflicts(town).resolve(view.id, "fair").value == "fair"


def test_duplicates_are_listed_merged_and_the_merge_undone(stores):
    village, town, county, other = stores
    first = children(village).save(child())
    second = children(other).save(child(village=VILLAGE, name="李想想"))
    assert first.id_number == second.id_number
    send(village, town)
    send(other, town)
    (group,) = conflicts(town).possible_duplicates()
    assert group.id_number == first.id_number and not group.merged
    assert {f.uuid for f in group.files} == {first.uuid, second.uuid}

    conflicts(town).merge_duplicate(second.uuid, first.uuid)
    assert conflicts(town).possible_duplicates() == []
    (merged,) = conflicts(town).possible_duplicates(include_merged=True)
    assert merged.merged
    closed = children(town).get(second.uuid)
    assert (closed.status, closed.close_reason) == ("closed", "duplicate")
    with town.read() as conn:
        link = conn.execute(
            select(t.child.c.duplicate_of).where(t.child.c.uuid == second.uuid)
        ).scalar()
    assert link == first.uuid
    send(town, county)
    send(town, other)
    assert records(county) == records(town) == records(other)
    assert children(other).get(second.uuid).status == "closed"

    conflicts(county).undo_merge(second.uuid)
    send(county, town)
    reopened = children(town).get(second.uuid)
    assert (reopened.status, reopened.close_reason, reopened.closed_on) == ("active", "", None)
    assert len(conflicts(town).possible_duplicates()) == 1
    assert records(county) == records(town)


def test_a_merge_needs_two_open_files_with_one_id_number(stores):
    village, _, _, _ = stores
    first = children(village).save(child())
    other = children(village).save(child(name="王小", serial=8))
    service = conflicts(village)
    for duplicate, kept, code in (
        (first.uuid, first.uuid, "duplicate_same_file"),
        (first.uuid, "no-such-file", "duplicate_not_found"),
        (first.uuid, other.uuid, "duplicate_not_same_id"),
    ):
        with pytest.raises(SyncError) as raised:
            service.merge_duplicate(duplicate, kept)
        assert raised.value.code == code
    with pytest.raises(SyncError) as raised:
        service.undo_merge(first.uuid)
    assert raised.value.code == "duplicate_not_merged"
