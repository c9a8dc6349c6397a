"""The audit log: every create, change, close, import, export, print and report, hash-chained.

Entries name the record and the fields, never their values (the log itself must not become a
second copy of the children's data). `verify` recomputes the chain: an altered, removed or
reordered entry is found. Since whoever can open the store could recompute the whole chain, its
head is also anchored outside the store (the key file beside it, and each batch a receiver keeps):
`anchor` says what the key file holds, and `verify` names the first entry the anchor can no
longer vouch for.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, func, insert, select

from . import settings
from . import tables as t

GENESIS = "0" * 64
# The anchor keeps the hash of every MARK_EVERY-th entry too (its first MARK_SIZE hex digits), so
# a recomputed chain is pinned to the stretch of MARK_EVERY entries where it was first altered.
MARK_EVERY = 128
MARK_SIZE = 16
# Set on the connection when an entry is appended: the store writes the anchor once it commits.
GREW = "childcare_audit_grew"
ACTIONS = frozenset(
    {
        "create",
        "update",
        "close",
        "reopen",
        "import",
        "export",
        "print",
        "report",
        "backup",
        "restore",
        "passwd",
        "merge",
        "resolve",
    }
)


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    who: str
    action: str
    entity: str
    entity_uuid: str
    fields: tuple[str, ...]
    detail: str


def record(
    conn: Connection,
    action: str,
    entity: str = "",
    entity_uuid: str = "",
    fields: Iterable[str] = (),
    detail: str = "",
) -> None:
    """Append one entry inside the caller's transaction (so it commits with the change)."""
    if action not in ACTIONS:
        raise ValueError(action)
    last = conn.execute(select(t.audit.c.seq, t.audit.c.hash).order_by(t.audit.c.seq.desc()))
    previous = last.first()
    seq, prev_hash = (previous[0] + 1, previous[1]) if previous else (1, GENESIS)
    who = conn.execute(select(t.station.c.officer)).scalar() or ""
    if conn.dialect.name != "sqlite":  # several officers share a server: each by their role
        who = f"{who} ({conn.execute(select(func.current_user())).scalar()})"
    entry = {
        "seq": seq,
        "at": datetime.now().isoformat(timespec="seconds"),
        "who": who,
        "action": action,
        "entity": entity,
        "entity_uuid": entity_uuid,
        "fields": json.dumps(sorted(fields)),
        "detail": detail,
    }
    digest = _hash(prev_hash, entry)
    conn.execute(insert(t.audit), {**entry, "prev_hash": prev_hash, "hash": digest})
    # The head is kept apart from the entries, so that removing the newest entry shows too.
    settings.put(conn, "audit_head", {"seq": seq, "hash": digest})
    conn.info[GREW] = True


def entries(conn: Connection, since: str | None = None) -> list[AuditEntry]:
    query = select(t.audit).order_by(t.audit.c.seq)
    if since:
        query = query.where(t.audit.c.at >= since)
    return [
        AuditEntry(
            r["seq"],
            r["at"],
            r["who"],
            r["action"],
            r["entity"],
            r["entity_uuid"],
            tuple(json.loads(r["fields"])),
            r["detail"],
        )
        for r in conn.execute(query).mappings()
    ]


@dataclass(frozen=True)
class Break:
    """The first entry the chain or its anchor can no longer vouch for."""

    seq: int
    at: str  # its time; when it is gone, the time of the last entry kept before it ("" if none)
    missing: bool  # the entry is gone (the chain was cut), rather than altered
    anchored: int = 0  # the entry the anchor vouched up to, when the anchor found it (else 0)


def head(conn: Connection) -> tuple[int, str, str]:
    """(seq, hash, time) of the newest entry; (0, GENESIS, "") for an empty log."""
    row = conn.execute(
        select(t.audit.c.seq, t.audit.c.hash, t.audit.c.at).order_by(t.audit.c.seq.desc())
    ).first()
    return (row[0], row[1], row[2]) if row else (0, GENESIS, "")


