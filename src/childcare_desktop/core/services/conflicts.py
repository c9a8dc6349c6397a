"""Use cases on what a merge leaves for a person: conflicts (both values side by side, pick one
or type another) and possible duplicates (merge two files, or undo the merge)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Boolean, Date, Float, Integer, select

from ..domain.child import CHILD_FIELDS
from ..domain.validation import blocking, validate_child
from ..errors import ValidationFailed
from ..storage import children_repo
from ..storage import tables as t
from ..storage.store import Store
from ..sync import conflicts, duplicates, entities
from ..sync.errors import SyncError


@dataclass(frozen=True)
class ConflictValue:
    value: Any  # as it travels: dates as ISO text
    change_id: str
    station: str
    clock: str


@dataclass(frozen=True)
class ConflictView:
    id: int
    entity: str
    uuid: str
    field: str
    values: tuple[ConflictValue, ...]  # the shown value first
    shown: Any
    child_uuid: str  # the file the record belongs to ("" for a record of no child)
    child_name: str


@dataclass(frozen=True)
class Resolution:
    conflict_id: int
    change_id: str  # the change that resolved it, which travels on
    field: str
    value: Any


@dataclass(frozen=True)
class DuplicateFileView:
    uuid: str
    name: str
    village_code: str
    status: str
    registered_on: date | None
    duplicate_of: str


@dataclass(frozen=True)
class DuplicateView:
    id_number: str  # the full number: the supervisor compares the files on the detail page
    files: tuple[DuplicateFileView, ...]
    merged: bool
    how: str  # "id_number" | "name_birth" | "fuzzy" ("": merged, no longer alike)
    score: float  # 0..1, how sure the files are one child


_YES_NO = {"true": True, "yes": True, "1": True, "是": True} | {
    "false": False,
    "no": False,
    "0": False,
    "否": False,
}


class Conflicts:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    def open(self) -> list[ConflictView]:
        """Every open conflict, oldest first."""
        with self.store.read() as conn:
            found = conflicts.open_conflicts(conn)
            children = _child_names(conn, found)
        return [_view(c, *children.get((c.entity, c.uuid), ("", ""))) for c in found]

    def pick(self, conflict_id: int, change_id: str) -> Resolution:
        """Keep the value of one of the heads."""
        with self.store.write() as conn:
            conflict = conflicts.get(conn, conflict_id)
            chosen = [v for v in conflict.values if v.change_id == change_id]
            if not chosen:
                raise SyncError("bad_value", field=conflict.field, value=change_id)
            return self._resolve(conn, conflict, chosen[0].value)

    def resolve(self, conflict_id: int, text: str) -> Resolution:
        """Set a typed value (text as a person types it: dates as 2024-05-06, yes/no)."""
        with self.store.write() as conn:
            conflict = conflicts.get(conn, conflict_id)
            return self._resolve(conn, conflict, from_text(conflict.entity, conflict.field, text))

    def possible_duplicates(self, include_merged: bool = False) -> list[DuplicateView]:
        with self.store.read() as conn:
            groups = duplicates.possible_duplicates(conn, include_merged, self.today())
        return [
            DuplicateView(
                g.id_number,
                tuple(DuplicateFileView(**vars(f)) for f in g.files),
                g.merged,
                g.how,
                g.score,
            )
            for g in groups
        ]

    def merge_duplicate(self, duplicate_uuid: str, kept_uuid: str) -> None:
        with self.store.write() as conn:
            duplicates.merge(conn, duplicate_uuid, kept_uuid, self.today())

    def undo_merge(self, duplicate_uuid: str) -> None:
        with self.store.write() as conn:
            duplicates.undo(conn, duplicate_uuid, self.today())

    def _resolve(self, conn, conflict: conflicts.OpenConflict, value: Any) -> Resolution:
        if conflict.entity == "child" and conflict.field in CHILD_FIELDS:
            _check_child(conn, conflict.uuid, conflict.field, value, self.today())
        change = conflicts.resolve(conn, conflict.id, value, self.today())
        return Resolution(conflict.id, change.change_id, conflict.field, value)


def from_text(entity: str, field: str, text: str) -> Any:
    """A typed value as it travels, by the column's type; SyncError("bad_value") otherwise."""
    kind = entities.column(entity, field).type
    text = text.strip()
    try:
        if text == "" and entities.column(entity, field).nullable:
            value: Any = None
        elif isinstance(kind, Boolean):
            value = _YES_NO[text.lower()]
        elif isinstance(kind, Integer):
            value = int(text)
        elif isinstance(kind, Float):
            value = float(text)
        elif isinstance(kind, Date):
            value = date.fromisoformat(text).isoformat()
        else:
            value = text
    except (KeyError, ValueError):
        raise SyncError("bad_value", field=field, value=text) from None
    if not entities.well_formed(entity, field, value):
        raise SyncError("bad_value", field=field, value=text)
    return value


def _check_child(conn, uuid: str, field: str, value: Any, today: date) -> None:
    """The same checks as the form, for the field being set."""
    child = children_repo.load(conn, uuid)
    candidate = replace(child, **{field: entities.to_column("child", field, value)})
    problems = [p for p in blocking(validate_child(candidate, today)) if p.field == field]
    if problems:
        raise ValidationFailed(problems)


def _child_names(conn, found: list[conflicts.OpenConflict]) -> dict:
    """Per conflicting record, the file it belongs to and that child's name."""
    names = {}
    for c in found:
        table = entities.TABLES[c.entity]
        if c.entity == "child":
            child_uuid = c.uuid
        elif "child_uuid" in table.c:
            child_uuid = conn.execute(
                select(table.c.child_uuid).where(table.c.uuid == c.uuid)
            ).scalar()
        else:
            child_uuid = None
        name = (
            conn.execute(select(t.child.c.name).where(t.child.c.uuid == child_uuid)).scalar()
            if child_uuid
            else None
        )
        names[(c.entity, c.uuid)] = (child_uuid or "", name or "")
    return names


def _view(c: conflicts.OpenConflict, child_uuid: str, child_name: str) -> ConflictView:
    return ConflictView(
        id=c.id,
        entity=c.entity,
        uuid=c.uuid,
        field=c.field,
        values=tuple(ConflictValue(v.value, v.change_id, v.station, v.clock) for v in c.values),
        shown=c.shown,
        child_uuid=child_uuid,
        child_name=child_name,
    )
