"""Use cases of the visit schedule: whom to visit and when, logging and correcting visits with
their photos, and the station's visit policy."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import Connection, select

from ..domain import vocab
from ..domain.child import new_uuid
from ..domain.risk import derived_risk
from ..domain.validation import read_findings
from ..domain.visit import FINDING_AREAS, MODES, Visit
from ..domain.visit_policy import (
    DUE_SOON_DAYS,
    HOME_RULES,
    RULE_REASONS,
    VisitPolicy,
    due_status,
)
from ..errors import FieldProblem, NotFound, ValidationFailed
from ..storage import audit, bulk, children_repo, derived_repo, driver, settings, visits_repo
from ..storage import tables as t
from ..storage.changes import ChangeWriter
from ..storage.store import Store

DUE_STATUSES = ("overdue", "due_soon", "upcoming")
# Days between visits an officer may set: at least daily, at most every two years.
POLICY_DAYS = range(1, 731)
# A photo is stored as it was picked (the core does not re-encode images): a phone's photo
# fits, a video or a scan of a whole file does not.
MAX_PHOTO_MB = 8
MAX_PHOTO_BYTES = MAX_PHOTO_MB * 1024 * 1024
# A photo's type is told by its first bytes, not by its name: the two every camera, phone and
# viewer know.
_PHOTO_SIGNATURES = ((b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"))


class DueRow(NamedTuple):
    """One child on the due list: `status` is overdue, due_soon or upcoming as of the day asked.

    The fields are the due list's columns in their order, so a row of the store becomes a
    DueRow with no Python step per row (100,000 of them). The dates stay the store's ISO text
    and become dates when read."""

    uuid: str
    name: str
    due_text: str
    status: str
    interval_days: int | None
    reason: str
    risk: str
    last_visit_text: str | None
    home_flag: int  # 1 when only a home visit (入户) resets the rule that set the date

    @property
    def home_visit(self) -> bool:
        return bool(self.home_flag)

    @property
    def due_date(self) -> date:
        return date.fromisoformat(self.due_text)

    @property
    def last_visit(self) -> date | None:
        return date.fromisoformat(self.last_visit_text) if self.last_visit_text else None


_due_row = partial(tuple.__new__, DueRow)


@dataclass(frozen=True)
class PhotoFile:
    """A photo picked to go with a visit: the file's name and its bytes, as given."""

    name: str
    data: bytes


@dataclass(frozen=True)
class VisitPhoto:
    """A photo stored with a visit, without its bytes (`Visits.photo_data` reads them)."""

    uuid: str
    taken_name: str
    mime: str
    size: int
    added_at: str


@dataclass(frozen=True)
class VisitRecord:
    """A stored version of a visit; `superseded_by` names the correction that replaced it."""

    visit: Visit
    recorded_at: str
    superseded_by: str | None
    photos: tuple[VisitPhoto, ...] = ()

    @property
    def current(self) -> bool:
        return self.superseded_by is None


@dataclass(frozen=True)
class VisitPlan:
    """When a child is next due and why, and its risk: `rule_risk` is what the rules say,
    `risk` what counts (the officer's override when there is one)."""

    next_due: date | None
    due_status: str | None
    reason: str
    interval_days: int | None
    last_visit: date | None
    risk: str
    rule_risk: str
    risk_override: str
    risk_override_reason: str
    open_concern: bool
    home_visit: bool = False  # only a home visit resets the rule that set the date
    last_home_visit: date | None = None


# The due list is one SQL statement over the derived columns, read from the covering index
# ix_child_due alone: it never walks the children in Python. Dates are ISO text in the store,
# so they compare. The columns are DueRow's fields, in order.
_DUE_SQL = (
    "SELECT uuid, name, next_due, "
    "CASE WHEN next_due < :as_of THEN 'overdue' WHEN next_due <= :soon THEN 'due_soon' "
    "ELSE 'upcoming' END, interval_days, due_reason, risk, last_visit, {home} "
    "FROM child INDEXED BY ix_child_due "
    "WHERE status = 'active' AND next_due IS NOT NULL{where} ORDER BY next_due, sort_key{limit}"
)


