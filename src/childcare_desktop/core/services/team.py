"""The team: the registry of 儿童主任 (a village's director) and 儿童督导员 (a town's or county's
supervisor), their training, and what each village's director did in a month.

A director who changes is recorded, not overwritten: the old one's left_on is set and the new one
added, in one transaction. Officers and training are synced records of the division they belong
to, written with their change log entry like any other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, or_, select, update

from ..domain.child import new_uuid
from ..domain.division import belongs_to
from ..domain.review import DUTIES
from ..domain.validation import date_ok, name_ok, phone_ok
from ..errors import FieldProblem, NotFound, ValidationFailed
from ..reports.ledger import month_bounds
from ..storage import audit
from ..storage import tables as t
from ..storage.changes import ChangeWriter
from ..storage.store import Store
from .station import station_info

VILLAGE_DIGITS = 12  # a village's division code; a town's has 9, a county's 6


@dataclass(frozen=True)
class Officer:
    uuid: str
    division_code: str
    division_name: str
    duty: str
    name: str
    phone: str
    appointed_on: date
    left_on: date | None
    note: str
    training_hours: float


@dataclass(frozen=True)
class Training:
    uuid: str
    officer_uuid: str
    title: str
    start: date
    end: date | None
    hours: float


@dataclass(frozen=True)
class DirectorMonth:
    """One village's figures of a month, under its current director (none registered: "").

    `children_due` are the children owed a visit in the month: those visited in it, and those
    not visited whose due date (the last visit before the month plus the child's interval, or
    the date the store holds) fell in it or before. `visited_on_time` are those visited by that
    date (a first visit is on time)."""

    division_code: str
    division_name: str
    officer_uuid: str
    officer_name: str
    children_due: int
    visited_on_time: int
    concerns_reported: int
    items_returned: int


def duty_of_role(role: str) -> str:
    """A village's officer is its director (儿童主任); a town's or county's, a supervisor."""
    return "director" if role == "village" else "supervisor"


