"""督导看板, the supervisor's dashboard: per village at a town, per town at a county (or, drilled
into, a town's villages at the county), the month's visits owed and how they went, concerns
open, items waiting for review and the last batch each sent, late or not against the reporting
calendar; and twelve months of children visited on time. Every figure names the list behind it
(`FigureList`), which `listed` reads.

The visit figures are the team's (team.DirectorMonth), counted in SQL (dashboard_count): `due`
is the children owed a visit in the month, made up of those visited on time, visited late,
overdue (not visited, their date passed by `as_of`) and still to visit (their date to come).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import Connection, select

from ..domain import reporting
from ..domain.division import level_of
from ..errors import CoreError, FieldProblem, ValidationFailed
from ..reports.dashboard_figures import (
    FIGURES,
    STATES,
    Dashboard,
    DivisionFigures,
    FigureList,
    TrendPoint,
)
from ..reports.errors import ReportError
from ..storage import audit, divisions, driver, settings
from ..storage import tables as t
from ..storage.store import Store
from ..sync.keys import peers
from . import dashboard_count
from .approval import Approval, ReviewItem
from .dashboard_count import Month
from .station import station_info
from .sync import LATE_DAYS

# The figures a list stands behind (the children on the books are the registry itself).
LISTED = FIGURES[1:]
TREND_MONTHS = 12
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WIDTH = {"village": 12, "town": 9}


def month_of(text: str) -> date:
    """The first day of the month YYYY-MM."""
    match = _MONTH.match(text or "")
    if not match or not 1 <= int(match[2]) <= 12:
        raise ReportError("bad_month", month=text)
    return date(int(match[1]), int(match[2]), 1)


@dataclass(frozen=True)
class Listed:
    """A line of the list behind a figure: the child, its village, what it is (a visit's state,
    a concern's kind, a submission's kind) and its dates: the visit owed by and first made in
    the month, or when the concern was noticed or the item submitted."""

    child: str
    name: str
    village: str
    village_name: str
    kind: str
    owed_by: date | None = None
    visited: date | None = None
    noted_on: date | None = None


def dashboard(store: Store, month: date, today: date | None = None, town: str = "") -> Dashboard:
    """The figures of `month` per division and the twelve months up to it."""
    shown = figures(store, month, today, town)
    return _with_trend(shown, trend(store, month, today, town))


def figures(store: Store, month: date, today: date | None = None, town: str = "") -> Dashboard:
    """The month's figures per division, without the trend (which the GUI reads after)."""
    today = today or date.today()
    m = Month.of(month, today)
    info = station_info(store)
    scope, level = _scope(info.code, town)
    width = _WIDTH[level]
    waiting = _waiting(store, scope, width)
    with store.read() as conn:
        policy = settings.visit_policy(conn)
        counts = dashboard_count.month_counts(conn, m, policy, width, scope)
        concerns = _concerns(conn, m, scope, width)
        names = divisions.names(conn)
        stations = {
            p.station: p.name
            for p in peers(conn)
            if p.relation in ("child", "below") and p.revoked_after is None
        }
        batches = _last_batches(conn)
        late_days = int(settings.get(conn, "sync_late_days", LATE_DAYS))
        day = settings.get(conn, reporting.REPORT_DAY)
    codes = {c for c in (*names, *stations) if len(c) == width and c.startswith(scope)}
    codes |= set(counts) | set(concerns) | set(waiting)
    rows = []
    for code in sorted(codes):
        found = counts.get(code, {})
        seq, on = batches.get(code, (0, None))
        is_station = code in stations
        rows.append(
            DivisionFigures(
                code,
                names.get(code) or stations.get(code) or code,
                **{k: found.get(k, 0) for k in ("children", *STATES)},
                due=sum(found.get(k, 0) for k in STATES),
                concerns=concerns.get(code, 0),
                waiting=waiting.get(code, 0),
                last_batch=seq,
                last_batch_on=on,
                station=is_station,
                late_report=is_station and reporting.reported_late(on, today, day, late_days),
            )
        )
    name = info.name if scope == info.code else names.get(scope, scope)
    total = DivisionFigures(scope, name, **{f: sum(r.figure(f) for r in rows) for f in FIGURES})
    return Dashboard(
        info.name, m.key, m.as_of, scope, name, level, tuple(rows), total, (), day, late_days, town
    )


def trend(
    store: Store, month: date, today: date | None = None, town: str = ""
) -> tuple[TrendPoint, ...]:
    """The children visited on time in each of the twelve months up to `month`."""
    today = today or date.today()
    m = Month.of(month, today)
    scope, _ = _scope(station_info(store).code, town)
    months = [m.before(i, today) for i in reversed(range(TREND_MONTHS))]
    with store.read() as conn:
        policy = settings.visit_policy(conn)
        found = dashboard_count.on_time_by_month(conn, months, policy, scope)
    return tuple(TrendPoint(x.key, found[x.key]) for x in months)


