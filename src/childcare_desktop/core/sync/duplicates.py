"""Possible duplicates, and merging them: the duplicate file is closed with reason "duplicate"
and a link to the file kept, as ordinary changes that travel; undoing re-opens it.

Two kinds are found: one national ID number on two open files (e.g. registered in two
villages), and, at a town or county, files of two villages the list matcher takes for one child
(the same name and birth date, or a fuzzy match: core/matching/pairs.py), each group saying how
it was found and how sure that is. Two files whose ID numbers are valid and differ are never
merged (twins)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, func, select, update

from ..domain import idnumber
from ..matching import Person, children_as_people
from ..matching.match import ID_NUMBER
from ..matching.pairs import likely_pairs, pair_of
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
    id_number: str  # the number the files share; "" for a group the matcher found
    files: tuple[DuplicateFile, ...]  # registered first, first
    how: str = ID_NUMBER  # "id_number" | "name_birth" | "fuzzy" ("" : merged, no longer alike)
    score: float = 1.0

    @property
    def open_files(self) -> int:
        return sum(1 for f in self.files if f.status == "active")

    @property
    def merged(self) -> bool:
        """Some file of the group was closed as a duplicate of another one of it."""
        uuids = {f.uuid for f in self.files}
        return any(f.duplicate_of in uuids for f in self.files)


def possible_duplicates(
    conn: Connection, include_merged: bool = False, today: date | None = None
) -> list[DuplicateGroup]:
    """Every ID number held by more than one open file, then the pairs of open files of two
    villages the matcher takes for one child, likeliest first; with `include_merged`, also the
    groups where a merge was made (to see or undo it). A file closed for another reason (moved
    away, then registered where the family went) is history, not a duplicate."""
    today = today or date.today()
    return _same_number(conn, include_merged) + _alike(conn, include_merged, today)


def _same_number(conn: Connection, include_merged: bool) -> list[DuplicateGroup]:
    c = t.child.c
    shared = (
        select(c.id_number).where(c.id_number != "").group_by(c.id_number).having(func.count() > 1)
    )
    groups: dict[str, list[DuplicateFile]] = {}
    rows = conn.execute(
        select(c.id_number, *_FILE_COLUMNS)
        .where(c.id_number.in_(shared))
        .order_by(c.id_number, c.registered_on, c.uuid)
    )
    for r in rows:
        groups.setdefault(r.id_number, []).append(_file(r))
    found = [DuplicateGroup(number, tuple(files)) for number, files in groups.items()]
    return [g for g in found if g.open_files > 1 or (include_merged and g.merged)]


def _alike(conn: Connection, include_merged: bool, today: date) -> list[DuplicateGroup]:
    """The matcher's pairs of open files, and (with `include_merged`) each file merged into
    another that had no ID number in common with it."""
    pairs = [
        (p.first, p.second, p.how, p.score) for p in likely_pairs(children_as_people(conn), today)
    ]
    if include_merged:
        pairs += _merged_alike(conn, today)
    files = _files(conn, [uuid for pair in pairs for uuid in pair[:2]])
    groups = []
    for first, second, how, score in pairs:
        both = sorted(
            (files[first], files[second]), key=lambda f: (f.registered_on or date.max, f.uuid)
        )
        groups.append(DuplicateGroup("", tuple(both), how, score))
    return groups


def _merged_alike(conn: Connection, today: date) -> list[tuple[str, str, str, float]]:
    c = t.child.c
    closed = conn.execute(
        select(c.uuid, c.duplicate_of, c.id_number)
        .where(c.status == "closed", c.close_reason == REASON, c.duplicate_of != "")
        .order_by(c.uuid)
    ).all()
    people = _people(conn, [u for r in closed for u in (r.uuid, r.duplicate_of)])
    found = []
    for r in closed:
        merged, kept = people.get(r.uuid), people.get(r.duplicate_of)
        if merged is None or kept is None or (r.id_number and r.id_number == kept.id_number):
            continue  # the ID-number groups show it
        pair = pair_of(merged, kept, today)
        first, second = sorted((r.uuid, r.duplicate_of))
        found.append((first, second, pair.how, pair.score) if pair else (first, second, "", 0.0))
    return found


_FILE_COLUMNS = tuple(
    t.child.c[n]
    for n in (
        "uuid",
        "name",
        "village_code",
        "status",
        "registered_on",
        "close_reason",
        "duplicate_of",
    )
)


def _file(r) -> DuplicateFile:
    link = r.duplicate_of if r.status == "closed" and r.close_reason == REASON else ""
    return DuplicateFile(r.uuid, r.name, r.village_code, r.status, r.registered_on, link)


def _files(conn: Connection, uuids: list[str]) -> dict[str, DuplicateFile]:
    found: dict[str, DuplicateFile] = {}
    wanted = sorted(set(uuids))
    for i in range(0, len(wanted), _CHUNK):
        rows = conn.execute(
            select(*_FILE_COLUMNS).where(t.child.c.uuid.in_(wanted[i : i + _CHUNK]))
        )
        found.update((r.uuid, _file(r)) for r in rows)
    return found


def _people(conn: Connection, uuids: list[str]) -> dict[str, Person]:
    c = t.child.c
    found: dict[str, Person] = {}
    wanted = sorted(set(uuids))
    for i in range(0, len(wanted), _CHUNK):
        rows = conn.execute(
            select(c.uuid, c.name, c.id_number, c.birth_date, c.sex, c.village_code).where(
                c.uuid.in_(wanted[i : i + _CHUNK])
            )
        )
        found.update((r.uuid, Person(*r)) for r in rows)
    return found


_CHUNK = 900  # uuids per statement: under SQLite's bound-parameter limit


def merge(conn: Connection, duplicate: str, kept: str, today: date) -> None:
    """Close `duplicate` as a duplicate of `kept`: both open, with one ID number, or of two
    villages and taken for one child by the matcher."""
    if duplicate == kept:
        raise SyncError("duplicate_same_file")
    rows = {
        r.uuid: r
        for r in conn.execute(select(t.child).where(t.child.c.uuid.in_([duplicate, kept])))
    }
    if len(rows) != 2:
        raise SyncError("duplicate_not_found")
    _check_alike(rows[duplicate], rows[kept], today)
    if rows[duplicate].status != "active" or rows[kept].status != "active":
        raise SyncError("duplicate_not_open")
    values = {"status": "closed", "close_reason": REASON, "closed_on": today, "duplicate_of": kept}
    _write(conn, duplicate, values, today, "merge")


def _check_alike(duplicate, kept, today: date) -> None:
    if duplicate.id_number != "" and duplicate.id_number == kept.id_number:
        return
    first, second = (
        Person(r.uuid, r.name, r.id_number, r.birth_date, r.sex, r.village_code)
        for r in (duplicate, kept)
    )
    if _valid(first.id_number) and _valid(second.id_number):
        raise SyncError("duplicate_not_same_id")
    if pair_of(first, second, today) is None:
        raise SyncError("duplicate_not_alike")


def _valid(number: str) -> bool:
    return bool(number) and idnumber.check(number).ok


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
