"""Dynamic management (动态管理): the children to review, and closing or re-categorising them.

A child is on the review list when one of its categories has aged out (DESIGN.md ages), when a
parent of a left-behind child is home again and able to care, or when the officer flagged it
(e.g. the family moved away). Nothing is deleted: closing ends the category spans, and every
decision leaves a resolved review flag with its reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from ..domain.care import REVIEW_REASONS, ReviewFlag
from ..domain.categories import CATEGORY_CODES, ages_out_on, law_end
from ..domain.child import Child
from ..errors import FieldProblem, ValidationFailed
from ..storage import care_repo, derived_repo, driver
from ..storage import tables as t
from ..storage.store import Store
from .children import Children


@dataclass(frozen=True)
class ReviewItem:
    child_uuid: str
    name: str
    reason: str  # aged_out | parents_returned | moved_away
    codes: tuple[str, ...]  # the categories concerned
    since: date | None
    note: str = ""


# Left-behind children with a parent back home: the active children are read from the list's
# covering index and each is probed in the small partial index of parents at home, so the
# children's rows themselves are read only for those listed.
_PARENTS_RETURNED = (
    "SELECT c.uuid, c.name FROM child AS c INDEXED BY ix_child_list "
    "WHERE c.status = 'active' AND instr(',' || c.categories_now || ',', ',left_behind,') > 0 "
    "AND EXISTS (SELECT 1 FROM member INDEXED BY ix_member_parent_home "
    f"WHERE member.child_uuid = c.uuid AND {t.PARENT_HOME}) ORDER BY c.name"
)

# The open flags (few) drive the join: CROSS JOIN keeps SQLite from walking every child.
_FLAGGED = (
    "SELECT f.child_uuid, c.name, f.reason, f.flagged_on, f.note "
    "FROM review_flag AS f CROSS JOIN child AS c "
    "WHERE c.uuid = f.child_uuid AND c.status = 'active' AND f.resolved_on IS NULL "
    "ORDER BY f.flagged_on"
)


def _aged_details(conn, uuids: list[str]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The schooling and the open spans (the law has ended them, no person has yet) of the
    few children aged out, each read by its key."""
    if not uuids:
        return {}, {}
    c, k = t.child.c, t.category.c
    schooling = dict(conn.execute(select(c.uuid, c.schooling).where(c.uuid.in_(uuids))).all())
    open_spans: dict[str, list[str]] = {}
    for uuid, code in conn.execute(
        select(k.child_uuid, k.code).where(k.child_uuid.in_(uuids), k.end.is_(None))
    ):
        open_spans.setdefault(uuid, []).append(code)
    return schooling, open_spans


class Review:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today
        self.children = Children(store, today)

    def items(self) -> list[ReviewItem]:
        today = self.today()
        c = t.child.c
        with self.store.read() as conn:
            aged = conn.execute(
                select(c.uuid, c.name, c.birth_date)
                .where(c.status == "active", c.age_out_on <= today)
                .order_by(c.age_out_on, c.sort_key)
            ).all()
            schooling, open_spans = _aged_details(conn, [r.uuid for r in aged])
            keep = derived_repo.keeps_in_school(driver.raw(conn))
            returned = conn.exec_driver_sql(_PARENTS_RETURNED).all()
            flagged = conn.exec_driver_sql(_FLAGGED).all()
        items = []
        for uuid, name, born in aged:
            school = schooling.get(uuid, "")
            ends = {x: law_end(x, born, school, keep) for x in open_spans.get(uuid, ())}
            codes = [x for x in CATEGORY_CODES if ends.get(x) and ends[x] <= today]
            if codes:
                since = min(ends[x] for x in codes)
                items.append(ReviewItem(uuid, name, "aged_out", tuple(codes), since))
        items += [ReviewItem(u, n, "parents_returned", ("left_behind",), None) for u, n in returned]
        items += [
            ReviewItem(u, n, reason, (), date.fromisoformat(on), note)
            for u, n, reason, on, note in flagged
        ]
        return items

    def ageing_out(self, within_days: int = 30) -> list[ReviewItem]:
        """Active children with a category that ends within `within_days` (not yet ended)."""
        today = self.today()
        last = today + timedelta(days=within_days)
        c = t.child.c
        with self.store.read() as conn:
            rows = conn.execute(
                select(c.uuid, c.name, c.birth_date, c.categories_now)
                .where(c.status == "active", c.age_out_on > today, c.age_out_on <= last)
                .order_by(c.age_out_on, c.sort_key)
            ).all()
        items = []
        for uuid, name, born, codes_now in rows:
            codes = [x for x in codes_now.split(",") if x and ages_out_on(x, born) <= last]
            since = min(ages_out_on(x, born) for x in codes)
            items.append(ReviewItem(uuid, name, "aged_out", tuple(codes), since))
        return items

    def flag(self, child_uuid: str, reason: str, note: str = "") -> ReviewFlag:
        if reason not in REVIEW_REASONS:
            raise ValidationFailed([FieldProblem("reason", "unknown_value")])
        flag = ReviewFlag(child_uuid, reason, self.today(), note.strip())
        with self.store.write() as conn:
            care_repo.create(conn, "review_flag", flag)
        return flag

    def close(self, child_uuid: str, reason: str, note: str = "") -> Child:
        """Close the file with its reason; the categories end today and stay in the history."""
        child = self.children.close(child_uuid, reason, note)
        self._resolve(child_uuid, reason, f"closed: {note}".strip())
        return child

    def recategorise(self, child_uuid: str, codes: list[str], reason: str, note: str) -> Child:
        """Keep the file with the categories `codes`; the note says why (it is required)."""
        if not note.strip():
            raise ValidationFailed([FieldProblem("note", "required")])
        child = self.children.set_categories(self.children.get(child_uuid), codes, note)
        saved = self.children.save(child)
        self._resolve(child_uuid, reason, note.strip())
        return saved

    def _resolve(self, child_uuid: str, reason: str, resolution: str) -> None:
        """Resolve the child's open flags, or leave a resolved one to keep why it was decided."""
        today = self.today()
        f = t.review_flag.c
        with self.store.write() as conn:
            open_flags = (
                conn.execute(
                    select(f.uuid).where(f.child_uuid == child_uuid, f.resolved_on.is_(None))
                )
                .scalars()
                .all()
            )
            values = {"resolved_on": today, "resolution": resolution}
            for uuid in open_flags:
                care_repo.change(conn, "review_flag", uuid, values)
            if not open_flags:
                kept = ReviewFlag(
                    child_uuid, reason, today, resolved_on=today, resolution=resolution
                )
                care_repo.create(conn, "review_flag", kept)
