"""What a received file's envelopes must be before anything of it is applied: the sender's own
envelope is signed by the key that signed the file, in its station's name, addressed to the
receiver; an envelope it carries is one its signed body lists, signed by a station the sender
certified. Files made with the program's writer and enrolled stations' keys; each refusal leaves
the receiver as it was, and the honest station's next batch still applies."""

from __future__ import annotations

import base64
import hashlib

import pytest
from sqlalchemy import select

from childcare_desktop.core.services import sync
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.sync import batchfile, envelope
from childcare_desktop.core.sync.keys import own_key, peers

from .keyring import new_key
from .stations import (
    COUNTY,
    OTHER_TOWN,
    OTHER_VILLAGE,
    TOWN,
    VILLAGE,
    dump,
    enrolled,
)

ACROSS = "441481104201"  # a village of the other town


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
    store = enrolled(tmp_path, "village", VILLAGE, "新陂村", town, children=2)
    yield store
    store.close()


def _send(source, target, path, to: str | None = None) -> sync.FileResult:
    sync.export(source, path, to)
    (result,) = sync.import_files(target, [path])
    return result


def _sealed(sender, envelopes: list[bytes]) -> bytes:
    """A file signed and encrypted by `sender` for its supervisor, as the program seals one."""
    with sender.read() as conn:
        key = own_key(conn)
        (parent,) = [p for p in peers(conn) if p.relation == "parent"]
    return batchfile.seal(key, [parent.enc_public], envelope.pack(envelopes))


def _refused(target, data: bytes, path) -> sync.FileResult:
    before = dump(target)
    path.write_bytes(data)
    (result,) = sync.import_files(target, [path])
    assert result.status == "rejected"
    assert dump(target) == before
    return result


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("another key", "unknown_signer"),
        ("another origin", "bad_payload"),
        ("another town", "not_for_us"),
    ],
)
def test_the_senders_own_envelope_is_its_own(tmp_path, town, village, case, reason):
    with village.read() as conn:
        key = own_key(conn)
    signer = new_key() if case == "another key" else key
    origin = OTHER_VILLAGE if case == "another origin" else VILLAGE
    recipient = OTHER_TOWN if case == "another town" else TOWN
    inner = envelope.make(signer, origin, recipient, 1, envelope.GENESIS, {"changes": []})
    result = _refused(town, _sealed(village, [inner]), tmp_path / "forged.ccsync")
    assert result.reason == reason
    assert _send(village, town, tmp_path / "honest.ccsync").status == "applied"


def _received(store) -> bytes:
    """The envelope a station received from its village, kept verbatim."""
    with store.read() as conn:
        return conn.execute(
            select(t.sync_batch.c.envelope).where(t.sync_batch.c.direction == "in")
        ).scalar_one()


def _certificate(store, code: str) -> str:
    with store.read() as conn:
        (peer,) = [p for p in peers(conn, "child") if p.station == code]
    return base64.b64encode(peer.certificate).decode()


def _bundle(town, carried: list[bytes], listed: list[bytes], certificates: list[str]) -> bytes:
    with town.read() as conn:
        key = own_key(conn)
    body = {
        "changes": [],
        "carried": [hashlib.sha256(e).hexdigest() for e in listed],
        "certificates": certificates,
    }
    inner = envelope.make(key, TOWN, COUNTY, 1, envelope.GENESIS, body)
    return _sealed(town, [inner, *carried])


def test_a_carried_envelope_must_be_listed_and_certified_by_the_sender(
    tmp_path, county, town, village
):
    assert _send(village, town, tmp_path / "v1.ccsync").status == "applied"
    theirs, cert = _received(town), _certificate(town, VILLAGE)
    cases = {
        "bad_payload": _bundle(town, [theirs], [], [cert]),  # carried, not listed
        "unknown_signer": _bundle(town, [theirs], [theirs], []),  # no certificate for its key
    }
    for reason, data in cases.items():
        assert _refused(county, data, tmp_path / f"{reason}.ccsync").reason == reason
    assert _send(town, county, tmp_path / "t1.ccsync").status == "applied"


def test_a_town_cannot_carry_a_village_of_another_town(tmp_path, county, town, village):
    other = enrolled(tmp_path, "town", OTHER_TOWN, "叶塘镇", county)
    across = enrolled(tmp_path, "village", ACROSS, "上坪村", other, children=2)
    assert _send(across, other, tmp_path / "a1.ccsync").status == "applied"
    foreign, cert = _received(other), _certificate(other, ACROSS)
    data = _bundle(town, [foreign], [foreign], [cert])
    assert _refused(county, data, tmp_path / "across.ccsync").reason == "bad_certificate"
    assert _send(town, county, tmp_path / "t1.ccsync").status == "applied"
    for store in (across, other):
        store.close()
