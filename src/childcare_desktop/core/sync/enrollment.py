"""Enrollment files: a station's self-signed request and the certificate its supervisor issues.

Both are small JSON documents `{"format", "version", "body", "signature"}`; the signature is
Ed25519 over the canonical JSON of format, version and body under its own domain string. A
request proves the station holds its signing key; a certificate binds a division code, officer
and public keys to the issuer's signature, names the request it answers, and carries the
issuer's own public keys (and the county's escrow key when the issuer knows one).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from ..domain import division
from .errors import SyncError
from .fingerprint import fingerprint, key_id
from .keys import KEY_SIZE, OwnKey, Peer, sign, verify

REQUEST, CERTIFICATE = "childcare-enrollment-request", "childcare-certificate"
VERSION = 1
MAX_SIZE = 64 * 1024
VALID_DAYS = 5 * 366
PARENT_ROLE = {"village": "town", "town": "county"}


@dataclass(frozen=True)
class Party:
    station: str
    role: str
    name: str
    officer: str
    sign_public: bytes
    enc_public: bytes

    @property
    def key_id(self) -> str:
        return key_id(self.sign_public, self.enc_public)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.enc_public)


@dataclass(frozen=True)
class Request:
    party: Party
    request_hash: str


@dataclass(frozen=True)
class Certificate:
    subject: Party
    issuer: Party
    serial: int
    not_before: str
    not_after: str
    request_hash: str
    escrow: bytes | None
    raw: bytes

    def peer(self, party: Party, relation: str) -> Peer:
        return Peer(
            party.key_id,
            party.station,
            party.role,
            party.name,
            party.officer,
            relation,
            party.sign_public,
            party.enc_public,
            self.serial,
            self.not_before,
            self.not_after,
            self.raw,
            None,
        )


def make_request(key: OwnKey, station: str, role: str, name: str, officer: str) -> bytes:
    party = Party(station, role, name, officer, key.sign_public, key.enc_public)
    body = {"party": _party_json(party), "nonce": secrets.token_hex(16)}
    return _signed(REQUEST, body, key)


def read_request(data: bytes) -> Request:
    """The request, its self-signature checked (the sender holds the key it names)."""
    body, signed = _open(data, REQUEST, "bad_request")
    party = _party(body.get("party"), "bad_request")
    verify(party.sign_public, "request", signed, _signature(data, "bad_request"))
    return Request(party, request_hash(data))


def request_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def issue(
    issuer_key: OwnKey,
    issuer: Party,
    request: Request,
    serial: int,
    today: date,
    escrow: bytes | None = None,
) -> bytes:
    """A certificate for a station directly below `issuer` (a village's code starts with its
    town's; a town's with its county's)."""
    subject = request.party
    if (
        PARENT_ROLE.get(subject.role) != issuer.role
        or division.check(subject.role, subject.station) is not None
        or not division.belongs_to(subject.station, issuer.station)
    ):
        raise SyncError("not_below_us", station=subject.station)
    body = {
        "subject": _party_json(subject),
        "issuer": _party_json(issuer),
        "serial": serial,
        "not_before": today.isoformat(),
        "not_after": (today + timedelta(days=VALID_DAYS)).isoformat(),
        "request_hash": request.request_hash,
        "escrow": _b64(escrow) if escrow else None,
    }
    return _signed(CERTIFICATE, body, issuer_key)


def read_certificate(data: bytes) -> Certificate:
    """The certificate, checked against the issuer key it carries (whether that issuer is to be
    trusted is the caller's decision)."""
    body, signed = _open(data, CERTIFICATE, "bad_certificate")
    issuer = _party(body.get("issuer"), "bad_certificate")
    verify(issuer.sign_public, "certificate", signed, _signature(data, "bad_certificate"))
    try:
        escrow = _unb64(body["escrow"], "bad_certificate") if body["escrow"] else None
        cert = Certificate(
            _party(body["subject"], "bad_certificate"),
            issuer,
            int(body["serial"]),
            date.fromisoformat(body["not_before"]).isoformat(),
            date.fromisoformat(body["not_after"]).isoformat(),
            str(body["request_hash"]),
            escrow,
            data,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise SyncError("bad_certificate") from error
    if PARENT_ROLE.get(cert.subject.role) != issuer.role or not division.belongs_to(
        cert.subject.station, issuer.station
    ):
        raise SyncError("bad_certificate")
    return cert


def valid_on(cert: Certificate, day: date) -> bool:
    return cert.not_before <= day.isoformat() <= cert.not_after


def _signed(kind: str, body: dict, key: OwnKey) -> bytes:
    signed = _canonical({"format": kind, "version": VERSION, "body": body})
    domain = "request" if kind == REQUEST else "certificate"
    document = {
        "format": kind,
        "version": VERSION,
        "body": body,
        "signature": _b64(sign(key.sign_private, domain, signed)),
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


def _open(data: bytes, kind: str, code: str) -> tuple[dict, bytes]:
    """(body, the bytes the signature covers) of a document of `kind`, within the size limit."""
    if len(data) > MAX_SIZE:
        raise SyncError("file_too_large")
    try:
        document = json.loads(data.decode())
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise SyncError(code) from error
    if (
        not isinstance(document, dict)
        or document.get("format") != kind
        or document.get("version") != VERSION
        or not isinstance(document.get("body"), dict)
    ):
        raise SyncError(code)
    body = document["body"]
    return body, _canonical({"format": kind, "version": VERSION, "body": body})


def _signature(data: bytes, code: str) -> bytes:
    return _unb64(json.loads(data.decode()).get("signature"), code)


def _party_json(party: Party) -> dict:
    return {
        "station": party.station,
        "role": party.role,
        "name": party.name,
        "officer": party.officer,
        "sign_public": _b64(party.sign_public),
        "enc_public": _b64(party.enc_public),
    }


def _party(value: object, code: str) -> Party:
    if not isinstance(value, dict):
        raise SyncError(code)
    texts = [value.get(k) for k in ("station", "role", "name", "officer")]
    if not all(isinstance(v, str) and len(v) <= 200 for v in texts):
        raise SyncError(code)
    sign_public = _unb64(value.get("sign_public"), code)
    enc_public = _unb64(value.get("enc_public"), code)
    if len(sign_public) != KEY_SIZE or len(enc_public) != KEY_SIZE:
        raise SyncError(code)
    return Party(*texts, sign_public, enc_public)


def _canonical(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(value: object, code: str) -> bytes:
    if not isinstance(value, str):
        raise SyncError(code)
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as error:
        raise SyncError(code) from error
