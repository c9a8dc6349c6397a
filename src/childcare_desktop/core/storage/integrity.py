"""Integrity of a store or backup file: SQLite's quick_check and SQLCipher's page check."""

from __future__ import annotations

from pathlib import Path

from .engine import ONE_PASS_CACHE_KIB, raw_connect


def check_file(path: Path, db_key: bytes | None) -> tuple[str, str]:
    """(quick_check, cipher_integrity_check): each "ok" when sound, else the first complaint."""
    conn = raw_connect(path, db_key, ONE_PASS_CACHE_KIB)
    try:
        quick = conn.execute("PRAGMA quick_check").fetchone()[0]
        cipher = []
        if db_key is not None:
            cipher = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    finally:
        conn.close()
    return quick, "ok" if not cipher else cipher[0]
