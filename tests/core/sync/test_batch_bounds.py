"""One file holds a bounded amount of work, so that importing it stays within a laptop's memory:
the reader refuses a file whose envelopes together pass the bounds before it decompresses any,
and a station with more to send writes it in several batches, each applied whole."""

from __future__ import annotations

import os

import pytest

from childcare_desktop.core.services import sync
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.sync import envelope
from childcare_desktop.core.sync.errors import SyncError

from .keyring import new_key, trusting
from .merging import records
from .stations import COUNTY, TOWN, VILLAGE, dump, enroll, station


@pytest.fixture
def village_key():
    return new_key()


def _signed(key, body: dict) -> bytes:
    return envelope.make(key, VILLAGE, TOWN, 1, envelope.GENESIS, body)


def test_envelopes_that_together_hold_too_many_changes_are_refused(village_key):
    half = envelope.MAX_CHANGES // 2 + 1
    one = _signed(village_key, {"changes": [{"n": i} for i in range(half)]})
    assert len(envelope.open_envelope(one, trusting(village_key)).body["changes"]) == half
    assert len(envelope.unpack(envelope.pack([one]))) == 1
    with pytest.raises(SyncError, match="too_many"):
        envelope.unpack(envelope.pack([one, one]))


def test_envelopes_that_together_hold_too_large_a_body_are_refused(village_key):
    # Text that compresses about twofold: within the ratio a bomb would pass.
    text = os.urandom(envelope.MAX_BODY_SIZE // 4 + 1024).hex()
    one = _signed(village_key, {"settings": {"note": text}})
    assert envelope.open_envelope(one, trusting(village_key)).body["settings"]["note"] == text
    with pytest.raises(SyncError, match="bomb"):
        envelope.unpack(envelope.pack([one, one]))


@pytest.fixture
def stations(tmp_path):
    (tmp_path / "town").mkdir()
    (tmp_path / "village").mkdir()
    town = station(tmp_path / "town", "town", TOWN, "宁新镇")
    village = station(tmp_path / "village", "village", VILLAGE, "新陂村")
    enroll(town, village, tmp_path / "village")
    fill_demo(village, 6, seed=5)
    yield town, village
    village.close()
    town.close()


def test_a_village_with_more_than_a_file_holds_sends_it_in_parts(tmp_path, stations, monkeypatch):
    town, village = stations
    everything = sync.export(village, tmp_path / "whole.ccsync").changes
    # The bound, made small so that six children's files need three batches.
    monkeypatch.setattr(envelope, "MAX_CHANGES", everything // 3 + 1)

    first = sync.export(village, tmp_path / "1.ccsync")
    assert first.changes == envelope.MAX_CHANGES and first.left == everything - first.changes
    (applied,) = sync.import_files(town, [tmp_path / "1.ccsync"])
    assert applied.status == "applied" and applied.changes_applied == first.changes

    sent = first.changes
    for n in (2, 3):
        sync.export(town, tmp_path / f"ack{n}.ccsync", VILLAGE)  # its reply acknowledges them
        assert sync.import_files(village, [tmp_path / f"ack{n}.ccsync"])[0].status == "applied"
        part = sync.export(village, tmp_path / f"{n}.ccsync")
        assert part.left == everything - sent - part.changes
        (applied,) = sync.import_files(town, [tmp_path / f"{n}.ccsync"])
        assert applied.status == "applied" and applied.changes_applied == part.changes
        sent += part.changes
    assert part.left == 0 and sent == everything
    assert records(town) == records(village)


def test_a_file_past_the_bound_is_refused_whole(tmp_path, stations, monkeypatch):
    town, village = stations
    sync.export(village, tmp_path / "whole.ccsync")
    monkeypatch.setattr(envelope, "MAX_CHANGES", 10)
    before = dump(town)
    (refused,) = sync.import_files(town, [tmp_path / "whole.ccsync"])
    assert (refused.status, refused.reason) == ("rejected", "too_many")
    assert dump(town) == before
    monkeypatch.undo()
    (applied,) = sync.import_files(town, [tmp_path / "whole.ccsync"])
    assert applied.status == "applied"


def test_a_town_carries_its_villages_batches_in_order_within_the_bound(tmp_path, monkeypatch):
    for name in ("county", "town", "village"):
        (tmp_path / name).mkdir()
    county = station(tmp_path / "county", "county", COUNTY, "兴宁市")
    town = station(tmp_path / "town", "town", TOWN, "宁新镇")
    village = station(tmp_path / "village", "village", VILLAGE, "新陂村")
    enroll(county, town, tmp_path / "town")
    enroll(town, village, tmp_path / "village")
    sizes = []
    for n in (1, 2):
        fill_demo(village, 2, seed=n)
        sizes.append(sync.export(village, tmp_path / f"v{n}.ccsync").changes)
        assert sync.import_files(town, [tmp_path / f"v{n}.ccsync"])[0].status == "applied"
    # Room for either village batch, not for both.
    monkeypatch.setattr(envelope, "MAX_CHANGES", max(sizes))

    up = sync.export(town, tmp_path / "up1.ccsync")
    assert (up.carried, up.changes, up.left) == (1, 0, sizes[1])
    assert sync.import_files(county, [tmp_path / "up1.ccsync"])[0].status == "applied"
    sync.export(county, tmp_path / "down.ccsync", TOWN)
    assert sync.import_files(town, [tmp_path / "down.ccsync"])[0].status == "applied"
    up = sync.export(town, tmp_path / "up2.ccsync")
    assert (up.carried, up.left) == (1, 0)
    assert sync.import_files(county, [tmp_path / "up2.ccsync"])[0].status == "applied"
    assert records(county) == records(village)
    for store in (county, town, village):
        store.close()
