"""Who may change what: every change of a received file is checked against the station that
answers for it, before anything of the file is applied.

A file is signed by one station and may carry envelopes signed by stations below it; each
change names the station that made it. A change is accepted only when
- the station it names signed it in this file, or the receiver already holds it, or it comes
  down in the envelope of the receiver's own supervisor (which relays what it holds);
- that station answers for the record: a village for the children registered in it, a town for
  its villages' children, the county for its towns'; a visit round for the station that started
  it and those above; a screening round (排查) and its people for the town or county that opened
  it, a mark for the village of the child or person screened (sync/screening_authority.py). A
  child belongs to every village it was ever registered in as far as the
  receiver knows (an edit made before the news of a move arrived still applies), and only a
  station answering for all of them and for the new one moves it;
- its counter and clock are ones that station could have produced: counters follow on from the
  ones held, clocks grow with them and are not ahead of this computer's by more than
  MAX_CLOCK_AHEAD_DAYS (a clock far ahead would be taken up by the receiver's own clock).
A refusal refuses the whole file and records nothing of it: the honest station's next batch
still applies.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select

from ..domain import division
from ..storage import tables as t
from . import held, screening_authority
from .changeset import ChangeRecord
from .errors import SyncError
from .rows import CHUNK

MAX_CLOCK_AHEAD_DAYS = 30
_ROUND = "visit_round"  # a record that belongs to no child: to the station that started it
_OF_DIVISION = ("officer", "training")  # a station's own records, by their division code
_DECISION = "decision"


@dataclass(frozen=True)
class Signed:
    """The changes of one envelope and the station whose signature covers them."""

    signer: str
    from_parent: bool  # the receiver's own supervisor: it relays changes others made
    changes: Sequence[ChangeRecord]


def check(conn: Connection, own_code: str, envelopes: Sequence[Signed]) -> None:
    """Raises SyncError (foreign_change, clock_ahead, bad_sequence, outside_authority) naming
    the first change refused."""
    _identities(conn, envelopes)
    _sequences(conn, own_code, envelopes, int(time.time() * 1000))
    _records(conn, [c for env in envelopes for c in env.changes])


def _identities(conn: Connection, envelopes: Sequence[Signed]) -> None:
    vouched = {
        (c.station, c.counter) for e in envelopes for c in e.changes if c.station == e.signer
    }
    others = [
        c
        for e in envelopes
        if not e.from_parent
        for c in e.changes
        if c.station != e.signer and (c.station, c.counter) not in vouched
    ]
    known = _held_ids(conn, others)
    for c in others:
        if (c.station, c.counter) not in known:
            raise SyncError("foreign_change", change=c.change_id)


def _held_ids(conn: Connection, changes: list[ChangeRecord]) -> set[tuple[str, int]]:
    by_station: dict[str, set[int]] = defaultdict(set)
    for c in changes:
        by_station[c.station].add(c.counter)
    found = set()
    for station, counters in by_station.items():
        ordered = sorted(counters)
        for i in range(0, len(ordered), CHUNK):
            part = ordered[i : i + CHUNK]
            rows = conn.exec_driver_sql(
                f"SELECT counter FROM change WHERE station = ? "
                f"AND counter IN ({', '.join('?' * len(part))})",
                (station, *part),
            )
            found.update((station, n) for (n,) in rows)
    return found


def _sequences(conn: Connection, own_code: str, envelopes: Sequence[Signed], now_ms: int) -> None:
    """A signer's own changes (and any change in this station's name) follow on from what is
    held of that station: counters with no jump beyond the changes carried, clocks growing with
    the counters; no clock is far ahead of this computer's."""
    limit = f"{now_ms + MAX_CLOCK_AHEAD_DAYS * 86_400_000:013d}.99999"
    streams: dict[str, dict[int, str]] = defaultdict(dict)
    for env in envelopes:
        for c in env.changes:
            if c.clock > limit:
                raise SyncError("clock_ahead", change=c.change_id)
            if c.station == own_code or (c.station == env.signer and not env.from_parent):
                streams[c.station][c.counter] = c.clock
    own_counter = conn.execute(select(t.station.c.change_counter)).scalar() or 0
    for station, clocks in streams.items():
        counters = sorted(clocks)
        top, below = _held_top(conn, station, counters[0])
        if station == own_code:
            top = max(top, own_counter)
        if counters[-1] > top + len(counters):
            raise SyncError("bad_sequence", change=f"{station}:{counters[-1]}")
        previous = below
        for n in counters:
            if clocks[n] <= previous:
                raise SyncError("bad_sequence", change=f"{station}:{n}")
            previous = clocks[n]


