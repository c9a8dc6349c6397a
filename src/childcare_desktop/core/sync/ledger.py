"""The batch ledger: which batches were written and received, per stream (origin key →
recipient), what each peer acknowledged, and which files were refused."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, and_, func, insert, select

from ..storage import driver
from ..storage import tables as t
from .envelope import GENESIS, Envelope

b = t.sync_batch


@dataclass(frozen=True)
class StreamState:
    """What one origin station has sent us: for the town's per-village view."""

    station: str
    last_seq: int
    last_import: str
    missing: tuple[int, ...]
    quarantined: int
    rejected: int
    last_changes: int = 0  # how many changes the last batch carried


def now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def next_out(conn: Connection, key_id: str, recipient: str) -> tuple[int, str]:
    """(sequence number, hash of the previous batch) for the next batch of this stream."""
    row = conn.execute(
        select(b.c.seq, b.c.batch_id)
        .where(b.c.direction == "out", b.c.origin_key == key_id, b.c.recipient == recipient)
        .order_by(b.c.seq.desc())
        .limit(1)
    ).first()
    return (row.seq + 1, row.batch_id) if row else (1, GENESIS)


def known(conn: Connection, batch_hash: str) -> str | None:
    """The status of a batch already in the ledger (applied, carried, quarantined, written)."""
    return conn.execute(select(b.c.status).where(b.c.batch_id == batch_hash)).scalar()


def fork_of(conn: Connection, env: Envelope) -> bool:
    """True when this stream already holds a different batch with the same number, or the
    batch does not follow the one we hold before it: two histories signed by one key."""
    same_seq = conn.execute(
        select(b.c.batch_id).where(
            b.c.origin_key == env.origin_key,
            b.c.recipient == env.recipient,
            b.c.seq == env.seq,
            b.c.batch_id != env.hash,
        )
    ).first()
    if same_seq:
        return True
    before = conn.execute(
        select(b.c.batch_id).where(
            b.c.origin_key == env.origin_key,
            b.c.recipient == env.recipient,
            b.c.seq == env.seq - 1,
            b.c.status != "quarantined",
        )
    ).scalar()
    return before is not None and before != env.prev


def record(
    conn: Connection,
    env: Envelope,
    direction: str,
    status: str,
    file_name: str = "",
    reason: str = "",
    via: str = "",
    keep: bool = True,
) -> None:
    changes = env.body.get("changes", [])
    covers: dict[str, list[int]] = {}
    for change in changes:
        low, high = covers.get(change["station"], [change["counter"]] * 2)
        covers[change["station"]] = [min(low, change["counter"]), max(high, change["counter"])]
    conn.execute(
        insert(b),
        {
            "batch_id": env.hash,
            "direction": direction,
            "origin": env.origin,
            "origin_key": env.origin_key,
            "recipient": env.recipient,
            "seq": env.seq,
            "prev_hash": env.prev,
            "status": status,
            "reason": reason,
            "file_name": file_name,
            "at": now(),
            "changes": len(changes),
            "covers": json.dumps(covers),
            "via": via,
            "envelope": env.raw if keep else None,
        },
    )


def reject(conn: Connection, file_name: str, reason: str, station: str, seq: int | None) -> None:
    conn.execute(
        insert(t.sync_rejected),
        {"at": now(), "file_name": file_name, "reason": reason, "station": station, "seq": seq},
    )


def acks(conn: Connection, peer: str) -> dict[str, int]:
    raw = conn.execute(select(t.sync_ack.c.acks).where(t.sync_ack.c.peer == peer)).scalar()
    return json.loads(raw) if raw else {}


def set_acks(conn: Connection, peer: str, vector: dict[str, int]) -> None:
    """Acknowledgements only grow: an older batch imported late must not shrink them."""
    merged = acks(conn, peer)
    for station, counter in vector.items():
        if isinstance(station, str) and isinstance(counter, int):
            merged[station] = max(merged.get(station, 0), counter)
    driver.put_row(
        conn, t.sync_ack, {"peer": peer, "acks": json.dumps(merged, sort_keys=True), "at": now()}
    )


def envelopes_beyond(conn: Connection, acknowledged: dict[str, int], origins: set[str]) -> list:
    """Received envelopes from `origins` holding a change the receiver has not acknowledged."""
    rows = conn.execute(
        select(b.c.batch_id, b.c.origin_key, b.c.covers, b.c.envelope)
        .where(b.c.direction == "in", b.c.status == "applied", b.c.origin.in_(origins))
        .order_by(b.c.origin, b.c.seq)
    )
    return [
        r
        for r in rows
        if any(high > acknowledged.get(s, 0) for s, (_, high) in json.loads(r.covers).items())
    ]


def last_out(conn: Connection, recipient: str):
    return (
        conn.execute(
            select(b)
            .where(b.c.direction == "out", b.c.recipient == recipient)
            .order_by(b.c.at.desc(), b.c.seq.desc())  # two exports within one second
        )
        .mappings()
        .first()
    )


def streams(conn: Connection, own_code: str) -> list[StreamState]:
    """Per origin station that sent us batches (directly or carried): numbers, gaps, refusals."""
    seqs: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    last: dict[str, tuple[int, str, int]] = {}
    quarantined: dict[str, int] = defaultdict(int)
    rows = conn.execute(
        select(
            b.c.origin, b.c.origin_key, b.c.recipient, b.c.seq, b.c.status, b.c.at, b.c.changes
        ).where(b.c.direction == "in")
    )
    for r in rows:
        seqs[r.origin][f"{r.origin_key}>{r.recipient}"].add(r.seq)
        if r.status == "quarantined":
            quarantined[r.origin] += 1
            continue
        if r.recipient == own_code and r.seq >= last.get(r.origin, (0, "", 0))[0]:
            last[r.origin] = (r.seq, r.at, r.changes)
    rejected = dict(
        conn.execute(
            select(t.sync_rejected.c.station, func.count()).group_by(t.sync_rejected.c.station)
        ).all()
    )
    states = []
    for origin in sorted(set(seqs) | {s for s in rejected if s}):
        missing = sorted(
            {n for held in seqs[origin].values() for n in range(1, max(held)) if n not in held}
        )
        seq, at, changes = last.get(origin, (0, "", 0))
        states.append(
            StreamState(
                origin,
                seq,
                at,
                tuple(missing),
                quarantined[origin],
                rejected.get(origin, 0),
                changes,
            )
        )
    return states


def refused_files(conn: Connection) -> list[dict]:
    rejected = conn.execute(select(t.sync_rejected).order_by(t.sync_rejected.c.id)).mappings()
    quarantined = conn.execute(
        select(b.c.file_name, b.c.reason, b.c.origin, b.c.seq, b.c.at).where(
            and_(b.c.direction == "in", b.c.status == "quarantined")
        )
    ).mappings()
    return [
        *({"status": "rejected", **dict(r)} for r in rejected),
        *(
            {
                "status": "quarantined",
                "file_name": r["file_name"],
                "reason": r["reason"],
                "station": r["origin"],
                "seq": r["seq"],
                "at": r["at"],
            }
            for r in quarantined
        ),
    ]
