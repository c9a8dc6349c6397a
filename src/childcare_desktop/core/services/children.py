"""Use cases on children's files: find, read, check, save, close and re-open."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import Connection, Select, func, select, text

from ..domain import idnumber
from ..domain.categories import CategorySpan, age_on, still_in_force
from ..domain.child import Child
from ..domain.completeness import details_left
from ..domain.eligibility import contradicted
from ..domain.masking import mask_id_number, mask_phone
from ..domain.search import normalize_query
from ..domain.validation import blocking, validate_child
from ..errors import FieldProblem, NotFound, ValidationFailed
from ..storage import audit, children_repo, derived_repo, divisions, driver, sealing, settings
from ..storage import tables as t
from ..storage.changes import ChangeWriter
from ..storage.store import Store
from . import submitting
from .child_fields import apply_text_values


@dataclass(frozen=True)
class ChildQuery:
    text: str = ""
    category: str = ""
    risk: str = ""
    status: str = "active"  # active | closed | all
    to_complete: bool = False  # only files with something still to be completed (待补充)


@dataclass(frozen=True)
class ChildRow:
    """One line of the main list: identifying numbers already masked."""

    uuid: str
    name: str
    sex: str
    age: int | None
    categories: tuple[str, ...]
    guardianship: str
    risk: str
    village: str
    id_masked: str
    phone_masked: str
    last_visit: date | None
    next_due: date | None
    status: str


@dataclass(frozen=True)
class ChildSummary:
    """A child as scripts see it (`children list --json`): codes, ISO dates, full ID number."""

    uuid: str
    name: str
    sex: str
    birth_date: date | None
    age: int | None
    ethnicity: str
    id_number: str
    no_id_reason: str
    categories: tuple[str, ...]
    guardianship: str
    risk: str
    risk_override: str
    status: str
    close_reason: str
    village: str
    village_code: str
    current_address: str
    hukou_place: str
    schooling: str
    health: str
    registered_on: date | None
    last_visit: date | None
    next_due: date | None
    due_reason: str
    to_complete: tuple[str, ...]  # field keys, as domain/completeness.to_complete gives them


class Children:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    def find(self, query: ChildQuery) -> list[str]:
        """All uuids matching `query`, in pinyin order of the name (for scripts and reports;
        the main list uses `count_matching` and `page`, which stay quick at 100,000)."""
        with self.store.read() as conn:
            where, params = _conditions(query, conn.dialect)
            return [
                r[0]
                for r in conn.exec_driver_sql(
                    f"SELECT uuid FROM child INDEXED BY ix_child_list{where} ORDER BY "
                    + _order(query),
                    params,
                )
            ]

    def count_matching(self, query: ChildQuery) -> int:
        """How many children match: a count over the covering index, quick at any size."""
        with self.store.read() as conn:
            where, params = _conditions(query, conn.dialect)
            return conn.exec_driver_sql(
                f"SELECT count(*) FROM child INDEXED BY ix_child_list{where}", params
            ).scalar_one()

    def warm_search(self) -> None:
        """Read the list's whole index once on a connection, so that its pages are decrypted
        in that connection's cache before the first keystroke rather than during it."""
        with self.store.read() as conn:
            if conn.dialect.name == "sqlite":  # a server keeps its own cache, in the clear
                conn.exec_driver_sql(
                    "SELECT count(*) FROM child INDEXED BY ix_child_list "
                    "WHERE instr(search_text, ?)",
                    ("\x00",),
                ).scalar_one()

    def page(self, query: ChildQuery, offset: int, limit: int) -> list[ChildRow]:
        """Rows `offset` to `offset + limit` of the list, in the list's order, masked."""
        with self.store.read() as conn:
            where, params = _conditions(query, conn.dialect)
            uuids = [
                r[0]
                for r in conn.exec_driver_sql(
                    f"SELECT uuid FROM child INDEXED BY ix_child_list{where} ORDER BY "
                    f"{_order(query)} LIMIT ? OFFSET ?",
                    (*params, limit, offset),
                )
            ]
        return self.rows(uuids)

    def position(self, query: ChildQuery, uuid: str) -> int:
        """Where `uuid` stands in the list of `query` (-1 when not listed): the rows before it
        are counted on the index, so a selection is kept at any size."""
        with self.store.read() as conn:
            where, params = _conditions(query, conn.dialect)
            # The child itself is found by its key and checked against the query: no scan.
            found = conn.exec_driver_sql(
                f"SELECT status, sort_key FROM child{where}"
                + (" AND" if where else " WHERE")
                + " uuid = ?",
                (*params, uuid),
            ).first()
            if found is None:
                return -1
            status, key = found
            before = "(sort_key < ? OR (sort_key = ? AND uuid < ?))"
            extra: tuple = (key, key, uuid)
            if query.status == "all":
                before = f"(status < ? OR (status = ? AND {before}))"
                extra = (status, status, *extra)
            return conn.exec_driver_sql(
                f"SELECT count(*) FROM child INDEXED BY ix_child_list{where}"
                + (" AND " if where else " WHERE ")
                + before,
                (*params, *extra),
            ).scalar_one()

    def rows(self, uuids: list[str]) -> list[ChildRow]:
        """Rows for the given uuids, in the same order."""
        c = t.child.c
        with self.store.read() as conn:
            names = divisions.names(conn)
            found = {
                r.uuid: r
                for r in conn.execute(
                    select(
                        c.uuid,
                        c.name,
                        c.sex,
                        c.birth_date,
                        c.categories_now,
                        c.guardianship,
                        c.risk,
                        c.village_code,
                        c.id_number,
                        c.contact_phone,
                        c.last_visit,
                        c.next_due,
                        c.status,
                        c.schooling,
                    ).where(c.uuid.in_(uuids))
                )
            }
            keep = derived_repo.keeps_in_school(driver.raw(conn))
        today = self.today()
        return [self._row(found[u], names, today, keep) for u in uuids if u in found]

    def count(self) -> int:
        with self.store.read() as conn:
            return conn.execute(select(func.count()).select_from(t.child)).scalar_one()

    def get(self, uuid: str) -> Child:
        with self.store.read() as conn:
            return children_repo.load(conn, uuid)

    def check(self, child: Child) -> list[FieldProblem]:
        return validate_child(prepare(child), self.today())

    def save(self, child: Child, detail: str = "") -> Child:
        """Validate and save; ValidationFailed lists every blocking problem. `detail`: where
        the change comes from (a department's list), said in its audit entry."""
        return self._checked_write(child, "update", detail)

    def _checked_write(self, child: Child, action: str, detail: str = "") -> Child:
        child = prepare(child)
        problems = [*blocking(validate_child(child, self.today())), *self._unsupported(child)]
        if problems:
            raise ValidationFailed(problems)
        return self._write(child, action, detail)

    def _write(self, child: Child, action: str, detail: str = "") -> Child:
        """Save in one transaction with its changes and its audit entry."""
        if child.registered_on is None:
            child = replace(child, registered_on=self.today())
        with self.store.write() as conn:
            is_new = not conn.execute(
                select(t.child.c.uuid).where(t.child.c.uuid == child.uuid)
            ).first()
            writer = ChangeWriter(conn)
            policy = settings.visit_policy(conn)
            by = submitting.submitter(conn)
            kept = children_repo.load_many(conn, [child.uuid]).get(child.uuid) if by else None
            changed = children_repo.save(conn, writer, child, self.today(), policy)
            if by is not None and changed:
                submitting.submit(conn, writer, by, [(kept, child)], self.today())
            writer.flush()
            if changed:
                action = "create" if is_new else action
                audit.record(conn, action, "child", child.uuid, changed, detail)
        return self.get(child.uuid)

    def close(self, uuid: str, reason: str, note: str = "", detail: str = "") -> Child:
        child = self.get(uuid)
        today = self.today()
        ended = tuple(
            replace(s, end=today) if s.end is None else s for s in child.categories
        )  # history kept: the spans end, they are not removed
        closed = replace(
            child,
            status="closed",
            close_reason=reason,
            close_note=note,
            closed_on=today,
            categories=ended,
        )
        return self._checked_write(closed, "close", detail)

    def reopen(self, uuid: str) -> Child:
        child = self.get(uuid)
        reopened = replace(child, status="active", close_reason="", close_note="", closed_on=None)
        return self._checked_write(reopened, "reopen")

    def set_categories(self, child: Child, codes: list[str], reason: str = "") -> Child:
        """Held categories become `codes`: new ones start today (with `reason`, why they are
        held when the facts do not support them), dropped ones end today."""
        today = self.today()
        held = {s.code for s in child.categories if s.holds_on(today)}
        spans = [
            replace(s, end=today) if s.holds_on(today) and s.code not in codes else s
            for s in child.categories
        ]
        spans += [CategorySpan(code, today, reason=reason.strip()) for code in codes
                  if code not in held]  # fmt: skip
        return replace(child, categories=tuple(spans))

    def _unsupported(self, child: Child) -> list[FieldProblem]:
        """A category newly held that the file's own facts do not support needs its reason; one
        already held stays when the facts change (the file then says it no longer fits)."""
        today = self.today()
        with self.store.read() as conn:
            before = children_repo.load_many(conn, [child.uuid]).get(child.uuid)
        held = {s.code for s in before.categories if s.holds_on(today)} if before else set()
        new = {
            i: s
            for i, s in enumerate(child.categories)
            if s.holds_on(today) and s.code not in held and not s.reason.strip()
        }
        against = {v.code: v for v in contradicted(child, [s.code for s in new.values()], today)}
        return [
            FieldProblem(
                f"categories[{i}]",
                "category_not_supported",
                {"category": s.code, "fact": against[s.code].reason},
            )
            for i, s in new.items()
            if s.code in against
        ]

    def summaries(
        self, include_closed: bool = False, to_complete: bool = False
    ) -> list[ChildSummary]:
        """The children as scripts list them, in pinyin order; `to_complete`: only the files
        with something still to be completed."""
        c = t.child.c
        stmt = select(t.child).order_by(c.sort_key)
        if not include_closed:
            stmt = stmt.where(c.status == "active")
        if to_complete:
            stmt = stmt.where(text(_TO_COMPLETE))
        with self.store.read() as conn:
            return read_summaries(conn, stmt, self.today())

    def summary(self, uuid: str) -> ChildSummary:
        with self.store.read() as conn:
            found = read_summaries(
                conn, select(t.child).where(t.child.c.uuid == uuid), self.today()
            )
        if not found:
            raise NotFound("child_not_found", uuid=uuid)
        return found[0]

    def update_fields(self, uuid: str, values: dict[str, str], reason: str = "") -> Child:
        """Set fields from text, with the same checks as the form; `reason`: why categories
        newly held stand when the facts of the file do not support them."""
        child, codes = apply_text_values(self.get(uuid), values)
        if codes is not None:
            child = self.set_categories(child, codes, reason)
        if child.status == "closed" and child.closed_on is None:
            child = replace(child, closed_on=self.today())
        return self.save(child)

    def _row(self, r, names: dict[str, str], today: date, keep: bool) -> ChildRow:
        return ChildRow(
            uuid=r.uuid,
            name=r.name,
            sex=r.sex,
            age=age_on(r.birth_date, today) if r.birth_date else None,
            categories=in_force_now(r.categories_now, r.birth_date, r.schooling, today, keep),
            guardianship=r.guardianship,
            risk=r.risk,
            village=names.get(r.village_code, r.village_code),
            id_masked=mask_id_number(r.id_number),
            phone_masked=mask_phone(r.contact_phone),
            last_visit=r.last_visit,
            next_due=r.next_due,
            status=r.status,
        )


