"""Writing and reading 排查's records (screening rounds, people to screen, marks), each write
through the change log and the audit log in the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, select, update

from . import audit, bulk
from . import tables as t
from .changes import ChangeWriter

ROUND, PERSON, MARK = "screening_round", "screening_person", "screening_mark"


def create_round(conn: Connection, row: dict[str, Any]) -> None:
    bulk.insert_rows(conn, t.screening_round, [row])
    writer = ChangeWriter(conn)
    writer.record(ROUND, row["uuid"], row, new=True)
    writer.flush()
    audit.record(conn, "create", ROUND, row["uuid"], row)


def close_round(conn: Connection, round_uuid: str, day: date) -> None:
    r = t.screening_round.c
    conn.execute(update(t.screening_round).where(r.uuid == round_uuid).values(closed_on=day))
    writer = ChangeWriter(conn)
    writer.record(ROUND, round_uuid, {"closed_on": day})
    writer.flush()
    audit.record(conn, "close", ROUND, round_uuid, ("closed_on",))


def add_people(conn: Connection, rows: Sequence[dict[str, Any]], source: str) -> None:
    if not rows:
        return
    bulk.insert_rows(conn, t.screening_person, list(rows))
    writer = ChangeWriter(conn)
    writer.record_created(PERSON, rows)
    writer.flush()
    audit.record(conn, "import", PERSON, detail=f"{len(rows)} from {source}")


def add_mark(conn: Connection, row: dict[str, Any]) -> None:
    bulk.insert_rows(conn, t.screening_mark, [row])
    writer = ChangeWriter(conn)
    writer.record(MARK, row["uuid"], row, append_only=True)
    writer.flush()
    audit.record(conn, "create", MARK, row["uuid"], row)


def rounds(conn: Connection) -> list[dict[str, Any]]:
    r = t.screening_round.c
    query = select(t.screening_round).order_by(r.opened_on.desc(), r.uuid)
    return [dict(row) for row in conn.execute(query).mappings()]


def round_row(conn: Connection, round_uuid: str) -> dict[str, Any] | None:
    query = select(t.screening_round).where(t.screening_round.c.uuid == round_uuid)
    row = conn.execute(query).mappings().first()
    return dict(row) if row is not None else None


def children_in(conn: Connection, area: str) -> list[dict[str, Any]]:
    """The children of `area` (a division code) this station holds, closed ones included."""
    c = t.child.c
    query = select(
        c.uuid, c.name, c.sex, c.birth_date, c.village_code, c.status, c.id_number,
        c.current_address.label("address"), c.sort_key,
    ).where(c.village_code.startswith(area, autoescape=True))  # fmt: skip
    return [dict(row) for row in conn.execute(query).mappings()]


def people_of(conn: Connection, round_uuid: str) -> list[dict[str, Any]]:
    p = t.screening_person.c
    query = select(t.screening_person).where(p.round_uuid == round_uuid)
    return [dict(row) for row in conn.execute(query).mappings()]


def marks_of(conn: Connection, round_uuid: str, area: str = "") -> list[dict[str, Any]]:
    """The round's marks (of `area`'s villages, where given) in the order they were made (the
    clock of each one's change, the same on every station that holds it): the last of a
    subject's is the one that counts."""
    m, ch = t.screening_mark.c, t.change.c
    query = (
        select(t.screening_mark, ch.clock)
        .join(t.change, and_(ch.entity == MARK, ch.entity_uuid == m.uuid))
        .where(m.round_uuid == round_uuid, m.village_code.startswith(area, autoescape=True))
        .order_by(ch.clock, m.uuid)
    )
    return [dict(row) for row in conn.execute(query).mappings()]


def village_of(conn: Connection, subject: str) -> str | None:
    """The village of a child's file or of a person to screen, by uuid."""
    for table in (t.child, t.screening_person):
        found = conn.execute(select(table.c.village_code).where(table.c.uuid == subject))
        village = found.scalar()
        if village is not None:
            return village
    return None
