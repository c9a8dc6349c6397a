"""Use cases of the printed reports: gather the records from the store, check, render.

The GUI and the CLI both call `Reports`; the renderers in `core.reports` never see the store.
Summary figures are counted by SQL aggregation (`summary_count`), so that a county of 100,000
children is summed in the database and the breakdowns can be checked against each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, func, or_, select

from ...words import label
from ..domain.care import Concern, Referral, Wish
from ..domain.categories import CATEGORY_CODES, age_on
from ..domain.masking import mask_id_number, mask_phone
from ..domain.validation import read_findings
from ..domain.visit import Visit
from ..domain.visit_policy import HOME_MODE, Interval, due_date
from ..reports.child_file import ChildFileData, render_child_file
from ..reports.errors import ReportError
from ..reports.layout import PdfTarget, ReportMeta
from ..reports.ledger import LedgerLine, month_bounds, render_ledger
from ..reports.roster import RosterLine, render_roster_pdf, roster_title, write_roster_xlsx
from ..reports.summary import SummaryFigures, check_totals
from ..reports.summary_pdf import render_summary
from ..storage import audit, children_repo, divisions, settings
from ..storage import tables as t
from ..storage.derived_repo import KEEP_IN_SCHOOL
from ..storage.store import Store
from . import summary_count
from .care import Care
from .concerns import Concerns
from .station import station_info

STATUSES = ("active", "closed", "all")


@dataclass(frozen=True)
class Printed:
    """A report written: where (a file, or memory), how many pages (None for a workbook), how
    many rows."""

    path: PdfTarget
    pages: int | None
    rows: int


class Reports:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    def child_file(self, uuid: str, out: PdfTarget) -> Printed:
        care = Care(self.store, self.today)
        kept = (
            tuple(Concerns(self.store, self.today).for_child(uuid)),
            tuple(row.wish for row in care.wishes(uuid)),
            tuple(row.referral for row in care.referrals(uuid)),
        )
        with self.store.read() as conn:
            data = _child_file_data(conn, uuid, self.today(), *kept)
        pages = render_child_file(data, self._meta("一人一档"), out)
        self._audit("print", "child", uuid, "child file")
        return Printed(out, pages, 1)

    def roster(
        self,
        out: PdfTarget,
        category: str = "",
        status: str = "active",
        full_ids: bool = False,
        limit: int | None = None,
    ) -> Printed:
        """The roster as PDF or Excel (by the suffix of `out`; a PDF when written to memory),
        masked unless `full_ids`."""
        if category and category not in CATEGORY_CODES:
            raise ReportError("unknown_category", category=category)
        if status not in STATUSES:
            raise ReportError("unknown_status", status=status)
        suffix = out.suffix.lower() if isinstance(out, Path) else ".pdf"
        if suffix not in (".pdf", ".xlsx"):
            raise ReportError("report_format", suffix=out.suffix or out.name)
        with self.store.read() as conn:
            lines = _roster_lines(conn, category, status, full_ids, limit, self.today())
        meta = self._meta(roster_title(category, status))
        detail = f"roster {suffix[1:]}: {len(lines)} children, {status}, {category or 'all'}"
        detail += ", full ID numbers" if full_ids else ", masked"
        if suffix == ".xlsx":
            write_roster_xlsx(lines, meta, out)
            self._audit("export", "roster", "", detail)
            return Printed(out, None, len(lines))
        pages = render_roster_pdf(lines, meta, out)
        self._audit("print", "roster", "", detail)
        return Printed(out, pages, len(lines))

    def ledger(self, month: str, out: PdfTarget) -> Printed:
        first, last = month_bounds(month)
        today = self.today()
        with self.store.read() as conn:
            lines = _ledger_lines(conn, first, last, today)
        meta = self._meta(f"走访台账 {month}")
        pages = render_ledger(lines, meta, first, min(today, last), out)
        self._audit("print", "ledger", "", f"visit ledger {month}: {len(lines)} children")
        return Printed(out, pages, len(lines))

    def figures(self, as_of: date | None = None) -> SummaryFigures:
        """The summary's figures as of a cut-off date (today when not given)."""
        info = station_info(self.store)
        day = as_of or self.today()
        with self.store.read() as conn:
            names = divisions.names(conn)
            keep = bool(settings.get(conn, KEEP_IN_SCHOOL, False))
            return summary_count.count(
                conn, day, keep, info.role, info.name, lambda v: _village_name(names, v, info.role)
            )

    def summary(
        self, out: PdfTarget | None, as_of: date | None = None
    ) -> tuple[Printed | None, SummaryFigures]:
        """Count as of the cut-off date, check that the totals agree (refused, naming them,
        when not), then print (unless `out` is None: the figures alone, checked)."""
        figures = self.figures(as_of)
        refuse_disagreeing(figures)
        detail = f"summary of {figures.total} children as of {figures.as_of.isoformat()}"
        if out is None:
            self._audit("report", "summary", "", detail + ", figures only")
            return None, figures
        pages = render_summary(figures, self._meta("汇总表"), out)
        self._audit("report", "summary", "", detail)
        return Printed(out, pages, figures.total), figures

    def _audit(self, action: str, entity: str, uuid: str, detail: str) -> None:
        """Every printed or exported report is logged: what and how many, never the data."""
        with self.store.write() as conn:
            audit.record(conn, action, entity, uuid, detail=detail)

    def _meta(self, title: str) -> ReportMeta:
        return ReportMeta(station_info(self.store).name, self.today(), title)


def refuse_disagreeing(figures: SummaryFigures) -> None:
    wrong = check_totals(figures)
    if wrong:
        raise ReportError("totals_disagree", which="；".join(d.text() for d in wrong))


