"""Who may sign the records of 排查 (domain/screening.py): a round for the town or county it
names, by that station or one above it; the people to screen by the stations that answer for the
round, or by the station of the person's village (a village adds the children a list checked
there names), each of a village inside the round's area; a mark by a station that answers for
the village of the child or person it marks, in a round of that village's area. A village
therefore neither opens a round nor marks another village's child, and a town does not rewrite
its county's round."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import Connection

from ..domain import division, screening
from . import held
from .changeset import ChangeRecord
from .errors import SyncError

ROUND, PERSON, MARK = "screening_round", "screening_person", "screening_mark"
ENTITIES = frozenset({ROUND, PERSON, MARK})
VILLAGE_DIGITS = division.ROLE_CODE_LENGTH["village"]


def check(conn: Connection, changes: Sequence[ChangeRecord]) -> None:
    """Raises SyncError("outside_authority") naming the first screening change refused."""
    mine = [c for c in changes if c.entity in ENTITIES]
    if not mine:
        return
    by_entity: dict[str, list[ChangeRecord]] = defaultdict(list)
    for c in mine:
        by_entity[c.entity].append(c)
    rounds, persons, marks = by_entity[ROUND], by_entity[PERSON], by_entity[MARK]
    round_of = _values(conn, PERSON, persons, "round_uuid") | _values(
        conn, MARK, marks, "round_uuid"
    )
    named = set().union(*round_of.values())
    area = _values(conn, ROUND, rounds, "division_code", named)
    levels = _values(conn, ROUND, rounds, "level", named)
    village_of = _values(conn, PERSON, persons, "village_code", _subjects(marks, "person_uuid"))
    children = _subjects(marks, "child_uuid")
    villages = held.values(conn, "child", children, "village_code")
    for c in changes:
        if c.entity == "child" and c.entity_uuid in children and c.fields.get("village_code"):
            villages[c.entity_uuid].add(c.fields["village_code"])
    for c in rounds:
        if not _round_ok(c.station, area[c.entity_uuid], levels[c.entity_uuid]):
            raise SyncError("outside_authority", change=c.change_id)
    for c in persons:
        codes = [area[r] for r in round_of[c.entity_uuid]]
        placed = village_of[c.entity_uuid]
        ok = (
            bool(codes)
            and (
                all(held.answers(c.station, [d]) for found in codes for d in found)
                or all(held.answers(c.station, [v]) for v in placed)
            )
            and _inside(placed, codes)
        )
        if not ok:
            raise SyncError("outside_authority", change=c.change_id)
    for c in marks:
        subject = villages.get(c.fields.get("child_uuid") or "", set()) | village_of.get(
            c.fields.get("person_uuid") or "", set()
        )
        own = {c.fields.get("village_code") or ""}
        codes = [area[r] for r in round_of[c.entity_uuid]]
        ok = (
            bool(subject)
            and bool(codes)
            and all(held.answers(c.station, [v]) for v in subject | own)
            and _inside(own, codes)
        )
        if not ok:
            raise SyncError("outside_authority", change=c.change_id)


def _round_ok(station: str, codes: set[str], levels: set[str]) -> bool:
    """Opened for a town or county the station is, or is above; at that division's level."""
    return (
        bool(codes)
        and all(division.level_of(d) in screening.LEVELS for d in codes)
        and all(held.answers(station, [d]) for d in codes)
        and all(level == division.level_of(d) for level in levels for d in codes)
    )


def _inside(villages: set[str], areas: list[set[str]]) -> bool:
    """Every one of `villages` is a village inside every area the round was given."""
    return bool(villages) and all(
        len(v) == VILLAGE_DIGITS and division.belongs_to(v, d)
        for v in villages
        for found in areas
        for d in found
    )


def _subjects(marks: list[ChangeRecord], field: str) -> set[str]:
    return {c.fields[field] for c in marks if c.fields.get(field)}


def _values(
    conn: Connection,
    entity: str,
    changes: list[ChangeRecord],
    column: str,
    more: set[str] = frozenset(),
) -> dict[str, set[str]]:
    """Per record of `entity` changed here (and per record of `more`), the values of `column`
    the receiver holds and this file's changes carry."""
    found = held.values(conn, entity, {c.entity_uuid for c in changes} | set(more), column)
    for c in changes:
        if c.fields.get(column):
            found[c.entity_uuid].add(c.fields[column])
    return found
