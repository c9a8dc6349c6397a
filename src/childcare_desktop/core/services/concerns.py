"""Use cases of concerns and mandatory reports (强制报告): record (reported at once or later),
report, follow up with notes, close with the outcome.

An open concern makes the child high risk and due for a visit at once: every write here
recomputes the child's derived columns in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date

from sqlalchemy import Connection, Table, select

from ..domain.care import (
    CONCERN_KINDS,
    DEFAULT_REPORT_CONTACTS,
    REPORT_TARGETS,
    Concern,
    ConcernNote,
    ConcernReport,
    ReportContact,
)
from ..domain.child import FamilyMember
from ..domain.reportable import ADULTHOOD, ALONE_BELOW, Reportable, reportable
from ..errors import FieldProblem, ValidationFailed
from ..storage import audit, care_repo, children_repo, derived_repo, settings
from ..storage import tables as t
from ..storage.store import Store


@dataclass(frozen=True)
class ConcernRow:
    """A concern with the name of its child, for the station-wide list."""

    concern: Concern
    child_name: str


@dataclass(frozen=True)
class ToConfirm:
    """A situation the facts of a child's file show, waiting for a person to record it as a
    concern (and report it) or to say why it is not one."""

    child_uuid: str
    child_name: str
    birth_date: date
    found: Reportable


# Dismissed situations, per child and kind: {child: {kind: {"on": day, "reason": text}}}.
_DISMISSED = "reportable_dismissed"


class Concerns:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    def add(
        self,
        child_uuid: str,
        kind: str,
        noticed_on: date,
        description: str,
        reported_to: str | None = None,
        reported_on: date | None = None,
        receipt: str = "",
    ) -> Concern:
        """Record what was noticed and, when it was already reported, the report with it.

        With `reported_to` None the concern waits to be reported (`report`, later): the law asks
        for a report at once, but the officer may record before the call gets through.
        """
        problems = []
        if kind not in CONCERN_KINDS:
            problems.append(FieldProblem("kind", "unknown_value" if kind else "required"))
        if noticed_on > self.today():
            problems.append(FieldProblem("noticed_on", "future_date"))
        if not description.strip():
            problems.append(FieldProblem("description", "required"))
        if reported_to is not None:
            problems += self._report_problems(reported_to, reported_on, noticed_on)
        if problems:
            raise ValidationFailed(problems)
        concern = Concern(child_uuid, kind, noticed_on, description.strip())
        with self.store.write() as conn:
            children_repo.load(conn, child_uuid)  # refuses an unknown child
            care_repo.create(conn, "concern", concern)
            if reported_to is not None:
                entry = ConcernReport(
                    concern.uuid, child_uuid, reported_to, reported_on, receipt.strip()
                )
                care_repo.create(conn, "concern_report", entry)
            self._refresh(conn, child_uuid)
        return self.get(concern.uuid)

    def report(
        self, concern_uuid: str, target: str, reported_on: date, receipt: str = "", note: str = ""
    ) -> Concern:
        """Record that the concern was reported (to whom, when, the receipt number)."""
        concern = self.get(concern_uuid)
        problems = self._report_problems(target, reported_on, concern.noticed_on)
        if problems:
            raise ValidationFailed(problems)
        entry = ConcernReport(
            concern_uuid, concern.child_uuid, target, reported_on, receipt.strip(), note.strip()
        )
        with self.store.write() as conn:
            care_repo.create(conn, "concern_report", entry)
        return self.get(concern_uuid)

    def note(self, concern_uuid: str, text: str, noted_on: date | None = None) -> Concern:
        """Add a follow-up note (a call, a visit, an answer) to an open concern."""
        noted_on = noted_on or self.today()
        concern = self.get(concern_uuid)
        problems = []
        if not text.strip():
            problems.append(FieldProblem("text", "required"))
        problems += self._day_problems("noted_on", noted_on, concern)
        if problems:
            raise ValidationFailed(problems)
        entry = ConcernNote(concern_uuid, concern.child_uuid, noted_on, text.strip())
        with self.store.write() as conn:
            care_repo.create(conn, "concern_note", entry)
        return self.get(concern_uuid)

    def close(self, concern_uuid: str, follow_up: str, closed_on: date | None = None) -> Concern:
        """Close with its outcome (what was done, how it ended); refused without one."""
        closed_on = closed_on or self.today()
        concern = self.get(concern_uuid)
        problems = []
        if not follow_up.strip():
            problems.append(FieldProblem("follow_up", "follow_up_required"))
        problems += self._day_problems("closed_on", closed_on, concern)
        if problems:
            raise ValidationFailed(problems)
        values = {"closed_on": closed_on, "follow_up": follow_up.strip()}
        with self.store.write() as conn:
            care_repo.change(conn, "concern", concern_uuid, values, action="close")
            self._refresh(conn, concern.child_uuid)
        return self.get(concern_uuid)

    def get(self, concern_uuid: str) -> Concern:
        with self.store.read() as conn:
            row = care_repo.load_row(conn, "concern", concern_uuid)
            return _with_reports(conn, [row])[0]

    def for_child(self, child_uuid: str) -> list[Concern]:
        """A child's concerns, open ones first, newest first."""
        c = t.concern.c
        with self.store.read() as conn:
            rows = conn.execute(
                select(t.concern)
                .where(c.child_uuid == child_uuid)
                .order_by(c.closed_on.is_not(None), c.noticed_on.desc())
            ).mappings()
            return _with_reports(conn, [dict(r) for r in rows])

    def open_concerns(self) -> list[ConcernRow]:
        """Every open concern of an active child, oldest first: the longest waiting on top."""
        c = t.concern.c
        with self.store.read() as conn:
            rows = [
                dict(r)
                for r in conn.execute(
                    select(t.concern, t.child.c.name.label("child_name"))
                    .join(t.child, t.child.c.uuid == c.child_uuid)
                    .where(c.closed_on.is_(None), t.child.c.status == "active")
                    .order_by(c.noticed_on, t.child.c.sort_key)
                ).mappings()
            ]
            concerns = _with_reports(
                conn, [{k: v for k, v in r.items() if k != "child_name"} for r in rows]
            )
        return [ConcernRow(c, r["child_name"]) for c, r in zip(concerns, rows, strict=True)]

    def to_confirm(self) -> list[ToConfirm]:
        """Every active child whose file shows a situation to report (`domain.reportable`),
        unless a concern of that kind is open or a person said why it is not one; youngest
        first, as the law is most pressing for them."""
        today = self.today()
        c, m = t.child.c, t.member.c
        cut_adult = _years_before(today, ADULTHOOD)
        nobody_home = (
            ~select(m.uuid)
            .where(
                m.child_uuid == c.uuid,
                m.situation == "home",
                m.guardian_capable.is_(True),
                m.relation != "sibling",
            )
            .exists()
        )
        # Narrowed in SQL to the children the rule could take; the rule itself decides.
        candidates = (
            select(c.uuid, c.name, c.birth_date, c.guardianship)
            .where(c.status == "active", c.birth_date > cut_adult)
            .where(
                (c.guardianship == "none")
                | ((c.birth_date > _years_before(today, ALONE_BELOW)) & nobody_home)
            )
        )
        chosen = select(candidates.subquery().c.uuid)
        with self.store.read() as conn:
            rows = conn.execute(candidates).all()
            members: dict[str, list[FamilyMember]] = {}
            for r in conn.execute(
                select(m.child_uuid, m.relation, m.situation, m.guardian_capable).where(
                    m.child_uuid.in_(chosen)
                )
            ):
                members.setdefault(r.child_uuid, []).append(
                    FamilyMember(
                        r.relation, "", situation=r.situation, guardian_capable=r.guardian_capable
                    )
                )
            open_kinds = {
                (r.child_uuid, r.kind)
                for r in conn.execute(
                    select(t.concern.c.child_uuid, t.concern.c.kind).where(
                        t.concern.c.closed_on.is_(None), t.concern.c.child_uuid.in_(chosen)
                    )
                )
            }
            dismissed = settings.get(conn, _DISMISSED) or {}
        found = []
        for r in rows:
            seen = reportable(r.birth_date, r.guardianship, members.get(r.uuid, ()), today)
            if seen is None or (r.uuid, seen.kind) in open_kinds:
                continue
            if seen.kind in dismissed.get(r.uuid, {}):
                continue
            found.append(ToConfirm(r.uuid, r.name, r.birth_date, seen))
        return sorted(found, key=lambda x: (x.birth_date, x.child_name), reverse=True)

    def dismiss(self, child_uuid: str, kind: str, reason: str) -> None:
        """A person looked and found no situation to report: why, kept with the day, so the
        same situation is not raised again for this child."""
        if not reason.strip():
            raise ValidationFailed([FieldProblem("reason", "required")])
        with self.store.write() as conn:
            children_repo.load(conn, child_uuid)  # refuses an unknown child
            dismissed = settings.get(conn, _DISMISSED) or {}
            entry = {"on": self.today().isoformat(), "reason": reason.strip()}
            dismissed.setdefault(child_uuid, {})[kind] = entry
            settings.put(conn, _DISMISSED, dismissed)
            audit.record(conn, "update", "child", child_uuid, [_DISMISSED], detail=kind)

    def contacts(self) -> list[ReportContact]:
        """Whom to call, in order: the station's own list, else the shipped one."""
        with self.store.read() as conn:
            stored = settings.get(conn, "report_contacts")
        if stored is None:
            return list(DEFAULT_REPORT_CONTACTS)
        return [ReportContact(**entry) for entry in stored]

    def set_contacts(self, contacts: list[ReportContact]) -> None:
        problems = [
            FieldProblem(f"contacts.{i}", "unknown_value")
            for i, contact in enumerate(contacts)
            if contact.target not in REPORT_TARGETS or not contact.name.strip()
        ]
        if problems:
            raise ValidationFailed(problems)
        cleaned = [replace(c, name=c.name.strip(), number=c.number.strip()) for c in contacts]
        with self.store.write() as conn:
            settings.put(conn, "report_contacts", [asdict(c) for c in cleaned])
            audit.record(conn, "update", "setting", "report_contacts", ["report_contacts"])

    def _report_problems(
        self, target: str, reported_on: date | None, noticed_on: date
    ) -> list[FieldProblem]:
        if target not in REPORT_TARGETS:
            return [FieldProblem("target", "unknown_value" if target else "required")]
        if reported_on is None:
            return [FieldProblem("reported_on", "required")]
        if reported_on > self.today():
            return [FieldProblem("reported_on", "future_date")]
        if reported_on < noticed_on:
            return [FieldProblem("reported_on", "end_before_start")]
        return []

    def _day_problems(self, name: str, day: date, concern: Concern) -> list[FieldProblem]:
        """A note or a closing falls between the noticing and today, on an open concern."""
        if not concern.is_open:
            return [FieldProblem(name, "concern_closed")]
        if day > self.today():
            return [FieldProblem(name, "future_date")]
        if day < concern.noticed_on:
            return [FieldProblem(name, "end_before_start")]
        return []

    def _refresh(self, conn: Connection, child_uuid: str) -> None:
        policy = settings.visit_policy(conn)
        derived_repo.refresh_derived(conn, [child_uuid], self.today(), policy)


def _with_reports(conn: Connection, rows: list[dict]) -> list[Concern]:
    """The concerns of `rows`, each with its reports and notes, oldest first."""
    uuids = [row["uuid"] for row in rows]
    reports = _parts(conn, t.concern_report, ConcernReport, uuids, "reported_on")
    notes = _parts(conn, t.concern_note, ConcernNote, uuids, "noted_on")
    return [
        care_repo.from_row(
            Concern,
            row,
            reports=tuple(reports.get(row["uuid"], ())),
            notes=tuple(notes.get(row["uuid"], ())),
        )
        for row in rows
    ]


def _parts(conn: Connection, table: Table, cls: type, uuids: list[str], day: str) -> dict:
    found: dict[str, list] = {}
    for row in conn.execute(
        select(table).where(table.c.concern_uuid.in_(uuids)).order_by(table.c[day])
    ).mappings():
        found.setdefault(row["concern_uuid"], []).append(care_repo.from_row(cls, row))
    return found


def _years_before(day: date, years: int) -> date:
    """The birth date of a child who turns `years` on `day`: one born after it is younger."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return date(day.year - years, 2, 28)
