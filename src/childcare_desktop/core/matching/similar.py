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
    year, month, day = born.year, born.month, born.day
    # Only real days are made: an exception per impossible one cost more than the rest when a
    # county's 6,000 birth dates were worked out.
    found = {(other, month, day) for other in _one_digit_off(year, 4)}
    found.update((year, other, day) for other in _one_digit_off(month, 2))
    found.update((year, month, other) for other in _one_digit_off(day, 2))
    text = date_digits(born)
    for i in range(7):
        swapped = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        found.add((int(swapped[:4]), int(swapped[4:6]), int(swapped[6:8])))
    found.add((year, day, month))
    found.discard((year, month, day))
    return frozenset(date(*ymd) for ymd in found if _real(*ymd))


def _real(year: int, month: int, day: int) -> bool:
    if not (year > 0 and 0 < month <= 12 and day > 0):
        return False
    leap = month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return day <= _DAYS_IN[month] + leap


_DAYS_IN = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _one_digit_off(value: int, width: int) -> list[int]:
    text = f"{value:0{width}d}"
    return [
        int(text[:i] + other + text[i + 1 :])
        for i in range(width)
        for other in _DIGITS
        if other != text[i]
    ]


def date_digits(day: date) -> str:
    """YYYYMMDD, the year in four digits even before 1000 (a year mistyped)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


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
