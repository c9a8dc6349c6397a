"""Loading a list (the household register) into a screening round: its rows are read with the
department-list reader and matched with the registry of the round's area; a row matched is a
registered child, in the round already; the others become people to screen in their villages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..domain.division import belongs_to, level_of
from ..lists.rows import listed_address, read_file
from ..matching import Match, children_as_people, match_people
from ..storage import screening_repo as repo
from ..storage.store import Store
from .screening import PeopleAdded, Screening


@dataclass(frozen=True)
class PopulationLoaded:
    rows: int  # the list's data rows
    registered: tuple[Match, ...]  # rows that are registered children: in the round already
    people: PeopleAdded  # the other rows: added, already in the round, or refused


def load_population(
    store: Store, round_uuid: str, path: Path, today: Callable[[], date] = date.today
) -> PopulationLoaded:
    screening = Screening(store, today)
    found = screening.get(round_uuid)
    area = found.division_code
    with store.read() as conn:
        names = repo.division_names(conn)
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
    added = screening.add_people(round_uuid, others, path.name, addresses)
    return PopulationLoaded(len(rows), tuple(matches.values()), added)
