"""Checking a received batch file completely before anything of it is applied: size, outer
signature, trusted signer, recipient, decryption, inner signatures, carried envelopes,
certificates and every change. The verdict says what the store should do with it."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from sqlalchemy import Connection

from ..domain.division import belongs_to
from . import authority, batchfile, envelope, ledger
from .changeset import ChangeRecord
from .enrollment import Certificate, read_certificate
from .envelope import Envelope
from .errors import SyncError
from .keys import Peer, own_keys, peer_by_key

MAX_CERTIFICATES = 10_000


@dataclass(frozen=True)
class Checked:
    """A file whose every signature and change checked out."""

    sender: Peer
    own: Envelope
    carried: tuple[Envelope, ...]
    certificates: tuple[Certificate, ...]
    changes: tuple[ChangeRecord, ...]


def sender_station(conn: Connection, data: bytes) -> str:
    """The station a refused file claims to come from, when its key is known (for the status)."""
    try:
        peer = peer_by_key(conn, batchfile.sender_of(data))
    except SyncError:
        return ""
    return peer.station if peer else ""


def check(conn: Connection, data: bytes, own_code: str) -> Checked:
    """Raises SyncError with the reason of the first check that fails."""
    direct = {}

    def trusted(key_id: str) -> bytes | None:
        peer = peer_by_key(conn, key_id)
        if peer is None or peer.relation == "below":
            return None
        direct[key_id] = peer
        return peer.sign_public

    opened = batchfile.open_file(data, trusted, own_keys(conn))
    sender = direct[opened.sender_key_id]
    own_raw, *carried_raw = envelope.unpack(opened.payload)
    own = envelope.open_envelope(own_raw, {sender.key_id: sender.sign_public}.get)
    if own.origin_key != sender.key_id or own.origin != sender.station:
        raise SyncError("bad_payload")
    if own.recipient != own_code:
        raise SyncError("not_for_us", station=own.recipient)
    if ledger.known(conn, own.hash):
        # This signed batch was taken before (under whatever file name): nothing of it will be
        # applied, so what it carries is not read again (seconds for a village's first batch).
        return Checked(sender, own, (), (), ())
    certificates = _certificates(own.body.get("certificates", []), sender)
    carried = _carried(own, carried_raw, certificates)
    signed = [
        authority.Signed(
            env.origin,
            env is own and sender.relation == "parent",
            [ChangeRecord.from_json(c) for c in env.body["changes"]],
        )
        for env in [own, *carried]
    ]
    authority.check(conn, own_code, signed)
    records = tuple(c for env in signed for c in env.changes)
    return Checked(sender, own, tuple(carried), tuple(certificates), records)


def _certificates(encoded: list, sender: Peer) -> list[Certificate]:
    """Certificates the sender issued for the stations whose envelopes it carries."""
    if len(encoded) > MAX_CERTIFICATES:
        raise SyncError("too_many")
    found = []
    for item in encoded:
        try:
            cert = read_certificate(base64.b64decode(item, validate=True))
        except (binascii.Error, ValueError, TypeError) as error:
            raise SyncError("bad_certificate") from error
        if cert.issuer.key_id != sender.key_id or cert.issuer.station != sender.station:
            raise SyncError("bad_certificate")
        found.append(cert)
    return found


def _carried(own: Envelope, raws: list[bytes], certs: list[Certificate]) -> list[Envelope]:
    """Envelopes carried verbatim, each signed by a station the sender certified; exactly the
    ones the sender's own signed body lists, in that order. Each speaks for the station its
    certificate names, which must be below the sender."""
    listed = own.body.get("carried", [])
    if len(listed) != len(raws):
        raise SyncError("bad_payload")
    subjects = {c.subject.key_id: c.subject for c in certs}
    signers = {key: subject.sign_public for key, subject in subjects.items()}
    found = []
    for expected, raw in zip(listed, raws, strict=True):
        env = envelope.open_envelope(raw, signers.get)
        if env.hash != expected or env.recipient != own.origin:
            raise SyncError("bad_payload")
        station = subjects[env.origin_key].station
        if env.origin != station or station == own.origin or not belongs_to(station, own.origin):
            raise SyncError("foreign_change", station=env.origin)
        found.append(env)
    return found


def verdict(conn: Connection, checked: Checked) -> tuple[str, str]:
    """(status, reason) for a checked file: ("apply", ""), ("duplicate", ""), or
    ("quarantined", "revoked" | "equivocation")."""
    own = checked.own
    if ledger.known(conn, own.hash):
        return "duplicate", ""
    # "Nothing after batch N": a batch numbered N or less that is not held yet (it was not
    # held when the key was revoked) may be forged into a gap by whoever holds the lost key.
    if checked.sender.revoked_after is not None:
        return "quarantined", "revoked"
    if ledger.fork_of(conn, own) or any(
        ledger.fork_of(conn, env) for env in checked.carried if not ledger.known(conn, env.hash)
    ):
        return "quarantined", "equivocation"
    return "apply", ""
