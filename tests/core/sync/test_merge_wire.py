"""A change as it travels: the JSON form round-trips, and anything malformed is refused."""

from __future__ import annotations

import pytest

from childcare_desktop.core.services.children import Children
from childcare_desktop.core.sync.changeset import ChangeRecord
from childcare_desktop.core.sync.errors import SyncError
from childcare_desktop.core.sync.merge import changes_since
from tests.core.sync.merging import TODAY, VILLAGE, child, station

UUID = "0b5f3c9e-8a47-4a43-9a6e-2c1b1f0e7d11"
EDIT = {
    "station": VILLAGE,
    "counter": 7,
    "entity": "child",
    "entity_uuid": UUID,
    "fields": {"school": "一小", "boarding": True, "consent_on": "2026-01-05"},
    "clock": "1795396117385.00003",
    "base": [f"{VILLAGE}:1", f"{VILLAGE}:6"],
}


def test_every_logged_change_round_trips(tmp_path):
    store = station(tmp_path, VILLAGE)
    kid = Children(store, today=lambda: TODAY).save(child())
    Children(store, today=lambda: TODAY).save(kid.with_changes(members=()))
    with store.read() as conn:
        changes = changes_since(conn, {})
    store.close()
    assert {c.entity for c in changes} == {"child", "member", "category"}
    for change in changes:
        assert ChangeRecord.from_json(change.to_json()) == change
    edit = ChangeRecord.from_json(EDIT)
    assert edit.change_id == f"{VILLAGE}:7" and edit.to_json() == EDIT


@pytest.mark.parametrize(
    "broken",
    [
        {"station": 441481103201},
        {"station": "village"},
        {"counter": 0},
        {"counter": True},
        {"counter": "7"},
        {"entity": "station"},
        {"entity_uuid": ""},
        {"entity_uuid": "x" * 37},
        {"clock": "yesterday"},
        {"base": [f"{VILLAGE}:6", f"{VILLAGE}:1"]},
        {"base": ["1:2:3"]},
        {"base": "[]"},
        {"fields": {}},
        {"fields": []},
        {"fields": {"risk": "high"}},
        {"fields": {"school": 3}},
        {"fields": {"boarding": 1}},
        {"fields": {"consent_on": "2026-02-30"}},
        {"fields": {"sex": "female" * 3}},
        {"fields": {"name": None}},
        {"fields": {"uuid": "another"}},
        {"fields": {"_new": False}},
        {"fields": {"_deleted": True, "child_uuid": UUID}},
    ],
)
def test_a_malformed_change_is_refused(broken):
    with pytest.raises(SyncError) as raised:
        ChangeRecord.from_json(EDIT | broken)
    assert raised.value.code in ("bad_change", "bad_field")


def test_missing_or_extra_keys_and_bad_tombstones_are_refused():
    member = EDIT | {"entity": "member", "fields": {"_deleted": True, "child_uuid": UUID}}
    assert ChangeRecord.from_json(member).is_tombstone
    for bad in (
        {k: v for k, v in EDIT.items() if k != "base"},
        EDIT | {"signature": ""},
        member | {"fields": {"_deleted": True, "child_uuid": UUID, "name": "王芳"}},
        EDIT | {"entity": "visit", "fields": {"mode": "home"}},
        "not a change",
    ):
        with pytest.raises(SyncError):
            ChangeRecord.from_json(bad)
