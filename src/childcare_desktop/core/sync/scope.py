"""Which changes a receiver may hold: a village only its own children's records, a town only
its villages'. The county (and a town sending up) receives everything it holds. Evidence
(证明材料) goes down only to the village that submitted it and the stations above that village:
not to another village, even where the child has moved there since. A screening round (排查)
goes down to every station of its area, a person to screen only to the person's village.

A child moved to another village takes its whole file there: every change about the child goes
where the child is now, its old village's changes among them. The change that moves it also goes
to the villages it was in before, so that they learn it has left, and nothing after it."""

from __future__ import annotations

from sqlalchemy import Connection, select

from ..domain import division
from ..storage import tables as t
from ..storage.jsontext import loads
from . import entities
from .changeset import ChangeRecord

_CHUNK = 500


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
        now = village_of.get(child, "")
        if now and division.belongs_to(now, receiver):
            return True
        village = (
            change.fields.get("village_code")
            or change.fields.get("division_code")
            or now
            or division_of.get(change.entity_uuid, "")
        )
        return division.belongs_to(village, receiver) if village else False

    kept = {c.change_id for c in changes if belongs(c)}
    moves = [c for c in changes if c.change_id not in kept and _moves(c)]
    kept |= _moves_away(conn, moves, receiver)
    return [c for c in changes if c.change_id in kept]


def _moves(change: ChangeRecord) -> bool:
    """A change that moves a child already held to another village."""
    return change.entity == "child" and "village_code" in change.fields and not change.is_creation


def _moves_away(conn: Connection, moves: list[ChangeRecord], receiver: str) -> set:
    """The ids of the moves of children who were in the receiver's area before, by the
    villages the change log holds for them."""
    if not moves:
        return set()
    uuids = sorted({c.entity_uuid for c in moves})
    c = t.change.c
    were_here: set[str] = set()
    for i in range(0, len(uuids), _CHUNK):
        rows = conn.execute(
            select(c.entity_uuid, c.fields).where(
                c.entity == "child", c.entity_uuid.in_(uuids[i : i + _CHUNK])
            )
        )
        for uuid, fields in rows:
            before = loads(fields).get("village_code")
            if before and division.belongs_to(before, receiver):
                were_here.add(uuid)
    return {m.change_id for m in moves if m.entity_uuid in were_here}