def hash_at(conn: Connection, seq: int) -> str | None:
    if seq == 0:
        return GENESIS
    return conn.execute(select(t.audit.c.hash).where(t.audit.c.seq == seq)).scalar()


def anchor(conn: Connection, kept: dict | None) -> dict | None:
    """The anchor for the key file now: the head and the marks, extending `kept` (the one the key
    file holds). None when `kept` already reaches as far, or when the chain no longer holds the
    entry `kept` names: an anchor is never moved onto a chain it does not vouch for."""
    seq, digest, at = head(conn)
    if seq == 0:
        return None
    marks = ""
    if kept is not None:
        if kept["seq"] >= seq or hash_at(conn, kept["seq"]) != kept["hash"]:
            return None
        marks = kept["marks"]
    # A range, not a list of numbers: a county's log outgrows SQLite's limit on parameters.
    expected = (len(marks) // MARK_SIZE + 1) * MARK_EVERY
    rows = conn.execute(
        select(t.audit.c.seq, t.audit.c.hash)
        .where(t.audit.c.seq >= expected, t.audit.c.seq <= seq, t.audit.c.seq % MARK_EVERY == 0)
        .order_by(t.audit.c.seq)
    )
    for mark_seq, mark_hash in rows:
        if mark_seq != expected:  # an entry missing: the marks stop before the gap
            break
        marks += mark_hash[:MARK_SIZE]
        expected += MARK_EVERY
    return {"seq": seq, "hash": digest, "at": at, "marks": marks}


def verify(conn: Connection, anchored: dict | None = None) -> Break | None:
    """None when the chain is whole (and holds what `anchored`, the key file's anchor, names),
    else the first entry that does not fit."""
    prev_hash, expected_seq, at = GENESIS, 1, ""
    marks = anchored["marks"] if anchored else ""
    for r in conn.execute(select(t.audit).order_by(t.audit.c.seq)).mappings():
        entry = {
            k: r[k]
            for k in ("seq", "at", "who", "action", "entity", "entity_uuid", "fields", "detail")
        }
        if r["seq"] != expected_seq:
            return Break(expected_seq, at, True)
        if r["prev_hash"] != prev_hash or r["hash"] != _hash(prev_hash, entry):
            return Break(expected_seq, r["at"], False)
        seq = r["seq"]
        mark = seq // MARK_EVERY - 1
        if (
            seq % MARK_EVERY == 0
            and mark < len(marks) // MARK_SIZE
            and marks[mark * MARK_SIZE : (mark + 1) * MARK_SIZE] != r["hash"][:MARK_SIZE]
        ):
            return _unvouched(conn, seq, anchored)
        if anchored and seq == anchored["seq"] and r["hash"] != anchored["hash"]:
            return _unvouched(conn, seq, anchored)
        prev_hash, expected_seq, at = r["hash"], expected_seq + 1, r["at"]
    if anchored and anchored["seq"] >= expected_seq:
        return Break(expected_seq, at, True, anchored["seq"])
    head_setting = settings.get(conn, "audit_head")
    if head_setting is not None and (head_setting["seq"], head_setting["hash"]) != (
        expected_seq - 1,
        prev_hash,
    ):
        return Break(expected_seq, at, True)
    return None


def _unvouched(conn: Connection, disagrees: int, anchored: dict) -> Break:
    """The entry `disagrees` differs from the anchor; every mark before it agreed. A recomputed
    chain hides where it was altered, so the anchor vouches only up to the last agreeing mark."""
    seq = (disagrees - 1) // MARK_EVERY * MARK_EVERY + 1
    at = conn.execute(select(t.audit.c.at).where(t.audit.c.seq == seq)).scalar() or ""
    return Break(seq, at, False, anchored["seq"])


def _hash(prev_hash: str, entry: dict) -> str:
    canonical = json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"childcare-audit-v1\n{prev_hash}\n{canonical}".encode()).hexdigest()
