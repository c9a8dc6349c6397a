"""Which village a person a list names is screened in (排查).

A school's roll has no 所属村 column: the village is then the station's own at a village; at a
town or county, the one village of the round's area the person's address names, else the one
the officer chose. An address that names two villages is not guessed from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .division import belongs_to, level_of

LIST, STATION, ADDRESS, CHOSEN = "list", "station", "address", "chosen"
TOWN_DIGITS = 9


@dataclass(frozen=True)
class Place:
    village_code: str
    how: str  # list | station | address | chosen
    village_name: str = ""


def villages_of(area: str, names: Mapping[str, str]) -> dict[str, str]:
    """The villages of `area` the station knows by name: code → name."""
    return {c: n for c, n in names.items() if level_of(c) == "village" and belongs_to(c, area)}


def village_named_in(address: str, area: str, names: Mapping[str, str]) -> str:
    """The one village of `area` that `address` names, else "" (none, or more than one).

    A name inside a longer one the address also names is that one's (上村 in 大上村三组); two
    villages of one name in two towns are told apart by the town's name, where it is written."""
    found = {c: n for c, n in villages_of(area, names).items() if n and n in address}
    kept = [c for c, n in found.items() if not any(n != o and n in o for o in found.values())]
    if len(kept) > 1:
        towns = [c for c in kept if (names.get(c[:TOWN_DIGITS]) or "\0") in address]
        kept = towns or kept
    return kept[0] if len(kept) == 1 else ""


def place(
    listed: str,
    station: str,
    area: str,
    address: str,
    names: Mapping[str, str],
    chosen: str = "",
) -> Place | None:
    """Where a person is screened: the village the list gives (`listed`), else the station's own
    village, else the village the address names, else the officer's choice; None when there is
    none of these (the officer is to choose)."""
    if listed:
        return Place(listed, LIST, names.get(listed, ""))
    if level_of(station) == "village":
        return Place(station, STATION, names.get(station, ""))
    named = village_named_in(address, area, names)
    if named:
        return Place(named, ADDRESS, names.get(named, ""))
    return Place(chosen, CHOSEN, names.get(chosen, "")) if chosen else None
