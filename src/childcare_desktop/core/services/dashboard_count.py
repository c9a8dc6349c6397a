"""Counting the dashboard's visit figures in SQL: the month's (per division) and each month's
visits on time (the trend), in the same words on both back ends.

A child's state in a month (`state`) needs its due date, the last visit before the month plus
the child's interval: a sum of a date and a number of days, which SQLite and PostgreSQL write in
different words. The SQL therefore never adds days to a date. It compares each date with bounds
worked out here (ISO literals, which both back ends read as dates), and gives back groups of
children that share a state; only the few children whose state turns on the exact days (those
visited in the month) come back with their dates, and `state` decides them here. A child is
read once: the visits before and in the month are looked up only for the children visited
since the month began (`c.last_visit`, a derived column, says which).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection

from ..domain.visit_policy import VisitPolicy
from ..reports.dashboard_figures import STATES
from ..storage import driver


@dataclass(frozen=True)
class Month:
    """A month and the day its figures are counted on (today within it, its last day after)."""

    first: date
    last: date
    as_of: date

    @classmethod
    def of(cls, day: date, today: date) -> Month:
        first = day.replace(day=1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return cls(first, last, min(today, last))

    def before(self, months: int, today: date) -> Month:
        """The month `months` before this one."""
        index = self.first.year * 12 + self.first.month - 1 - months
        return Month.of(date(index // 12, index % 12 + 1, 1), today)

    @property
    def key(self) -> str:
        return self.first.strftime("%Y-%m")


def state(
    m: Month, last: date | None, days: int | None, due: date | None, visited: date | None
) -> str | None:
    """A child's state in month `m` (None: not owed a visit in it). `last` is its last visit
    before the month, `days` its interval, `due` the date the store holds (used when there is
    no last visit or no interval) and `visited` its first visit in the month. As the team's
    month counts it (team.DirectorMonth): a child visited in the month is owed that visit, on
    time by its date (a first visit, or one without a rule, is on time)."""
    owed_by = last + timedelta(days=days) if last is not None and days is not None else None
    if visited is not None:
        return "on_time" if owed_by is None or visited <= owed_by else "late"
    owed_by = owed_by or due
    if owed_by is None or owed_by > m.last:
        return None
    return "overdue" if owed_by < m.as_of else "pending"


def _iso(day: date) -> str:
    return f"'{day.isoformat()}'"


def _ladder(column: str, bounds: list[date]) -> str:
    """The index of the interval of `bounds` (sorted) the date falls in: 0 before the first,
    i from bounds[i-1] on; a NULL date falls after the last."""
    whens = " ".join(f"WHEN {column} < {_iso(b)} THEN {i}" for i, b in enumerate(bounds))
    return f"CASE {whens} ELSE {len(bounds)} END"


def _in_bucket(bounds: list[date], index: int) -> date | None:
    """A date of interval `index` of `bounds`: any gives the same state."""
    if index == 0:
        return bounds[0] - timedelta(days=1)
    return bounds[index - 1]


def _current(alias: str) -> str:
    """A visit of `alias` counts by its newest version (a correction names the one it replaces);
    only children with a correction are looked at further, from the partial index of them."""
    return (
        f"(c.uuid NOT IN (SELECT child_uuid FROM visit WHERE supersedes IS NOT NULL) "
        f"OR NOT EXISTS (SELECT 1 FROM visit s WHERE s.supersedes = {alias}.uuid))"
    )


# On the books in the month: registered by its end and not closed before it began.
_ON_BOOKS = (
    "(c.registered_on IS NULL OR c.registered_on <= {last}) "
    "AND (c.status = 'active' OR c.closed_on >= {first})"
)


def _children_sql(m: Month, group: str, extra: str = "") -> str:
    """Each child on the books (c), with its division's code (`grp`), interval (n), the date
    the store holds (nd), its last visit (lv) and, visited since the month began (since = 1),
    its last visit before the month (l) and first visit in it (v): looked up once each."""
    first, last = _iso(m.first), _iso(m.last)
    since = f"c.last_visit >= {first}"
    before = (
        f"(SELECT max(b.visit_date) FROM visit b WHERE b.child_uuid = c.uuid "
        f"AND b.visit_date < {first} AND {_current('b')})"
    )
    inside = (
        f"(SELECT min(w.visit_date) FROM visit w WHERE w.child_uuid = c.uuid "
        f"AND w.visit_date >= {first} AND w.visit_date <= {last} AND {_current('w')})"
    )
    return (
        f"SELECT {group} AS grp, c.interval_days AS n, c.next_due AS nd, c.last_visit AS lv, "
        f"CASE WHEN {since} THEN 1 ELSE 0 END AS since, "
        f"CASE WHEN {since} THEN {before} END AS l, CASE WHEN {since} THEN {inside} END AS v"
        f"{extra} FROM child c WHERE {_ON_BOOKS.format(first=first, last=last)}"
        " AND c.village_code LIKE :scope"
    )


@dataclass(frozen=True)
class _Bounds:
    """The dates a child's last visit (`last`, per interval in `days`) and held due date
    (`held`) are compared with: within one interval of them a child's state is the same."""

    days: tuple[int, ...]
    last: list[date]
    held: list[date]

    @classmethod
    def of(cls, m: Month, policy: VisitPolicy) -> _Bounds:
        days = tuple(sorted(set(policy.days().values())))
        # owed_by <= m.last and owed_by < m.as_of, for owed_by = last visit + n days
        last = sorted({m.last - timedelta(days=n - 1) for n in days} | {
            m.as_of - timedelta(days=n) for n in days})  # fmt: skip
        return cls(days, last, [m.as_of, m.last + timedelta(days=1)])


