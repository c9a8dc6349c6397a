"""Use cases of concerns and mandatory reports (强制报告): record, report, follow up, close.

An open concern makes the child high risk and due for a visit at once: every write here
recomputes the child's derived columns in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date

from sqlalchemy import Connection, select

from ..domain.care import (
    CONCERN_KINDS,
    DEFAULT_REPORT_CONTACTS,
    REPORT_TARGETS,
    Concern,
    ConcernReport,
    ReportContact,
)
from ..errors import FieldProblem, ValidationFailed
from ..storage import audit, care_repo, children_repo, derived_repo, settings
from ..storage import tables as t
from ..storage.store import Store


@dataclass(frozen=True)
class ConcernRow:
    """A concern with the name of its child, for the station-wide list."""

    concern: Concern
    child_name: str


class Concerns:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    def add(self, child_uuid: str, kind: str, noticed_on: date, description: str = "") -> Concern:
        problems = []
        if kind not in CONCERN_KINDS:
            problems.append(FieldProblem("kind", "unknown_value"))
        if noticed_on > self.today():
            problems.append(FieldProblem("noticed_on", "future_date"))
        if problems:
            raise ValidationFailed(problems)
        concern = Concern(child_uuid, kind, noticed_on, description.strip())
        with self.store.write() as conn:
            children_repo.load(conn, child_uuid)  # refuses an unknown child
            care_repo.create(conn, "concern", concern)
            self._refresh(conn, child_uuid)
        return concern

    def report(
        self, concern_uuid: str, target: str, reported_on: date, receipt: str = "", note: str = ""
    ) -> Concern:
        """Record that the concern was reported (to whom, when, the receipt number)."""
        problems = []
        if target not in REPORT_TARGETS:
            problems.append(FieldProblem("target", "unknown_value"))
        if reported_on > self.today():
            problems.append(FieldProblem("reported_on", "future_date"))
        if problems:
            raise ValidationFailed(problems)
        concern = self.get(concern_uuid)
        if reported_on < concern.noticed_on:
            raise ValidationFailed([FieldProblem("reported_on", "end_before_start")])
        entry = ConcernReport(
            concern_uuid, concern.child_uuid, target, reported_on, receipt.strip(), note.strip()
        )
        with self.store.write() as conn:
            care_repo.create(conn, "concern_report", entry)
        return self.get(concern_uuid)

    def close(self, concern_uuid: str, follow_up: str, closed_on: date | None = None) -> Concern:
        """Close with what was done since; refused without a follow-up note."""
        if not follow_up.strip():
            raise ValidationFailed([FieldProblem("follow_up", "follow_up_required")])
        closed_on = closed_on or self.today()
        concern = self.get(concern_uuid)
        if not concern.is_open:
            raise ValidationFailed([FieldProblem("closed_on", "concern_closed")])
        if closed_on < concern.noticed_on:
            raise ValidationFailed([FieldProblem("closed_on", "end_before_start")])
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

    def _refresh(self, conn: Connection, child_uuid: str) -> None:
        policy = settings.visit_policy(conn)
        derived_repo.refresh_derived(conn, [child_uuid], self.today(), policy)


def _with_reports(conn: Connection, rows: list[dict]) -> list[Concern]:
    r = t.concern_report.c
    reports: dict[str, list[ConcernReport]] = {}
    uuids = [row["uuid"] for row in rows]
    for found in conn.execute(
        select(t.concern_report).where(r.concern_uuid.in_(uuids)).order_by(r.reported_on)
    ).mappings():
        reports.setdefault(found["concern_uuid"], []).append(
            care_repo.from_row(ConcernReport, found)
        )
    return [
        care_repo.from_row(Concern, row, reports=tuple(reports.get(row["uuid"], ())))
        for row in rows
    ]