def _held_top(conn: Connection, station: str, first: int) -> tuple[int, str]:
    """The highest counter held of `station`, and the clock of its change just below `first`."""
    c = t.change.c
    top = conn.execute(
        select(c.counter).where(c.station == station).order_by(c.counter.desc()).limit(1)
    )
    below = conn.execute(
        select(c.clock)
        .where(c.station == station, c.counter < first)
        .order_by(c.counter.desc())
        .limit(1)
    )
    return top.scalar() or 0, below.scalar() or ""


def _records(conn: Connection, changes: list[ChangeRecord]) -> None:
    screening_authority.check(conn, changes)
    changes = [c for c in changes if c.entity not in screening_authority.ENTITIES]
    parts = [c for c in changes if c.entity not in ("child", _ROUND, *_OF_DIVISION)]
    child_of: dict[str, set[str]] = defaultdict(set)
    by_entity: dict[str, set[str]] = defaultdict(set)
    for c in parts:
        by_entity[c.entity].add(c.entity_uuid)
    for entity, uuids in by_entity.items():
        child_of.update(held.values(conn, entity, uuids, "child_uuid"))
    for c in parts:
        if "child_uuid" in c.fields:
            child_of[c.entity_uuid].add(c.fields["child_uuid"])
    kids = [c for c in changes if c.entity == "child"]
    wanted = {c.entity_uuid for c in kids} | {u for uuids in child_of.values() for u in uuids}
    known = held.values(conn, "child", wanted, "village_code")
    villages: dict[str, set[str]] = defaultdict(set)
    for uuid, found in known.items():
        villages[uuid] |= found
    for c in kids:
        moved_to = c.fields.get("village_code")
        if moved_to is None:
            continue
        if not held.answers(c.station, [moved_to]) or not all(
            held.answers(c.station, [v]) for v in known.get(c.entity_uuid, ())
        ):
            raise SyncError("outside_authority", change=c.change_id)
        villages[c.entity_uuid].add(moved_to)
    rounds = [c for c in changes if c.entity == _ROUND]
    starters = _held_starters(conn, rounds)
    for c in rounds:
        if c.is_creation:
            starters[c.entity_uuid].add(c.station)
    divisions = _divisions(conn, [c for c in changes if c.entity in _OF_DIVISION])
    for c in changes:
        if c.entity == "child":
            ok = held.answers(c.station, villages[c.entity_uuid])
        elif c.entity == _ROUND:
            ok = held.answers(c.station, starters[c.entity_uuid])
        elif c.entity in _OF_DIVISION:
            ok = bool(divisions[c.entity_uuid]) and held.answers(
                c.station, divisions[c.entity_uuid]
            )
        else:
            children = child_of[c.entity_uuid]
            ok = bool(children) and all(held.answers(c.station, villages[u]) for u in children)
            if ok and c.entity == _DECISION:
                ok = all(_reviews(c, villages[u]) for u in children)
        if not ok:
            raise SyncError("outside_authority", change=c.change_id)


def _reviews(c: ChangeRecord, villages: set[str]) -> bool:
    """A decision is made above the file's village, at the level it names: a village never
    approves its own submission (domain/review.py)."""
    level = c.fields.get("level")
    if level is not None and division.level_of(c.station) != level:
        return False
    return all(c.station != v and division.belongs_to(v, c.station) for v in villages)


def _divisions(conn: Connection, changes: list[ChangeRecord]) -> dict[str, set[str]]:
    """Per record of a station's own (an officer, their training), the divisions it belongs to:
    as held and as the changes say."""
    found: dict[str, set[str]] = defaultdict(set)
    by_entity: dict[str, set[str]] = defaultdict(set)
    for c in changes:
        by_entity[c.entity].add(c.entity_uuid)
        if c.fields.get("division_code"):
            found[c.entity_uuid].add(c.fields["division_code"])
    for entity, uuids in by_entity.items():
        for uuid, codes in held.values(conn, entity, uuids, "division_code").items():
            found[uuid] |= codes
    return found


def _held_starters(conn: Connection, rounds: list[ChangeRecord]) -> dict[str, set[str]]:
    """The stations that started (or, answering for it, changed) each visit round held."""
    found: dict[str, set[str]] = defaultdict(set)
    held.collect(
        conn,
        found,
        "SELECT entity_uuid, station FROM change WHERE entity = ? AND entity_uuid IN ({})",
        {c.entity_uuid for c in rounds},
        _ROUND,
    )
    return found
