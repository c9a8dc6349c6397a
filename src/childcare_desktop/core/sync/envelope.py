"""The signed inner envelope (header + zlib body) and the payload that packs several of them.

An envelope is what its origin station signed: a town keeps the envelopes it receives verbatim
and carries them to the county inside its own payload, so each village's signature can still be
checked there. Decompression is bounded: the declared size is signed, capped, and never exceeded.
"""

from __future__ import annotations

import hashlib
import json
import struct
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ..storage.jsontext import dump_bytes, loads
from .errors import SyncError
from .keys import SIGNATURE_SIZE, OwnKey, sign, verify

MAGIC = b"CCINNER\n"
VERSION = 1
SCHEMA = 1
PREFIX = struct.Struct(">8sHI")  # magic, version, header length
LENGTH = struct.Struct(">I")
MAX_HEADER_SIZE = 16 * 1024
# The bounds of one file, over all its envelopes: a receiver decodes every envelope of a file and
# checks all its changes before applying any, and each change held costs about 4.7 KB of memory
# (decoded, checked, merged). At these bounds an import peaks under 512 MB (bench_batch_memory);
# a station with more to send writes it in several batches (services.sync.export).
MAX_BODY_SIZE = 40 * 1024 * 1024
MAX_CHANGES = 80_000
# Change logs compress about tenfold; a claimed ratio far beyond that is a decompression bomb.
MAX_RATIO = 100
MAX_ENVELOPES = 10_000
GENESIS = "0" * 64
_COUNTED = ("changes", "carried", "certificates")


@dataclass(frozen=True)
class Envelope:
    hash: str  # SHA-256 of the whole signed envelope: the batch's identity
    batch: str
    origin: str
    origin_key: str
    seq: int
    prev: str
    recipient: str
    created: str
    body: dict
    raw: bytes


def make(key: OwnKey, origin: str, recipient: str, seq: int, prev: str, body: dict) -> bytes:
    """Sign `body` ({"changes": [...], "acks": {...}, ...}) as batch `seq` of origin→recipient."""
    plain = dump_bytes(body)
    header = {
        "batch": uuid.uuid4().hex,
        "origin": origin,
        "origin_key": key.key_id,
        "seq": seq,
        "prev": prev,
        "recipient": recipient,
        "schema": SCHEMA,
        "counts": {name: len(body.get(name, ())) for name in _COUNTED},
        "body_size": len(plain),
        "body_hash": hashlib.sha256(plain).hexdigest(),
        "created": datetime.now().isoformat(timespec="seconds"),
    }
    raw_header = json.dumps(header, ensure_ascii=False, sort_keys=True).encode()
    compressed = zlib.compress(plain, 6)
    data = (
        PREFIX.pack(MAGIC, VERSION, len(raw_header))
        + raw_header
        + LENGTH.pack(len(compressed))
        + compressed
    )
    return data + sign(key.sign_private, "inner", data)


def open_envelope(data: bytes, signer: Callable[[str], bytes | None]) -> Envelope:
    """Check the origin's signature (a key `signer` trusts), then the header, then decompress
    within the signed size and check the body's hash and counts."""
    raw_header, body_at = _split(data)
    header = _header(raw_header)
    public = signer(header["origin_key"])
    if public is None:
        raise SyncError("unknown_signer")
    verify(public, "inner", data[:-SIGNATURE_SIZE], data[-SIGNATURE_SIZE:])
    compressed = data[body_at + LENGTH.size : -SIGNATURE_SIZE]
    body = _body(header, compressed)
    return Envelope(
        hashlib.sha256(data).hexdigest(),
        header["batch"],
        header["origin"],
        header["origin_key"],
        header["seq"],
        header["prev"],
        header["recipient"],
        header["created"],
        body,
        data,
    )


def pack(envelopes: list[bytes]) -> bytes:
    """The payload: a count, then each envelope with its length; the sender's own comes first."""
    return LENGTH.pack(len(envelopes)) + b"".join(LENGTH.pack(len(e)) + e for e in envelopes)


