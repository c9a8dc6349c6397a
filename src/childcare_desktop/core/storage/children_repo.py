"""Reading and writing children's files; every write goes through the change log."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from uuid import UUID, uuid5

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from ..domain.categories import CategorySpan
from ..domain.child import (
    ASSISTANCE_FIELDS,
    CHILD_FIELDS,
    MEMBER_FIELDS,
    Assistance,
    Child,
    FamilyMember,
)
from ..domain.derived import derive
from ..domain.visit_policy import VisitPolicy
from ..errors import NotFound
from . import bulk
from . import tables as t
from .changes import ChangeWriter

_CHUNK = 900  # children per statement: stays under SQLite's bound-parameter limit


def load(conn: Connection, uuid: str) -> Child:
    row = conn.execute(select(t.child).where(t.child.c.uuid == uuid)).mappings().first()
    if row is None:
        raise NotFound("child_not_found", uuid=uuid)
    members = conn.execute(
        select(t.member).where(t.member.c.child_uuid == uuid).order_by(t.member.c.position)
    ).mappings()
    spans = conn.execute(
        select(t.category)
        .where(t.category.c.child_uuid == uuid)
        .order_by(t.category.c.start, t.category.c.code)
    ).mappings()
    aid = conn.execute(
        select(t.assistance).where(t.assistance.c.child_uuid == uuid).order_by(t.assistance.c.start)
    ).mappings()
    return Child(
        **{f: row[f] for f in CHILD_FIELDS},
        members=tuple(FamilyMember(**{f: m[f] for f in MEMBER_FIELDS}) for m in members),
        categories=tuple(
            CategorySpan(code=s["code"], start=s["start"], end=s["end"]) for s in spans
        ),
        assistance=tuple(Assistance(**{f: a[f] for f in ASSISTANCE_FIELDS}) for a in aid),
    )


def save(
    conn: Connection, writer: ChangeWriter, child: Child, today: date, policy: VisitPolicy
) -> list[str]:
    """Insert or update one file: only what changed is written and logged. Returns the names
    of what changed (child fields, and "members", "categories", "assistance")."""
    try:
        old = load(conn, child.uuid)
    except NotFound:
        old = None
    new_row = _child_row(child)
    if old is None:
        conn.execute(insert(t.child), new_row)
        writer.record("child", child.uuid, new_row, new=True)
        changed = list(new_row)
    else:
        diff = {k: v for k, v in new_row.items() if v != _child_row(old)[k]}
        changed = list(diff)
        if diff:
            conn.execute(update(t.child).where(t.child.c.uuid == child.uuid).values(**diff))
            writer.record("child", child.uuid, diff)
    parts = (
        ("members", "member", t.member, _member_rows),
        ("categories", "category", t.category, _category_rows),
        ("assistance", "assistance", t.assistance, _assistance_rows),
    )
    for name, entity, table, rows in parts:
        old_rows = rows(old) if old else []
        if _save_parts(conn, writer, entity, table, child.uuid, rows(child), old_rows):
            changed.append(name)
    refresh_derived(conn, [child.uuid], today, policy)
    return changed


def insert_many(conn: Connection, writer: ChangeWriter, children: Iterable[Child]) -> int:
    """Bulk insert of new files (demo data, first import): one statement per table."""
    rows: dict[str, list[dict]] = {"child": [], "member": [], "category": [], "assistance": []}
    for child in children:
        rows["child"].append(_child_row(child))
        rows["member"].extend(_member_rows(child))
        rows["category"].extend(_category_rows(child))
        rows["assistance"].extend(_assistance_rows(child))
    for entity, table in (
        ("child", t.child),
        ("member", t.member),
        ("category", t.category),
        ("assistance", t.assistance),
    ):
        if rows[entity]:
            bulk.insert_rows(conn, table, rows[entity])
            for row in rows[entity]:
                writer.record(entity, row["uuid"], row, new=True)
    return len(rows["child"])


def refresh_derived(
    conn: Connection, uuids: list[str] | None, today: date, policy: VisitPolicy
) -> int:
    """Recompute risk, categories now, due visit and search keys (all children when None)."""
    if uuids is None:
        uuids = list(conn.execute(select(t.child.c.uuid)).scalars())
    for i in range(0, len(uuids), _CHUNK):
        _refresh_chunk(conn, uuids[i : i + _CHUNK], today, policy)
    return len(uuids)


def _refresh_chunk(conn: Connection, uuids: list[str], today: date, policy: VisitPolicy) -> None:
    c = t.child.c
    children = conn.execute(
        select(
            c.uuid,
            c.name,
            c.id_number,
            c.birth_date,
            c.guardianship,
            c.risk_override,
            c.status,
            c.registered_on,
        ).where(c.uuid.in_(uuids))
    ).mappings()
    spans: dict[str, list[CategorySpan]] = {}
    for uid, code, start, end in conn.execute(
        select(
            t.category.c.child_uuid, t.category.c.code, t.category.c.start, t.category.c.end
        ).where(t.category.c.child_uuid.in_(uuids))
    ):
        spans.setdefault(uid, []).append(CategorySpan(code, start, end))
    # A corrected visit counts by its newest version only: the date may have been the mistake.
    correction = t.visit.alias("correction")
    superseded = select(correction.c.uuid).where(correction.c.supersedes == t.visit.c.uuid)
    visits = dict(
        conn.execute(
            select(t.visit.c.child_uuid, func.max(t.visit.c.visit_date))
            .where(t.visit.c.child_uuid.in_(uuids), ~superseded.exists())
            .group_by(t.visit.c.child_uuid)
        ).all()
    )
    plans = _planned_dates(conn, uuids)
    concerns = dict(
        conn.execute(
            select(t.concern.c.child_uuid, func.min(t.concern.c.noticed_on))
            .where(t.concern.c.closed_on.is_(None), t.concern.c.child_uuid.in_(uuids))
            .group_by(t.concern.c.child_uuid)
        ).all()
    )
    phones = _contact_phones(conn, uuids)
    updates = []
    for ch in children:
        uid = ch["uuid"]
        d = derive(
            name=ch["name"],
            id_number=ch["id_number"],
            birth_date=ch["birth_date"],
            guardianship=ch["guardianship"],
            risk_override=ch["risk_override"],
            status=ch["status"],
            registered_on=ch["registered_on"] or today,
            spans=spans.get(uid, []),
            last_visit=visits.get(uid),
            open_concern_since=concerns.get(uid),
            policy=policy,
            today=today,
            next_planned=plans.get(uid),
        )
        extra = {"key": uid, "last_visit": visits.get(uid), "contact_phone": phones.get(uid, "")}
        updates.append(d.as_row() | extra)
    if updates:
        conn.execute(update(t.child).where(c.uuid == bindparam("key")), updates)


def _planned_dates(conn: Connection, uuids: list[str]) -> dict[str, date]:
    """The next visit planned at each child's latest visit (its newest version), where one was."""
    v = t.visit.c
    correction = t.visit.alias("correction")
    superseded = select(correction.c.uuid).where(correction.c.supersedes == v.uuid)
    latest = (
        select(v.child_uuid, func.max(v.visit_date).label("visit_date"))
        .where(v.child_uuid.in_(uuids), ~superseded.exists())
        .group_by(v.child_uuid)
        .subquery()
    )
    return dict(
        conn.execute(
            select(v.child_uuid, func.min(v.next_planned))
            .join(
                latest,
                (latest.c.child_uuid == v.child_uuid) & (latest.c.visit_date == v.visit_date),
            )
            .where(v.next_planned.is_not(None), ~superseded.exists())
            .group_by(v.child_uuid)
        ).all()
    )