class Team:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    def officers(self) -> list[Officer]:
        """Every officer this station holds, those who left included: by division, then the
        serving before those who left, the newest appointed first."""
        o, d = t.officer.c, t.division.c
        hours = (
            select(t.training.c.officer_uuid, func.sum(t.training.c.hours).label("hours"))
            .group_by(t.training.c.officer_uuid)
            .subquery()
        )
        query = (
            select(t.officer, func.coalesce(d.name, "").label("division_name"), hours.c.hours)
            .outerjoin(t.division, d.code == o.division_code)
            .outerjoin(hours, hours.c.officer_uuid == o.uuid)
        )
        with self.store.read() as conn:
            rows = conn.execute(query).mappings().all()
        found = [_officer(r) for r in rows]
        return sorted(
            found,
            key=lambda x: (
                x.division_code,
                x.left_on is not None,
                -x.appointed_on.toordinal(),
                x.uuid,
            ),
        )

    def get(self, officer_uuid: str) -> Officer:
        for found in self.officers():
            if found.uuid == officer_uuid:
                return found
        raise NotFound("officer_not_found", uuid=officer_uuid)

    def add(
        self,
        division_code: str,
        duty: str,
        name: str,
        appointed_on: date,
        phone: str = "",
        note: str = "",
    ) -> Officer:
        """Register an officer of this station's division or one below it."""
        row = self._checked(division_code, duty, name, appointed_on, phone, note)
        with self.store.write() as conn:
            _create(conn, "officer", row)
        return self.get(row["uuid"])

    def replace_director(
        self, division_code: str, name: str, appointed_on: date, phone: str = "", note: str = ""
    ) -> Officer:
        """The village's new director from `appointed_on`: the serving one leaves that day,
        kept in the registry with the day they left."""
        row = self._checked(division_code, "director", name, appointed_on, phone, note)
        with self.store.write() as conn:
            serving = _serving_directors(conn, division_code)
            if any(appointed_on < appointed for _, appointed in serving):
                raise ValidationFailed([FieldProblem("appointed_on", "before_predecessor")])
            for uuid, _ in serving:
                _change(conn, "officer", uuid, {"left_on": appointed_on})
            _create(conn, "officer", row)
        return self.get(row["uuid"])

    def train(
        self, officer_uuid: str, title: str, start: date, end: date | None, hours: float
    ) -> Training:
        """Record a training the officer took part in (title, dates, hours)."""
        officer = self.get(officer_uuid)
        problems = []
        if not title.strip():
            problems.append(FieldProblem("title", "required"))
        problems += _day_problems("start", start, self.today())
        if end is not None:
            problems += _day_problems("end", end, self.today())
            if end < start:
                problems.append(FieldProblem("end", "end_before_start"))
        if not hours > 0:
            problems.append(FieldProblem("hours", "hours_positive"))
        if problems:
            raise ValidationFailed(problems)
        training = Training(new_uuid(), officer_uuid, title.strip(), start, end, float(hours))
        row = {**asdict(training), "division_code": officer.division_code}
        with self.store.write() as conn:
            _create(conn, "training", row)
        return training

    def trainings(self, officer_uuid: str) -> list[Training]:
        tr = t.training.c
        query = (
            select(tr.uuid, tr.officer_uuid, tr.title, tr.start, tr.end, tr.hours)
            .where(tr.officer_uuid == officer_uuid)
            .order_by(tr.start, tr.uuid)
        )
        with self.store.read() as conn:
            return [Training(*r) for r in conn.execute(query).all()]

    def month(self, month: str) -> list[DirectorMonth]:
        """Per village at or below this station, its current director's figures of YYYY-MM."""
        first, last = month_bounds(month)
        code = station_info(self.store).code
        with self.store.read() as conn:
            due, on_time = _visits_by_village(conn, code, first, last)
            reported = _concerns_by_village(conn, code, first, last)
            returned = _returns_by_village(conn, code, first, last)
        officers = self.officers()
        serving = {o.division_code: o for o in officers if _serving_director(o)}
        names = {o.division_code: o.division_name for o in officers}
        names.update(self.divisions())
        villages = {
            c
            for c in (*names, *due, *reported, *returned)
            if len(c) == VILLAGE_DIGITS and belongs_to(c, code)
        }
        return [
            DirectorMonth(
                village,
                names.get(village, ""),
                serving[village].uuid if village in serving else "",
                serving[village].name if village in serving else "",
                due.get(village, 0),
                on_time.get(village, 0),
                reported.get(village, 0),
                returned.get(village, 0),
            )
            for village in sorted(villages)
        ]

    def divisions(self) -> list[tuple[str, str]]:
        """This station's division and those below it it knows, (code, name) in code order."""
        code = station_info(self.store).code
        query = select(t.division.c.code, t.division.c.name).order_by(t.division.c.code)
        with self.store.read() as conn:
            return [(c, n) for c, n in conn.execute(query).all() if belongs_to(c, code)]

    def _checked(
        self, division_code: str, duty: str, name: str, appointed_on: date, phone: str, note: str
    ) -> dict[str, Any]:
        division_code, phone = division_code.strip(), phone.strip()
        own = station_info(self.store).code
        problems = []
        if not belongs_to(division_code, own) or not division_code.isdigit():
            problems.append(FieldProblem("division_code", "division_not_below"))
        if duty not in DUTIES:
            problems.append(FieldProblem("duty", "unknown_value" if duty else "required"))
        elif (duty == "director") != (len(division_code) == VILLAGE_DIGITS):
            problems.append(FieldProblem("duty", "duty_level"))
        if not name.strip():
            problems.append(FieldProblem("name", "required"))
        elif not name_ok(name.strip()):
            problems.append(FieldProblem("name", "name_invalid"))
        if phone and not phone_ok(phone):
            problems.append(FieldProblem("phone", "phone_invalid"))
        problems += _day_problems("appointed_on", appointed_on, self.today())
        if problems:
            raise ValidationFailed(problems)
        return {
            "uuid": new_uuid(),
            "division_code": division_code,
            "duty": duty,
            "name": name.strip(),
            "phone": phone,
            "appointed_on": appointed_on,
            "left_on": None,
            "note": note.strip(),
        }


def ensure_station_officer(store: Store, today: date | None = None) -> Officer | None:
    """The station's own officer (named at set-up) in the registry, added once; None when the
    station names no one the registry would take."""
    info = station_info(store)
    team = Team(store, lambda: today or date.today())
    for found in team.officers():
        if (
            found.division_code == info.code
            and found.name == info.officer.strip()
            and found.left_on is None
        ):
            return found
    if not name_ok(info.officer.strip()):
        return None
    return team.add(info.code, duty_of_role(info.role), info.officer, today or date.today())


