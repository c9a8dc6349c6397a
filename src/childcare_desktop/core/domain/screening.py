"""排查 (screening rounds): what a mark may find, who is in a round, and when a village is late.

A round is opened by a town or a county for its area. Its population is every active child
registered in the area who was under 18 on the day it opened, children registered after the day
included (a child found and registered during the round is screened in it), and the people a list
(the household register) adds who have no file. A mark says a child or person was screened, on a
day, with the categories found or none; the latest mark of a subject counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .categories import CATEGORY_CODES
from .validation import codes_ok

LEVELS = ("town", "county")  # the stations that open rounds
NONE_FOUND = "none"
ADULT_AGE = 18


def found_text(codes: Iterable[str]) -> str:
    """What a mark stores: the category codes found in the order of CATEGORY_CODES, or "none"."""
    chosen = set(codes)
    ordered = [c for c in CATEGORY_CODES if c in chosen]
    return ",".join(ordered) if ordered else NONE_FOUND


def found_codes(text: str) -> tuple[str, ...]:
    """The category codes a stored mark found (none: an empty tuple)."""
    return () if text == NONE_FOUND else tuple(text.split(","))


def found_ok(text: str) -> bool:
    """A mark's finding as stored: "none", or category codes joined by commas, each once."""
    return text == NONE_FOUND or (bool(text) and codes_ok(CATEGORY_CODES, text))


def born_after(opened_on: date) -> date:
    """Children born after this day were under 18 on the day the round opened."""
    try:
        return opened_on.replace(year=opened_on.year - ADULT_AGE)
    except ValueError:  # 29 February
        return opened_on.replace(year=opened_on.year - ADULT_AGE, day=28)


def in_age(birth_date: date | None, opened_on: date) -> bool:
    """Under 18 on the opening day (a file without a birth date is screened all the same)."""
    return birth_date is None or birth_date > born_after(opened_on)


def is_late(deadline: date, screened: int, to_screen: int, today: date) -> bool:
    """Past the deadline with someone still to screen."""
    return today > deadline and screened < to_screen
