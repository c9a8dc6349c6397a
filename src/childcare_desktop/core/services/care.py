"""Use cases of micro-wishes (微心愿) and referrals (转介), per child and station-wide."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..domain.care import (
    REFERRAL_STATUSES,
    REFERRAL_TARGETS,
    WISH_STATES,
    Referral,
    Wish,
    next_wish_state,
)
from ..errors import FieldProblem, ValidationFailed
from ..storage import care_repo, children_repo
from ..storage import tables as t
from ..storage.store import Store

# A state an older version stored that no form offers sorts last, and is shown as its text.
_LIFECYCLE = {state: i for i, state in enumerate(WISH_STATES)}
# The date column each wish state sets when the wish reaches it.
_STATE_DATE = {
    "published": "published_on",
    "claimed": "claimed_on",
    "fulfilled": "fulfilled_on",
    "shared": "shared_on",
}


@dataclass(frozen=True)
class WishRow:
    wish: Wish
    child_name: str


@dataclass(frozen=True)
class ReferralRow:
    referral: Referral
    child_name: str


class Care:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    def add_wish(self, child_uuid: str, text: str, collected_on: date | None = None) -> Wish:
        if not text.strip():
            raise ValidationFailed([FieldProblem("text", "required")])
        wish = Wish(child_uuid, text.strip(), collected_on or self.today())
        with self.store.write() as conn:
            children_repo.load(conn, child_uuid)
            care_repo.create(conn, "wish", wish)
        return wish

    def advance_wish(self, wish_uuid: str, claimed_by: str = "", note: str = "") -> Wish:
        """Move a wish on to its next state; claiming it needs the name of who claimed it."""
        with self.store.write() as conn:
            wish = care_repo.from_row(Wish, care_repo.load_row(conn, "wish", wish_uuid))
            state = next_wish_state(wish.state)
            if state is None:
                raise ValidationFailed([FieldProblem("state", "wish_done")])
            values: dict = {"state": state, _STATE_DATE[state]: self.today()}
            if state == "claimed":
                if not claimed_by.strip():
                    raise ValidationFailed([FieldProblem("claimed_by", "required")])
                values["claimed_by"] = claimed_by.strip()
            if note.strip():
                values["note"] = note.strip()
            row = care_repo.change(conn, "wish", wish_uuid, values)
        return care_repo.from_row(Wish, row)

    def wishes(self, child_uuid: str | None = None, state: str = "") -> list[WishRow]:
        """Wishes of one child or of the station, in the order of the lifecycle, oldest first."""
        w = t.wish.c
        stmt = select(t.wish, t.child.c.name.label("child_name")).join(
            t.child, t.child.c.uuid == w.child_uuid
        )
        if child_uuid:
            stmt = stmt.where(w.child_uuid == child_uuid)
        if state:
            if state not in WISH_STATES:
                raise ValidationFailed([FieldProblem("state", "unknown_value")])
            stmt = stmt.where(w.state == state)
        with self.store.read() as conn:
            rows = conn.execute(stmt.order_by(w.collected_on, t.child.c.sort_key)).mappings()
            found = [WishRow(care_repo.from_row(Wish, r), r["child_name"]) for r in rows]
        return sorted(found, key=lambda r: _LIFECYCLE.get(r.wish.state, len(_LIFECYCLE)))

    def add_referral(
        self, child_uuid: str, target: str, reason: str = "", referred_on: date | None = None
    ) -> Referral:
        if target not in REFERRAL_TARGETS:
            raise ValidationFailed([FieldProblem("target", "unknown_value")])
        referral = Referral(child_uuid, target, referred_on or self.today(), reason.strip())
        with self.store.write() as conn:
            children_repo.load(conn, child_uuid)
            care_repo.create(conn, "referral", referral)
        return referral

    def set_referral_status(self, referral_uuid: str, status: str, outcome: str = "") -> Referral:
        if status not in REFERRAL_STATUSES:
            raise ValidationFailed([FieldProblem("status", "unknown_value")])
        values = {"status": status, "updated_on": self.today()}
        if outcome.strip():
            values["outcome"] = outcome.strip()
        with self.store.write() as conn:
            row = care_repo.change(conn, "referral", referral_uuid, values)
        return care_repo.from_row(Referral, row)

    def referrals(
        self, child_uuid: str | None = None, open_only: bool = False
    ) -> list[ReferralRow]:
        r = t.referral.c
        stmt = select(t.referral, t.child.c.name.label("child_name")).join(
            t.child, t.child.c.uuid == r.child_uuid
        )
        if child_uuid:
            stmt = stmt.where(r.child_uuid == child_uuid)
        if open_only:
            stmt = stmt.where(r.status.in_(("referred", "accepted")))
        with self.store.read() as conn:
            rows = conn.execute(stmt.order_by(r.referred_on.desc(), t.child.c.sort_key))
            return [
                ReferralRow(care_repo.from_row(Referral, x), x["child_name"])
                for x in rows.mappings()
            ]
