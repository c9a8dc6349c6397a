"""One change as it travels between stations, and the strict check of a received one.

A received change comes from a file that is trusted only as far as its signature goes: a
signed change from a buggy or hostile station must still never reach the tables malformed,
so every key, type and value is checked against the entity's columns here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..domain import evidence
from . import entities
from .errors import SyncError

_STATION = re.compile(r"^[0-9]{1,12}$")
_CHANGE_ID = re.compile(r"^([0-9]{1,12}):([1-9][0-9]{0,15})$")
_CLOCK = re.compile(r"^[0-9]{13}\.[0-9]{5}$")
_KEYS = frozenset({"station", "counter", "entity", "entity_uuid", "fields", "clock", "base"})
MAX_BASE = 1000  # far more heads than any honest record reaches
_MARKS = frozenset({entities.NEW, entities.DELETED})
_TOMBSTONE = frozenset({entities.DELETED, "child_uuid"})


@dataclass(frozen=True)
class ChangeRecord:
    station: str
    counter: int
    entity: str
    entity_uuid: str
    fields: dict  # JSON-ready values
    clock: str
    base: tuple[str, ...]

    @property
    def change_id(self) -> str:
        return f"{self.station}:{self.counter}"

    @property
    def is_creation(self) -> bool:
        return self.fields.get(entities.NEW) is True

    @property
    def is_tombstone(self) -> bool:
        return self.fields.get(entities.DELETED) is True

    @property
    def sort_key(self) -> tuple[str, str, int]:
        """The order that picks the shown value among concurrent heads, the same everywhere."""
        return (self.clock, self.station, self.counter)

    def to_json(self) -> dict:
        return {
            "station": self.station,
            "counter": self.counter,
            "entity": self.entity,
            "entity_uuid": self.entity_uuid,
            "fields": dict(self.fields),
            "clock": self.clock,
            "base": list(self.base),
        }

    @classmethod
    def from_json(cls, d: dict) -> ChangeRecord:
        """A change from its JSON form; SyncError("bad_change") on anything malformed."""
        if not isinstance(d, dict) or set(d) != _KEYS:
            raise SyncError("bad_change")
        station, counter, entity = d["station"], d["counter"], d["entity"]
        uuid, fields, clock, base = d["entity_uuid"], d["fields"], d["clock"], d["base"]
        if not (isinstance(station, str) and _STATION.match(station)):
            raise SyncError("bad_change", field="station")
        if not (isinstance(counter, int) and not isinstance(counter, bool) and 0 < counter < 2**53):
            raise SyncError("bad_change", field="counter")
        if entity not in entities.TABLES:
            raise SyncError("bad_change", field="entity")
        if not (isinstance(uuid, str) and 0 < len(uuid) <= 36 and uuid.isprintable()):
            raise SyncError("bad_change", field="entity_uuid")
        if not (isinstance(clock, str) and _CLOCK.match(clock)):
            raise SyncError("bad_change", field="clock")
        if not (
            isinstance(base, list)
            and len(base) <= MAX_BASE
            and all(isinstance(b, str) and _CHANGE_ID.match(b) for b in base)
            and base == sorted(set(base))
        ):
            raise SyncError("bad_change", field="base")
        _check_fields(station, entity, uuid, fields)
        return cls(station, counter, entity, uuid, dict(fields), clock, tuple(base))


def _check_fields(station: str, entity: str, uuid: str, fields: Any) -> None:
    """A creation, an edit, an append-only record or a tombstone, each well formed. (Written for
    speed: a town's batch brings 150,000 changes.)"""
    if not isinstance(fields, dict) or not fields:
        raise SyncError("bad_change", field="fields")
    created, deleted = entities.NEW in fields, entities.DELETED in fields
    if (created and fields[entities.NEW] is not True) or (
        deleted and fields[entities.DELETED] is not True
    ):
        raise SyncError("bad_change", field="fields")
    # A tombstone names its child and nothing else (no personal data travels with it).
    if deleted and (
        entity == "child" or entity in entities.APPEND_ONLY or fields.keys() != _TOMBSTONE
    ):
        raise SyncError("bad_change", field="fields")
    if fields.get("uuid", uuid) != uuid:
        raise SyncError("bad_change", field="uuid")
    checks = entities.field_checks(entity)
    for name, value in fields.items():
        if name in _MARKS:
            continue
        check = checks.get(name)
        if check is None:
            raise SyncError("bad_change", field=name)
        # A value a form would refuse (a hidden character, a date past 2099, a code no form
        # offers): the reason names it, so the sending station can find and correct it.
        if not check(value):
            raise SyncError("bad_field", field=f"{entity}.{name}", station=station)
    if entity in entities.APPEND_ONLY and not created:
        missing = [f for f in entities.SYNCED[entity] if f not in fields]
        if missing:
            raise SyncError("bad_change", field=missing[0])
    if created and deleted:
        raise SyncError("bad_change", field="fields")
    # 证明材料: the content must be the file its own size, type and hash name (each field alone
    # passed its column's rule above).
    if entity == "evidence" and not evidence.record_matches(fields):
        raise SyncError("evidence_altered", station=station)
