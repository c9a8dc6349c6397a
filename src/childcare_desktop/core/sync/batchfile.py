"""The outer batch file: a cleartext, signed header around a ChaCha20-Poly1305 payload whose key
is wrapped for each recipient with X25519 + HKDF-SHA256 (see docs/batch-format.md).

The reader checks sizes and the sender's signature over every byte before it parses the JSON
header or decrypts anything; only a file from a trusted key reaches the decryption step.
"""

from __future__ import annotations

import base64
import binascii
import json
import struct
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import SyncError
from .fingerprint import recipient_id
from .keys import KEY_SIZE, SIGNATURE_SIZE, OwnKey, raw, sign, verify

MAGIC = b"CCSYNC\r\n"
VERSION = 1
# magic, version (u16), sender key id (16 bytes), header length (u32), ciphertext length (u64)
PREFIX = struct.Struct(">8sH16sIQ")
# A file's bodies together hold at most envelope.MAX_BODY_SIZE and compress about tenfold.
MAX_FILE_SIZE = 40 * 1024 * 1024
MAX_HEADER_SIZE = 64 * 1024
MAX_RECIPIENTS = 8
# Each key (the file key, each wrapping key) encrypts exactly one message: a fixed nonce is safe.
NONCE = bytes(12)
WRAP_INFO = b"childcare-sync-v1/wrap"


@dataclass(frozen=True)
class OpenedFile:
    sender_key_id: str
    recipients: tuple[str, ...]
    created: str
    payload: bytes


def seal(sender: OwnKey, recipients: list[bytes], payload: bytes) -> bytes:
    """The file: `payload` encrypted for each X25519 public key in `recipients`, signed."""
    file_key = ChaCha20Poly1305.generate_key()
    stanzas = [_wrap(file_key, public) for public in dict.fromkeys(recipients)]
    header = json.dumps(
        {
            "recipients": stanzas,
            "payload_size": len(payload),
            "created": datetime.now().isoformat(timespec="seconds"),
        },
        sort_keys=True,
        separators=(",", ":"),
    ).encode()
    ciphertext_size = len(payload) + 16
    prefix = PREFIX.pack(MAGIC, VERSION, bytes.fromhex(sender.key_id), len(header), ciphertext_size)
    associated = prefix + header
    body = associated + ChaCha20Poly1305(file_key).encrypt(NONCE, payload, associated)
    return body + sign(sender.sign_private, "outer", body)


def sender_of(data: bytes) -> str:
    """The sender's key id, from the fixed prefix only (nothing else is read)."""
    return _prefix(data)[1]


def check_signature(data: bytes, sign_public: bytes) -> None:
    """Sizes and signature only: what a sender checks on the copy it has just written."""
    _prefix(data)
    verify(sign_public, "outer", data[:-SIGNATURE_SIZE], data[-SIGNATURE_SIZE:])


def open_file(data: bytes, signer: Callable[[str], bytes | None], keys: list[OwnKey]) -> OpenedFile:
    """Check sizes and the signature of the key `signer` trusts for the sender, then decrypt
    with whichever of `keys` the file is addressed to. Raises SyncError with the reason."""
    header_size, sender_key_id = _prefix(data)
    public = signer(sender_key_id)
    if public is None:
        raise SyncError("unknown_signer")
    signed, signature = data[:-SIGNATURE_SIZE], data[-SIGNATURE_SIZE:]
    verify(public, "outer", signed, signature)
    associated = data[: PREFIX.size + header_size]
    header = _header(associated[PREFIX.size :])
    file_key = _unwrap(header["recipients"], keys)
    try:
        payload = ChaCha20Poly1305(file_key).decrypt(NONCE, signed[len(associated) :], associated)
    except InvalidTag as error:
        raise SyncError("cannot_decrypt") from error
    if len(payload) != header["payload_size"]:
        raise SyncError("bad_file")
    ids = tuple(stanza["id"] for stanza in header["recipients"])
    return OpenedFile(sender_key_id, ids, header["created"], payload)


def _prefix(data: bytes) -> tuple[int, str]:
    if len(data) > MAX_FILE_SIZE:
        raise SyncError("file_too_large")
    if len(data) < PREFIX.size + SIGNATURE_SIZE or data[: len(MAGIC)] != MAGIC:
        raise SyncError("bad_file")
    _, version, sender, header_size, ciphertext_size = PREFIX.unpack_from(data)
    if version != VERSION:
        raise SyncError("bad_version", version=version)
    if header_size > MAX_HEADER_SIZE or (
        PREFIX.size + header_size + ciphertext_size + SIGNATURE_SIZE != len(data)
    ):
        raise SyncError("bad_file")
    return header_size, sender.hex()


def _header(raw_header: bytes) -> dict:
    try:
        header = json.loads(raw_header.decode())
        stanzas = header["recipients"]
        valid = (
            isinstance(stanzas, list)
            and 0 < len(stanzas) <= MAX_RECIPIENTS
            and all(isinstance(s, dict) and isinstance(s.get("id"), str) for s in stanzas)
            and isinstance(header["payload_size"], int)
            and isinstance(header["created"], str)
        )
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError) as error:
        raise SyncError("bad_file") from error
    if not valid:
        raise SyncError("bad_file")
    return header


def _wrap(file_key: bytes, public: bytes) -> dict:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = raw(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    kek = _kek(shared, ephemeral_public, public)
    ident = recipient_id(public)
    wrapped = ChaCha20Poly1305(kek).encrypt(NONCE, file_key, ident.encode())
    return {
        "id": ident,
        "ephemeral": base64.b64encode(ephemeral_public).decode(),
        "wrapped": base64.b64encode(wrapped).decode(),
    }


def _unwrap(stanzas: list[dict], keys: list[OwnKey]) -> bytes:
    for key in keys:
        ident = recipient_id(key.enc_public)
        for stanza in stanzas:
            if stanza["id"] != ident:
                continue
            try:
                ephemeral_public = base64.b64decode(stanza["ephemeral"], validate=True)
                wrapped = base64.b64decode(stanza["wrapped"], validate=True)
                if len(ephemeral_public) != KEY_SIZE:
                    raise SyncError("cannot_decrypt")
                their_public = X25519PublicKey.from_public_bytes(ephemeral_public)
                shared = key.enc_private.exchange(their_public)
                kek = _kek(shared, ephemeral_public, key.enc_public)
                return ChaCha20Poly1305(kek).decrypt(NONCE, wrapped, ident.encode())
            except (InvalidTag, binascii.Error, ValueError, TypeError, KeyError) as error:
                raise SyncError("cannot_decrypt") from error
    raise SyncError("not_for_us")


def _kek(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    hkdf = HKDF(hashes.SHA256(), 32, salt=ephemeral_public + recipient_public, info=WRAP_INFO)
    return hkdf.derive(shared)
