"""Child categories (DESIGN.md): codes, the age at which each ends, and which apply on a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

CATEGORY_CODES = (
    "left_behind",
    "floating",
    "orphan",
    "de_facto_unsupported",
    "severe_disability",
    "serious_illness",
    "poor_family",
    "guardianship_lacking",
    "other_distress",
)
AGE_LIMIT = {code: 18 for code in CATEGORY_CODES} | {"left_behind": 16, "floating": 16}


@dataclass(frozen=True)
class CategorySpan:
    """A category held from `start` until the day before `end` (None: still held); a span that
    ends keeps its dates, so the history stays."""

    code: str
    start: date
    end: date | None = None

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


def current_codes(spans: tuple[CategorySpan, ...] | list[CategorySpan], day: date) -> list[str]:
    """The codes held on `day`, in the order of CATEGORY_CODES."""
    held = {s.code for s in spans if s.holds_on(day)}
    return [c for c in CATEGORY_CODES if c in held]


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def ages_out_on(code: str, born: date) -> date:
    """The birthday on which a child stops being counted in `code`."""
    years = AGE_LIMIT[code]
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # born on 29 February
        return date(born.year + years, 3, 1)
