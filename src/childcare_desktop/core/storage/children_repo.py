"""Reading and writing children's files; every write goes through the change log."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from operator import attrgetter, itemgetter
from uuid import UUID

from sqlalchemy import Connection, Date, delete, insert, update

from ..domain.categories import CategorySpan
from ..domain.child import (
    ASSISTANCE_FIELDS,
    CHILD_FIELDS,
    MEMBER_FIELDS,
    Assistance,
    Child,
    FamilyMember,
)
from ..domain.visit import Visit
from ..domain.visit_policy import VisitPolicy
from ..errors import NotFound
from . import bulk, derived_repo, driver
from . import tables as t
from .changes import ChangeWriter
from .derived_repo import (
    DERIVED_COLUMNS,
    DERIVED_FROM,
    derive_new,
    keeps_in_school,
    refresh_derived,
)

_CHUNK = 900  # children per statement: stays under SQLite's bound-parameter limit


def load(conn: Connection, uuid: str) -> Child:
    found = load_many(conn, [uuid]).get(uuid)
    if found is None:
        raise NotFound("child_not_found", uuid=uuid)
    return found


def load_many(conn: Connection, uuids: list[str]) -> dict[str, Child]:
    """The files of those of `uuids` that are kept, by uuid, read a chunk at a time through the
    driver: one query per child and table cost seconds when a whole ledger is imported again."""
    found: dict[str, Child] = {}
    for i in range(0, len(uuids), _CHUNK):
        part = uuids[i : i + _CHUNK]
        members = _parts_of(conn, t.member, FamilyMember, MEMBER_FIELDS, part, ("position",))
        aid = _parts_of(conn, t.assistance, Assistance, ASSISTANCE_FIELDS, part, ("start",))
        spans: dict[str, list[CategorySpan]] = {}
        names = ("child_uuid", "code", "start", "end", "reason")
        for uuid, *span in bulk.rows_where_in(
            conn, t.category, names, "child_uuid", part, ("child_uuid", "start", "code")
        ):
            spans.setdefault(uuid, []).append(CategorySpan(*span))
        for row in bulk.rows_where_in(conn, t.child, CHILD_FIELDS, "uuid", part):
            fields = dict(zip(CHILD_FIELDS, row, strict=True))
            uuid = fields["uuid"]
            found[uuid] = Child(
                **fields,
                members=tuple(members.get(uuid, ())),
                categories=tuple(spans.get(uuid, ())),
                assistance=tuple(aid.get(uuid, ())),
            )
    return found


def _parts_of(conn: Connection, table, record, names, uuids, order) -> dict[str, list]:
    """Rows of a table of a child's file (members, assistance) as records, by child."""
    found: dict[str, list] = {}
    for uuid, *values in bulk.rows_where_in(
        conn, table, ("child_uuid", *names), "child_uuid", uuids, ("child_uuid", *order)
    ):
        found.setdefault(uuid, []).append(record(**dict(zip(names, values, strict=True))))
    return found


def save(
    conn: Connection, writer: ChangeWriter, child: Child, today: date, policy: VisitPolicy
) -> list[str]:
    """Insert or update one file: only what changed is written and logged. Returns the names
    of what changed (child fields, and "members", "categories", "assistance")."""
    try:
        old = load(conn, child.uuid)
    except NotFound:
        old = None
    new_row = child_row(child)
    if old is None:
        conn.execute(insert(t.child), new_row)
        writer.record("child", child.uuid, new_row, new=True)
        changed = list(new_row)
    else:
        diff = {k: v for k, v in new_row.items() if v != child_row(old)[k]}
        changed = list(diff)
        if diff:
            conn.execute(update(t.child).where(t.child.c.uuid == child.uuid).values(**diff))
            writer.record("child", child.uuid, diff)
    parts = (
        ("members", "member", t.member, member_rows),
        ("categories", "category", t.category, category_rows),
        ("assistance", "assistance", t.assistance, assistance_rows),
    )
    for name, entity, table, rows in parts:
        old_rows = rows(old) if old else []
        if _save_parts(conn, writer, entity, table, child.uuid, rows(child), old_rows):
            changed.append(name)
    refresh_derived(conn, [child.uuid], today, policy)
    return changed


