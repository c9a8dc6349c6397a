"""Real key pairs and sealed batch files for the sync tests, without a store."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from childcare_desktop.core.sync import batchfile, envelope
from childcare_desktop.core.sync.fingerprint import key_id
from childcare_desktop.core.sync.keys import OwnKey, raw


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
