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

from sqlalchemy import and_, select

from ..domain.care import REVIEW_REASONS, ReviewFlag
from ..domain.categories import ages_out_on
from ..domain.child import Child
from ..errors import FieldProblem, ValidationFailed
from ..storage import care_repo
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


class Review:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today
        self.children = Children(store, today)

    def items(self) -> list[ReviewItem]:
        today = self.today()
        c, m, f = t.child.c, t.member.c, t.review_flag.c
        with self.store.read() as conn:
            aged = conn.execute(
                select(c.uuid, c.name, c.birth_date, c.categories_now)
                .where(c.status == "active", c.age_out_on <= today)
                .order_by(c.age_out_on, c.sort_key)
            ).all()
            returned = conn.execute(
                select(c.uuid, c.name)
                .distinct()
                .join(t.member, m.child_uuid == c.uuid)
                .where(
                    c.status == "active",
                    ("," + c.categories_now + ",").contains(",left_behind,"),
                    m.relation.in_(("father", "mother")),
                    m.situation == "home",
                    m.guardian_capable.is_(True),
                )
                .order_by(c.name)
            ).all()
            flagged = (
                conn.execute(
                    select(t.review_flag, c.name.label("child_name"))
                    .join(t.child, and_(c.uuid == f.child_uuid, c.status == "active"))
                    .where(f.resolved_on.is_(None))
                    .order_by(f.flagged_on)
                )
                .mappings()
                .all()
            )
        items = []
        for uuid, name, born, codes_now in aged:
            codes = [x for x in codes_now.split(",") if x and ages_out_on(x, born) <= today]
            since = min(ages_out_on(x, born) for x in codes)
            items.append(ReviewItem(uuid, name, "aged_out", tuple(codes), since))
        items += [ReviewItem(u, n, "parents_returned", ("left_behind",), None) for u, n in returned]
        items += [
            ReviewItem(
                r["child_uuid"], r["child_name"], r["reason"], (), r["flagged_on"], r["note"]
            )
            for r in flagged
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
        child = self.children.set_categories(self.children.get(child_uuid), codes)
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
