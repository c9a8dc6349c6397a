"""排查: a town or county opens a screening round for its area, adds the people a list names who
have no file, the villages mark each child and person screened, and the round shows its coverage
per village and who is late (domain/screening.py says who is in a round).

Rounds and people travel down to the villages of the round's area, marks come up (sync/scope.py,
sync/screening_authority.py). Every station works the coverage out from what it holds: a village
sees its own children and people, its town all of its villages'.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from ..domain import idnumber, screening
from ..domain.categories import CATEGORY_CODES, CategorySpan
from ..domain.child import Child, new_uuid
from ..domain.division import belongs_to
from ..domain.screening_place import LIST, Place, place, villages_of
from ..domain.validation import date_ok, id_number_ok, name_ok, text_ok
from ..errors import FieldProblem, NotFound, StationError, ValidationFailed
from ..storage import audit, divisions
from ..storage import screening_repo as repo
from ..storage.store import Store
from .screening_round import (
    CHILD,
    PERSON,
    RoundStatus,
    ScreeningRound,
    Subject,
    read_status,
    round_of,
)
from .station import station_info

VILLAGE_DIGITS = 12
_NO_VILLAGE = "screening_village_required"


class ListedPerson(Protocol):
    """A row of a list, as the department-list reader gives it (core/matching's Person)."""

    key: str
    name: str
    id_number: str
    birth_date: date | None
    sex: str
    village_code: str


@dataclass(frozen=True)
class PeopleAdded:
    added: tuple[str, ...]  # the new people's uuids
    already: tuple[str, ...]  # keys of rows already in the round, or registered children
    refused: tuple[tuple[str, FieldProblem], ...]  # (key, why)
    # (key, where) of the rows added whose village the list did not give: the station's own,
    # the one the address names, or the one the officer chose
    placed: tuple[tuple[str, Place], ...] = ()


@dataclass(frozen=True)
class MarkResult:
    subject: Subject
    register: bool  # a person with a category found: the child's file is to be registered


class Screening:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    def open(
        self, title: str, deadline: date, population_note: str = "", opened_on: date | None = None
    ) -> ScreeningRound:
        """Open a round for this town's or county's area: its registered children are in it
        (domain/screening.py); `add_people` adds those a list names who have no file."""
        return self.open_with_people(title, deadline, population_note, opened_on)[0]

    def open_with_people(
        self,
        title: str,
        deadline: date,
        population_note: str = "",
        opened_on: date | None = None,
        people: Sequence[ListedPerson] = (),
        source: str = "",
        addresses: Mapping[str, str] | None = None,
    ) -> tuple[ScreeningRound, PeopleAdded]:
        """Open a round with the people a list names who have no file (as `add_people`), in
        one transaction: the round is there with its people, or not at all."""
        row = self.check_round(title, deadline, opened_on)
        info = station_info(self.store)
        row |= {"uuid": new_uuid(), "opened_by": info.officer, "level": info.role,
                "division_code": info.code, "population_note": population_note.strip(),
                "closed_on": None}  # fmt: skip
        found = round_of(row, {})
        rows, added = self._people_rows(found, info.code, people, source, addresses or {}, "")
        with self.store.write() as conn:
            repo.create_round(conn, row)
            repo.add_people(conn, rows, source.strip())
        return self.get(row["uuid"]), added

    def check_round(
        self, title: str, deadline: date, opened_on: date | None = None
    ) -> dict[str, Any]:
        """A round's title and dates as they are stored, once this station may open it and
        they are right (StationError, ValidationFailed)."""
        if station_info(self.store).role not in screening.LEVELS:
            raise StationError("screening_level")
        opened_on = opened_on or self.today()
        problems = []
        if not title.strip():
            problems.append(FieldProblem("title", "required"))
        elif not text_ok(title):
            problems.append(FieldProblem("title", "text_invalid"))
        if not date_ok(deadline):
            problems.append(FieldProblem("deadline", "implausible_date"))
        elif deadline < opened_on:
            problems.append(FieldProblem("deadline", "end_before_start"))
        if problems:
            raise ValidationFailed(problems)
        return {"title": title.strip(), "opened_on": opened_on, "deadline": deadline}

    def close(self, round_uuid: str, day: date | None = None) -> ScreeningRound:
        found = self.get(round_uuid)
        self._answer_for(found)
        with self.store.write() as conn:
            repo.close_round(conn, round_uuid, day or self.today())
        return self.get(round_uuid)

    def rounds(self) -> list[ScreeningRound]:
        """Every round this station holds, the newest first."""
        with self.store.read() as conn:
            names = divisions.names(conn)
            return [round_of(r, names) for r in repo.rounds(conn)]

    def rounds_to_add_to(self) -> list[ScreeningRound]:
        """The open rounds this station may add people to (its own area's, or the one of the
        area it is in: a village adds its own village's), the newest first: where a person a
        department's list names, not registered, is sent to be screened."""
        own = station_info(self.store).code
        return [
            r
            for r in self.rounds()
            if r.closed_on is None
            and (belongs_to(r.division_code, own) or belongs_to(own, r.division_code))
        ]

    def get(self, round_uuid: str) -> ScreeningRound:
        with self.store.read() as conn:
            row = repo.round_row(conn, round_uuid)
            names = divisions.names(conn)
        if row is None:
            raise NotFound("screening_round_not_found", uuid=round_uuid)
        return round_of(row, names)

    def add_people(
        self,
        round: str,
        people: Sequence[ListedPerson],
        source: str,
        addresses: Mapping[str, str] | None = None,
        village: str = "",
    ) -> PeopleAdded:
        """Add the people a list names who have no file (the household register's unmatched
        rows) to the round, each in their village of the round's area: the list's, else the
        one domain/screening_place.py finds (`village`: the officer's choice where the list
        and the address say none). A village adds people of its own village only. A row
        already in the round (the same ID number, or the same name, birth date and village) or
        whose ID number is a registered child's of the area is left out; a row without a
        village of the area, 18 or older on the opening day, or with a name or number the form
        would refuse, is refused."""
        found = self.get(round)
        own = station_info(self.store).code
        rows, added = self._people_rows(found, own, people, source, addresses or {}, village)
        with self.store.write() as conn:
            repo.add_people(conn, rows, source.strip())
        return added

    def _people_rows(
        self,
        found: ScreeningRound,
        own: str,
        people: Sequence[ListedPerson],
        source: str,
        addresses: Mapping[str, str],
        village: str,
    ) -> tuple[list[dict[str, Any]], PeopleAdded]:
        """The rows `add_people` writes, and what became of each person."""
        area = self._area_to_add(found, own)
        if not people:  # a round opened without a list: nobody's number to look up
            return [], PeopleAdded((), (), ())
        with self.store.read() as conn:
            held = repo.people_of(conn, found.uuid)
            registered = {
                c["id_number"]
                for c in repo.children_in(conn, found.division_code)
                if c["id_number"]
            }
            names = divisions.names(conn)
        numbers = {p["id_number"] for p in held if p["id_number"]} | registered
        seen = {(p["name"], p["birth_date"], p["village_code"]) for p in held}
        rows, already, refused, placed = [], [], [], []
        for person in people:
            address = addresses.get(person.key, "").strip()
            where = place(person.village_code, own, area, address, names, village)
            if where is None:
                refused.append((person.key, FieldProblem("village_code", _NO_VILLAGE)))
                continue
            number = idnumber.normalize(person.id_number or "")
            problem = _person_problem(person, where.village_code, number, area)
            if problem is not None:
                refused.append((person.key, problem))
                continue
            row = _person_row(found.uuid, person, where.village_code, number, source, address)
            if not screening.in_age(row["birth_date"], found.opened_on):
                refused.append((person.key, FieldProblem("birth_date", "screening_adult")))
                continue
            same = (row["name"], row["birth_date"], row["village_code"])
            if (number and number in numbers) or same in seen:
                already.append(person.key)
                continue
            if number:
                numbers.add(number)
            seen.add(same)
            rows.append(row)
            if where.how != LIST:
                placed.append((person.key, where))
        added = PeopleAdded(
            tuple(r["uuid"] for r in rows), tuple(already), tuple(refused), tuple(placed)
        )
        return rows, added

    def check_places(
        self,
        round: str,
        people: Sequence[ListedPerson],
        addresses: Mapping[str, str],
        village: str = "",
    ) -> None:
        """Before anything is written: ValidationFailed where one of `people` would have no
        village (screening_village_required), for the officer to choose one."""
        found = self.get(round)
        own = station_info(self.store).code
        area = self._area_to_add(found, own)
        with self.store.read() as conn:
            names = divisions.names(conn)
        for person in people:
            address = addresses.get(person.key, "").strip()
            if place(person.village_code, own, area, address, names, village) is None:
                raise ValidationFailed([FieldProblem("village_code", _NO_VILLAGE)])

    def villages(self, round: str) -> dict[str, str]:
        """The villages a person may be added to in the round by this station: code → name."""
        found = self.get(round)
        with self.store.read() as conn:
            names = divisions.names(conn)
        return villages_of(self._area_to_add(found, station_info(self.store).code), names)

    def mark(
        self,
        round: str,
        subject: str,
        found: Sequence[str],
        on: date,
        note: str = "",
        registered_as: str = "",
    ) -> MarkResult:
        """Mark `subject` (a child's or a listed person's uuid) screened `on`, with the
        categories found (none: an empty sequence). `registered_as`: the child's file just
        registered for a listed person, who from then on is that child in the round."""
        # The round as the subject's village sees it: a county is not read whole for one mark.
        found_round = self.get(round)
        with self.store.read() as conn:
            village = repo.village_of(conn, subject)
            status = read_status(conn, found_round, village or "-", self.today())
        by_uuid = {s.uuid: s for s in status.subjects} | {
            s.person_uuid: s for s in status.subjects if s.person_uuid
        }
        target = by_uuid.get(subject)
        own = station_info(self.store).code
        if (
            target is None
            or not belongs_to(target.village_code, own)
            or (registered_as and target.kind != PERSON)
        ):
            raise NotFound("screening_subject_not_found", uuid=subject)
        problems = _mark_problems(found, on, note, status.round, self.today())
        if problems:
            raise ValidationFailed(problems)
        if target.kind == CHILD:
            child, person = target.uuid, None
        else:
            child, person = registered_as or None, target.uuid
        row = {
            "uuid": new_uuid(),
            "round_uuid": status.round.uuid,
            "child_uuid": child,
            "person_uuid": person,
            "village_code": target.village_code,
            "screened_on": on,
            "found": screening.found_text(found),
            "note": note.strip(),
            "marked_by": station_info(self.store).officer,
        }
        with self.store.write() as conn:
            repo.add_mark(conn, row)
        marked = replace(
            target, screened_on=on, found=screening.found_codes(row["found"]), note=row["note"]
        )
        return MarkResult(marked, register=target.kind == PERSON and not child and bool(found))

    def draft_child(self, round: str, person_uuid: str) -> Child:
        """A new file filled from a listed person (name, ID number, birth date, sex, village,
        address) and the categories the person's latest mark found, held from today, for the
        officer to confirm, complete and register (the form's checks apply as to any file)."""
        with self.store.read() as conn:
            found = {p["uuid"]: p for p in repo.people_of(conn, round)}.get(person_uuid)
            marks = [m for m in repo.marks_of(conn, round) if m["person_uuid"] == person_uuid]
        if found is None:
            raise NotFound("screening_subject_not_found", uuid=person_uuid)
        codes = screening.found_codes(marks[-1]["found"]) if marks else ()
        return Child(
            found["name"],
            found["sex"],
            found["birth_date"],
            found["village_code"],
            id_number=found["id_number"],
            current_address=found["address"],
            categories=tuple(CategorySpan(code, self.today()) for code in codes),
        )

    def status(self, round: str) -> RoundStatus:
        """Coverage per village of the round's area this station holds: to screen, screened,
        with a category found, late; and every subject with their latest mark."""
        found = self.get(round)
        own = station_info(self.store).code
        area = found.division_code if belongs_to(found.division_code, own) else own
        with self.store.read() as conn:
            return read_status(conn, found, area, self.today())

    def print(self, round: str, out: Path | BinaryIO) -> int:
        """The round's result as a PDF (reports/screening_pdf.py); returns its pages."""
        # Imported here: reportlab loads only when a report is asked for, not with every window.
        from ..reports.screening_pdf import render_screening

        status = self.status(round)
        pages = render_screening(status, station_info(self.store).name, self.today(), out)
        with self.store.write() as conn:
            audit.record(conn, "print", repo.ROUND, status.round.uuid, detail=f"{pages} pages")
        return pages

    def _area_to_add(self, found: ScreeningRound, own: str) -> str:
        """Where this station may add people to the round: its area, or a village inside it
        its own village (a list checked there names its own children)."""
        if belongs_to(own, found.division_code) and not belongs_to(found.division_code, own):
            return own
        self._answer_for(found)
        return found.division_code

    def _answer_for(self, found: ScreeningRound) -> None:
        if not belongs_to(found.division_code, station_info(self.store).code):
            raise StationError("screening_not_ours")


def _person_problem(
    person: ListedPerson, village: str, number: str, area: str
) -> FieldProblem | None:
    if len(village) != VILLAGE_DIGITS or not village.isdigit() or not belongs_to(village, area):
        return FieldProblem("village_code", "screening_village_outside", {"village": village})
    if not name_ok(person.name.strip()):
        return FieldProblem("name", "name_invalid")
    if not id_number_ok(number):
        return FieldProblem("id_number", "id_invalid")
    if person.birth_date is not None and not date_ok(person.birth_date):
        return FieldProblem("birth_date", "implausible_date")
    return None


def _person_row(
    round_uuid: str, person: ListedPerson, village: str, number: str, source: str, address: str
) -> dict[str, Any]:
    facts = idnumber.check(number) if number else None
    born = person.birth_date or (facts.birth_date if facts is not None and facts.ok else None)
    sex = person.sex or (facts.sex if facts is not None and facts.ok else "") or ""
    return {
        "uuid": new_uuid(),
        "round_uuid": round_uuid,
        "village_code": village,
        "name": person.name.strip(),
        "id_number": number,
        "birth_date": born,
        "sex": sex if sex in ("male", "female") else "",
        "address": address,
        "source": source.strip(),
    }


def _mark_problems(
    found: Sequence[str], on: date, note: str, round: ScreeningRound, today: date
) -> list[FieldProblem]:
    problems = []
    if any(code not in CATEGORY_CODES for code in found) or len(set(found)) != len(found):
        problems.append(FieldProblem("found", "unknown_value"))
    if not date_ok(on):
        problems.append(FieldProblem("screened_on", "implausible_date"))
    elif on > today:
        problems.append(FieldProblem("screened_on", "future_date"))
    elif on < round.opened_on:
        problems.append(FieldProblem("screened_on", "before_round"))
    if not text_ok(note):
        problems.append(FieldProblem("note", "text_invalid"))
    return problems
