"""The visit schedule: how often a child is visited, why, and when the next visit is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

INTENSIVE_CATEGORIES = frozenset(
    {
        "orphan",
        "de_facto_unsupported",
        "severe_disability",
        "serious_illness",
        "guardianship_lacking",
    }
)
DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class VisitPolicy:
    """Days between completed visits for each condition; the shortest that applies wins."""

    high_risk: int = 14
    intensive: int = 30
    left_behind_fair: int = 30
    left_behind_good: int = 90
    poor_or_other: int = 90
    floating: int = 180
    first_visit: int = 7


@dataclass(frozen=True)
class Interval:
    days: int
    reason: str  # a rule code: high_risk, category code, left_behind_fair …, or first_visit


def visit_interval(
    categories: list[str], guardianship: str, open_concern: bool, policy: VisitPolicy
) -> Interval | None:
    """The interval that applies, or None when no rule applies (no category, not high risk)."""
    candidates: list[Interval] = []
    if open_concern or guardianship in ("poor", "none"):
        candidates.append(Interval(policy.high_risk, "high_risk"))
    for code in categories:
        if code in INTENSIVE_CATEGORIES:
            candidates.append(Interval(policy.intensive, code))
        elif code == "left_behind":
            if guardianship == "good":
                candidates.append(Interval(policy.left_behind_good, "left_behind_good"))
            else:
                candidates.append(Interval(policy.left_behind_fair, "left_behind_fair"))
        elif code in ("poor_family", "other_distress"):
            candidates.append(Interval(policy.poor_or_other, code))
        elif code == "floating":
            candidates.append(Interval(policy.floating, code))
    return min(candidates, key=lambda i: i.days, default=None)


def due_date(
    last_visit: date | None,
    registered_on: date,
    interval: Interval | None,
    open_concern_since: date | None,
    policy: VisitPolicy,
) -> date | None:
    """Last visit + interval; never visited: registration + first_visit days; an open concern
    makes the child due at once (on the day it was noticed, unless visited since)."""
    if last_visit is None:
        due = registered_on + timedelta(days=policy.first_visit)
    elif interval is None:
        due = None
    else:
        due = last_visit + timedelta(days=interval.days)
    if open_concern_since is not None and (last_visit is None or last_visit < open_concern_since):
        due = open_concern_since if due is None else min(due, open_concern_since)
    return due


def due_status(due: date | None, today: date) -> str | None:
    """overdue, due_soon (within 7 days, today included) or upcoming."""
    if due is None:
        return None
    if today > due:
        return "overdue"
    if (due - today).days <= DUE_SOON_DAYS:
        return "due_soon"
    return "upcoming"