def listed(store: Store, which: FigureList, today: date | None = None) -> tuple[Listed, ...]:
    """The list behind a figure: the children (or concerns, or items) it counts."""
    if which.figure not in LISTED:
        raise CoreError("unknown_value", value=which.figure)
    today = today or date.today()
    m = Month.of(month_of(which.month), today)
    info = station_info(store)
    scope, _ = _scope(info.code, which.town)
    division = which.division or scope
    if not division.startswith(scope):
        raise CoreError("not_a_town_below", town=division)
    if which.figure == "waiting":
        return _waiting_list(store, division)
    with store.read() as conn:
        names = divisions.names(conn)
        if which.figure == "concerns":
            rows = _concern_list(conn, m, division)
        else:
            wanted = STATES if which.figure == "due" else (which.figure,)
            rows = [
                (s.uuid, s.name, s.village_code, s.state, s.owed_by, s.visited, None)
                for s in dashboard_count.child_states(conn, m, division)
                if s.state in wanted
            ]
    return tuple(Listed(u, n, v, names.get(v, v), *rest) for u, n, v, *rest in rows)


def report_day(store: Store) -> int | None:
    """The day of the month a batch is due by, when a reporting calendar is set."""
    with store.read() as conn:
        return settings.get(conn, reporting.REPORT_DAY)


def set_report_day(store: Store, day: int) -> int:
    """The county's reporting calendar: a batch from each station below by `day` of every
    month. It travels down with the county's batches, as the visit policy does."""
    if station_info(store).role != "county":
        raise CoreError("report_calendar_county_only")
    if not reporting.report_day_ok(day):
        raise ValidationFailed([FieldProblem("day", "report_day_invalid", {"day": str(day)})])
    with store.write() as conn:
        settings.put(conn, reporting.REPORT_DAY, day)
        audit.record(conn, "update", "setting", reporting.REPORT_DAY, ["day"])
    return day


def _with_trend(shown: Dashboard, points: tuple[TrendPoint, ...]) -> Dashboard:
    values = {f.name: getattr(shown, f.name) for f in fields(shown)}
    return Dashboard(**{**values, "trend": points})


def _scope(own: str, town: str) -> tuple[str, str]:
    """The division shown and what its rows are: a town's villages, a county's towns, or at a
    county one town's villages; a village shows itself."""
    role = level_of(own)
    if town:
        if role != "county" or level_of(town) != "town" or not town.startswith(own):
            raise CoreError("not_a_town_below", town=town)
        return town, "village"
    return own, "town" if role == "county" else "village"


def _last_batches(conn: Connection) -> dict[str, tuple[int, date]]:
    """Per station, the last batch received from it (directly or carried): number and day."""
    b = t.sync_batch.c
    rows = conn.execute(
        select(b.origin, b.seq, b.at).where(
            b.direction == "in", b.status.in_(("applied", "carried"))
        )
    ).all()
    last: dict[str, tuple[int, date]] = {}
    for origin, seq, at in rows:
        if seq > last.get(origin, (0, None))[0]:
            last[origin] = (seq, date.fromisoformat(at[:10]))
    return last


_OPEN_CONCERN = (
    "k.noticed_on <= :as_of AND (k.closed_on IS NULL OR k.closed_on > :as_of) "
    "AND c.village_code LIKE :scope"
)


def _concerns(conn: Connection, m: Month, scope: str, width: int) -> dict[str, int]:
    """Concerns open on the day the month is counted on, per division."""
    sql = (
        f"SELECT substr(c.village_code, 1, {width}), count(*) FROM concern k "
        f"JOIN child c ON c.uuid = k.child_uuid WHERE {_OPEN_CONCERN} GROUP BY 1"
    )
    params = {"as_of": m.as_of.isoformat(), "scope": f"{scope}%"}
    return dict(driver.raw(conn).execute(sql, params).fetchall())


def _concern_list(conn: Connection, m: Month, division: str) -> list[tuple]:
    sql = (
        "SELECT c.uuid, c.name, c.village_code, k.kind, NULL, NULL, k.noticed_on FROM concern k "
        f"JOIN child c ON c.uuid = k.child_uuid WHERE {_OPEN_CONCERN} "
        "ORDER BY c.village_code, k.noticed_on, c.sort_key, k.uuid"
    )
    params = {"as_of": m.as_of.isoformat(), "scope": f"{division}%"}
    return [
        (*r[:6], date.fromisoformat(r[6])) for r in driver.raw(conn).execute(sql, params).fetchall()
    ]


def _waiting(store: Store, scope: str, width: int) -> dict[str, int]:
    """Items waiting for this station's own review, per division."""
    return dict(Counter(code[:width] for code, _ in _waiting_items(store, scope)))


def _waiting_list(store: Store, division: str) -> tuple[Listed, ...]:
    found = _waiting_items(store, division)
    with store.read() as conn:
        names = divisions.names(conn)
    return tuple(
        Listed(i.child, i.child_name, code, names.get(code, code), i.kind, noted_on=i.submitted_on)
        for code, i in found
    )


def _waiting_items(store: Store, scope: str) -> list[tuple[str, ReviewItem]]:
    """The items this station is to decide (not those it waits for the county on), each with
    the code of the village that submitted it, under `scope`."""
    items = [i for i in Approval(store).waiting() if i.state == "submitted"]
    s = t.submission.c
    codes: dict[str, str] = {}
    with store.read() as conn:
        for start in range(0, len(items), 900):  # under SQLite's bound-parameter limit
            part = [i.id for i in items[start : start + 900]]
            codes.update(conn.execute(select(s.uuid, s.village_code).where(s.uuid.in_(part))).all())
    return [(codes[i.id], i) for i in items if codes.get(i.id, "").startswith(scope)]
