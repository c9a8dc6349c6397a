"""Columns sealed by the program before they reach a shared server, opened when read back.

A SQLite store is encrypted whole (SQLCipher). A PostgreSQL server is not: its operator, its
backups and a stolen dump see every column as stored. So on a server the columns that identify a
child or carry secrets are encrypted in the program with keys derived from the store's key, which
the server never holds:

- `Sealed(lookup=True)` (ID numbers, phone numbers): AES-SIV, deterministic. Its synthetic IV is
  a keyed PRF of the value (RFC 5297), so the sealed text is the value's keyed blind index as well:
  `WHERE id_number = :sealed` finds a child by exact number, and the server learns only which rows
  share a number, never the number.
- `Sealed()` (the change log's values, private keys): ChaCha20-Poly1305 with a random nonce, which
  reveals nothing but the length.

On SQLite both pass values through untouched (the file is encrypted already). An empty text stays
empty on both, so "no number" remains a plain condition (`id_number != ''`).
"""

from __future__ import annotations

import base64
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESSIV, ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import LargeBinary, Text
from sqlalchemy.types import TypeDecorator

from ..errors import StoreError

_TEXT_MARK = "~1"  # sealed text begins with it: what is not marked was never sealed
_BLOB_MARK = b"\x01"
# The dialect attribute where an open server store leaves its sealer (one per engine).
ATTRIBUTE = "childcare_sealer"


class Sealer:
    """Seals and opens values with two keys derived from the store's key (HKDF-SHA256)."""

    def __init__(self, store_key: bytes) -> None:
        self._lookup = AESSIV(_derive(store_key, b"childcare lookup v1", 64))
        self._random = ChaCha20Poly1305(_derive(store_key, b"childcare values v1", 32))

    def seal_text(self, value: str, lookup: bool) -> str:
        if not value:
            return value
        raw = value.encode("utf-8")
        if lookup:
            sealed = self._lookup.encrypt(raw, None)
        else:
            nonce = os.urandom(12)
            sealed = nonce + self._random.encrypt(nonce, raw, None)
        return _TEXT_MARK + base64.b64encode(sealed).decode("ascii")

    def open_text(self, value: str, lookup: bool) -> str:
        if not value.startswith(_TEXT_MARK):
            return value
        sealed = base64.b64decode(value[len(_TEXT_MARK) :])
        try:
            if lookup:
                raw = self._lookup.decrypt(sealed, None)
            else:
                raw = self._random.decrypt(sealed[:12], sealed[12:], None)
        except InvalidTag:
            raise StoreError("sealed_value_damaged") from None
        return raw.decode("utf-8")

    def seal_bytes(self, value: bytes) -> bytes:
        nonce = os.urandom(12)
        return _BLOB_MARK + nonce + self._random.encrypt(nonce, bytes(value), None)

    def open_bytes(self, value: bytes) -> bytes:
        value = bytes(value)
        if not value.startswith(_BLOB_MARK):
            return value
        try:
            return self._random.decrypt(value[1:13], value[13:], None)
        except InvalidTag:
            raise StoreError("sealed_value_damaged") from None


def _derive(store_key: bytes, info: bytes, length: int) -> bytes:
    return HKDF(hashes.SHA256(), length, salt=None, info=info).derive(store_key)


def sealer_of(dialect: Any) -> Sealer | None:
    """The sealer of an engine's dialect: None on SQLite. A server store without one (its key
    not given) must not write: a sealed column would go out in the clear."""
    found = getattr(dialect, ATTRIBUTE, None)
    if found is None and dialect.name != "sqlite":
        raise StoreError("store_locked")
    return found


class SealedText(TypeDecorator):
    """Text sealed on a server (see the module's docstring); as it is on SQLite, where the
    type adds no per-value work at all."""

    impl = Text
    cache_ok = True

    def __init__(self, lookup: bool = False) -> None:
        super().__init__()
        self.lookup = lookup

    def bind_processor(self, dialect):
        if dialect.name == "sqlite":
            return None
        sealer, lookup = sealer_of(dialect), self.lookup
        return lambda value: value if value is None else sealer.seal_text(value, lookup)

    def result_processor(self, dialect, coltype):
        if dialect.name == "sqlite":
            return None
        sealer, lookup = sealer_of(dialect), self.lookup
        return lambda value: value if value is None else sealer.open_text(value, lookup)


class SealedBytes(TypeDecorator):
    """Bytes sealed on a server with a random nonce; as they are on SQLite."""

    impl = LargeBinary
    cache_ok = True

    def bind_processor(self, dialect):
        if dialect.name == "sqlite":
            return None
        sealer = sealer_of(dialect)
        return lambda value: value if value is None else sealer.seal_bytes(value)

    def result_processor(self, dialect, coltype):
        if dialect.name == "sqlite":
            return None
        sealer = sealer_of(dialect)
        return lambda value: value if value is None else sealer.open_bytes(value)


def sealers(columns, dialect) -> tuple[tuple[int, Any], ...]:
    """For rows written as tuples in `columns` order through the driver: (position, function
    that seals the value) of each sealed column; none on SQLite."""
    return _processors(columns, lambda kind: kind.bind_processor(dialect))


def openers(columns, dialect) -> tuple[tuple[int, Any], ...]:
    """For rows read as tuples in `columns` order through the driver: (position, function that
    opens the value) of each sealed column; none on SQLite."""
    return _processors(columns, lambda kind: kind.result_processor(dialect, None))


def _processors(columns, make) -> tuple[tuple[int, Any], ...]:
    found = []
    for i, column in enumerate(columns):
        if isinstance(column.type, SealedText | SealedBytes):
            process = make(column.type)
            if process is not None:
                found.append((i, process))
    return tuple(found)


def apply(row: tuple, processors: tuple[tuple[int, Any], ...]) -> tuple:
    """`row` with each processed position replaced (the row itself when there is none)."""
    if not processors:
        return row
    values = list(row)
    for i, process in processors:
        values[i] = process(values[i])
    return tuple(values)
