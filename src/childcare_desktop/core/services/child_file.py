"""One child's whole file as scripts read it (`children show`): the summary the list gives, then
the family, the categories with their dates, assistance, notes and the last visits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..domain.child import Child
from ..storage import children_repo
from ..storage import tables as t
from ..storage.store import Store
from .children import ChildSummary, read_summaries
from .visits import Visits

LAST_VISITS = 5


@dataclass(frozen=True)
class VisitLine:
    """A visit as the file lists it: when, how (入户, 电话 …) and by whom."""

    visit_date: date
    mode: str
    visitor: str


@dataclass(frozen=True)
class ChildFile:
    """The file as stored (`child`: family, every category span, assistance, notes), what the
    list says of it (`summary`: village name, age, risk, visits due, what is to complete) and
    its last visits, newest first (a corrected visit only as corrected)."""

    summary: ChildSummary
    child: Child
    last_visits: tuple[VisitLine, ...]


def child_file(store: Store, uuid: str, today: Callable[[], date] = date.today) -> ChildFile:
    """The file of `uuid`; NotFound("child_not_found") when there is none."""
    with store.read() as conn:
        child = children_repo.load(conn, uuid)
        (summary,) = read_summaries(conn, select(t.child).where(t.child.c.uuid == uuid), today())
    current = [r.visit for r in Visits(store, today).history(uuid) if r.current]
    lines = tuple(VisitLine(v.visit_date, v.mode, v.visitor) for v in current[:LAST_VISITS])
    return ChildFile(summary, child, lines)
