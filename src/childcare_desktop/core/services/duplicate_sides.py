"""Two possible duplicate files side by side, as the supervisor compares them before merging:
who the child is, where, the family, the categories, and how much each file holds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, func, select

from ..domain.masking import mask_id_number
from ..storage import children_repo
from ..storage import tables as t
from ..storage.store import Store
from .children import read_summaries


@dataclass(frozen=True)
class MemberLine:
    relation: str
    name: str
    situation: str


@dataclass(frozen=True)
class FileSide:
    """One of the two files; the ID number masked as in every list."""

    uuid: str
    name: str
    sex: str
    birth_date: date | None
    id_masked: str
    village: str
    members: tuple[MemberLine, ...]
    categories: tuple[str, ...]
    last_visit: date | None
    visits: int  # visits as they stand now: a corrected visit counts once
    concerns: int
    open_concerns: int
    registered_on: date | None
    status: str


# The fields shown one under the other, in the order a person reads a file.
COMPARED = (
    "name",
    "sex",
    "birth_date",
    "id_masked",
    "village",
    "members",
    "categories",
    "last_visit",
    "visits",
    "concerns",
    "registered_on",
)


def side_by_side(store: Store, first: str, second: str, today: date) -> tuple[FileSide, FileSide]:
    with store.read() as conn:
        return _side(conn, first, today), _side(conn, second, today)


def differing(one: FileSide, other: FileSide) -> tuple[str, ...]:
    """The compared fields whose values differ; the order of family members and categories
    does not count (two villages may have entered them in another order)."""
    return tuple(f for f in COMPARED if _compared(one, f) != _compared(other, f))


def _compared(side: FileSide, field: str) -> object:
    value = getattr(side, field)
    if field == "concerns":
        return value, side.open_concerns
    return tuple(sorted(value, key=repr)) if isinstance(value, tuple) else value


def _side(conn: Connection, uuid: str, today: date) -> FileSide:
    child = children_repo.load(conn, uuid)
    [summary] = read_summaries(conn, select(t.child).where(t.child.c.uuid == uuid), today)
    v, k = t.visit.c, t.concern.c
    # Each correction supersedes one version: the visits that stand are the rows less those.
    rows, corrections = conn.execute(
        select(func.count(), func.count(v.supersedes)).where(v.child_uuid == uuid)
    ).one()
    concerns, still_open = conn.execute(
        select(func.count(), func.count().filter(k.closed_on.is_(None))).where(k.child_uuid == uuid)
    ).one()
    return FileSide(
        uuid=uuid,
        name=child.name,
        sex=child.sex,
        birth_date=child.birth_date,
        id_masked=mask_id_number(child.id_number),
        village=summary.village,
        members=tuple(MemberLine(m.relation, m.name, m.situation) for m in child.members),
        categories=summary.categories,
        last_visit=summary.last_visit,
        visits=rows - corrections,
        concerns=concerns,
        open_concerns=still_open,
        registered_on=child.registered_on,
        status=child.status,
    )
