"""证明材料: what a file attached to a submission is, told by its first bytes, and whether an
evidence record's content is the file its own size and hash name."""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Mapping
from typing import Any

from .review import EVIDENCE_MAX_BYTES

# A file's type is read from its first bytes, never from its name: a renamed file is what it is.
_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG", "image/png"),
    (b"%PDF-", "application/pdf"),
)


def media_type(data: bytes) -> str | None:
    """image/jpeg, image/png or application/pdf from the first bytes; None for anything else."""
    return next((mime for magic, mime in _SIGNATURES if data.startswith(magic)), None)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decoded(content: str) -> bytes:
    """The bytes of base64 content (ValueError when it is not base64)."""
    try:
        return base64.b64decode(content, validate=True)
    except (binascii.Error, ValueError) as error:
        raise ValueError("not base64") from error


def record_matches(fields: Mapping[str, Any]) -> bool:
    """An evidence record whose content is exactly the file its fields describe: as many bytes
    as `size`, the hash `sha256`, of the type `media_type` by its first bytes, within the limit.
    (Each field alone is checked by its column's rule; this checks them against each other.)"""
    content = fields.get("content")
    if not isinstance(content, str):
        return False
    try:
        data = decoded(content)
    except ValueError:
        return False
    return (
        len(data) == fields.get("size")
        and len(data) <= EVIDENCE_MAX_BYTES
        and sha256(data) == fields.get("sha256")
        and media_type(data) == fields.get("media_type")
    )
