"""The visit schedule: how often a child is visited, why, and when the next visit is due."""

from __future__ import annotations

from dataclasses import dataclass, fields
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
# The rules that can ask for a home visit (入户): every rule but the first visit, which any
# contact after registration fulfils.
HOME_RULES = (
    "high_risk", "intensive", "left_behind_fair", "left_behind_good", "poor_or_other", "floating"
)  # fmt: skip
HOME_MODE = "home"  # the visit mode (visit.MODES) that resets a home-visit cycle


@dataclass(frozen=True)
class VisitPolicy:
    """Days between completed visits for each condition, and the rules whose cycle only a home
    visit resets (for the others any contact counts: a phone call, a video call, at school)."""

    high_risk: int = 14
    intensive: int = 30
    left_behind_fair: int = 30
    left_behind_good: int = 90
    poor_or_other: int = 90
    floating: int = 180
    first_visit: int = 7
    home: frozenset[str] = frozenset()

    def days(self) -> dict[str, int]:
        """Each rule's days, as the setting `visit_policy` keeps them."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "home"}

    def needs_home(self, reason: str) -> bool:
        """Whether the rule behind a due reason asks for a home visit."""
        return rule_of(reason) in self.home


DAY_RULES = tuple(VisitPolicy().days())
# Every due reason a rule of the policy gives (besides first_visit and planned).
RULE_REASONS = ("high_risk", *sorted(INTENSIVE_CATEGORIES), "left_behind_fair",
                "left_behind_good", "poor_family", "other_distress", "floating")  # fmt: skip


def rule_of(reason: str) -> str | None:
    """The rule of the policy behind a due reason (a category code names its rule's row)."""
    if reason in INTENSIVE_CATEGORIES:
        return "intensive"
    if reason in ("poor_family", "other_distress"):
        return "poor_or_other"
    return reason if reason in HOME_RULES else None


@dataclass(frozen=True)
class Interval:
    days: int
    reason: str  # a rule code: high_risk, category code, left_behind_fair …, or first_visit
    home: bool = False  # only a home visit resets it


def visit_intervals(
    categories: list[str], guardianship: str, open_concern: bool, policy: VisitPolicy
) -> list[Interval]:
    """Every rule that applies to the child, with its days."""
    found: list[tuple[int, str]] = []
    if open_concern or guardianship in ("poor", "none"):
        found.append((policy.high_risk, "high_risk"))
    for code in categories:
        if code in INTENSIVE_CATEGORIES:
            found.append((policy.intensive, code))
        elif code == "left_behind":
            if guardianship == "good":
                found.append((policy.left_behind_good, "left_behind_good"))
            else:
                found.append((policy.left_behind_fair, "left_behind_fair"))
        elif code in ("poor_family", "other_distress"):
            found.append((policy.poor_or_other, code))
        elif code == "floating":
            found.append((policy.floating, code))
    return [Interval(days, reason, policy.needs_home(reason)) for days, reason in found]


def first_due(
    intervals: list[Interval],
    last_visit: date | None,
    last_home_visit: date | None,
    registered_on: date,
) -> Interval | None:
    """The rule that makes the child due first: each counts from the visit it asks for (a
    home-visit rule from the last home visit, or registration when there was none), so a
    phone call every two weeks does not put off a monthly home visit."""

    def due_by(interval: Interval) -> tuple[date, int, bool]:
        since = counted_from(interval, last_visit, last_home_visit, registered_on)
        return since + timedelta(days=interval.days), interval.days, not interval.home

    return min(intervals, key=due_by, default=None)


def counted_from(
    interval: Interval | None,
    last_visit: date | None,
    last_home_visit: date | None,
    registered_on: date,
) -> date:
    """The day a rule's cycle runs from: its kind of last visit, else registration."""
    if interval is not None and interval.home:
        return last_home_visit or registered_on
    return last_visit or registered_on


@dataclass(frozen=True)
class Due:
    """When the next visit is due, the rule that set it, and the days from the visit it counts
    from (registration for a child never visited)."""

    on: date | None
    reason: str
    days: int | None
    home: bool = False  # only a home visit resets the cycle


def next_visit(
    last_visit: date | None,
    registered_on: date,
    interval: Interval | None,
    open_concern_since: date | None,
    policy: VisitPolicy,
    next_planned: date | None = None,
    last_home_visit: date | None = None,
) -> Due:
    """The last visit the rule counts (the last home visit for a rule that asks for one, else
    the last visit of any kind) + interval, or the date planned at the last visit when that
    comes sooner; never visited: registration + first_visit days; an open concern makes the
    child due at once (on the day it was noticed, unless visited since, in person when the
    high-risk rule asks for a home visit)."""
    if last_visit is None:
        due = Due(registered_on + timedelta(days=policy.first_visit), "first_visit",
                  policy.first_visit)  # fmt: skip
    else:
        since = counted_from(interval, last_visit, last_home_visit, registered_on)
        by_rule = since + timedelta(days=interval.days) if interval else None
        if next_planned is not None and (by_rule is None or next_planned < by_rule):
            due = Due(next_planned, "planned", (next_planned - last_visit).days)
        elif interval is None:
            due = Due(None, "", None)
        else:
            due = Due(by_rule, interval.reason, interval.days, interval.home)
    if open_concern_since is None:
        return due
    days = interval.days if interval else due.days
    home = policy.needs_home("high_risk")
    seen = last_home_visit if home else last_visit
    if seen is None or seen < open_concern_since:
        on = open_concern_since if due.on is None else min(due.on, open_concern_since)
        return Due(on, "high_risk", days, home)
    # Visited since the concern was noticed: the rule that comes first (or the officer's own
    # plan) says when next.
    return due


def due_date(
    last_visit: date | None,
    registered_on: date,
    interval: Interval | None,
    open_concern_since: date | None,
    policy: VisitPolicy,
    last_home_visit: date | None = None,
) -> date | None:
    """The date of `next_visit`, for callers that need no reason."""
    return next_visit(
        last_visit, registered_on, interval, open_concern_since, policy, None, last_home_visit
    ).on


def due_status(due: date | None, today: date) -> str | None:
    """overdue, due_soon (within 7 days, today included) or upcoming."""
    if due is None:
        return None
    if today > due:
        return "overdue"
    if (due - today).days <= DUE_SOON_DAYS:
        return "due_soon"
    return "upcoming"
