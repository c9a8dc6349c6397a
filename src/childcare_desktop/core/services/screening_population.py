"""Loading a list (the household register) into a screening round: its rows are read with the
department-list reader and matched with the registry of the round's area; a row matched is a
registered child, in the round already; the others become people to screen in their villages.
A round opened with a register is opened once the register is read, with its people."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..domain.division import belongs_to, level_of
from ..lists.rows import listed_address, read_file
from ..matching import Match, children_as_people, match_people
from ..storage import divisions
from ..storage.store import Store
from .screening import PeopleAdded, Screening, ScreeningRound
from .station import station_info


@dataclass(frozen=True)
class PopulationLoaded:
    rows: int  # the list's data rows
    registered: tuple[Match, ...]  # rows that are registered children: in the round already
    people: PeopleAdded  # the other rows: added, already in the round, or refused


def open_with_population(
    store: Store,
    title: str,
    deadline: date,
    population_note: str,
    path: Path,
    today: Callable[[], date] = date.today,
) -> tuple[ScreeningRound, PopulationLoaded]:
    """A round opened with the register's people, once the register is read: a file that
    cannot be read opens no round (and the round and its people are written together)."""
    screening = Screening(store, today)
    screening.check_round(title, deadline)
    rows, matches, others, addresses = _read(store, station_info(store).code, path, today)
    opened, added = screening.open_with_people(
        title, deadline, population_note, people=others, source=path.name, addresses=addresses
    )
    return opened, PopulationLoaded(len(rows), tuple(matches.values()), added)


def _read(store: Store, area: str, path: Path, today: Callable[[], date]):
    """The register's rows; those matched to a registered child of `area`; the others, and
    their addresses."""
    with store.read() as conn:
        names = divisions.names(conn)
        children = [p for p in children_as_people(conn) if belongs_to(p.village_code, area)]
    villages = {
        key: code
        for code, name in names.items()
        if level_of(code) == "village" and belongs_to(code, area)
        for key in (code, name)
    }
    _, rows = read_file(path, villages)
    people = [r.person for r in rows]
    matches = match_people(people, children, today())
    others = [p for p in people if p.key not in matches]
    addresses = {r.person.key: listed_address(r.facts) for r in rows}
    return rows, matches, others, addresses
