"""What one record looks like given every change held for it: whether it exists, the shown
value and the heads of each field, and the fields in conflict.

A pure function of the set of changes, so every station holding the same changes computes
the same record and the same conflicts whatever order they arrived in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from . import entities
from .changeset import ChangeRecord


@dataclass(frozen=True)
class FieldConflict:
    field: str
    heads: tuple[ChangeRecord, ...]  # greatest (clock, station, counter) first: the shown one


@dataclass(frozen=True)
class Resolved:
    entity: str
    uuid: str
    exists: bool
    values: dict[str, Any]  # JSON values of every synced field but the key
    field_heads: dict[str, list[str]]  # per field, the ids of its heads
    shown: dict[str, str]  # per field, the id of the head whose value is shown
    record_heads: tuple[str, ...]  # the changes of the record no other one follows
    conflicts: tuple[FieldConflict, ...]
    child_uuid: str | None

    @property
    def heads(self) -> dict[str, list[str]]:
        """The entity_head form; a deleted record keeps its last changes, so that a later
        re-creation is based on them."""
        if not self.exists:
            return {"*": list(self.record_heads)}
        return compact(self.field_heads)


def resolve(entity: str, uuid: str, changes: list[ChangeRecord]) -> Resolved:
    ancestors = _ancestors(changes)
    seen_below = set().union(*ancestors.values()) if ancestors else set()
    record_heads = sorted(
        (c for c in changes if c.change_id not in seen_below), key=lambda c: c.sort_key
    )
    live = [c for c in changes if not c.is_tombstone]
    if entity in entities.APPEND_ONLY:
        exists = bool(live)
    else:
        exists = any(c.is_creation for c in live) and any(not c.is_tombstone for c in record_heads)
    values: dict[str, Any] = {}
    field_heads: dict[str, list[str]] = {}
    shown: dict[str, str] = {}
    conflicts = []
    for field in entities.FIELDS[entity]:
        covering = [c for c in live if c.is_creation or field in c.fields]
        below = set().union(*(ancestors[c.change_id] for c in covering)) if covering else set()
        heads = sorted(
            (c for c in covering if c.change_id not in below),
            key=lambda c: c.sort_key,
            reverse=True,
        )
        if not heads:
            values[field] = entities.empty_value(entity, field)
            continue
        values[field] = _value(entity, field, heads[0])
        field_heads[field] = sorted(c.change_id for c in heads)
        shown[field] = heads[0].change_id
        distinct = {repr(_value(entity, field, c)) for c in heads}
        if len(distinct) > 1 and entity not in entities.APPEND_ONLY:
            conflicts.append(FieldConflict(field, tuple(heads)))
    tomb_child = next((c.fields["child_uuid"] for c in changes if c.is_tombstone), None)
    child_uuid = uuid if entity == "child" else values.get("child_uuid") or tomb_child
    return Resolved(
        entity=entity,
        uuid=uuid,
        exists=exists,
        values=values,
        field_heads=field_heads,
        shown=shown,
        record_heads=tuple(c.change_id for c in record_heads),
        conflicts=tuple(conflicts) if exists else (),
        child_uuid=child_uuid,
    )


def compact(field_heads: dict[str, list[str]]) -> dict[str, list[str]]:
    """The most common head list becomes "*"; fields with other heads are named."""
    if not field_heads:
        return {}
    counts = Counter(tuple(ids) for ids in field_heads.values())
    common = max(counts, key=lambda ids: (counts[ids], ids))
    named = {f: ids for f, ids in field_heads.items() if tuple(ids) != common}
    return {"*": list(common), **named}


def _value(entity: str, field: str, change: ChangeRecord) -> Any:
    if field in change.fields:
        return change.fields[field]
    return entities.empty_value(entity, field)


def _ancestors(changes: list[ChangeRecord]) -> dict[str, set[str]]:
    """Every change's causal past among these: what its base names, and (a station having held
    all its own earlier changes when it wrote this one) its station's earlier changes."""
    by_id = {c.change_id: c for c in changes}
    parents: dict[str, list[str]] = {
        c.change_id: [b for b in c.base if b in by_id] for c in changes
    }
    previous: dict[str, ChangeRecord] = {}
    for c in sorted(changes, key=lambda c: (c.station, c.counter)):
        last = previous.get(c.station)
        if last is not None:
            parents[c.change_id].append(last.change_id)
        previous[c.station] = c
    result: dict[str, set[str]] = {}
    for c in sorted(changes, key=lambda c: (c.station, c.counter)):
        _collect(c.change_id, parents, result)
    return result


def _collect(start: str, parents: dict[str, list[str]], result: dict[str, set[str]]) -> None:
    """The ancestors of `start`, depth first without recursion (a long edit history must not
    hit the recursion limit); a cycle, which only a forged base can make, is cut where it
    meets the path."""
    if start in result:
        return
    stack = [(start, iter(parents[start]))]
    on_path = {start}
    while stack:
        node, rest = stack[-1]
        for p in rest:
            if p not in result and p not in on_path:
                stack.append((p, iter(parents[p])))
                on_path.add(p)
                break
        else:
            stack.pop()
            on_path.discard(node)
            found: set[str] = set()
            for p in parents[node]:
                found.add(p)
                found |= result.get(p, set())
            result[node] = found
