"""The store's key file: a random database key, wrapped by the passphrase and by a recovery code.

The database key never changes; changing the passphrase only rewraps it. Wrapping is Argon2id
(key derivation) + ChaCha20-Poly1305 (authenticated encryption), both from reviewed libraries.
The file holds no personal data and nothing that opens the store without a passphrase or code.
It also holds the audit chain's anchor (its head and marks, see `audit.anchor`): a copy of what
the store vouches for kept outside the store, rewritten atomically after commits that grew the
chain (see `Store.write`). A key file written before the anchor existed opens as before.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from ..domain.station_setup import check_passphrase_strength
from ..errors import CoreError, StoreError
from ..files import written_whole
from ..paths import key_path
from . import disk, tries

FORMAT = "childcare-keyfile-1"
_AAD = b"childcare-desktop store key v1"
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read from paper
ANCHOR = "audit_anchor"
_HEX = re.compile(r"[0-9a-f]*")
# Anchors are written from whichever thread committed; one at a time, so none is lost.
_anchor_lock = threading.Lock()


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: about half a second here with the defaults; 64 MiB keeps old laptops and
    the program's peak memory comfortable, the passes make up the time."""

    time_cost: int = 18
    memory_kib: int = 65536
    parallelism: int = 2


DEFAULT_KDF = KdfParams()


def new_recovery_code() -> str:
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(24))
    return "-".join(raw[i : i + 4] for i in range(0, 24, 4))


def create(store_path: Path, passphrase: str, kdf: KdfParams | None = None) -> tuple[bytes, str]:
    """Make a new database key; return it and the recovery code (shown once, never stored)."""
    check_passphrase_strength(passphrase)
    kdf = kdf or DEFAULT_KDF
    db_key = secrets.token_bytes(32)
    recovery = new_recovery_code()
    _write(
        store_path,
        {
            "format": FORMAT,
            "kdf": asdict(kdf),
            "passphrase": _wrap(db_key, passphrase, kdf),
            "recovery": _wrap(db_key, _recovery_secret(recovery), kdf),
        },
    )
    return db_key, recovery


def unlock(store_path: Path, passphrase: str) -> bytes:
    """The database key, or StoreError(wrong_passphrase / no_key_file)."""
    data = _read(store_path)
    with tries.counted(store_path):
        return _unwrap(data["passphrase"], passphrase, KdfParams(**data["kdf"]))


def unlock_with_recovery(store_path: Path, code: str) -> bytes:
    data = _read(store_path)
    with tries.counted(store_path):
        return _unwrap(data["recovery"], _recovery_secret(code), KdfParams(**data["kdf"]))


def change_passphrase(store_path: Path, old: str, new: str) -> None:
    check_passphrase_strength(new)
    data = _read(store_path)
    kdf = KdfParams(**data["kdf"])
    with tries.counted(store_path):
        db_key = _unwrap(data["passphrase"], old, kdf)
    data["passphrase"] = _wrap(db_key, new, kdf)
    _write(store_path, data)


def reset_passphrase_with_recovery(store_path: Path, code: str, new: str) -> None:
    """A forgotten passphrase: the recovery code unwraps the key, which is wrapped again by the
    new passphrase. The recovery code stays valid (it is the paper in the committee's safe)."""
    check_passphrase_strength(new)
    data = _read(store_path)
    kdf = KdfParams(**data["kdf"])
    with tries.counted(store_path):
        try:
            db_key = _unwrap(data["recovery"], _recovery_secret(code), kdf)
        except StoreError:
            raise StoreError("wrong_recovery_code") from None
    data["passphrase"] = _wrap(db_key, new, kdf)
    _write(store_path, data)


def anchor(store_path: Path) -> dict | None:
    """The audit anchor the key file holds; None for a key file written before anchors, or one
    whose anchor is not well formed (the store then vouches for its chain alone)."""
    found = _read(store_path).get(ANCHOR)
    return found if _anchor_well_formed(found) else None


def advance_anchor(store_path: Path, extend: Callable[[dict | None], dict | None]) -> None:
    """Replace the anchor with `extend(current anchor)`, unless that is None."""
    with _anchor_lock:
        data = _read(store_path)
        current = data.get(ANCHOR)
        new = extend(current if _anchor_well_formed(current) else None)
        if new is not None:
            data[ANCHOR] = new
            _write(store_path, data)