class Visits:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    def due(
        self,
        as_of: date | None = None,
        status: str = "",
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[DueRow]:
        """Active children sorted by due date; `status` keeps one kind; `since` and `until`
        bound the due dates (an agenda's week or month)."""
        as_of = as_of or self.today()
        params = {"as_of": as_of.isoformat(), "soon": _soon(as_of).isoformat()}
        where = ""
        if status == "overdue":
            where = " AND next_due < :as_of"
        elif status == "due_soon":
            where = " AND next_due >= :as_of AND next_due <= :soon"
        elif status == "upcoming":
            where = " AND next_due > :soon"
        if since is not None:
            where += " AND next_due >= :since"
            params["since"] = since.isoformat()
        if until is not None:
            where += " AND next_due <= :until"
            params["until"] = until.isoformat()
        limit_sql = f" LIMIT {int(limit)}" if limit else ""
        # One statement on the DB-API cursor: SQLAlchemy's Row per row cost more than the
        # query itself for 100,000 children. All rows in one call: psycopg's cursor, iterated,
        # is a Python call per row (20 ms of the county's 94,000), where its fetchall is one.
        with self.store.read() as conn, bulk.gc_paused():
            home = _home_reasons_sql(settings.visit_policy(conn))
            sql = _DUE_SQL.format(where=where, limit=limit_sql, home=home)
            cursor = driver.raw(conn).execute(sql, params)
            return list(map(_due_row, cursor.fetchall()))

    def due_counts(self, as_of: date | None = None) -> dict[str, int]:
        """How many active children are overdue, due soon and upcoming."""
        as_of = as_of or self.today()
        sql = (
            "SELECT CASE WHEN next_due < ? THEN 'overdue' WHEN next_due <= ? THEN 'due_soon' "
            "ELSE 'upcoming' END AS s, count(*) FROM child INDEXED BY ix_child_due "
            "WHERE status = 'active' AND next_due IS NOT NULL GROUP BY s"
        )
        with self.store.read() as conn:
            found = dict(
                conn.exec_driver_sql(sql, (as_of.isoformat(), _soon(as_of).isoformat())).all()
            )
        return {s: found.get(s, 0) for s in DUE_STATUSES}

    def log(
        self, visit: Visit, photos: Sequence[PhotoFile] = (), dropped: Collection[str] = ()
    ) -> VisitRecord:
        """Append a visit with the photos picked for it; a reassessed guardianship grade
        becomes the child's grade, and the due date and risk are worked out again. A
        correction (`visit.supersedes`) keeps the photos of the version it corrects, but for
        the ones named in `dropped` (the old version keeps those)."""
        self._check(visit, photos)
        with self.store.write() as conn:
            if visit.supersedes is not None:
                self._check_correctable(conn, visit)
            self._append(conn, visit, photos, dropped)
        return self.get(visit.uuid)

    def correct(
        self,
        old_uuid: str,
        corrected: Visit,
        photos: Sequence[PhotoFile] = (),
        dropped: Collection[str] = (),
    ) -> VisitRecord:
        """A correction is a new version that supersedes `old_uuid`; the old one stays. The
        new version keeps the old one's photos but `dropped`, and adds `photos`."""
        old = self.get(old_uuid)
        corrected = replace(corrected, child_uuid=old.visit.child_uuid, supersedes=old_uuid)
        return self.log(corrected, photos, dropped)

    def photo_data(self, photo_uuid: str) -> bytes:
        """The bytes of a stored photo, as they were picked."""
        with self.store.read() as conn:
            data = visits_repo.photo_data(conn, photo_uuid)
        if data is None:
            raise NotFound("photo_not_found", uuid=photo_uuid)
        return data

    def get(self, uuid: str) -> VisitRecord:
        with self.store.read() as conn:
            records = _records(conn, t.visit.c.uuid == uuid)
        if not records:
            raise NotFound("visit_not_found", uuid=uuid)
        return records[0]

    def history(self, child_uuid: str) -> list[VisitRecord]:
        """Every version of every visit of a child, newest first; corrected ones included."""
        with self.store.read() as conn:
            return _records(conn, t.visit.c.child_uuid == child_uuid)

    def plan(self, child_uuid: str) -> VisitPlan:
        """The child's visit plan and risk as the file shows them, from the derived columns."""
        c, k = t.child.c, t.concern.c
        with self.store.read() as conn:
            row = conn.execute(select(t.child).where(c.uuid == child_uuid)).mappings().first()
            if row is None:
                raise NotFound("child_not_found", uuid=child_uuid)
            concern = select(k.uuid).where(k.child_uuid == child_uuid, k.closed_on.is_(None))
            open_concern = conn.execute(concern).first() is not None
            policy = settings.visit_policy(conn)
            last_home = derived_repo.last_home_visit(conn, child_uuid)
        codes = [x for x in row["categories_now"].split(",") if x]
        return VisitPlan(
            next_due=row["next_due"],
            due_status=due_status(row["next_due"], self.today()),
            reason=row["due_reason"],
            interval_days=row["interval_days"],
            last_visit=row["last_visit"],
            risk=row["risk"],
            rule_risk=derived_risk(codes, row["guardianship"], open_concern),
            risk_override=row["risk_override"],
            risk_override_reason=row["risk_override_reason"],
            open_concern=open_concern,
            home_visit=row["next_due"] is not None and policy.needs_home(row["due_reason"]),
            last_home_visit=last_home,
        )

    def policy(self) -> VisitPolicy:
        with self.store.read() as conn:
            return settings.visit_policy(conn)

    def set_policy(self, policy: VisitPolicy) -> int:
        """Store the station's policy and recompute every child's due date; returns how many."""
        problems = [
            FieldProblem(name, "policy_days", {"min": "1", "max": str(POLICY_DAYS[-1])})
            for name, days in policy.days().items()
            if days not in POLICY_DAYS
        ]
        if not policy.home <= set(HOME_RULES):
            problems.append(FieldProblem("home", "unknown_value"))
        if problems:
            raise ValidationFailed(problems)
        with self.store.write() as conn:
            settings.put_visit_policy(conn, policy)
            audit.record(conn, "update", "setting", "visit_policy", [*policy.days(), "home"])
            return derived_repo.refresh_derived(conn, None, self.today(), policy)

    def _check(self, visit: Visit, photos: Sequence[PhotoFile]) -> None:
        problems = [p for p in map(photo_problem, photos) if p is not None]
        if visit.mode not in MODES:
            problems.append(FieldProblem("mode", "unknown_value"))
        if visit.visit_date > self.today():
            problems.append(FieldProblem("visit_date", "future_date"))
        if visit.guardianship and visit.guardianship not in vocab.GUARDIANSHIP:
            problems.append(FieldProblem("guardianship", "unknown_value"))
        if visit.next_planned is not None and visit.next_planned < visit.visit_date:
            problems.append(FieldProblem("next_planned", "end_before_start"))
        if set(visit.findings) - set(FINDING_AREAS):
            problems.append(FieldProblem("findings", "unknown_value"))
        if problems:
            raise ValidationFailed(problems)

    def _check_correctable(self, conn: Connection, visit: Visit) -> None:
        """Only the newest version can be corrected, so versions form one line, not a tree."""
        v = t.visit.c
        if conn.execute(select(v.uuid).where(v.uuid == visit.supersedes)).first() is None:
            raise NotFound("visit_not_found", uuid=visit.supersedes)
        if conn.execute(select(v.uuid).where(v.supersedes == visit.supersedes)).first():
            raise ValidationFailed([FieldProblem("supersedes", "visit_superseded")])

    def _append(
        self,
        conn: Connection,
        visit: Visit,
        photos: Sequence[PhotoFile],
        dropped: Collection[str],
    ) -> None:
        child = children_repo.load(conn, visit.child_uuid)
        writer = ChangeWriter(conn)
        visits_repo.append_many(conn, writer, [visit])
        kept, added = _add_photos(conn, visit, photos, dropped)
        policy, today = settings.visit_policy(conn), self.today()
        regraded = bool(visit.guardianship) and visit.guardianship != child.guardianship
        if regraded and _is_latest(conn, visit):
            children_repo.save(
                conn, writer, replace(child, guardianship=visit.guardianship), today, policy
            )
            audit.record(conn, "update", "child", child.uuid, ["guardianship"])
        else:
            derived_repo.refresh_derived(conn, [child.uuid], today, policy)
        writer.flush()
        shown = (*_VISIT_FIELDS, "photos") if kept or added else _VISIT_FIELDS
        audit.record(conn, "create", "visit", visit.uuid, shown)
        for photo_uuid in added:
            audit.record(conn, "create", "visit_photo", photo_uuid, _PHOTO_FIELDS)


def photo_mime(data: bytes) -> str | None:
    """image/jpeg or image/png from the first bytes; None for anything else."""
    return next((mime for magic, mime in _PHOTO_SIGNATURES if data.startswith(magic)), None)


def photo_size_problem(name: str, size: int) -> FieldProblem | None:
    """A file too large to go with a visit, told before its bytes are read."""
    if size > MAX_PHOTO_BYTES:
        return FieldProblem(
            "photos", "photo_too_large", {"name": name, "max_mb": str(MAX_PHOTO_MB)}
        )
    return None


def photo_problem(photo: PhotoFile) -> FieldProblem | None:
    """Why a picked photo cannot go with a visit (too large, not a JPEG or PNG), or None."""
    if too_large := photo_size_problem(photo.name, len(photo.data)):
        return too_large
    if photo_mime(photo.data) is None:
        return FieldProblem("photos", "photo_not_image", {"name": photo.name})
    return None


def read_photo(path: Path) -> PhotoFile | FieldProblem:
    """A picked file as a photo, or why it cannot be one; a file too large is never read."""
    try:
        too_large = photo_size_problem(path.name, path.stat().st_size)
        if too_large is not None:
            return too_large
        photo = PhotoFile(path.name, path.read_bytes())
    except OSError:
        return FieldProblem("photos", "photo_unreadable", {"name": path.name})
    return photo_problem(photo) or photo


def _add_photos(
    conn: Connection, visit: Visit, photos: Sequence[PhotoFile], dropped: Collection[str]
) -> tuple[list[str], list[str]]:
    """Link the corrected version's photos but `dropped` to the new version, then store the
    new ones after them; returns the uuids of the photos kept and of those added."""
    kept: list[str] = []
    if visit.supersedes is not None:
        old = visits_repo.photos_of(conn, t.visit.c.uuid == visit.supersedes)
        kept = [p["uuid"] for p in old.get(visit.supersedes, ()) if p["uuid"] not in dropped]
    visits_repo.link_photos(conn, visit.uuid, kept)
    new = [
        {"uuid": new_uuid(), "taken_name": p.name, "mime": photo_mime(p.data), "data": p.data}
        for p in photos
    ]
    visits_repo.add_photos(conn, visit.uuid, new, first=len(kept))
    return kept, [p["uuid"] for p in new]


def _home_reasons_sql(policy: VisitPolicy) -> str:
    """The due list's column that says a home visit is asked for: the due reasons whose rule
    asks for one (the domain's own codes), read from the index like the rest."""
    reasons = [r for r in RULE_REASONS if policy.needs_home(r)]
    if not reasons:
        return "0"
    return f"due_reason IN ({', '.join(repr(r) for r in reasons)})"


def _soon(as_of: date) -> date:
    return as_of + timedelta(days=DUE_SOON_DAYS)


def _is_latest(conn: Connection, visit: Visit) -> bool:
    """A visit logged late (an older date) does not overwrite a newer visit's grade."""
    v = t.visit.c
    newer = conn.execute(
        select(v.uuid).where(
            v.child_uuid == visit.child_uuid, v.visit_date > visit.visit_date, v.uuid != visit.uuid
        )
    ).first()
    return newer is None


def _records(conn: Connection, where) -> list[VisitRecord]:
    v = t.visit.c
    correction = t.visit.alias("correction")
    rows = conn.execute(
        select(t.visit, correction.c.uuid.label("superseded_by"))
        .outerjoin(correction, correction.c.supersedes == v.uuid)
        .where(where)
        .order_by(v.visit_date.desc(), v.recorded_at.desc())
    ).mappings()
    photos = visits_repo.photos_of(conn, where)
    return [
        VisitRecord(
            Visit(
                **{f: r[f] for f in _VISIT_FIELDS if f != "findings"},
                findings=read_findings(r["findings"]),
            ),
            r["recorded_at"],
            r["superseded_by"],
            tuple(VisitPhoto(**{f: p[f] for f in _PHOTO_FACTS}) for p in photos.get(r["uuid"], ())),
        )
        for r in rows
    ]


_VISIT_FIELDS = tuple(f.name for f in fields(Visit))
_PHOTO_FACTS = tuple(f.name for f in fields(VisitPhoto))
# The audit names a photo's fields, never its content (nor its bytes).
_PHOTO_FIELDS = ("visit_uuid", "taken_name", "mime", "size", "data")
