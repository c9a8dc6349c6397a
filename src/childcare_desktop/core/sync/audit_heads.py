"""The audit chain's head in each batch: a station signs into every batch the newest entry of its
audit log (number and hash) and the hash its log still holds at the head its previous batch of
that stream carried; the receiver keeps the newest head of each stream and checks the next batch
against it. A station whose log went backwards (fewer entries than it vouched for) or forked (a
different entry where it vouched for one) is flagged for the supervisor: its batch still applies,
since its changes are signed and checked on their own, and the alarm stays in the status until
someone looks at that laptop. A batch from a version that carried no head is read as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from ..storage import audit
from ..storage import tables as t
from .envelope import Envelope
from .errors import SyncError
from .ledger import now

h = t.sync_audit_head
BODY_KEY = "audit_head"
_HASH = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class HeadAlarm:
    """A station's log no longer holds what one of its earlier batches vouched for."""

    origin: str
    kind: str  # "backwards": fewer entries than before; "forked": a different entry
    batch: int  # the batch that showed it
    entry: int  # backwards: the first entry gone; forked: the entry vouched for that differs
    at: str


def for_export(conn: Connection, key_id: str, recipient: str) -> dict:
    """The head to sign into our next batch to `recipient`."""
    seq, digest, _ = audit.head(conn)
    sent = _kept(conn, key_id, recipient)
    prior_seq = sent.seq if sent else 0
    # A log cut below the head sent last has no hash there: "" never matches the one kept.
    prior_hash = audit.hash_at(conn, prior_seq) or ""
    return {"seq": seq, "hash": digest, "prior_seq": prior_seq, "prior_hash": prior_hash}


def sent(conn: Connection, env: Envelope) -> None:
    """Remember the head our own batch carried, for the next batch of its stream."""
    _put(conn, env, read(env), None)


def keep(conn: Connection, env: Envelope) -> HeadAlarm | None:
    """At the receiver, for a batch being applied: check its head against the one kept for its
    stream, keep the newer, and return the alarm it raises (kept with the stream, first one
    only). Raises SyncError(bad_payload) for a head that is not well formed."""
    head = read(env)
    if head is None:
        return None
    kept = _kept(conn, env.origin_key, env.recipient)
    if kept is not None and env.seq <= kept.batch_seq:
        return None  # an older batch imported late says less than what is kept
    found = _compare(kept, head, env.seq == kept.batch_seq + 1) if kept is not None else None
    alarm = HeadAlarm(env.origin, found[0], env.seq, found[1], now()) if found else None
    _put(conn, env, head, alarm if kept is None or not kept.alarm else None)
    return alarm


def alarms(conn: Connection) -> dict[str, HeadAlarm]:
    """Per origin station, the first alarm its batches raised here."""
    rows = conn.execute(
        select(h.c.origin, h.c.alarm, h.c.alarm_batch, h.c.alarm_entry, h.c.alarm_at)
        .where(h.c.alarm != "")
        .order_by(h.c.alarm_batch)
    )
    found: dict[str, HeadAlarm] = {}
    for r in rows:
        alarm = HeadAlarm(r.origin, r.alarm, r.alarm_batch, r.alarm_entry, r.alarm_at)
        found.setdefault(r.origin, alarm)
    return found


def read(env: Envelope) -> dict | None:
    """The head a batch carries, None for a batch written before heads were carried."""
    head = env.body.get(BODY_KEY)
    if head is None:
        return None
    try:
        well_formed = (
            all(type(head[k]) is int and head[k] >= 0 for k in ("seq", "prior_seq"))
            and _HASH.fullmatch(head["hash"]) is not None
            and (head["prior_hash"] == "" or _HASH.fullmatch(head["prior_hash"]) is not None)
        )
    except (KeyError, TypeError):
        well_formed = False
    if not well_formed:
        raise SyncError("bad_payload")
    return head


def _compare(kept, head: dict, next_batch: bool) -> tuple[str, int] | None:
    """`next_batch`: the batch follows the one whose head is kept, so the head it says it sent
    last is exactly that one (after a gap, a later one is possible and cannot be checked)."""
    if head["seq"] < kept.seq:
        return "backwards", head["seq"] + 1
    if head["seq"] == kept.seq and head["hash"] != kept.hash:
        return "forked", kept.seq
    # The station's own memory of the head it sent is not the one we hold, or its log has
    # another entry there: its store is no longer the one that wrote the batch we hold.
    prior = head["prior_seq"]
    if (
        prior < kept.seq
        or (next_batch and prior != kept.seq)
        or (prior == kept.seq and head["prior_hash"] != kept.hash)
    ):
        return "forked", kept.seq
    return None


def _kept(conn: Connection, origin_key: str, recipient: str):
    return conn.execute(
        select(h).where(h.c.origin_key == origin_key, h.c.recipient == recipient)
    ).first()


def _put(conn: Connection, env: Envelope, head: dict | None, alarm: HeadAlarm | None) -> None:
    if head is None:
        return
    values = {
        "origin": env.origin,
        "batch_seq": env.seq,
        "seq": head["seq"],
        "hash": head["hash"],
        "at": now(),
    }
    if alarm is not None:
        values |= {
            "alarm": alarm.kind,
            "alarm_batch": alarm.batch,
            "alarm_entry": alarm.entry,
            "alarm_at": alarm.at,
        }
    stream = (h.c.origin_key == env.origin_key, h.c.recipient == env.recipient)
    if conn.execute(update(h).where(*stream).values(values)).rowcount == 0:
        conn.execute(
            insert(h), {"origin_key": env.origin_key, "recipient": env.recipient, **values}
        )
