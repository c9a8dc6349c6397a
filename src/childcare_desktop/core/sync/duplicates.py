"""Possible duplicates (one national ID number on two children's files, e.g. registered in two
villages), and merging them: the duplicate file is closed with reason "duplicate" and a link to
the file kept, as ordinary changes that travel; undoing re-opens it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, func, select, update

from ..storage import audit, derived_repo, settings
from ..storage import tables as t
from ..storage.changes import ChangeWriter
from .errors import SyncError

REASON = "duplicate"


@dataclass(frozen=True)
class DuplicateFile:
    uuid: str
    name: str
    village_code: str
    status: str
    registered_on: date | None
    duplicate_of: str  # the file kept, when this one was merged into it


@dataclass(frozen=True)
class DuplicateGroup:
    id_number: str
    files: tuple[DuplicateFile, ...]  # registered first, first

    @property
    def open_files(self) -> int:
        return sum(1 for f in self.files if f.status == "active")

    @property
    def merged(self) -> bool:
        """Some file of the group was closed as a duplicate of another one of it."""
        uuids = {f.uuid for f in self.files}
        return any(f.duplicate_of in uuids for f in self.files)


def possible_duplicates(conn: Connection, include_merged: bool = False) -> list[DuplicateGroup]:
    """Every ID number held by more than one open file; with `include_merged`, also the groups
    where a merge was made (to see or undo it). A file closed for another reason (moved away,
    then registered where the family went) is history, not a duplicate."""
    c = t.child.c
    shared = (
        select(c.id_number).where(c.id_number != "").group_by(c.id_number).having(func.count() > 1)
    )
    groups: dict[str, list[DuplicateFile]] = {}
    rows = conn.execute(
        select(
            c.id_number,
            c.uuid,
            c.name,
            c.village_code,
            c.status,
            c.registered_on,
            c.close_reason,
            c.duplicate_of,
        )
        .where(c.id_number.in_(shared))
        .order_by(c.id_number, c.registered_on, c.uuid)
    )
    for r in rows:
        link = r.duplicate_of if r.status == "closed" and r.close_reason == REASON else ""
        groups.setdefault(r.id_number, []).append(
            DuplicateFile(r.uuid, r.name, r.village_code, r.status, r.registered_on, link)
        )
    found = [DuplicateGroup(number, tuple(files)) for number, files in groups.items()]
    return [g for g in found if g.open_files > 1 or (include_merged and g.merged)]


def merge(conn: Connection, duplicate: str, kept: str, today: date) -> None:
    """Close `duplicate` as a duplicate of `kept` (same ID number, both open)."""
    if duplicate == kept:
        raise SyncError("duplicate_same_file")
    rows = {
        r.uuid: r
        for r in conn.execute(select(t.child).where(t.child.c.uuid.in_([duplicate, kept])))
    }
    if len(rows) != 2:
        raise SyncError("duplicate_not_found")
    if rows[duplicate].id_number == "" or rows[duplicate].id_number != rows[kept].id_number:
        raise SyncError("duplicate_not_same_id")
    if rows[duplicate].status != "active" or rows[kept].status != "active":
        raise SyncError("duplicate_not_open")
    values = {"status": "closed", "close_reason": REASON, "closed_on": today, "duplicate_of": kept}
    _write(conn, duplicate, values, today, "merge")


def undo(conn: Connection, duplicate: str, today: date) -> None:
    """Re-open a file closed as a duplicate and drop its link."""
    row = conn.execute(select(t.child).where(t.child.c.uuid == duplicate)).first()
    if row is None:
        raise SyncError("duplicate_not_found")
    if row.status != "closed" or row.close_reason != REASON:
        raise SyncError("duplicate_not_merged")
    values = {"status": "active", "close_reason": "", "closed_on": None, "duplicate_of": ""}
    _write(conn, duplicate, values, today, "unmerge")


def _write(conn: Connection, uuid: str, values: dict, today: date, detail: str) -> None:
    conn.execute(update(t.child).where(t.child.c.uuid == uuid).values(values))
    writer = ChangeWriter(conn)
    writer.record("child", uuid, values)
    writer.flush()
    audit.record(conn, "merge", "child", uuid, sorted(values), detail=detail)
    derived_repo.refresh_derived(conn, [uuid], today, settings.visit_policy(conn))