def _order(query: ChildQuery) -> str:
    """Pinyin order of the name; the uuid settles equal names, so pages never overlap."""
    return "sort_key, uuid" if query.status != "all" else "status, sort_key, uuid"


_WHOLE_ID = re.compile(r"\d{17}[\dx]")


def _conditions(query: ChildQuery, dialect) -> tuple[str, tuple]:
    """The WHERE clause of a list query; plain SQL because it runs on every keystroke. On a
    server the search text holds no ID number (derived_repo.ids_searchable): a whole number
    typed finds its child through the sealed column instead."""
    where, params = [], []
    if query.status != "all":
        where.append("status = ?")
        params.append(query.status)
    if query.risk:
        where.append("risk = ?")
        params.append(query.risk)
    if query.category:
        where.append("instr(',' || categories_now || ',', ?) > 0")
        params.append(f",{query.category},")
    if query.to_complete:
        where.append(_TO_COMPLETE)
    typed = normalize_query(query.text)
    sealer = sealing.sealer_of(dialect)
    if typed:
        contains, value = _contains(typed, dialect)
        if sealer is not None and _WHOLE_ID.fullmatch(typed):
            where.append(f"({contains} OR id_number = ?)")
            params += [value, sealer.seal_text(typed.upper(), lookup=True)]
        else:
            where.append(contains)
            params.append(value)
    return (" WHERE " + " AND ".join(where) if where else ""), tuple(params)


