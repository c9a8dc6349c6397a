"""This station's signing and encryption keys, the peers it trusts, and domain-separated signing.

Each station has an Ed25519 key to sign and a separate X25519 key to receive file keys. The
private halves are kept only in the encrypted store. A signature always covers a domain string
naming its kind, so a signed request can never be passed off as a signed batch, and so on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import Connection, insert, select, update

from ..storage import driver
from ..storage import tables as t
from .errors import SyncError
from .fingerprint import fingerprint, key_id

# One string per kind of signature; each is followed by a NUL and the signed bytes.
DOMAINS = frozenset({"request", "certificate", "outer", "inner"})
SIGNATURE_SIZE = 64
KEY_SIZE = 32


@dataclass(frozen=True)
class OwnKey:
    key_id: str
    sign_private: Ed25519PrivateKey
    enc_private: X25519PrivateKey
    sign_public: bytes
    enc_public: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.enc_public)


@dataclass(frozen=True)
class Peer:
    key_id: str
    station: str
    role: str
    name: str
    officer: str
    relation: str  # parent | child | below
    sign_public: bytes
    enc_public: bytes
    serial: int
    not_before: str
    not_after: str
    certificate: bytes
    revoked_after: int | None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.enc_public)


def raw(public_key) -> bytes:
    return public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def sign(private: Ed25519PrivateKey, domain: str, data: bytes) -> bytes:
    return private.sign(_message(domain, data))


def verify(public: bytes, domain: str, data: bytes, signature: bytes) -> None:
    """Raises SyncError("bad_signature") unless `signature` is `public`'s over (domain, data)."""
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, _message(domain, data))
    except (InvalidSignature, ValueError) as error:
        raise SyncError("bad_signature") from error


def _message(domain: str, data: bytes) -> bytes:
    if domain not in DOMAINS:
        raise ValueError(domain)
    return f"childcare-sync-v1/{domain}".encode() + b"\0" + data


def own_key(conn: Connection) -> OwnKey:
    """The active key pair, made on first use (inside the caller's write transaction)."""
    row = conn.execute(select(t.sync_key).where(t.sync_key.c.active)).mappings().first()
    if row is None:
        return _make_key(conn)
    return _own(row)


def own_keys(conn: Connection) -> list[OwnKey]:
    """Every key pair this station ever had, the active one first: old files stay readable."""
    rows = conn.execute(select(t.sync_key).order_by(t.sync_key.c.active.desc())).mappings()
    return [_own(r) for r in rows]


def _make_key(conn: Connection) -> OwnKey:
    signing, encryption = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    sign_public, enc_public = raw(signing.public_key()), raw(encryption.public_key())
    conn.execute(update(t.sync_key).values(active=False))
    conn.execute(
        insert(t.sync_key),
        {
            "key_id": key_id(sign_public, enc_public),
            "sign_private": signing.private_bytes_raw(),
            "enc_private": encryption.private_bytes_raw(),
            "sign_public": sign_public,
            "enc_public": enc_public,
            "created_at": datetime.now().isoformat(timespec="seconds"),
            "active": True,
        },
    )
    return OwnKey(key_id(sign_public, enc_public), signing, encryption, sign_public, enc_public)


def _own(row) -> OwnKey:
    return OwnKey(
        row["key_id"],
        Ed25519PrivateKey.from_private_bytes(row["sign_private"]),
        X25519PrivateKey.from_private_bytes(row["enc_private"]),
        row["sign_public"],
        row["enc_public"],
    )


def peers(conn: Connection, relation: str | None = None) -> list[Peer]:
    query = select(t.sync_peer).order_by(t.sync_peer.c.station, t.sync_peer.c.added_at)
    if relation:
        query = query.where(t.sync_peer.c.relation == relation)
    return [_peer(r) for r in conn.execute(query).mappings()]


def peer_by_key(conn: Connection, peer_key_id: str) -> Peer | None:
    row = conn.execute(select(t.sync_peer).where(t.sync_peer.c.key_id == peer_key_id))
    found = row.mappings().first()
    return _peer(found) if found else None


def add_peer(conn: Connection, peer: Peer) -> None:
    """Trust `peer` (already verified by the caller); a known key is refreshed, never duplicated."""
    values = {f: getattr(peer, f) for f in Peer.__dataclass_fields__}
    values["added_at"] = datetime.now().isoformat(timespec="seconds")
    existing = peer_by_key(conn, peer.key_id)
    if existing is not None:
        values["revoked_after"] = existing.revoked_after
    driver.put_row(conn, t.sync_peer, values)


def revoke(conn: Connection, station: str, after_seq: int) -> int:
    """Nothing from `station`'s keys after batch `after_seq` is applied; returns keys revoked."""
    done = conn.execute(
        update(t.sync_peer).where(t.sync_peer.c.station == station).values(revoked_after=after_seq)
    )
    if not done.rowcount:
        raise SyncError("unknown_station", station=station)
    return done.rowcount


def _peer(row) -> Peer:
    return Peer(**{f: row[f] for f in Peer.__dataclass_fields__})
