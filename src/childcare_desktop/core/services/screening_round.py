"""A screening round and how far it has got: who is in it (domain/screening.py says who), each
one's latest mark, and the coverage per village, worked out from what the station holds for an
area (the round's, a village's)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection

from ..domain import screening
from ..domain.division import belongs_to, level_of
from ..domain.search import sort_key
from ..storage import divisions
from ..storage import screening_repo as repo

CHILD, PERSON = "child", "person"


@dataclass(frozen=True)
class ScreeningRound:
    uuid: str
    title: str
    opened_on: date
    deadline: date
    opened_by: str
    level: str
    division_code: str
    division_name: str
    population_note: str
    closed_on: date | None


@dataclass(frozen=True)
class Subject:
    """A child or person to screen, with their latest mark (none yet: screened_on is None).
    A person registered since as a child is that child, `person_uuid` naming the listed row."""

    kind: str  # "child" | "person"
    uuid: str
    name: str
    sex: str
    birth_date: date | None
    village_code: str
    village_name: str
    screened_on: date | None = None
    found: tuple[str, ...] = ()
    note: str = ""
    person_uuid: str = ""
    address: str = ""

    @property
    def screened(self) -> bool:
        return self.screened_on is not None


@dataclass(frozen=True)
class VillageCoverage:
    village_code: str
    village_name: str
    to_screen: int
    screened: int
    found: int  # subjects screened with a category found
    late: bool


@dataclass(frozen=True)
class RoundStatus:
    round: ScreeningRound
    villages: tuple[VillageCoverage, ...]
    subjects: tuple[Subject, ...]

    @property
    def to_screen(self) -> int:
        return sum(v.to_screen for v in self.villages)

    @property
    def screened(self) -> int:
        return sum(v.screened for v in self.villages)

    @property
    def late(self) -> tuple[VillageCoverage, ...]:
        return tuple(v for v in self.villages if v.late)


def read_status(conn: Connection, found: ScreeningRound, area: str, today: date) -> RoundStatus:
    """The round's coverage and subjects in `area` (a division code at or below the round's)."""
    names = divisions.names(conn)
    children = repo.children_in(conn, area)
    people = repo.people_of(conn, found.uuid)
    marks = repo.marks_of(conn, found.uuid, area)
    subjects = _subjects(found, children, people, marks, names, area)
    return RoundStatus(found, _coverage(found, area, subjects, names, today), subjects)


def round_of(row: dict[str, Any], names: Mapping[str, str]) -> ScreeningRound:
    return ScreeningRound(
        row["uuid"],
        row["title"],
        row["opened_on"],
        row["deadline"],
        row["opened_by"],
        row["level"],
        row["division_code"],
        names.get(row["division_code"], ""),
        row["population_note"],
        row["closed_on"],
    )


def _subjects(
    found: ScreeningRound,
    children: list[dict[str, Any]],
    people: list[dict[str, Any]],
    marks: list[dict[str, Any]],
    names: Mapping[str, str],
    area: str,
) -> tuple[Subject, ...]:
    """The round's population (domain/screening.py) with each subject's latest mark; a person
    registered as a child (a mark naming both) is that child from then on."""
    latest: dict[str, dict[str, Any]] = {}
    registered_as: dict[str, str] = {}
    for m in marks:  # in the order made: the last one stays
        if m["child_uuid"]:
            latest[m["child_uuid"]] = m
        if m["person_uuid"]:
            latest[m["person_uuid"]] = m
            if m["child_uuid"]:
                registered_as[m["person_uuid"]] = m["child_uuid"]
    via = {child: person for person, child in registered_as.items()}
    subjects = []
    for c in children:
        screened = c["uuid"] in latest
        if not screened and (
            c["status"] != "active" or not screening.in_age(c["birth_date"], found.opened_on)
        ):
            continue
        subjects.append(_subject(CHILD, c, latest, names, via.get(c["uuid"], "")))
    for p in people:
        if p["uuid"] in registered_as or not belongs_to(p["village_code"], area):
            continue
        subjects.append(_subject(PERSON, p, latest, names))
    # As the roster: each village's files, then its listed people, by the names' pinyin.
    # The files' pinyin is held (child.sort_key); only listed people's is worked out here.
    held = {c["uuid"]: c["sort_key"] for c in children}

    def order(s: Subject) -> tuple:
        return (s.village_code, s.kind, held.get(s.uuid) or sort_key(s.name), s.uuid)

    return tuple(sorted(subjects, key=order))


def _subject(
    kind: str,
    row: dict[str, Any],
    latest: Mapping[str, dict[str, Any]],
    names: Mapping[str, str],
    person_uuid: str = "",
) -> Subject:
    mark = latest.get(row["uuid"])
    return Subject(
        kind,
        row["uuid"],
        row["name"],
        row["sex"],
        row["birth_date"],
        row["village_code"],
        names.get(row["village_code"], ""),
        mark["screened_on"] if mark else None,
        screening.found_codes(mark["found"]) if mark else (),
        mark["note"] if mark else "",
        person_uuid,
        row["address"] or "",
    )


def _coverage(
    found: ScreeningRound,
    area: str,
    subjects: Sequence[Subject],
    names: Mapping[str, str],
    today: date,
) -> tuple[VillageCoverage, ...]:
    """Per village of `area`: those the station knows by name (a village with no child held
    has nothing to screen) and those of the subjects."""
    counts = {c: [0, 0, 0] for c in names if level_of(c) == "village" and belongs_to(c, area)}
    for s in subjects:
        figures = counts.setdefault(s.village_code, [0, 0, 0])
        figures[0] += 1
        figures[1] += s.screened
        figures[2] += bool(s.found)
    return tuple(
        VillageCoverage(
            code,
            names.get(code, ""),
            to_screen,
            screened,
            with_found,
            screening.is_late(found.deadline, screened, to_screen, today),
        )
        for code, (to_screen, screened, with_found) in sorted(counts.items())
    )
