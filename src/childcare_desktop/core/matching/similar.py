"""How alike two names, two birth dates and two ID numbers are: the evidence a fuzzy match weighs.

Names are compared in pinyin and in characters (黄晓红 and 黄小红 sound alike), each by the
optimal string alignment of rapidfuzz, a syllable or character an item, where two swapped
count as one edit. Twins' names differ in a syllable (王晓明, 王晓亮): as alike as that
(two thirds), two names are not alike enough. A birth
date is near another when one digit differs, two neighbouring digits are swapped, or the day and
the month are (how dates are mistyped); an ID number is near another when one digit differs or
two neighbours are swapped (which its check digit always catches: such a number is never valid).
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from functools import lru_cache

from rapidfuzz.distance import OSA

from .people import syllables

_DIGITS = "0123456789"
# Characters of a name put in another order are one child's name mistyped more often than
# another child's name: as alike as one character of four replaced.
_REORDERED = 0.75
_SOUND = 0.7  # the share of the pinyin's likeness in a name's


def name_likeness(a: str, b: str) -> float:
    """0..1: how alike two normalised names are, in pinyin above all (a list's typist writes a
    name as heard) and in characters (of two names that sound alike, the one written alike)."""
    if a == b:
        return 1.0
    return _SOUND * _likeness(syllables(a), syllables(b)) + (1 - _SOUND) * _likeness(a, b)


def _likeness(a, b) -> float:
    found = OSA.normalized_similarity(a, b)
    if found < _REORDERED and len(a) == len(b) and sorted(a) == sorted(b):
        return _REORDERED
    return found


@lru_cache(maxsize=65536)
def near_dates(born: date) -> frozenset[date]:
    """The real dates that differ from `born` by one digit of YYYYMMDD, by two neighbouring
    digits swapped, or by the day and the month swapped."""
    text = date_digits(born)
    found: set[date] = set()
    for i, digit in enumerate(text):
        for other in _DIGITS:
            if other != digit:
                _add(found, text[:i] + other + text[i + 1 :])
    for i in range(7):
        _add(found, text[:i] + text[i + 1] + text[i] + text[i + 2 :])
    _add(found, text[:4] + text[6:8] + text[4:6])
    found.discard(born)
    return frozenset(found)


def date_digits(day: date) -> str:
    """YYYYMMDD, the year in four digits even before 1000 (a year mistyped)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _add(found: set[date], text: str) -> None:
    with suppress(ValueError):  # no such day
        found.add(date(int(text[:4]), int(text[4:6]), int(text[6:8])))


def near_numbers(number: str) -> list[str]:
    """The 18-character numbers one digit away from `number`, or with two neighbours swapped."""
    if len(number) != 18:
        return []
    found = []
    for i, char in enumerate(number):
        head, tail = number[:i], number[i + 1 :]
        for other in _DIGITS if i < 17 else _DIGITS + "X":
            if other != char:
                found.append(head + other + tail)
    for i in range(17):
        if number[i] != number[i + 1]:
            found.append(number[:i] + number[i + 1] + number[i] + number[i + 2 :])
    return found
