"""The child's derived columns (risk, categories now, due visit, search keys, last visit, the
number to call): worked out again from the tables for children already written, or from the rows
in hand for children about to be inserted (a merge or a first import), by the same rules."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection

from ..domain.categories import CategorySpan
from ..domain.derived import derive
from ..domain.visit_policy import HOME_MODE, VisitPolicy
from . import driver

_CHUNK = 900  # children per statement: stays under SQLite's bound-parameter limit
DriverConnection = Any  # the DB-API connection under SQLAlchemy's (sqlcipher3 or sqlite3)


def refresh_derived(
    conn: Connection, uuids: list[str] | None, today: date, policy: VisitPolicy
) -> int:
    """Recompute risk, categories now, due visit and search keys (all children when None)."""
    # On the driver's own connection, inside the caller's transaction: a merge refreshes ten
    # thousand children, and SQLAlchemy's row objects cost more than the reads themselves.
    raw = driver.raw(conn)
    if uuids is None:
        uuids = [uuid for (uuid,) in raw.execute("SELECT uuid FROM child")]
    keep, ids = keeps_in_school(raw), ids_searchable(conn)
    for i in range(0, len(uuids), _CHUNK):
        _refresh_chunk(raw, tuple(uuids[i : i + _CHUNK]), today, policy, keep, ids)
    return len(uuids)


def ids_searchable(conn: Connection) -> bool:
    """Whether the search text holds the ID number (a part of it finds the child). Not on a
    server, where the number is sealed (sealing.py) and a search text in the clear would give
    it away: there a child is found by the whole number, through its sealed column."""
    return conn.dialect.name == "sqlite"


# Read and written through the driver (a policy edit recomputes every child of a county), with
# the stored derived columns read beside the file's, so that an unchanged child is not written.
_DERIVED = (
    "categories_now, risk, search_text, sort_key, next_due, due_reason, interval_days, "
    "age_out_on, last_visit, contact_phone"
)
DERIVED_COLUMNS = tuple(_DERIVED.split(", "))
# What the derived columns are worked out from, table by table: the reads below, and the rows a
# merge hands over for the children it creates (`derive_new`).
DERIVED_FROM = {
    "child": (
        "uuid", "name", "id_number", "birth_date", "guardianship", "risk_override", "status",
        "registered_on", "schooling",
    ),
    "category": ("child_uuid", "code", "start", "end"),
    "visit": ("child_uuid", "uuid", "visit_date", "next_planned", "supersedes", "mode"),
    "concern": ("child_uuid", "noticed_on", "closed_on"),
    "member": ("child_uuid", "relation", "position", "phone"),
}  # fmt: skip
_CHILDREN_SQL = (
    f"SELECT {', '.join(DERIVED_FROM['child'])}, {_DERIVED} FROM child WHERE uuid IN ({{}})"
)
_CHILD_WIDTH = len(DERIVED_FROM["child"])
# The station's choice of the Guangdong rule (粤民规字〔2019〕10号): see domain/categories.py.
KEEP_IN_SCHOOL = "keep_in_school"
_UPDATE_SQL = f"UPDATE child SET {' = ?, '.join(DERIVED_COLUMNS)} = ? WHERE uuid = ?"


def keeps_in_school(raw: DriverConnection) -> bool:
    """Whether the station chose the Guangdong rule (a setting, JSON true)."""
    found = raw.execute("SELECT value FROM setting WHERE key = ?", (KEEP_IN_SCHOOL,)).fetchone()
    return found is not None and found[0] == "true"


def _refresh_chunk(
    raw: DriverConnection,
    params: tuple[str, ...],
    today: date,
    policy: VisitPolicy,
    keep: bool,
    ids: bool,
) -> None:
    marks = ", ".join("?" * len(params))
    spans: dict[str, list[CategorySpan]] = {}
    for uid, code, start, end in raw.execute(
        f'SELECT child_uuid, code, start, "end" FROM category WHERE child_uuid IN ({marks})', params
    ):
        spans.setdefault(uid, []).append(_span(code, start, end))
    visits, plans = _latest_visits(raw, params, marks)
    # Only a policy with a home-visit rule reads the home visits: under any other the last
    # home visit changes nothing.
    homes = _last_home_visits(raw, params, marks) if policy.home else {}
    concerns = dict(
        raw.execute(
            "SELECT child_uuid, min(noticed_on) FROM concern "
            f"WHERE closed_on IS NULL AND child_uuid IN ({marks}) GROUP BY child_uuid",
            params,
        ).fetchall()
    )
    phones = _contact_phones(raw, params, marks)
    updates = []
    for row in raw.execute(_CHILDREN_SQL.format(marks), params):
        uid = row[0]
        values = _derived_values(
            row[:_CHILD_WIDTH], spans.get(uid, []), visits.get(uid), plans.get(uid),
            concerns.get(uid), phones.get(uid, ""), today, policy, keep, homes.get(uid), ids,
        )  # fmt: skip
        if values != row[_CHILD_WIDTH:]:
            updates.append((*values, uid))
    if updates:
        raw.executemany(_UPDATE_SQL, updates)


def derive_new(
    rows: dict[str, list[tuple]],
    today: date,
    policy: VisitPolicy,
    keep: bool = False,
    ids: bool = True,
) -> dict[str, tuple]:
    """The derived columns (in DERIVED_COLUMNS order) of children not yet written, from their
    rows and all their parts' rows, each shaped as DERIVED_FROM says (dates as ISO text): a
    merge that creates ten thousand children inserts them whole instead of reading them back.
    The same rules as the reads of `refresh_derived`, which a test holds them to."""
    spans: dict[str, list[CategorySpan]] = {}
    for uid, code, start, end in rows.get("category", ()):
        spans.setdefault(uid, []).append(_span(code, start, end))
    concerns: dict[str, str] = {}
    for uid, noticed, closed in rows.get("concern", ()):
        if closed is None and (uid not in concerns or noticed < concerns[uid]):
            concerns[uid] = noticed
    phones: dict[str, tuple] = {}
    for uid, relation, position, phone in rows.get("member", ()):
        rank = (relation != "carer", position, phone)  # carers first, then by position
        if phone and (uid not in phones or rank < phones[uid]):
            phones[uid] = rank
    visits: dict[str, list[tuple]] = {}
    for visit in rows.get("visit", ()):
        visits.setdefault(visit[0], []).append(visit)
    derived = {}
    for child in rows["child"]:
        uid = child[0]
        last, plan, home = _latest_of(visits.get(uid, ()))
        phone = phones[uid][2] if uid in phones else ""
        derived[uid] = _derived_values(
            child, spans.get(uid, []), last, plan, concerns.get(uid), phone, today, policy, keep,
            home, ids,
        )  # fmt: skip
    return derived


def _latest_of(visits) -> tuple[str | None, str | None, str | None]:
    """The last visit date, the earliest next visit planned on that date and the last home
    visit's date, counting each corrected visit by its newest version only: `_latest_visits`
    and `_last_home_visits` in memory (each visit as DERIVED_FROM["visit"] gives it)."""
    superseded = {v[4] for v in visits if v[4]}
    current = [v for v in visits if v[1] not in superseded] if superseded else visits
    if not current:
        return None, None, None
    last = max(v[2] for v in current)
    plans = [v[3] for v in current if v[2] == last and v[3] is not None]
    home = max((v[2] for v in current if v[5] == HOME_MODE), default=None)
    return last, min(plans, default=None), home


def _span(code: str, start: str, end: str | None) -> CategorySpan:
    iso = date.fromisoformat
    return CategorySpan(code, iso(start), end and iso(end))


def _derived_values(
    child: tuple,
    spans: list[CategorySpan],
    last: str | None,
    plan: str | None,
    concern: str | None,
    phone: str,
    today: date,
    policy: VisitPolicy,
    keep: bool = False,
    home: str | None = None,
    ids: bool = True,
) -> tuple:
    """The stored derived columns of a child (its DERIVED_FROM["child"] values, as stored)."""
    _, name, id_number, born, guardianship, override, status, registered, schooling = child
    iso = date.fromisoformat
    d = derive(
        name=name,
        id_number=id_number if ids else "",
        birth_date=born and iso(born),
        guardianship=guardianship,
        risk_override=override,
        status=status,
        registered_on=iso(registered) if registered else today,
        spans=spans,
        last_visit=last and iso(last),
        open_concern_since=concern and iso(concern),
        policy=policy,
        today=today,
        next_planned=plan and iso(plan),
        schooling=schooling,
        keep_in_school=keep,
        last_home_visit=home and iso(home),
    )
    return (
        d.categories_now,
        d.risk,
        d.search_text,
        d.sort_key,
        d.next_due and d.next_due.isoformat(),
        d.due_reason,
        d.interval_days,
        d.age_out_on and d.age_out_on.isoformat(),
        last,
        phone,
    )


def _latest_visits(
    raw: DriverConnection, params: tuple[str, ...], marks: str
) -> tuple[dict[str, str], dict[str, str]]:
    """Each child's last visit date, and the next visit planned at it where one was. A
    corrected visit counts by its newest version only (the date may have been the mistake);
    corrections are rare, so the latest date is read from the (child, date) index alone, and
    versions are weighed only for the children that have a correction (a correction keeps its
    visit's child)."""
    corrected = _corrected(raw, params, marks)
    latest, planned = _latest(raw, params, "")
    if corrected:
        for uid in corrected:
            latest.pop(uid, None)
            planned.pop(uid, None)
        more_latest, more_planned = _latest(raw, corrected, _NEWEST)
        latest.update(more_latest)
        planned.update(more_planned)
    return latest, planned


def _latest(
    raw: DriverConnection, params: tuple[str, ...], newest: str
) -> tuple[dict[str, str], dict[str, str]]:
    marks = ", ".join("?" * len(params))
    last = (
        f"SELECT child_uuid, max(visit_date) AS day FROM visit w WHERE child_uuid IN ({marks})"
        f"{newest.format('w')} GROUP BY child_uuid"
    )
    latest = dict(raw.execute(last, params))
    planned = dict(
        raw.execute(
            f"SELECT v.child_uuid, min(v.next_planned) FROM visit v JOIN ({last}) l "
            "ON v.child_uuid = l.child_uuid AND v.visit_date = l.day "
            f"WHERE v.next_planned IS NOT NULL{newest.format('v')} GROUP BY v.child_uuid",
            params,
        ).fetchall()
    )
    return latest, planned


def last_home_visit(conn: Connection, child_uuid: str) -> date | None:
    """The child's last home visit, as the due date counts it under a home-visit rule."""
    raw = driver.raw(conn)
    found = _last_home_visits(raw, (child_uuid,), "?").get(child_uuid)
    return date.fromisoformat(found) if found else None


# A child's last home visit, from the partial index of home visits alone (its WHERE must name
# the mode as the index does for SQLite to take it).
_HOME_SQL = (
    "SELECT child_uuid, max(visit_date) FROM visit w INDEXED BY ix_visit_home "
    f"WHERE mode = '{HOME_MODE}' AND child_uuid IN ({{}}){{}} GROUP BY child_uuid"
)
_NEWEST = " AND NOT EXISTS (SELECT 1 FROM visit c WHERE c.supersedes = {}.uuid)"


def _last_home_visits(raw: DriverConnection, params: tuple[str, ...], marks: str) -> dict[str, str]:
    """Each child's last home visit (入户), a corrected visit counting by its newest version
    only (the mode may have been the mistake): versions are weighed only for the children that
    have a correction, as in `_latest_visits`."""
    homes = dict(raw.execute(_HOME_SQL.format(marks, ""), params))
    corrected = _corrected(raw, params, marks)
    if corrected:
        for uid in corrected:
            homes.pop(uid, None)
        some = ", ".join("?" * len(corrected))
        homes.update(raw.execute(_HOME_SQL.format(some, _NEWEST.format("w")), corrected))
    return homes


def _corrected(raw: DriverConnection, params: tuple[str, ...], marks: str) -> tuple[str, ...]:
    """The children among `params` that have a corrected visit."""
    return tuple(
        uid
        for (uid,) in raw.execute(
            "SELECT DISTINCT child_uuid FROM visit INDEXED BY ix_visit_corrected "
            f"WHERE supersedes IS NOT NULL AND child_uuid IN ({marks})",
            params,
        )
    )


def _contact_phones(raw: DriverConnection, params: tuple[str, ...], marks: str) -> dict[str, str]:
    """The first phone on the file, carers before parents: the number an officer calls."""
    rows = raw.execute(
        "SELECT child_uuid, phone FROM member "
        f"WHERE phone != '' AND child_uuid IN ({marks}) "
        "ORDER BY child_uuid, relation != 'carer', position",
        params,
    )
    phones: dict[str, str] = {}
    for child_uuid, phone in rows:
        phones.setdefault(child_uuid, phone)
    return phones