def insert_many(
    conn: Connection,
    writer: ChangeWriter,
    children: Iterable[Child],
    today: date,
    policy: VisitPolicy,
    visits: Iterable[Visit] = (),
) -> int:
    """Bulk insert of new files (demo data, first import): one statement per table. Each child
    is inserted with its derived columns, worked out from its parts and from `visits` (all the
    visits it has: they are written in the same transaction)."""
    rows: dict[str, list[dict]] = {"child": [], "member": [], "category": [], "assistance": []}
    for child in children:
        rows["child"].append(child_row(child))
        rows["member"].extend(member_rows(child))
        rows["category"].extend(category_rows(child))
        rows["assistance"].extend(assistance_rows(child))
    shaped = {entity: _shaped(entity, map(pick, rows[entity])) for entity, pick in _PICKS.items()}
    shaped["visit"] = _shaped("visit", map(_VISIT_PICK, visits))
    derived = derive_new(
        shaped, today, policy, keeps_in_school(driver.raw(conn)), derived_repo.ids_searchable(conn)
    )
    for entity, table in (
        ("child", t.child),
        ("member", t.member),
        ("category", t.category),
        ("assistance", t.assistance),
    ):
        if rows[entity]:
            written = rows[entity]
            if entity == "child":  # the derived columns are this station's, never logged
                written = [
                    r | dict(zip(DERIVED_COLUMNS, derived[r["uuid"]], strict=True)) for r in written
                ]
            bulk.insert_rows(conn, table, written)
            writer.record_created(entity, rows[entity])
    return len(rows["child"])


# What `derive_new` is given of each row, in DERIVED_FROM's order, and where its dates are.
_PICKS = {e: itemgetter(*DERIVED_FROM[e]) for e in ("child", "member", "category")}
_VISIT_PICK = attrgetter(*DERIVED_FROM["visit"])
_DATES = {
    e: tuple(i for i, n in enumerate(names) if isinstance(t.metadata.tables[e].c[n].type, Date))
    for e, names in DERIVED_FROM.items()
}


def _shaped(entity: str, picked: Iterable[tuple]) -> list[tuple]:
    """The values picked, dates as ISO text (as the store keeps them)."""
    dates = _DATES[entity]
    if not dates:
        return list(picked)
    shaped = []
    for values in picked:
        found = list(values)
        for i in dates:
            if found[i] is not None:
                found[i] = bulk.as_stored(found[i])
        shaped.append(tuple(found))
    return shaped


_CHILD_VALUES = attrgetter(*CHILD_FIELDS)
_MEMBER_VALUES = attrgetter(*MEMBER_FIELDS)


def child_row(child: Child) -> dict:
    return dict(zip(CHILD_FIELDS, _CHILD_VALUES(child), strict=True))


def member_rows(child: Child) -> list[dict]:
    rows = []
    for i, m in enumerate(child.members):
        row = dict(zip(MEMBER_FIELDS, _MEMBER_VALUES(m), strict=True))
        row["child_uuid"] = child.uuid
        row["position"] = i
        rows.append(row)
    return rows


def assistance_rows(child: Child) -> list[dict]:
    return [
        {**{f: getattr(a, f) for f in ASSISTANCE_FIELDS}, "child_uuid": child.uuid}
        for a in child.assistance
    ]


def category_rows(child: Child) -> list[dict]:
    """A span's id is derived from (child, code, start), so the same span keeps its id on every
    station and closing it is an update of that row."""
    return [
        {
            "uuid": span_id(child.uuid, s.code, s.start),
            "child_uuid": child.uuid,
            "code": s.code,
            "start": s.start,
            "end": s.end,
            "reason": s.reason,
        }
        for s in child.categories
    ]


# The variant's hex digit: its two high bits are 10 (RFC 4122).
_VARIANT = str.maketrans("0123456789abcdef", "89ab89ab89ab89ab")


def span_id(child_uuid: str, code: str, start: date) -> str:
    """str(uuid5(UUID(child_uuid), f"{code}:{start}")), written straight from the SHA-1 digest:
    the UUID objects' conversions cost more than the hash when a ledger brings 10,000 spans."""
    digits = child_uuid.replace("-", "")
    space = bytes.fromhex(digits) if len(digits) == 32 else UUID(child_uuid).bytes
    h = hashlib.sha1(space + f"{code}:{start.isoformat()}".encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{h[16].translate(_VARIANT)}{h[17:20]}-{h[20:32]}"


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
