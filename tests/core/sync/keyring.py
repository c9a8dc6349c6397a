"""Real key pairs and sealed batch files for the sync tests and the fuzz harness, without a
store."""

from __future__ import annotations

import hashlib
import json
import zlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from childcare_desktop.core.sync import batchfile, envelope
from childcare_desktop.core.sync.changeset import ChangeRecord
from childcare_desktop.core.sync.fingerprint import key_id
from childcare_desktop.core.sync.keys import OwnKey, raw, sign


def new_key() -> OwnKey:
    signing, encryption = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    sign_public, enc_public = raw(signing.public_key()), raw(encryption.public_key())
    return OwnKey(key_id(sign_public, enc_public), signing, encryption, sign_public, enc_public)


def trusting(*keys: OwnKey):
    """A signer lookup that trusts exactly `keys`."""
    known = {k.key_id: k.sign_public for k in keys}
    return known.get


def sample_file(sender: OwnKey, receiver: OwnKey, changes: int = 3, seq: int = 1) -> bytes:
    body = {
        "changes": [
            {
                "station": "441481103201",
                "counter": i + 1,
                "entity": "child",
                "entity_uuid": f"child-{i}",
                "fields": {"name": f"名{i}"},
                "clock": f"{1700000000000 + i:013d}.00000",
                "base": [],
            }
            for i in range(changes)
        ],
        "acks": {"441481103": 4},
        "carried": [],
        "certificates": [],
    }
    inner = envelope.make(sender, "441481103201", "441481103", seq, envelope.GENESIS, body)
    return batchfile.seal(sender, [receiver.enc_public], envelope.pack([inner]))


def read_back(data: bytes, sender: OwnKey, receiver: OwnKey) -> envelope.Envelope:
    opened = batchfile.open_file(data, trusting(sender), [receiver])
    (inner,) = envelope.unpack(opened.payload)
    return envelope.open_envelope(inner, trusting(sender))


def parse(data: bytes, sender: OwnKey, receiver: OwnKey) -> None:
    """Everything a receiver does with a file before applying it."""
    opened = batchfile.open_file(data, trusting(sender), [receiver])
    for inner in envelope.unpack(opened.payload):
        env = envelope.open_envelope(inner, trusting(sender))
        for change in env.body["changes"]:
            ChangeRecord.from_json(change)


def hostile_file(sender: OwnKey, receiver: OwnKey, plain: bytes, counts: dict) -> bytes:
    """A file sealed and signed by a trusted sender whose envelope body is `plain` (any bytes):
    what a parser meets past every signature when a trusted station's program misbehaves."""
    header = {
        "batch": "b",
        "origin": "441481103201",
        "origin_key": sender.key_id,
        "seq": 1,
        "prev": envelope.GENESIS,
        "recipient": "441481103",
        "schema": 1,
        "counts": {"changes": 0, "carried": 0, "certificates": 0, **counts},
        "body_size": len(plain),
        "body_hash": hashlib.sha256(plain).hexdigest(),
        "created": "2026-01-01T00:00:00",
    }
    raw_header = json.dumps(header).encode()
    compressed = zlib.compress(plain)
    data = (
        envelope.PREFIX.pack(envelope.MAGIC, 1, len(raw_header))
        + raw_header
        + envelope.LENGTH.pack(len(compressed))
        + compressed
    )
    inner = data + sign(sender.sign_private, "inner", data)
    return batchfile.seal(sender, [receiver.enc_public], envelope.pack([inner]))
