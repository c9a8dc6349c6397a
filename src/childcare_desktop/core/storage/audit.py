"""The audit log: every create, change, close, import, export, print and report, hash-chained.

Entries name the record and the fields, never their values (the log itself must not become a
second copy of the children's data). `verify` recomputes the chain: an altered, removed or
reordered entry is found.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, insert, select

from . import settings
from . import tables as t

GENESIS = "0" * 64
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


def verify(conn: Connection) -> int | None:
    """None when the chain is whole, else the seq of the first entry that does not fit."""
    prev_hash, expected_seq = GENESIS, 1
    for r in conn.execute(select(t.audit).order_by(t.audit.c.seq)).mappings():
        entry = {
            k: r[k]
            for k in ("seq", "at", "who", "action", "entity", "entity_uuid", "fields", "detail")
        }
        if (
            r["seq"] != expected_seq
            or r["prev_hash"] != prev_hash
            or r["hash"] != _hash(prev_hash, entry)
        ):
            return r["seq"]
        prev_hash, expected_seq = r["hash"], expected_seq + 1
    head = settings.get(conn, "audit_head")
    if head is not None and (head["seq"], head["hash"]) != (expected_seq - 1, prev_hash):
        return expected_seq
    return None


def _hash(prev_hash: str, entry: dict) -> str:
    canonical = json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"childcare-audit-v1\n{prev_hash}\n{canonical}".encode()).hexdigest()
