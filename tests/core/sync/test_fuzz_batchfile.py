"""Fuzzing the batch file parser: raw bytes, mutated valid files, and validly signed envelopes
with hostile contents. Only the project's typed error may come out, never another exception."""

from __future__ import annotations

import contextlib
import hashlib
import json
import zlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from childcare_desktop.core.sync import batchfile, envelope
from childcare_desktop.core.sync.changeset import ChangeRecord
from childcare_desktop.core.sync.errors import SyncError
from childcare_desktop.core.sync.keys import sign

from .keyring import new_key, sample_file, trusting

SENDER, RECEIVER = new_key(), new_key()
VALID = sample_file(SENDER, RECEIVER, changes=2)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse(data: bytes) -> None:
    """Everything a receiver does with a file before applying it."""
    opened = batchfile.open_file(data, trusting(SENDER), [RECEIVER])
    for inner in envelope.unpack(opened.payload):
        env = envelope.open_envelope(inner, trusting(SENDER))
        for change in env.body["changes"]:
            ChangeRecord.from_json(change)


def only_typed_errors(data: bytes) -> None:
    with contextlib.suppress(SyncError):
        parse(data)


@FAST
@given(st.binary(max_size=4096))
def test_raw_bytes(data):
    only_typed_errors(data)


@FAST
@given(st.binary(max_size=512))
def test_raw_bytes_behind_a_valid_prefix(tail):
    only_typed_errors(VALID[: batchfile.PREFIX.size] + tail)


mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, len(VALID) - 1), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.integers(0, len(VALID) - 1), st.integers(0, len(VALID))),
    st.tuples(st.just("insert"), st.integers(0, len(VALID)), st.binary(min_size=1, max_size=64)),
)


@FAST
@given(st.lists(mutation, min_size=1, max_size=4))
def test_mutated_valid_files(mutations):
    data = bytearray(VALID)
    for kind, at, what in mutations:
        at = min(at, len(data))
        if kind == "flip" and at < len(data):
            data[at] ^= what
        elif kind == "cut":
            del data[at : at + what]
        elif kind == "insert":
            data[at:at] = what
    if bytes(data) == VALID:
        parse(VALID)
    else:
        try:
            parse(bytes(data))
        except SyncError:
            return
        raise AssertionError("a damaged file was accepted")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
change_like = st.fixed_dictionaries(
    {
        "station": st.sampled_from(["441481103201", "x", 5]),
        "counter": st.one_of(st.integers(-2, 2**60), st.text(max_size=3)),
        "entity": st.sampled_from(["child", "visit", "member", "nope"]),
        "entity_uuid": st.text(max_size=40),
        "fields": json_values,
        "clock": st.sampled_from(["0000000000001.00000", "", "x"]),
        "base": json_values,
    }
)
bodies = st.one_of(
    json_values,
    st.fixed_dictionaries({"changes": st.lists(change_like, max_size=3)}),
    st.fixed_dictionaries({"changes": json_values, "carried": json_values}),
)


def signed_envelope(header: dict, compressed: bytes) -> bytes:
    raw_header = json.dumps(header).encode()
    data = (
        envelope.PREFIX.pack(envelope.MAGIC, 1, len(raw_header))
        + raw_header
        + envelope.LENGTH.pack(len(compressed))
        + compressed
    )
    return data + sign(SENDER.sign_private, "inner", data)


@FAST
@given(
    bodies,
    st.dictionaries(st.sampled_from(["changes", "carried", "certificates"]), st.integers(0, 5)),
)
def test_hostile_but_signed_envelopes(body, counts):
    plain = json.dumps(body).encode()
    header = {
        "batch": "b",
        "origin": "441481103201",
        "origin_key": SENDER.key_id,
        "seq": 1,
        "prev": envelope.GENESIS,
        "recipient": "441481103",
        "schema": 1,
        "counts": {"changes": 0, "carried": 0, "certificates": 0, **counts},
        "body_size": len(plain),
        "body_hash": hashlib.sha256(plain).hexdigest(),
        "created": "2026-01-01T00:00:00",
    }
    inner = signed_envelope(header, zlib.compress(plain))
    only_typed_errors(batchfile.seal(SENDER, [RECEIVER.enc_public], envelope.pack([inner])))


@FAST
@given(json_values, st.binary(max_size=256))
def test_hostile_signed_headers_and_bodies(header, compressed):
    inner = signed_envelope(header if isinstance(header, dict) else {"h": header}, compressed)
    only_typed_errors(batchfile.seal(SENDER, [RECEIVER.enc_public], envelope.pack([inner])))
