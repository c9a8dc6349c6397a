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


@dataclass(frozen=True)
class Due:
    """When the next visit is due, the rule that set it, and the days from the visit it counts
    from (registration for a child never visited)."""

    on: date | None
    reason: str
    days: int | None


def next_visit(
    last_visit: date | None,
    registered_on: date,
    interval: Interval | None,
    open_concern_since: date | None,
    policy: VisitPolicy,
    next_planned: date | None = None,
) -> Due:
    """Last visit + interval, or the date planned at the last visit when that comes sooner;
    never visited: registration + first_visit days; an open concern makes the child due at once
    (on the day it was noticed, unless visited since)."""
    if last_visit is None:
        due = Due(registered_on + timedelta(days=policy.first_visit), "first_visit",
                  policy.first_visit)  # fmt: skip
    elif next_planned is not None and (
        interval is None or next_planned < last_visit + timedelta(days=interval.days)
    ):
        due = Due(next_planned, "planned", (next_planned - last_visit).days)
    elif interval is None:
        due = Due(None, "", None)
    else:
        due = Due(last_visit + timedelta(days=interval.days), interval.reason, interval.days)
    if open_concern_since is None:
        return due
    days = interval.days if interval else due.days
    if last_visit is None or last_visit < open_concern_since:
        on = open_concern_since if due.on is None else min(due.on, open_concern_since)
        return Due(on, "high_risk", days)
    # Visited since the concern was noticed: the officer's own plan may still come sooner.
    return due if due.reason == "planned" else Due(due.on, "high_risk", days)


def due_date(
    last_visit: date | None,
    registered_on: date,
    interval: Interval | None,
    open_concern_since: date | None,
    policy: VisitPolicy,
) -> date | None:
    """The date of `next_visit`, for callers that need no reason."""
    return next_visit(last_visit, registered_on, interval, open_concern_since, policy).on


def due_status(due: date | None, today: date) -> str | None:
    """overdue, due_soon (within 7 days, today included) or upcoming."""
    if due is None:
        return None
    if today > due:
        return "overdue"
    if (due - today).days <= DUE_SOON_DAYS:
        return "due_soon"
    return "upcoming"