def _village_name(names: dict[str, str], code: str, role: str) -> str:
    """At a county, villages of different towns share names: say which town."""
    name = names.get(code, code)
    town = names.get(code[:9]) if role == "county" else None
    return f"{town} {name}" if town else name


def _child_file_data(
    conn: Connection,
    uuid: str,
    today: date,
    concerns: tuple[Concern, ...],
    wishes: tuple[Wish, ...],
    referrals: tuple[Referral, ...],
) -> ChildFileData:
    child = children_repo.load(conn, uuid)
    c = t.child.c
    derived = conn.execute(select(c.categories_now, c.risk, c.next_due).where(c.uuid == uuid)).one()
    v = t.visit.c
    superseded = select(v.supersedes).where(v.supersedes.is_not(None))
    visits = tuple(
        Visit(
            child_uuid=uuid,
            visit_date=r.visit_date,
            mode=r.mode,
            uuid=r.uuid,
            visitor=r.visitor,
            met=r.met,
            findings=read_findings(r.findings),
            needs=r.needs,
            actions=r.actions,
            guardianship=r.guardianship,
            next_planned=r.next_planned,
        )
        for r in conn.execute(
            select(t.visit)
            .where(v.child_uuid == uuid, v.uuid.not_in(superseded))
            .order_by(v.visit_date, v.recorded_at)
        )
    )
    village = conn.execute(
        select(t.division.c.name).where(t.division.c.code == child.village_code)
    ).scalar()
    return ChildFileData(
        child=child,
        age=age_on(child.birth_date, today) if child.birth_date else None,
        village=village or child.village_code,
        categories_now=tuple(x for x in derived.categories_now.split(",") if x),
        risk=derived.risk,
        next_due=derived.next_due,
        visits=visits,
        concerns=concerns,
        wishes=wishes,
        referrals=referrals,
    )


def _roster_lines(conn, category, status, full_ids, limit, today) -> list[RosterLine]:
    c = t.child.c
    stmt = select(t.child).order_by(c.village_code, c.sort_key)
    if status != "all":
        stmt = stmt.where(c.status == status)
    if category:
        stmt = stmt.where(("," + c.categories_now + ",").contains(f",{category},"))
    if limit:
        stmt = stmt.limit(limit)
    names = divisions.names(conn)
    return [
        RosterLine(
            name=r.name,
            sex=r.sex,
            birth_date=r.birth_date,
            age=age_on(r.birth_date, today) if r.birth_date else None,
            id_number=_shown_id(r.id_number, r.no_id_reason, full_ids),
            village=names.get(r.village_code, r.village_code),
            categories=tuple(x for x in r.categories_now.split(",") if x),
            guardianship=r.guardianship,
            risk=r.risk,
            phone=r.contact_phone if full_ids else mask_phone(r.contact_phone),
            address=r.current_address,
            last_visit=r.last_visit,
            next_due=r.next_due,
            status=r.status,
        )
        for r in conn.execute(stmt)
    ]


def _shown_id(number: str, no_id_reason: str, full: bool) -> str:
    """The number (masked unless `full`), or why there is none (无户籍 …)."""
    if not number:
        return label("no_id_reason", no_id_reason) if no_id_reason else ""
    return number if full else mask_id_number(number)


def _ledger_lines(conn: Connection, first: date, last: date, today: date) -> list[LedgerLine]:
    """Children due by the month's end or visited in it: the due date counts from the last
    visit before the month (the last home visit under a rule that asks for one), so a visit in
    the month shows as done, not as moving the date."""
    c, v, k = t.child.c, t.visit.c, t.concern.c
    policy = settings.visit_policy(conn)
    before = dict(
        conn.execute(
            select(v.child_uuid, func.max(v.visit_date))
            .where(v.visit_date < first)
            .group_by(v.child_uuid)
        ).all()
    )
    superseded = select(v.supersedes).where(v.supersedes.is_not(None))
    home_before = {}
    if policy.home:
        at_home = v.mode == HOME_MODE, v.visit_date < first, v.uuid.not_in(superseded)
        last_home = select(v.child_uuid, func.max(v.visit_date)).where(*at_home)
        home_before = dict(conn.execute(last_home.group_by(v.child_uuid)).all())
    done: dict[str, list[tuple[date, str, str]]] = {}
    for uid, when, mode, visitor in conn.execute(
        select(v.child_uuid, v.visit_date, v.mode, v.visitor)
        .where(v.visit_date.between(first, last), v.uuid.not_in(superseded))
        .order_by(v.visit_date)
    ):
        done.setdefault(uid, []).append((when, mode, visitor))
    concern_since = dict(
        conn.execute(
            select(k.child_uuid, func.min(k.noticed_on))
            .where(k.noticed_on <= last, or_(k.closed_on.is_(None), k.closed_on >= first))
            .group_by(k.child_uuid)
        ).all()
    )
    names = divisions.names(conn)
    lines = []
    stmt = (
        select(t.child)
        .where(c.status == "active", or_(c.registered_on.is_(None), c.registered_on <= last))
        .order_by(c.village_code, c.sort_key)
    )
    for r in conn.execute(stmt):
        home = policy.needs_home(r.due_reason)
        interval = Interval(r.interval_days, r.due_reason, home) if r.interval_days else None
        due = due_date(
            before.get(r.uuid),
            r.registered_on or first,
            interval,
            concern_since.get(r.uuid),
            policy,
            home_before.get(r.uuid),
        )
        visits = tuple(done.get(r.uuid, ()))
        if not visits and (due is None or due > last):
            continue
        lines.append(
            LedgerLine(
                name=r.name,
                village=names.get(r.village_code, r.village_code),
                categories=tuple(x for x in r.categories_now.split(",") if x),
                guardianship=r.guardianship,
                due=due,
                visits=visits,
            )
        )
    return lines
