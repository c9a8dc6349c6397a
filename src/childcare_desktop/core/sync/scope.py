"""Which changes a receiver may hold: a village only its own children's records, a town only
its villages'. The county (and a town sending up) receives everything it holds. Evidence
(证明材料) goes down only to the village that submitted it and the stations above that village:
not to another village, even where the child has moved there since. A screening round (排查)
goes down to every station of its area, a person to screen only to the person's village."""

from __future__ import annotations

from sqlalchemy import Connection, select

from ..domain import division
from ..storage import tables as t
from . import entities
from .changeset import ChangeRecord


def for_station(conn: Connection, changes: list[ChangeRecord], receiver: str) -> list[ChangeRecord]:
    """The changes about records of divisions at or below `receiver`, and changes made there."""
    village_of = dict(conn.execute(select(t.child.c.uuid, t.child.c.village_code)).all())
    child_of: dict[str, str] = {}
    for entity, table in entities.TABLES.items():
        if entity != "child" and "child_uuid" in table.c:
            child_of.update(conn.execute(select(table.c.uuid, table.c.child_uuid)).all())

    # A station's own records (its officers, their training) belong to its division; a person to
    # screen, to the person's village.
    division_of: dict[str, str] = {}
    for table in (t.officer, t.training):
        division_of.update(conn.execute(select(table.c.uuid, table.c.division_code)).all())

    division_of.update(
        conn.execute(select(t.screening_person.c.uuid, t.screening_person.c.village_code)).all()
    )
    round_area = dict(
        conn.execute(select(t.screening_round.c.uuid, t.screening_round.c.division_code)).all()
    )

    submitted_by = dict(
        conn.execute(select(t.submission.c.uuid, t.submission.c.village_code)).all()
    )

    def belongs(change: ChangeRecord) -> bool:
        if change.entity == "evidence":
            submission = change.fields.get("submission_uuid", "")
            return division.belongs_to(submitted_by.get(submission, change.station), receiver)
        if division.belongs_to(change.station, receiver):
            return True
        if change.entity == "screening_round":
            area = change.fields.get("division_code") or round_area.get(change.entity_uuid, "")
            return bool(area) and division.belongs_to(receiver, area)
        if change.entity == "child":
            child = change.entity_uuid
        else:
            child = change.fields.get("child_uuid") or child_of.get(change.entity_uuid, "")
        village = (
            change.fields.get("village_code")
            or change.fields.get("division_code")
            or village_of.get(child, "")
            or division_of.get(change.entity_uuid, "")
        )
        return division.belongs_to(village, receiver) if village else False

    return [c for c in changes if belongs(c)]