def _contains(typed: str, dialect) -> tuple[str, str]:
    """The condition that the search text holds `typed` anywhere, and its value: the one place
    where the two back ends are asked differently. A server finds it through its trigram index
    (migration 0024), which serves LIKE alone, where instr (strpos there) read every child's row;
    a typed % or _ is escaped, a character and not a wildcard. SQLite reads the text from
    ix_child_list either way, and instr is the quicker there (LIKE cost 2 ms a keystroke more
    over 100,000 children)."""
    if dialect.name == "postgresql":
        escaped = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return "search_text LIKE ? ESCAPE '\\'", f"%{escaped}%"
    return "instr(search_text, ?) > 0", typed


# What domain/completeness.to_complete finds, in SQL: details marked on the file, or a
# disability without its type or grade (read from the file itself, never marked).
_TO_COMPLETE = (
    "(to_complete != '' OR (health = 'disabled' AND "
    "(disability_type = '' OR disability_grade = '')))"
)


def read_summaries(conn: Connection, stmt: Select, today: date) -> list[ChildSummary]:
    """Summaries of the child rows `stmt` selects (all columns of the child table)."""
    names = divisions.names(conn)
    keep = derived_repo.keeps_in_school(driver.raw(conn))
    return [
        ChildSummary(
            **{k: r[k] for k in _SUMMARY_COLUMNS},
            age=age_on(r["birth_date"], today) if r["birth_date"] else None,
            categories=in_force_now(
                r["categories_now"], r["birth_date"], r["schooling"], today, keep
            ),
            village=names.get(r["village_code"], r["village_code"]),
            to_complete=details_left(
                r["to_complete"], r["health"], r["disability_type"], r["disability_grade"]
            ),
        )
        for r in conn.execute(stmt).mappings()
    ]


def in_force_now(
    codes_now: str, born: date | None, schooling: str, today: date, keep: bool
) -> tuple[str, ...]:
    """The stored categories (worked out at the file's last write) that the law has not ended
    by `today`: a child who turned 16 since is no longer listed as left-behind."""
    codes = [x for x in codes_now.split(",") if x]
    return still_in_force(codes, today, born, schooling, keep)


def prepare(child: Child) -> Child:
    """Normalise the ID number; fill birth date and sex from a valid number when left empty."""
    number = idnumber.normalize(child.id_number)
    child = replace(child, id_number=number, name=child.name.strip())
    if number:
        result = idnumber.check(number)
        if result.ok:
            if child.birth_date is None:
                child = replace(child, birth_date=result.birth_date)
            if not child.sex:
                child = replace(child, sex=result.sex or "")
        child = replace(child, no_id_reason="")
    return child


_SUMMARY_COLUMNS = tuple(
    f.name
    for f in fields(ChildSummary)
    if f.name not in ("age", "categories", "village", "to_complete")
)