def _serving_director(officer: Officer) -> bool:
    return officer.duty == "director" and officer.left_on is None


def _officer(row: Any) -> Officer:
    return Officer(
        row["uuid"],
        row["division_code"],
        row["division_name"],
        row["duty"],
        row["name"],
        row["phone"],
        row["appointed_on"],
        row["left_on"],
        row["note"],
        float(row["hours"] or 0.0),
    )


def _day_problems(field: str, day: date, today: date) -> list[FieldProblem]:
    if not date_ok(day):
        return [FieldProblem(field, "implausible_date")]
    if day > today:
        return [FieldProblem(field, "future_date")]
    return []


def _serving_directors(conn: Connection, division_code: str) -> list[tuple[str, date]]:
    o = t.officer.c
    query = select(o.uuid, o.appointed_on).where(
        o.division_code == division_code, o.duty == "director", o.left_on.is_(None)
    )
    return [tuple(r) for r in conn.execute(query).all()]


def _create(conn: Connection, entity: str, row: dict[str, Any]) -> None:
    conn.execute(insert(t.metadata.tables[entity]), row)
    writer = ChangeWriter(conn)
    writer.record(entity, row["uuid"], row, new=True)
    writer.flush()
    audit.record(conn, "create", entity, row["uuid"], row)


def _change(conn: Connection, entity: str, uuid: str, values: dict[str, Any]) -> None:
    table = t.metadata.tables[entity]
    conn.execute(update(table).where(table.c.uuid == uuid).values(**values))
    writer = ChangeWriter(conn)
    writer.record(entity, uuid, values)
    writer.flush()
    audit.record(conn, "update", entity, uuid, values)


def _visits_by_village(
    conn: Connection, code: str, first: date, last: date
) -> tuple[dict[str, int], dict[str, int]]:
    """Per village, the children owed a visit in the month and those visited by their date."""
    c = t.child.c
    inside, earlier = t.visit.alias("inside"), t.visit.alias("earlier")
    first_in = (
        select(func.min(inside.c.visit_date))
        .where(inside.c.child_uuid == c.uuid, inside.c.visit_date.between(first, last))
        .scalar_subquery()
    )
    before = (
        select(func.max(earlier.c.visit_date))
        .where(earlier.c.child_uuid == c.uuid, earlier.c.visit_date < first)
        .scalar_subquery()
    )
    query = select(c.village_code, c.interval_days, c.next_due, first_in, before).where(
        c.village_code.startswith(code, autoescape=True),
        or_(c.registered_on.is_(None), c.registered_on <= last),
        or_(c.status == "active", c.closed_on >= first),
    )
    due: dict[str, int] = defaultdict(int)
    on_time: dict[str, int] = defaultdict(int)
    for village, interval, next_due, visited, previous in conn.execute(query).all():
        owed_by = previous + timedelta(days=interval) if previous and interval else None
        if visited is not None:
            due[village] += 1
            on_time[village] += owed_by is None or visited <= owed_by
        elif (owed_by or next_due) is not None and (owed_by or next_due) <= last:
            due[village] += 1
    return dict(due), dict(on_time)


def _concerns_by_village(conn: Connection, code: str, first: date, last: date) -> dict[str, int]:
    r, c = t.concern_report.c, t.child.c
    query = (
        select(c.village_code, func.count())
        .select_from(t.concern_report.join(t.child, c.uuid == r.child_uuid))
        .where(r.reported_on.between(first, last), c.village_code.startswith(code, autoescape=True))
        .group_by(c.village_code)
    )
    return dict(conn.execute(query).all())


def _returns_by_village(conn: Connection, code: str, first: date, last: date) -> dict[str, int]:
    d, s = t.decision.c, t.submission.c
    query = (
        select(s.village_code, func.count())
        .select_from(t.decision.join(t.submission, s.uuid == d.submission_uuid))
        .where(
            d.verdict == "returned",
            d.decided_on.between(first, last),
            s.village_code.startswith(code, autoescape=True),
        )
        .group_by(s.village_code)
    )
    return dict(conn.execute(query).all())
