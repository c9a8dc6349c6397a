"""Reading the submissions for review (审核) and the decisions on them: the latest submission of
each item with every decision made on it, and the county's rules.

Submissions of one item are ordered by their day and then by the clock of the change that made
them (two on one day: a return corrected at once); the clock is the same on every station.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, and_, select

from ..domain.review_events import is_reserved, state, topic
from . import settings
from . import tables as t
from .jsontext import loads

# The county's rules, a setting it sends down: the kinds (or kind:subject) only it confirms.
RULES = "county_confirms"
_CHUNK = 900  # ids per IN (…): under SQLite's bound-parameter limit


@dataclass(frozen=True)
class Decision:
    uuid: str
    level: str
    verdict: str
    reason: str
    decided_on: date
    decided_by: str


@dataclass(frozen=True)
class Item:
    """The latest submission of one item of review (domain/review_events.py), with every
    decision made on that submission."""

    uuid: str
    child_uuid: str
    village_code: str
    kind: str
    subject: str
    changes: dict
    submitted_on: date
    submitted_by: str
    decisions: tuple[Decision, ...]

    @property
    def topic(self) -> str:
        return topic(self.kind, self.subject)

    def state(self, rules: frozenset[str]) -> str:
        reserved = is_reserved(rules, self.kind, self.subject)
        return state([(d.level, d.verdict) for d in self.decisions], reserved)

    def decided_at(self, level: str) -> bool:
        return any(d.level == level for d in self.decisions)

    @property
    def reason(self) -> str:
        """Why it was returned (the latest return's reason), or ""."""
        returns = sorted(
            (d.decided_on, d.uuid, d.reason) for d in self.decisions if d.verdict == "returned"
        )
        return returns[-1][2] if returns else ""


def rules(conn: Connection) -> frozenset[str]:
    return frozenset(settings.get(conn, RULES) or ())


def latest_items(conn: Connection, children: list[str] | None = None) -> list[Item]:
    """The latest submission of each item, of `children` (None: of every child), with its
    decisions; in the order they were submitted."""
    s, c = t.submission.c, t.change.c
    made = and_(c.entity == "submission", c.entity_uuid == s.uuid)
    query = select(
        s.uuid, s.child_uuid, s.village_code, s.kind, s.subject, s.changes, s.submitted_on,
        s.submitted_by, c.clock, c.station, c.counter,
    ).select_from(t.submission.outerjoin(t.change, made))  # fmt: skip
    rows = []
    if children is None:
        rows = conn.execute(query).all()
    for i in range(0, len(children or ()), _CHUNK):
        rows += conn.execute(query.where(s.child_uuid.in_(children[i : i + _CHUNK]))).all()
    latest: dict[tuple[str, str, str], tuple] = {}
    for row in sorted(rows, key=_submitted_order):
        latest[(row.child_uuid, row.kind, topic(row.kind, row.subject))] = row
    decisions = _decisions(conn, [r.uuid for r in latest.values()])
    return [
        Item(
            r.uuid,
            r.child_uuid,
            r.village_code,
            r.kind,
            r.subject,
            loads(r.changes),
            r.submitted_on,
            r.submitted_by,
            tuple(decisions.get(r.uuid, ())),
        )
        for r in latest.values()
    ]


def _submitted_order(row) -> tuple:
    return (row.submitted_on, row.clock or "", row.station or "", row.counter or 0)


def _decisions(conn: Connection, submissions: list[str]) -> dict[str, list[Decision]]:
    d = t.decision.c
    found: dict[str, list[Decision]] = defaultdict(list)
    query = select(d.submission_uuid, d.uuid, d.level, d.verdict, d.reason, d.decided_on,
                   d.decided_by)  # fmt: skip
    for i in range(0, len(submissions), _CHUNK):
        part = submissions[i : i + _CHUNK]
        for row in conn.execute(query.where(d.submission_uuid.in_(part))):
            found[row[0]].append(Decision(*row[1:]))
    return found


def returned_items(conn: Connection, children: list[str]) -> dict[str, list[Item]]:
    """The items of `children` whose latest submission was returned, by child (nothing read
    where no decision ever returned anything: an import of a whole ledger asks)."""
    d = t.decision.c
    if conn.execute(select(d.uuid).where(d.verdict == "returned").limit(1)).first() is None:
        return {}
    found: dict[str, list[Item]] = defaultdict(list)
    for item in latest_items(conn, children):
        if item.state(frozenset()) == "returned":
            found[item.child_uuid].append(item)
    return found
