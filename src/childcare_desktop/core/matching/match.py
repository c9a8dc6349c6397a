"""Matching a list's rows to registered children, in order of trust.

1. A valid ID number identical to a child's: "id_number", score 1.0.
2. The same name (normalised) and the same birth date: "name_birth".
3. Else a fuzzy match: a name alike in characters or in pinyin, a birth date equal or mistyped
   (one digit, or the day and month swapped), or an ID number one digit off a child's: "fuzzy",
   scored by how alike they are.

Never matched: a row and a child whose ID numbers are both valid and differ (twins share a birth
date and often nearly a name: their numbers tell them apart), or whose sexes differ.

A child named twice by a list (two rows with its ID number, or its name and birth date) is
matched by both rows: the list does name the child twice. A fuzzy match is a guess, so it goes
only to a child no surer row took, each child to one fuzzy row at most (the likeliest), and no
row is matched where two children are nearly as likely (the person decides). A name and birth
date that two children share is matched only where the row's village or sex, or its ID number
mistyped by a digit, tells them apart.

Children are found through indexes (ID number, name and birth date, birth date and pinyin),
never by comparing every row with every child.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..storage import bulk
from .people import Identity, Person, identity, syllables
from .similar import name_likeness, near_dates, near_numbers

ID_NUMBER = "id_number"
NAME_BIRTH = "name_birth"
FUZZY = "fuzzy"

NAME_BIRTH_SCORE = 0.97
# The least score of a fuzzy match, and how far ahead of the next child it must be.
THRESHOLD = 0.7
MARGIN = 0.05
# What a birth date mistyped, or an ID number mistyped, makes of the name's likeness.
_NEAR_DATE = 0.92
_NEAR_NUMBER_BASE, _NEAR_NUMBER_NAME = 0.5, 0.45


@dataclass(frozen=True)
class Match:
    row: str  # Person.key of the list's row
    child: str  # Person.key (uuid) of the registered child
    how: str  # "id_number" | "name_birth" | "fuzzy"
    score: float  # 0..1, how sure; 1.0 for an identical valid ID number


def match_people(
    rows: Sequence[Person], children: Sequence[Person], today: date | None = None
) -> dict[str, Match]:
    """The best match of each row that has one, keyed by row key (see the module's docstring
    for a child named by several rows). `today` tells an ID number born in the future."""
    today = today or date.today()
    # The indexes and identities are 100,000s of objects alive to the end: the collector's
    # passes over them cost a third of the time.
    with bulk.gc_paused():
        return _matched(rows, Registry(children, today), today)


def _matched(rows: Sequence[Person], registry: Registry, today: date) -> dict[str, Match]:
    found: dict[str, Match] = {}
    unsure: list[Identity] = []
    for row in rows:
        who = identity(row, today)
        sure = registry.sure(who)
        if sure is not None:
            found[row.key] = sure
        else:
            unsure.append(who)
    taken = {m.child for m in found.values()}
    guesses = [  # (score, order, row, child)
        (score, order, who.person.key, child)
        for order, who in enumerate(unsure)
        for score, child in registry.guesses(who, taken)
    ]
    for score, _, row_key, child in sorted(guesses, key=lambda g: (-g[0], g[1])):
        if row_key not in found and child not in taken:
            found[row_key] = Match(row_key, child, FUZZY, round(score, 3))
            taken.add(child)
    return found


class Registry:
    """The children, indexed for the three ways a row is matched.

    A fuzzy match needs names at least `THRESHOLD` alike, which two names of three syllables
    or fewer are only when they have the same syllables (in any order: see similar.py). So a
    row is compared with the children of its birth date (or a near one) whose names sound the
    same, and with those whose names are longer or not all Chinese characters; a row of such
    a name, with every child of its birth date."""

    def __init__(self, children: Iterable[Person], today: date) -> None:
        self.everyone: list[Identity] = []
        self.by_number: dict[str, list[Identity]] = {}
        self.by_birth: dict[date, list[Identity]] = {}
        self.long_by_birth: dict[date, list[Identity]] = {}
        # By the name's sound, then the birth date: most sounds are one child's, or none.
        self.by_sound: dict[tuple[str, ...], dict[date, list[Identity]]] = {}
        for child in children:
            who = identity(child, today)
            self.everyone.append(who)
            if who.id_valid:
                self.by_number.setdefault(who.id_number, []).append(who)
            born = who.birth_date
            if born is not None:
                self.by_birth.setdefault(born, []).append(who)
                sound, long = _shape(who.name)
                if long:
                    self.long_by_birth.setdefault(born, []).append(who)
                self.by_sound.setdefault(sound, {}).setdefault(born, []).append(who)

    def sure(self, who: Identity) -> Match | None:
        """The match by ID number, else by name and birth date, where there is one."""
        key = who.person.key
        if who.id_valid and who.id_number in self.by_number:
            child = _one(who, self.by_number[who.id_number], ignore_numbers=True)
            if child is not None:
                return Match(key, child.person.key, ID_NUMBER, 1.0)
        if who.birth_date is not None:
            same = self.by_sound.get(_shape(who.name)[0], {}).get(who.birth_date, ())
            child = _one(who, [c for c in same if c.name == who.name and not _contradicts(who, c)])
            if child is not None:
                return Match(key, child.person.key, NAME_BIRTH, NAME_BIRTH_SCORE)
        return None

    def guesses(self, who: Identity, taken: set[str] = frozenset()) -> list[tuple[float, str]]:
        """The children `who` may be (other than those `taken`), each with its score, where
        one stands out; none where two children are nearly as likely."""
        scores: dict[str, float] = {}
        for score, child in self.scored(who):
            key = child.person.key
            if score >= THRESHOLD and key not in taken and score > scores.get(key, 0.0):
                scores[key] = score
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < MARGIN:
            return []
        return [(score, child) for child, score in ranked]

    def scored(self, who: Identity) -> Iterator[tuple[float, Identity]]:
        """Children who may be `who`, each with how alike they are (some below THRESHOLD, a
        child maybe twice); never one `who` contradicts."""
        for score, child in self._candidates(who):
            if not _contradicts(who, child):
                yield score, child

    def _candidates(self, who: Identity) -> Iterator[tuple[float, Identity]]:
        if who.id_number and not who.id_valid:
            for number in near_numbers(who.id_number):
                for child in self.by_number.get(number, ()):
                    likeness = name_likeness(who.name, child.name)
                    if likeness >= 0.5:
                        yield _NEAR_NUMBER_BASE + _NEAR_NUMBER_NAME * likeness, child
        born = who.birth_date
        if born is None:
            return
        sound, long = _shape(who.name)
        same_sound = self.by_sound.get(sound, {})
        if long:
            same_day = self.by_birth.get(born, [])
        else:
            same_day = same_sound.get(born, []) + self.long_by_birth.get(born, [])
        for child in same_day:
            yield name_likeness(who.name, child.name), child
        near = near_dates(born)
        for day in same_sound if len(same_sound) < len(near) else near:
            if day in same_sound and day in near:
                for child in same_sound[day]:
                    yield _NEAR_DATE * name_likeness(who.name, child.name), child
        for day in near if self.long_by_birth else ():
            for child in self.long_by_birth.get(day, ()):
                yield _NEAR_DATE * name_likeness(who.name, child.name), child


@lru_cache(maxsize=65536)
def _shape(name: str) -> tuple[tuple[str, ...], bool]:
    """A name's sound: its syllables in order of the alphabet, alike for a character replaced
    by one of the same sound and for characters swapped; and whether the name is long (four
    syllables or more) or not all Chinese characters (see Registry)."""
    found = syllables(name)
    return tuple(sorted(found)), len(found) > 3 or len(found) != len(name)


def _contradicts(row: Identity, child: Identity) -> bool:
    """Facts that make them two children: two valid ID numbers that differ, two sexes."""
    if row.id_valid and child.id_valid and row.id_number != child.id_number:
        return True
    return bool(row.sex and child.sex and row.sex != child.sex)


def _one(
    who: Identity, children: Sequence[Identity], ignore_numbers: bool = False
) -> Identity | None:
    """The one child of `children` the row names; where there are several, the one of the
    row's village, else of its sex, else the one whose ID number the row's mistyped; None
    where that leaves more than one."""
    if len(children) <= 1:
        return children[0] if children else None
    for tells in (_same_village, _same_sex, _near_number):
        told = [c for c in children if tells(who, c)]
        if len(told) == 1:
            return told[0]
    # Two open files with one valid number are one child registered twice: any of them is it.
    return children[0] if ignore_numbers else None


def _same_village(row: Identity, child: Identity) -> bool:
    return bool(row.person.village_code) and row.person.village_code == child.person.village_code


def _near_number(row: Identity, child: Identity) -> bool:
    return bool(row.id_number) and child.id_number in near_numbers(row.id_number)


def _same_sex(row: Identity, child: Identity) -> bool:
    return bool(row.sex) and row.sex == child.sex