def _child_row(child: Child) -> dict:
    return {f: getattr(child, f) for f in CHILD_FIELDS}


def _member_rows(child: Child) -> list[dict]:
    return [
        {**{f: getattr(m, f) for f in MEMBER_FIELDS}, "child_uuid": child.uuid, "position": i}
        for i, m in enumerate(child.members)
    ]


def _assistance_rows(child: Child) -> list[dict]:
    return [
        {**{f: getattr(a, f) for f in ASSISTANCE_FIELDS}, "child_uuid": child.uuid}
        for a in child.assistance
    ]


def _category_rows(child: Child) -> list[dict]:
    """A span's id is derived from (child, code, start), so the same span keeps its id on every
    station and closing it is an update of that row."""
    return [
        {
            "uuid": str(uuid5(UUID(child.uuid), f"{s.code}:{s.start.isoformat()}")),
            "child_uuid": child.uuid,
            "code": s.code,
            "start": s.start,
            "end": s.end,
        }
        for s in child.categories
    ]


def _save_parts(conn, writer, entity, table, child_uuid, new_rows, old_rows) -> bool:
    """Write the parts that changed; True when any did."""
    before = writer.pending
    old_by_id = {r["uuid"]: r for r in old_rows}
    new_ids = set()
    for row in new_rows:
        new_ids.add(row["uuid"])
        old = old_by_id.get(row["uuid"])
        if old is None:
            conn.execute(insert(table), row)
            writer.record(entity, row["uuid"], row, new=True)
            continue
        diff = {k: v for k, v in row.items() if v != old.get(k)}
        if diff:
            conn.execute(update(table).where(table.c.uuid == row["uuid"]).values(**diff))
            writer.record(entity, row["uuid"], diff)
    for uid in old_by_id.keys() - new_ids:
        conn.execute(delete(table).where(table.c.uuid == uid))
        # A tombstone names the record and nothing personal.
        writer.record(entity, uid, {"_deleted": True, "child_uuid": child_uuid})
    return writer.pending != before


def _contact_phones(conn: Connection, uuids: list[str]) -> dict[str, str]:
    """The first phone on the file, carers before parents: the number an officer calls."""
    m = t.member.c
    rows = conn.execute(
        select(m.child_uuid, m.phone, m.relation, m.position)
        .where(m.phone != "", m.child_uuid.in_(uuids))
        .order_by(m.child_uuid, (m.relation != "carer"), m.position)
    )
    phones: dict[str, str] = {}
    for child_uuid, phone, _rel, _pos in rows:
        phones.setdefault(child_uuid, phone)
    return phones
