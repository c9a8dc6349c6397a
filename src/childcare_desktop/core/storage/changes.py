"""The change log every write leaves behind: the unit that signed batch files carry upward.

A change is (station:counter, entity, entity uuid, the fields it set, a hybrid logical clock
time, the change ids it was based on). The heads of each field are kept per entity, so the base
of the next write is known without reading the log: {"*": [ids]} for every field not named,
{field: [ids]} for the fields changed since. Append-only records (visits) have no heads. A record
whose only change is its creation has no heads row either (an import creates tens of thousands):
its heads are {"*": [its creation]}, read from the log when it is first edited.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from . import sealing
from . import tables as t
from .jsontext import dumps, loads

_CHUNK = 900  # ids per IN (…): under SQLite's bound-parameter limit
_MAX_LOGICAL = 99_999  # the clock's logical part has five digits
_INSERT_CHANGE = (
    "INSERT INTO change (station, counter, entity, entity_uuid, fields, clock, base) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
PUT_HEADS = (
    "INSERT INTO entity_head (entity, entity_uuid, heads) VALUES (?, ?, ?) "
    "ON CONFLICT (entity, entity_uuid) DO UPDATE SET heads = excluded.heads"
)
_ANY_HEADS = "SELECT 1 FROM entity_head WHERE entity = ? LIMIT 1"
_HEADS_OF = "SELECT entity_uuid, heads FROM entity_head WHERE entity = ? AND entity_uuid IN ({})"
# In the order the log's index gives one record's changes (`_creation_heads`).
_CREATIONS_OF = (
    "SELECT entity_uuid, station, counter FROM change WHERE entity = ? AND entity_uuid IN ({}) "
    "ORDER BY entity_uuid, station, counter"
)


def next_clock(previous: str, now_ms: int | None = None) -> str:
    """Hybrid logical clock: wall-clock milliseconds, then a counter when the wall clock has not
    moved on (or went back: laptops' clocks are often wrong)."""
    return _clock_text(*_tick(*_clock_parts(previous), now_ms))


def _tick(last_ms: int, last_n: int, now_ms: int | None = None) -> tuple[int, int]:
    """The logical part counts up to 99,999 and then carries into the milliseconds: the clock
    keeps its five digits (a station whose clock took up one ahead of its wall clock may write
    more changes than that before the wall clock catches up)."""
    now_ms = int(time.time() * 1000) if now_ms is None else now_ms
    if now_ms > last_ms:
        return now_ms, 0
    return (last_ms, last_n + 1) if last_n < _MAX_LOGICAL else (last_ms + 1, 0)


def _clock_parts(clock: str) -> tuple[int, int]:
    ms, n = (int(part) for part in clock.split(".")) if clock else (0, 0)
    return ms, n


def _clock_text(ms: int, n: int) -> str:
    return f"{ms:013d}.{n:05d}"


def _logged_fields(fields: dict[str, Any], new: bool) -> dict[str, Any]:
    """A creation is marked `"_new": true` and sets every field: its empty fields are left out
    of the log and read as their defaults. (Dates are written as ISO text by the JSON writer.)"""
    if not new:
        return fields
    kept = {k: v for k, v in fields.items() if v is not None and v != "" and v is not False}
    kept["_new"] = True
    return kept


class ChangeWriter:
    """Records changes inside the caller's transaction; `flush` writes them and the heads."""

    def __init__(self, conn: Connection) -> None:
        row = conn.execute(select(t.station.c.code, t.station.c.change_counter, t.station.c.clock))
        self._conn = conn
        self.station, self._counter, clock = row.one()
        self._clock_ms, self._clock_n = _clock_parts(clock)
        # Rows of the log in column order; a creation's base may still be filled in at flush.
        self._changes: list[list] = []
        self._heads: dict[tuple[str, str], dict[str, list[str]]] = {}
        # The last creation of each record created here. A record `record_created` made and
        # nothing changed since has no entry in `_heads` nor `_written`: its heads are its
        # creation, and so is the last change written (`_as_created` makes the two entries).
        self._creations: dict[tuple[str, str], list] = {}
        # Created again while a heads row was held: that row must be replaced, not skipped.
        self._recreated: set[tuple[str, str]] = set()
        # Per record, the fields written (None: all of them) and the last change: what closes
        # the conflicts of those fields.
        self._written: dict[tuple[str, str], tuple[set[str] | None, str]] = {}

    def record(
        self,
        entity: str,
        uuid: str,
        fields: dict[str, Any],
        new: bool = False,
        append_only: bool = False,
    ) -> str:
        """Note that `fields` of (entity, uuid) were set; `new` skips reading heads (an insert);
        `append_only` records keep no heads (they are never edited, so never conflict)."""
        key = (entity, uuid)
        if key in self._creations and key not in self._heads and not append_only:
            self._as_created(key)
        if append_only:
            heads: dict[str, list[str]] = {}
        elif new:
            heads = self._heads.setdefault(key, {})
        else:
            heads = self._load_heads(key)
        if not heads:
            base = "[]"  # a first creation or an append-only record: based on nothing
        elif fields.get("_deleted"):
            # A deletion follows everything known of the record, so that it is the only head
            # wherever no edit was made concurrently.
            base = dumps(sorted({cid for ids in heads.values() for cid in ids}))
        else:
            default = heads.get("*", [])
            base = dumps(sorted({cid for f in fields for cid in heads.get(f, default)}))
        self._counter += 1
        # The clock kept as numbers between changes: parsed once, not once per change.
        self._clock_ms, self._clock_n = _tick(self._clock_ms, self._clock_n)
        clock = self._clock
        change_id = f"{self.station}:{self._counter}"
        change = [
            self.station,
            self._counter,
            entity,
            uuid,
            dumps(_logged_fields(fields, new)),
            clock,
            base,
        ]
        self._changes.append(change)
        if new:
            heads.clear()
            heads["*"] = [change_id]
            self._creations[key] = change
        elif not append_only:
            for f in fields:
                heads[f] = [change_id]
        if not append_only:
            if new or "_deleted" in fields:
                self._written[key] = (None, change_id)
            else:
                before = self._written.get(key, (set(), ""))[0]
                self._written[key] = (None if before is None else before | set(fields), change_id)
        return change_id

    def record_created(self, entity: str, rows: Iterable[dict[str, Any]]) -> None:
        """`record(entity, row["uuid"], row, new=True)` for each row in turn, in one loop: a
        first import creates tens of thousands of records, and a record not met before in
        this writer needs none of record's choices (its base is nothing, its heads its
        creation)."""
        station, append = self.station, self._changes.append
        heads_of, creations = self._heads, self._creations
        tick, clock_text = _tick, _clock_text
        counter, ms, n = self._counter, self._clock_ms, self._clock_n
        for row in rows:
            uuid = row["uuid"]
            key = (entity, uuid)
            if key in heads_of or key in creations:
                self._counter, self._clock_ms, self._clock_n = counter, ms, n
                self.record(entity, uuid, row, new=True)
                counter, ms, n = self._counter, self._clock_ms, self._clock_n
                continue
            counter += 1
            ms, n = tick(ms, n)
            change = [
                station,
                counter,
                entity,
                uuid,
                dumps(_logged_fields(row, True)),
                clock_text(ms, n),
                "[]",
            ]
            append(change)
            creations[key] = change  # its heads and what it wrote: see `_as_created`
        self._counter, self._clock_ms, self._clock_n = counter, ms, n

    def _as_created(self, key: tuple[str, str]) -> None:
        """The heads and the last change written of a record `record_created` made, as
        `record` keeps them: about to be changed again, or read."""
        change = self._creations[key]
        change_id = f"{change[0]}:{change[1]}"
        self._heads[key] = {"*": [change_id]}
        self._written[key] = (None, change_id)

    def _only_made_here(self) -> list[tuple[str, str]]:
        """The records `record_created` made and nothing changed since (see `_creations`)."""
        heads = self._heads
        return [key for key in self._creations if key not in heads]

    def record_appended(self, entity: str, rows: Iterable[dict[str, Any]]) -> None:
        """`record(entity, row["uuid"], row, append_only=True)` for each row in turn, in one
        loop (the visits of a ledger)."""
        station, append, tick, clock_text = self.station, self._changes.append, _tick, _clock_text
        counter, ms, n = self._counter, self._clock_ms, self._clock_n
        for row in rows:
            counter += 1
            ms, n = tick(ms, n)
            append([station, counter, entity, row["uuid"], dumps(row), clock_text(ms, n), "[]"])
        self._counter, self._clock_ms, self._clock_n = counter, ms, n

    @property
    def _clock(self) -> str:
        return _clock_text(self._clock_ms, self._clock_n)

    @property
    def pending(self) -> int:
        """How many changes are recorded and not yet flushed."""
        return len(self._changes)

    def flush(self) -> int:
        """Write what was recorded; returns how many changes."""
        if not self._changes:
            return 0
        conn = self._conn
        self._base_creations_on_history()
        # In the order recorded (by counter): the key's index grows at its end; record order, for
        # the other index's sake, gained nothing.
        rows = [tuple(c) for c in self._changes]
        seal = sealing.sealers(t.change.columns, conn.dialect)
        if seal:
            rows = [sealing.apply(row, seal) for row in rows]
        conn.exec_driver_sql(_INSERT_CHANGE, rows)
        only_created = self._only_created
        heads = [(*key, dumps(h)) for key, h in self._heads.items() if not only_created(key, h)]
        for key in sorted(self._recreated - self._heads.keys()):  # made by record_created
            change = self._creations[key]
            heads.append((*key, dumps({"*": [f"{change[0]}:{change[1]}"]})))
        if heads:
            conn.exec_driver_sql(PUT_HEADS, heads)
        conn.execute(update(t.station).values(change_counter=self._counter, clock=self._clock))
        self._close_conflicts()
        count = len(self._changes)
        self._changes.clear()
        self._heads.clear()
        self._creations.clear()
        self._recreated.clear()
        self._written.clear()
        return count

    def _base_creations_on_history(self) -> None:
        """A record created again (a category span removed and added back keeps its id) is
        based on what was known of it, or elsewhere it would look concurrent with its deletion."""
        by_entity: dict[str, list[str]] = {}
        for entity, uuid in self._creations:
            by_entity.setdefault(entity, []).append(uuid)
        conn = self._conn
        for entity, uuids in by_entity.items():
            # A first import creates tens of thousands of records of kinds that have no heads
            # rows at all yet: nothing of them can have been known before.
            if not conn.exec_driver_sql(_ANY_HEADS, (entity,)).first():
                continue
            for i in range(0, len(uuids), _CHUNK):
                part = uuids[i : i + _CHUNK]
                marks = ", ".join("?" * len(part))
                rows = conn.exec_driver_sql(_HEADS_OF.format(marks), (entity, *part))
                for uuid, raw in rows:
                    known = {cid for ids in loads(raw).values() for cid in ids}
                    self._creations[(entity, uuid)][6] = dumps(sorted(known))
                    self._recreated.add((entity, uuid))

    def _only_created(self, key: tuple[str, str], heads: dict[str, list[str]]) -> bool:
        """A record whose one head (of `heads`, its heads) is its creation, with no heads row
        to replace."""
        creation = self._creations.get(key)
        if creation is None or len(heads) != 1 or key in self._recreated:
            return False
        ids = heads.get("*")  # compared without making {"*": [id]}: a first import has 50,000
        return ids is not None and len(ids) == 1 and ids[0] == f"{creation[0]}:{creation[1]}"

    def _close_conflicts(self) -> None:
        """A write based on every head of a field in conflict ends the conflict."""
        c = t.conflict.c
        if (
            not (self._written or self._creations)
            or not self._conn.execute(select(c.id).where(c.resolved_by.is_(None)).limit(1)).first()
        ):
            return
        for key in self._only_made_here():
            self._as_created(key)
        at = datetime.now().isoformat(timespec="seconds")
        for (entity, uuid), (names, change_id) in self._written.items():
            stmt = update(t.conflict).where(
                c.entity == entity, c.entity_uuid == uuid, c.resolved_by.is_(None)
            )
            if names is not None:
                stmt = stmt.where(c.field.in_(sorted(names)))
            self._conn.execute(stmt.values(resolved_by=change_id, resolved_at=at))

    def load_heads(self, keys: Iterable[tuple[str, str]]) -> None:
        """Read the heads of many records at once, as `record` would read them one by one (an
        import changing thousands of files): a query per kind of record and chunk, not two per
        record."""
        wanted: dict[str, dict[str, None]] = {}
        for key in keys:
            if key not in self._heads and key not in self._creations:
                wanted.setdefault(key[0], {})[key[1]] = None
        for entity, uuids in wanted.items():
            ordered = list(uuids)
            for i in range(0, len(ordered), _CHUNK):
                self._load_heads_of(entity, ordered[i : i + _CHUNK])

    def _load_heads_of(self, entity: str, uuids: list[str]) -> None:
        marks = ", ".join("?" * len(uuids))
        held = dict(self._conn.exec_driver_sql(_HEADS_OF.format(marks), (entity, *uuids)).all())
        created: dict[str, list[str]] = {}
        unheld = [u for u in uuids if not held.get(u)]
        if unheld:
            marks = ", ".join("?" * len(unheld))
            for uuid, station, counter in self._conn.exec_driver_sql(
                _CREATIONS_OF.format(marks), (entity, *unheld)
            ):
                created.setdefault(uuid, []).append(f"{station}:{counter}")
        for uuid in uuids:
            raw = held.get(uuid)
            if raw:
                self._heads[(entity, uuid)] = loads(raw)
            else:
                self._heads[(entity, uuid)] = {"*": created[uuid]} if uuid in created else {}

    def _load_heads(self, key: tuple[str, str]) -> dict[str, list[str]]:
        if key not in self._heads:
            raw = self._conn.execute(
                select(t.entity_head.c.heads).where(
                    t.entity_head.c.entity == key[0], t.entity_head.c.entity_uuid == key[1]
                )
            ).scalar()
            self._heads[key] = loads(raw) if raw else self._creation_heads(key)
        return self._heads[key]

    def _creation_heads(self, key: tuple[str, str]) -> dict[str, list[str]]:
        """The heads of a record kept without a heads row: its creation, the one change held."""
        ids = [
            f"{station}:{counter}"
            for station, counter in self._conn.exec_driver_sql(
                "SELECT station, counter FROM change WHERE entity = ? AND entity_uuid = ?", key
            )
        ]
        return {"*": ids} if ids else {}
