"""The batch file on its own: real keys, real bytes; every damage is a typed refusal."""

from __future__ import annotations

import struct
import zlib

import pytest

from childcare_desktop.core.sync import batchfile, envelope
from childcare_desktop.core.sync.errors import SyncError
from childcare_desktop.core.sync.keys import sign, verify

from .keyring import new_key, read_back, sample_file, trusting


@pytest.fixture(scope="module")
def village():
    return new_key()


@pytest.fixture(scope="module")
def town():
    return new_key()


def test_round_trip(village, town):
    data = sample_file(village, town, changes=5, seq=3)
    inner = read_back(data, village, town)
    assert inner.seq == 3 and inner.origin == "441481103201" and inner.recipient == "441481103"
    assert [c["counter"] for c in inner.body["changes"]] == [1, 2, 3, 4, 5]
    assert inner.body["acks"] == {"441481103": 4}
    assert batchfile.sender_of(data) == village.key_id


def test_contents_are_not_in_clear(village, town):
    data = sample_file(village, town)
    assert b"441481103201" not in data and b"changes" not in data


def test_every_flipped_byte_is_refused(village, town):
    data = sample_file(village, town)
    for offset in range(len(data)):
        damaged = bytearray(data)
        damaged[offset] ^= 0x01
        with pytest.raises(SyncError):
            read_back(bytes(damaged), village, town)


def test_every_truncation_and_appended_byte_is_refused(village, town):
    data = sample_file(village, town)
    for length in range(len(data)):
        with pytest.raises(SyncError):
            read_back(data[:length], village, town)
    with pytest.raises(SyncError, match="bad_file"):
        read_back(data + b"\0", village, town)


def test_unknown_signer(village, town):
    stranger = new_key()
    with pytest.raises(SyncError, match="unknown_signer"):
        read_back(sample_file(stranger, town), village, town)


def test_a_trusted_key_cannot_sign_for_another(village, town):
    """The key id in the prefix picks the key; a stranger's signature under it does not verify."""
    stranger = new_key()
    data = bytearray(sample_file(stranger, town))
    data[10:26] = bytes.fromhex(village.key_id)
    with pytest.raises(SyncError, match="bad_signature"):
        batchfile.open_file(bytes(data), trusting(village), [town])


def test_file_for_another_town_cannot_be_read(village, town):
    other_town = new_key()
    data = sample_file(village, other_town)
    with pytest.raises(SyncError, match="not_for_us"):
        read_back(data, village, town)


def test_escrow_recipient_can_decrypt(village, town):
    county = new_key()
    inner = envelope.make(village, "441481103201", "441481103", 1, envelope.GENESIS, {})
    data = batchfile.seal(village, [town.enc_public, county.enc_public], envelope.pack([inner]))
    for reader in (town, county):
        assert batchfile.open_file(data, trusting(village), [reader]).payload.endswith(inner)


def test_a_signature_of_one_kind_is_not_another(village):
    signed = b"same bytes"
    with pytest.raises(SyncError, match="bad_signature"):
        verify(village.sign_public, "outer", signed, sign(village.sign_private, "inner", signed))


def test_oversized_file_refused_before_reading(village, town):
    huge = batchfile.MAGIC + bytes(batchfile.MAX_FILE_SIZE)
    with pytest.raises(SyncError, match="file_too_large"):
        read_back(huge, village, town)


def test_newer_format_version_refused(village, town):
    data = bytearray(sample_file(village, town))
    data[8:10] = struct.pack(">H", 2)
    with pytest.raises(SyncError, match="bad_version"):
        read_back(bytes(data), village, town)


def _bomb_envelope(key, declared: int, actual: bytes) -> bytes:
    """A validly signed envelope whose body inflates to `actual`, claiming `declared` bytes."""
    import hashlib
    import json

    compressed = zlib.compress(actual, 9)
    header = json.dumps(
        {
            "batch": "b",
            "origin": "441481103201",
            "origin_key": key.key_id,
            "seq": 1,
            "prev": envelope.GENESIS,
            "recipient": "441481103",
            "schema": 1,
            "counts": {"changes": 0, "carried": 0, "certificates": 0},
            "body_size": declared,
            "body_hash": hashlib.sha256(actual).hexdigest(),
            "created": "2026-01-01T00:00:00",
        }
    ).encode()
    data = (
        envelope.PREFIX.pack(envelope.MAGIC, 1, len(header))
        + header
        + envelope.LENGTH.pack(len(compressed))
        + compressed
    )
    return data + sign(key.sign_private, "inner", data)


def test_decompression_bomb_refused_with_bounded_memory(village):
    import tracemalloc

    zeros = bytes(200 * 1024 * 1024)
    honest_claim = _bomb_envelope(village, len(zeros), zeros)
    lying_claim = _bomb_envelope(village, 1000, zeros)
    del zeros
    tracemalloc.start()
    for bomb in (honest_claim, lying_claim):
        with pytest.raises(SyncError, match="bomb"):
            envelope.open_envelope(bomb, trusting(village))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def test_absurd_counts_refused(village):
    inner = envelope.make(village, "441481103201", "441481103", 1, envelope.GENESIS, {})
    with pytest.raises(SyncError, match="too_many"):
        envelope.unpack(struct.pack(">I", 2**31) + inner)
    body = {"changes": [{}] * 2}
    good = envelope.make(village, "441481103201", "441481103", 1, envelope.GENESIS, body)
    assert len(envelope.open_envelope(good, trusting(village)).body["changes"]) == 2
