"""Key ids and fingerprints: a station's public keys as short groups a person can read aloud."""

from __future__ import annotations

import base64
import hashlib
import unicodedata

_GROUPS, _GROUP = 6, 4
# Letters a person reads aloud can be mistaken for digits the base32 alphabet does not use.
_MISREAD = str.maketrans({"0": "O", "1": "I", "8": "B"})


def key_id(sign_public: bytes, enc_public: bytes) -> str:
    """32 hex digits naming a station's key pair in files and tables."""
    return hashlib.sha256(b"childcare-key-id-v1\0" + sign_public + enc_public).hexdigest()[:32]


def fingerprint(sign_public: bytes, enc_public: bytes) -> str:
    """120 bits of SHA-256 over both public keys in base32, e.g. `ABCD-EFGH-IJKL-MNOP-QRST-UVWX`."""
    digest = hashlib.sha256(b"childcare-fingerprint-v1\0" + sign_public + enc_public).digest()
    text = base64.b32encode(digest).decode()[: _GROUPS * _GROUP]
    return "-".join(text[i : i + _GROUP] for i in range(0, len(text), _GROUP))


def normalise(typed: str) -> str:
    """What a person typed, in the shown form: case, spaces, dashes and a Chinese input
    method's full-width letters (ＡＢ－ＣＤ) do not matter."""
    folded = unicodedata.normalize("NFKC", typed).upper()
    letters = "".join(ch for ch in folded if ch.isascii() and ch.isalnum()).translate(_MISREAD)
    return "-".join(letters[i : i + _GROUP] for i in range(0, len(letters), _GROUP))


def read_aloud_matches(typed: str, fingerprint: str) -> bool:
    """Whether the fingerprint a person heard and typed is `fingerprint`."""
    return normalise(typed) == fingerprint


def recipient_id(enc_public: bytes) -> str:
    """32 hex digits naming an X25519 key in a batch file's list of recipients."""
    return hashlib.sha256(b"childcare-recipient-v1\0" + enc_public).hexdigest()[:32]
