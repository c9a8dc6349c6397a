"""Files of two villages that are probably one child: the matcher run over the registry itself.

A town or county holds its villages' files; a child registered in two villages (a family that
moved, a child living with grandparents in one village and registered by the parents' in
another) shows as two files. Those sharing an ID number are found by it (sync/duplicates.py);
here, those the matcher takes for one child: the same name and birth date, or a fuzzy match.
Never two files of one village, and never two whose ID numbers are both valid (the same number
is the other list's; two different ones are two children, twins as like as not).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..storage import bulk
from .match import FUZZY, NAME_BIRTH, NAME_BIRTH_SCORE, THRESHOLD, Registry
from .people import Identity, Person


@dataclass(frozen=True)
class LikelyPair:
    first: str  # the files' keys (uuids), in order
    second: str
    how: str  # "name_birth" | "fuzzy"
    score: float


def likely_pairs(people: Sequence[Person], today: date) -> list[LikelyPair]:
    """Every pair of files of two villages the matcher takes for one child, likeliest first."""
    if len({p.village_code for p in people}) < 2:
        return []
    best: dict[tuple[str, str], LikelyPair] = {}
    with bulk.gc_paused():  # a county's identities and indexes: see match_people
        registry = Registry(people, today)
        for who in registry.everyone:
            for found in _alike(registry, who):
                key = (found.first, found.second)
                if key not in best or found.score > best[key].score:
                    best[key] = found
    return sorted(best.values(), key=lambda p: (-p.score, p.first, p.second))


def pair_of(a: Person, b: Person, today: date) -> LikelyPair | None:
    """The two files as a likely pair, or None where the matcher does not take them for one
    child (or they are of one village, or both have valid ID numbers)."""
    found = likely_pairs([a, b], today)
    return found[0] if found else None


def _alike(registry: Registry, who: Identity):
    for score, other in registry.scored(who):
        if (
            score < THRESHOLD
            or other.person.village_code == who.person.village_code
            or (who.id_valid and other.id_valid)
            or (who.id_number and who.id_number == other.id_number)  # found by its number
        ):
            continue
        first, second = sorted((who.person.key, other.person.key))
        if other.name == who.name and other.birth_date == who.birth_date:
            yield LikelyPair(first, second, NAME_BIRTH, NAME_BIRTH_SCORE)
        else:
            yield LikelyPair(first, second, FUZZY, round(score, 3))
