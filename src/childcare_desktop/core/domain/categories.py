"""Child categories (DESIGN.md): codes, the age at which each ends, and which apply on a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import MAXYEAR, date

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
# The age at which the law ends each category: 农村留守儿童 are children under 16 (国发〔2016〕13号
# 一); 流动儿童 are counted under 16 like them (2024 行动方案); every other category is one of
# children, that is under 18 (未成年人保护法 §2; 国发〔2016〕36号; 民发〔2019〕62号).
AGE_LIMIT = {code: 18 for code in CATEGORY_CODES} | {"left_behind": 16, "floating": 16}
# A province rule a station may choose: Guangdong keeps 孤儿 and 事实无人抚养儿童 in full-time
# schooling past 18 while they are in school (粤民规字〔2019〕10号).
KEPT_IN_SCHOOL = frozenset({"orphan", "de_facto_unsupported"})
FULL_TIME_SCHOOL = frozenset({"senior", "vocational"})


@dataclass(frozen=True)
class CategorySpan:
    """A category held from `start` until the day before `end` (None: still held); a span that
    ends keeps its dates, so the history stays. `reason`: why the officer holds a category the
    facts of the file do not support (`eligibility`), kept and shown like a risk override."""

    code: str
    start: date
    end: date | None = None
    reason: str = ""

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


def law_end(code: str, born: date | None, schooling: str = "", keep_in_school: bool = False):
    """The day the law ends `code` for a child born on `born` (None: no end known, or kept
    while in full-time school under the station's Guangdong rule)."""
    if born is None or code not in AGE_LIMIT:
        return None
    if keep_in_school and code in KEPT_IN_SCHOOL and schooling in FULL_TIME_SCHOOL:
        return None
    return ages_out_on(code, born)


def span_end(
    span: CategorySpan, born: date | None, schooling: str = "", keep_in_school: bool = False
) -> tuple[date | None, str]:
    """When the span ends and why: ("", None) while it lasts, "aged_out" when the law ends it
    on a birthday before the officer did, "ended" when the officer ended it."""
    by_law = law_end(span.code, born, schooling, keep_in_school)
    if by_law is not None and (span.end is None or by_law < span.end):
        return max(by_law, span.start), "aged_out"
    return span.end, "ended" if span.end else ""


def in_force(
    span: CategorySpan,
    day: date,
    born: date | None = None,
    schooling: str = "",
    keep_in_school: bool = False,
) -> bool:
    end, _ = span_end(span, born, schooling, keep_in_school)
    return span.start <= day and (end is None or day < end)


def current_codes(
    spans: tuple[CategorySpan, ...] | list[CategorySpan],
    day: date,
    born: date | None = None,
    schooling: str = "",
    keep_in_school: bool = False,
) -> list[str]:
    """The codes in force on `day`, in the order of CATEGORY_CODES: held and not yet ended by
    the law (when the birth date is known)."""
    held = {s.code for s in spans if in_force(s, day, born, schooling, keep_in_school)}
    return [c for c in CATEGORY_CODES if c in held]


def still_in_force(
    codes: list[str] | tuple[str, ...],
    day: date,
    born: date | None,
    schooling: str = "",
    keep_in_school: bool = False,
) -> tuple[str, ...]:
    """Those of `codes` (held when they were last worked out) the law has not ended by `day`."""
    ends = ((c, law_end(c, born, schooling, keep_in_school)) for c in codes)
    return tuple(c for c, end in ends if end is None or day < end)


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def ages_out_on(code: str, born: date) -> date:
    """The birthday on which a child stops being counted in `code`; the calendar's last day when
    the birthday falls past it (a birth date an older version let be stored near 9999)."""
    years = AGE_LIMIT[code]
    if born.year + years > MAXYEAR:
        return date.max
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # born on 29 February
        return date(born.year + years, 3, 1)