def unpack(payload: bytes) -> list[bytes]:
    """The envelopes of a payload, refused before any is decompressed when together they
    declare more changes or a larger body than one file may hold."""
    if len(payload) < LENGTH.size:
        raise SyncError("bad_payload")
    (count,) = LENGTH.unpack_from(payload)
    if not 0 < count <= MAX_ENVELOPES + 1:
        raise SyncError("too_many")
    envelopes, at = [], LENGTH.size
    for _ in range(count):
        if at + LENGTH.size > len(payload):
            raise SyncError("bad_payload")
        (size,) = LENGTH.unpack_from(payload, at)
        at += LENGTH.size
        if at + size > len(payload):
            raise SyncError("bad_payload")
        envelopes.append(payload[at : at + size])
        at += size
    if at != len(payload):
        raise SyncError("bad_payload")
    declared = [_header(_split(e)[0]) for e in envelopes]
    if sum(h["counts"]["changes"] for h in declared) > MAX_CHANGES:
        raise SyncError("too_many")
    if sum(h["body_size"] for h in declared) > MAX_BODY_SIZE:
        raise SyncError("bomb")
    return envelopes


def _split(data: bytes) -> tuple[bytes, int]:
    """The envelope's raw header and where its body's length starts; its framing checked."""
    if len(data) < PREFIX.size + LENGTH.size + SIGNATURE_SIZE or data[:8] != MAGIC:
        raise SyncError("bad_payload")
    _, version, header_size = PREFIX.unpack_from(data)
    if version != VERSION:
        raise SyncError("bad_version", version=version)
    body_at = PREFIX.size + header_size
    if header_size > MAX_HEADER_SIZE or body_at + LENGTH.size > len(data) - SIGNATURE_SIZE:
        raise SyncError("bad_payload")
    (compressed_size,) = LENGTH.unpack_from(data, body_at)
    if body_at + LENGTH.size + compressed_size + SIGNATURE_SIZE != len(data):
        raise SyncError("bad_payload")
    return data[PREFIX.size : body_at], body_at


def _header(raw_header: bytes) -> dict:
    try:
        header = json.loads(raw_header.decode())
        counts = header["counts"]
        valid = (
            all(isinstance(header[k], str) for k in ("batch", "origin", "prev", "recipient"))
            and all(isinstance(header[k], str) for k in ("origin_key", "body_hash", "created"))
            and all(isinstance(header[k], int) for k in ("seq", "schema", "body_size"))
            and isinstance(counts, dict)
            and all(isinstance(counts.get(k), int) for k in _COUNTED)
        )
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError) as error:
        raise SyncError("bad_payload") from error
    if not valid or header["seq"] < 1:
        raise SyncError("bad_payload")
    if header["schema"] != SCHEMA:
        raise SyncError("bad_version", version=header["schema"])
    if counts["changes"] > MAX_CHANGES or counts["carried"] > MAX_ENVELOPES:
        raise SyncError("too_many")
    return header


def _body(header: dict, compressed: bytes) -> dict:
    size = header["body_size"]
    if not 0 < size <= MAX_BODY_SIZE or size > MAX_RATIO * max(len(compressed), 1):
        raise SyncError("bomb")
    inflater = zlib.decompressobj()
    try:
        plain = inflater.decompress(compressed, size + 1)
    except zlib.error as error:
        raise SyncError("bad_payload") from error
    if len(plain) > size or inflater.unconsumed_tail:
        raise SyncError("bomb")
    if len(plain) != size or not inflater.eof or inflater.unused_data:
        raise SyncError("bad_payload")
    if hashlib.sha256(plain).hexdigest() != header["body_hash"]:
        raise SyncError("bad_payload")
    try:
        body = loads(plain)  # UTF-8 checked, nesting bounded: a ValueError
    except ValueError as error:
        raise SyncError("bad_payload") from error
    if not isinstance(body, dict):
        raise SyncError("bad_payload")
    body = {"acks": {}, "settings": {}, **{k: [] for k in _COUNTED}, **body}
    if (
        not all(isinstance(body[k], list) for k in _COUNTED)
        or not all(isinstance(c, dict) for c in body["changes"])
        or not isinstance(body["acks"], dict)
        or not isinstance(body["settings"], dict)
    ):
        raise SyncError("bad_payload")
    if any(len(body[k]) != header["counts"][k] for k in _COUNTED):
        raise SyncError("too_many")
    return body