def month_counts(
    conn: Connection, m: Month, policy: VisitPolicy, width: int, scope: str
) -> dict[str, dict[str, int]]:
    """Per division (the first `width` digits of the village code) under `scope` (a code):
    the children on the books (`children`) and those in each of STATES, in one statement."""
    b = _Bounds.of(m, policy)
    known = ", ".join(map(str, b.days))
    plain = "since = 0 AND lv IS NOT NULL AND n IS NOT NULL"
    sql = (
        f"WITH k AS MATERIALIZED ({_children_sql(m, f'substr(c.village_code, 1, {width})')}) "
        "SELECT grp, n, "
        f"CASE WHEN since = 0 AND (lv IS NULL OR n IS NULL) THEN {_ladder('nd', b.held)} END, "
        f"CASE WHEN {plain} AND n IN ({known}) THEN {_ladder('lv', b.last)} END, "
        f"CASE WHEN since = 1 THEN l WHEN {plain} AND n NOT IN ({known}) THEN lv END, "
        "v, CASE WHEN since = 1 AND v IS NULL AND (l IS NULL OR n IS NULL) THEN nd END, "
        "count(*) FROM k GROUP BY 1, 2, 3, 4, 5, 6, 7"
    )
    counts: dict[str, dict[str, int]] = {}
    for grp, n, held, bucket, last, visited, due, number in _rows(conn, sql, scope):
        found = counts.setdefault(grp, dict.fromkeys(("children", *STATES), 0))
        found["children"] += number
        if held is not None:
            kind = state(m, None, None, _in_bucket(b.held, held), None) if held < 2 else None
        elif bucket is not None:
            kind = state(m, _in_bucket(b.last, bucket), n, None, None)
        else:
            kind = state(m, _day(last), n, _day(due), _day(visited))
        if kind is not None:
            found[kind] += number
    return counts


@dataclass(frozen=True)
class ChildState:
    uuid: str
    name: str
    village_code: str
    state: str
    owed_by: date | None
    visited: date | None
    last_visit: date | None