def _anchor_well_formed(found: object) -> bool:
    try:
        return (
            type(found["seq"]) is int
            and found["seq"] > 0
            and all(isinstance(found[k], str) for k in ("hash", "at", "marks"))
            and len(found["hash"]) == 64
            and _HEX.fullmatch(found["hash"] + found["marks"]) is not None
        )
    except (KeyError, TypeError):
        return False


def measure(kdf: KdfParams) -> float:
    """Seconds one derivation takes on this machine (for tuning and the benchmark)."""
    start = time.perf_counter()
    _derive("x" * 12, b"s" * 16, kdf)
    return time.perf_counter() - start


def _derive(secret: str, salt: bytes, kdf: KdfParams) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"), salt, kdf.time_cost, kdf.memory_kib, kdf.parallelism, 32, Type.ID
    )


def _wrap(db_key: bytes, secret: str, kdf: KdfParams) -> dict[str, str]:
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = ChaCha20Poly1305(_derive(secret, salt, kdf)).encrypt(nonce, db_key, _AAD)
    return {"salt": _b64(salt), "nonce": _b64(nonce), "key": _b64(sealed)}


def _unwrap(wrapped: dict[str, str], secret: str, kdf: KdfParams) -> bytes:
    kek = _derive(secret, base64.b64decode(wrapped["salt"]), kdf)
    try:
        return ChaCha20Poly1305(kek).decrypt(
            base64.b64decode(wrapped["nonce"]), base64.b64decode(wrapped["key"]), _AAD
        )
    except InvalidTag:
        raise StoreError("wrong_passphrase") from None


def _recovery_secret(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch in RECOVERY_ALPHABET)


def _read(store_path: Path) -> dict:
    path = key_path(store_path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        if not path.parent.is_dir():  # gone with its USB stick: the key file is not what is lost
            raise CoreError(disk.GONE) from None
        raise StoreError("no_key_file", path=path.name) from None
    except (ValueError, UnicodeDecodeError):
        raise StoreError("key_file_damaged", path=path.name) from None
    if not _well_formed(data):
        raise StoreError("key_file_damaged", path=path.name)
    return data


def check(store_path: Path) -> None:
    """Raise StoreError(no_key_file / key_file_damaged) unless the key file can be used."""
    _read(store_path)


_SIZES = {"salt": 16, "nonce": 12, "key": 48}  # the sealed key: 32 bytes and a 16-byte tag


def _well_formed(data: object) -> bool:
    """The parts unlocking needs, of the right kinds and lengths (other parts may be added)."""
    try:
        KdfParams(**data["kdf"])
        costs_are_numbers = all(type(cost) is int for cost in data["kdf"].values())
        return (
            data["format"] == FORMAT
            and costs_are_numbers
            and all(
                len(base64.b64decode(data[wrap][part], validate=True)) == size
                for wrap in ("passphrase", "recovery")
                for part, size in _SIZES.items()
            )
        )
    except (KeyError, TypeError, ValueError):  # binascii.Error is a ValueError
        return False


def _write(store_path: Path, data: dict) -> None:
    with written_whole(key_path(store_path)) as part:
        part.write_text(json.dumps(data, indent=1), "utf-8")


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


# The same wrapping for a server's key slots (storage/server.py), which have no key file.
check_passphrase = check_passphrase_strength


def wrap(db_key: bytes, passphrase: str, kdf: KdfParams) -> dict[str, str]:
    return _wrap(db_key, passphrase, kdf)


def wrap_recovery(db_key: bytes, code: str, kdf: KdfParams) -> dict[str, str]:
    return _wrap(db_key, _recovery_secret(code), kdf)


def unwrap(wrapped: dict[str, str], passphrase: str, kdf: KdfParams) -> bytes:
    return _unwrap(wrapped, passphrase, kdf)


def unwrap_recovery(wrapped: dict[str, str], code: str, kdf: KdfParams) -> bytes:
    try:
        return _unwrap(wrapped, _recovery_secret(code), kdf)
    except StoreError:
        raise StoreError("wrong_recovery_code") from None
