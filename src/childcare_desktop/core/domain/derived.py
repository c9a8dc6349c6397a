"""What the program works out from a child's file: categories now, risk, due visit, search keys."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .categories import CategorySpan, current_codes, law_end
from .risk import derived_risk, effective_risk
from .search import search_text, sort_key
from .visit_policy import Due, VisitPolicy, first_due, next_visit, visit_intervals


@dataclass(frozen=True)
class Derived:
    categories_now: str  # codes joined by ","
    risk: str
    search_text: str
    sort_key: str
    next_due: date | None
    due_reason: str
    interval_days: int | None
    age_out_on: date | None

    def as_row(self) -> dict:
        return self.__dict__.copy()


def derive(
    *,
    name: str,
    id_number: str,
    birth_date: date | None,
    guardianship: str,
    risk_override: str,
    status: str,
    registered_on: date,
    spans: list[CategorySpan],
    last_visit: date | None,
    open_concern_since: date | None,
    policy: VisitPolicy,
    today: date,
    next_planned: date | None = None,
    schooling: str = "",
    keep_in_school: bool = False,
    last_home_visit: date | None = None,
) -> Derived:
    codes = current_codes(spans, today, birth_date, schooling, keep_in_school)
    open_concern = open_concern_since is not None
    risk = effective_risk(derived_risk(codes, guardianship, open_concern), risk_override)
    intervals = visit_intervals(codes, guardianship, open_concern, policy)
    interval = first_due(intervals, last_visit, last_home_visit, registered_on)
    if status == "active":
        due = next_visit(
            last_visit, registered_on, interval, open_concern_since, policy, next_planned,
            last_home_visit,
        )  # fmt: skip
    else:
        # A closed child is never due; the rule that would apply is kept for the file.
        due = Due(None, "high_risk" if open_concern else (interval.reason if interval else ""),
                  interval.days if interval else None)  # fmt: skip
    # The first birthday on which the law ends a span the officer has not ended, even one
    # already past: such a child stays on the review list until a person closes or
    # re-categorises the file.
    ends = (
        law_end(s.code, birth_date, schooling, keep_in_school)
        for s in spans
        if s.end is None and s.start <= today
    )
    age_out = min((end for end in ends if end is not None), default=None)
    return Derived(
        categories_now=",".join(codes),
        risk=risk,
        search_text=search_text(name, id_number),
        sort_key=sort_key(name),
        next_due=due.on,
        due_reason=due.reason,
        interval_days=due.days,
        age_out_on=age_out,
    )