def child_states(conn: Connection, m: Month, scope: str) -> Iterator[ChildState]:
    """Each child on the books under `scope` owed a visit in the month, with its state, the date
    it was owed by and its first visit in the month, by village and name."""
    sql = (
        "SELECT uuid, name, grp, n, nd, CASE WHEN since = 1 THEN l ELSE lv END, v "
        f"FROM ({_children_sql(m, 'c.village_code', ', c.uuid, c.name, c.sort_key')}) k "
        "ORDER BY grp, sort_key, uuid"
    )
    for uuid, name, village, n, due, last, visited in _rows(conn, sql, scope):
        last_day, visited_day = _day(last), _day(visited)
        kind = state(m, last_day, n, _day(due), visited_day)
        if kind is not None:
            owed = last_day + timedelta(days=n) if last_day and n is not None else _day(due)
            yield ChildState(uuid, name, village, kind, owed, visited_day, last_day)


def on_time_by_month(
    conn: Connection, months: list[Month], policy: VisitPolicy, scope: str
) -> dict[str, int]:
    """For each month, the children on its books visited in it by their date (its `on_time`),
    in one statement: each visit in the months with the visit before it (looked up once), which
    says whether it is the child's first in its month and, moved within bounds (`_clamped`),
    groups it with the visits of the same state."""
    months = sorted(months, key=lambda x: x.first)
    start, end = months[0].first, months[-1].last
    bucket = " ".join(
        f"WHEN v.visit_date >= {_iso(x.first)} THEN {i}"
        for i, x in reversed(list(enumerate(months)))
    )
    on_books = " ".join(
        f"WHEN {i} THEN {_ON_BOOKS.format(first=_iso(x.first), last=_iso(x.last))}"
        for i, x in enumerate(months)
    )
    first_in_month = " ".join(f"WHEN {i} THEN l < {_iso(x.first)}" for i, x in enumerate(months))
    previous = (
        "(SELECT max(p.visit_date) FROM visit p WHERE p.child_uuid = c.uuid "
        f"AND p.visit_date < v.visit_date AND {_current('p')})"
    )
    visits = (
        f"SELECT c.interval_days AS n, v.visit_date AS d, CASE {bucket} END AS b, "
        f"{previous} AS l FROM child c CROSS JOIN visit v WHERE v.child_uuid = c.uuid "
        f"AND v.visit_date >= {_iso(start)} AND v.visit_date <= {_iso(end)} "
        f"AND c.village_code LIKE :scope AND CASE CASE {bucket} END {on_books} END "
        f"AND {_current('v')}"
    )
    days = tuple(sorted(set(policy.days().values())))
    sql = (
        f"WITH x AS MATERIALIZED ({visits}) "
        f"SELECT b, n, {_clamped(months, days)}, d, count(*) FROM x "
        f"WHERE l IS NULL OR CASE b {first_in_month} END GROUP BY 1, 2, 3, 4"
    )
    found = {x.key: 0 for x in months}
    for b, n, last, visited, number in _rows(conn, sql, scope):
        m = months[b]
        if state(m, _day(last), n, None, _day(visited)) == "on_time":
            found[m.key] += number
    return found


def _clamped(months: list[Month], days: tuple[int, ...]) -> str:
    """The visit before (l), moved to the nearest date that gives the same state for its
    month and interval (a visit in the month is late after low + n, on time up to high + n):
    many children then share a group."""
    by_month = []
    for i, x in enumerate(months):
        by_days = []
        for n in days:
            low, high = _iso(x.first - timedelta(days=n + 1)), _iso(x.last - timedelta(days=n))
            by_days.append(
                f"WHEN {n} THEN CASE WHEN l < {low} THEN {low} WHEN l > {high} THEN {high} "
                "ELSE l END"
            )
        by_month.append(f"WHEN {i} THEN CASE n {' '.join(by_days)} ELSE l END")
    return f"CASE WHEN l IS NULL THEN l ELSE CASE b {' '.join(by_month)} END END"


def _rows(conn: Connection, sql: str, scope: str) -> list[tuple]:
    return driver.raw(conn).execute(sql, {"scope": f"{scope}%"}).fetchall()


def _day(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)
