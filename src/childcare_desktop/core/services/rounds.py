"""Visit rounds: a named campaign (e.g. the Spring Festival visit) for the children of one
category, with its own deadline and its progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..domain.care import VisitRound
from ..domain.categories import CATEGORY_CODES
from ..errors import FieldProblem, ValidationFailed
from ..storage import care_repo
from ..storage import tables as t
from ..storage.store import Store

# Counted from the derived columns: the group is who holds the category now, and a child counts
# as visited when its latest visit falls on or after the round's start.
_PROGRESS_SQL = (
    "SELECT count(*), coalesce(sum(CAST(last_visit >= :start AS INTEGER)), 0) FROM child "
    "WHERE status = 'active' AND (:code = '' OR instr(',' || categories_now || ',', :code) > 0)"
)


@dataclass(frozen=True)
class RoundProgress:
    round: VisitRound
    visited: int
    total: int

    @property
    def done(self) -> bool:
        return self.visited >= self.total


class Rounds:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    def create(
        self, name: str, category: str, deadline: date, started_on: date | None = None
    ) -> VisitRound:
        started_on = started_on or self.today()
        problems = []
        if not name.strip():
            problems.append(FieldProblem("name", "required"))
        if category and category not in CATEGORY_CODES:
            problems.append(FieldProblem("category", "unknown_value"))
        if deadline < started_on:
            problems.append(FieldProblem("deadline", "end_before_start"))
        if problems:
            raise ValidationFailed(problems)
        visit_round = VisitRound(name.strip(), category, started_on, deadline)
        with self.store.write() as conn:
            care_repo.create(conn, "visit_round", visit_round)
        return visit_round

    def progress(self) -> list[RoundProgress]:
        """Every round with how many of its children were visited since it started."""
        with self.store.read() as conn:
            rounds = [
                care_repo.from_row(VisitRound, r)
                for r in conn.execute(
                    select(t.visit_round).order_by(t.visit_round.c.deadline.desc())
                ).mappings()
            ]
            found = []
            for r in rounds:
                code = f",{r.category}," if r.category else ""
                params = {"start": r.started_on.isoformat(), "code": code}
                total, visited = conn.exec_driver_sql(_PROGRESS_SQL, params).one()
                found.append(RoundProgress(r, visited, total))
        return found

    def pending(self, round_uuid: str) -> list[str]:
        """The uuids of the round's children not yet visited since it started."""
        with self.store.read() as conn:
            r = care_repo.from_row(VisitRound, care_repo.load_row(conn, "visit_round", round_uuid))
            c = t.child.c
            stmt = select(c.uuid).where(
                c.status == "active",
                (c.last_visit.is_(None)) | (c.last_visit < r.started_on),
            )
            if r.category:
                stmt = stmt.where(("," + c.categories_now + ",").contains(f",{r.category},"))
            return list(conn.execute(stmt.order_by(c.sort_key)).scalars())
