"""Who this station is to other stations: its keys and fingerprint, enrollment requests,
certificates issued and installed, and revocation of a lost laptop's key."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..storage import audit, driver, settings
from ..storage import tables as t
from ..storage.store import Store
from ..sync import enrollment, keys
from ..sync.errors import SyncError
from ..sync.fingerprint import read_aloud_matches
from .station import station_info


@dataclass(frozen=True)
class Identity:
    station: str
    role: str
    name: str
    fingerprint: str


@dataclass(frozen=True)
class Enrolled:
    station: str
    role: str
    name: str
    officer: str
    fingerprint: str
    serial: int
    not_after: str
    file: str


@dataclass(frozen=True)
class Installed:
    issuer: str
    issuer_name: str
    issuer_fingerprint: str
    serial: int
    not_after: str


def identity(store: Store) -> Identity:
    """This station and its fingerprint (keys are made on first use)."""
    info = station_info(store)
    with store.write() as conn:
        key = keys.own_key(conn)
    return Identity(info.code, info.role, info.name, key.fingerprint)


def write_request(store: Store, out: Path) -> Identity:
    """Write the enrollment request to carry to the supervisor; remember which one it was."""
    info = station_info(store)
    with store.write() as conn:
        key = keys.own_key(conn)
        data = enrollment.make_request(key, info.code, info.role, info.name, info.officer)
        _write(out, data)
        settings.put(conn, "sync_request", enrollment.request_hash(data))
    return Identity(info.code, info.role, info.name, key.fingerprint)


def read_request_file(path: Path) -> enrollment.Request:
    """A request as the supervisor sees it before enrolling. Its fingerprint is not for the
    screen: the supervisor types what the village reads aloud, and `check_read_aloud` compares."""
    return enrollment.read_request(_read(path, "bad_request"))


def check_read_aloud(request: Path, typed_fingerprint: str) -> enrollment.Request:
    """The request, when the fingerprint read aloud from the requesting screen is its own;
    SyncError("fingerprint_mismatch") otherwise."""
    req = read_request_file(request)
    if not read_aloud_matches(typed_fingerprint, req.party.fingerprint):
        raise SyncError("fingerprint_mismatch")
    return req


def enroll(
    store: Store, request: Path, typed_fingerprint: str, out: Path, today: date | None = None
) -> Enrolled:
    """Issue a certificate for a station below this one, only when the fingerprint the person
    read from the other screen is the request's."""
    today = today or date.today()
    req = check_read_aloud(request, typed_fingerprint)
    party = req.party
    info = station_info(store)
    with store.write() as conn:
        key = keys.own_key(conn)
        serial = int(settings.get(conn, "sync_serial", 0)) + 1
        issuer = enrollment.Party(
            info.code, info.role, info.name, info.officer, key.sign_public, key.enc_public
        )
        parent = keys.peers(conn, "parent")
        escrow = parent[-1].enc_public if parent and parent[-1].role == "county" else None
        data = enrollment.issue(key, issuer, req, serial, today, escrow)
        cert = enrollment.read_certificate(data)
        keys.add_peer(conn, cert.peer(party, "child"))
        settings.put(conn, "sync_serial", serial)
        driver.put_row(conn, t.division, {"code": party.station, "name": party.name})
        audit.record(conn, "export", detail=f"certificate {serial} for {party.station}")
        _write(out, data)
    return Enrolled(
        party.station,
        party.role,
        party.name,
        party.officer,
        party.fingerprint,
        serial,
        cert.not_after,
        str(out),
    )


def install(
    store: Store, cert_path: Path, issuer_fingerprint: str | None = None, today: date | None = None
) -> Installed:
    """Install the certificate answering this station's own request: it names our keys and
    the request we wrote, and carries the supervisor's keys (checked against the fingerprint
    read from the supervisor's screen, when given)."""
    today = today or date.today()
    cert = enrollment.read_certificate(_read(cert_path, "bad_certificate"))
    info = station_info(store)
    with store.write() as conn:
        own_ids = {k.key_id for k in keys.own_keys(conn)}
        if (
            cert.subject.key_id not in own_ids
            or cert.subject.station != info.code
            or cert.request_hash != settings.get(conn, "sync_request")
        ):
            raise SyncError("not_our_certificate")
        if issuer_fingerprint and not read_aloud_matches(
            issuer_fingerprint, cert.issuer.fingerprint
        ):
            raise SyncError("fingerprint_mismatch")
        if not enrollment.valid_on(cert, today):
            raise SyncError("bad_certificate")
        keys.add_peer(conn, cert.peer(cert.issuer, "parent"))
        settings.put(conn, "sync_certificate", base64.b64encode(cert.raw).decode())
        settings.put(
            conn, "sync_escrow", base64.b64encode(cert.escrow).decode() if cert.escrow else None
        )
        driver.put_row(conn, t.division, {"code": cert.issuer.station, "name": cert.issuer.name})
        audit.record(conn, "import", detail=f"certificate {cert.serial} from {cert.issuer.station}")
    return Installed(
        cert.issuer.station,
        cert.issuer.name,
        cert.issuer.fingerprint,
        cert.serial,
        cert.not_after,
    )


def revoke(store: Store, station: str, after_seq: int) -> int:
    """A lost laptop: nothing its keys sign after batch `after_seq` will be applied."""
    if after_seq < 0:
        raise SyncError("bad_value", field="after_seq", value=after_seq)
    with store.write() as conn:
        count = keys.revoke(conn, station, after_seq)
        audit.record(
            conn, "update", entity="sync_peer", detail=f"revoked {station} after {after_seq}"
        )
    return count


def _read(path: Path, code: str) -> bytes:
    try:
        if path.stat().st_size > enrollment.MAX_SIZE:
            raise SyncError("file_too_large")
        return path.read_bytes()
    except OSError as error:
        raise SyncError(code) from error


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
