"""审核: what waits for this station's review and the decisions on it (a town approves or returns
what its villages submit; the county confirms or returns what its rules reserve to it), what came
back returned to a village, and the review state of one file.

The county's rules (`county_confirms`: kinds, or kind:subject such as
"category_added:de_facto_unsupported") are set at the county and carried down with its batches,
so that a town lists those items as waiting for the county (待县级确认) and does not decide them.
Decisions are appended records, carried both ways like any change, and audited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from ..domain import division
from ..domain.child import new_uuid
from ..domain.review import KINDS
from ..domain.review_events import is_reserved
from ..errors import CoreError, FieldProblem, NotFound, ValidationFailed
from ..storage import audit, bulk, divisions, review_repo, settings
from ..storage import tables as t
from ..storage.changes import ChangeWriter
from ..storage.review_repo import Item
from ..storage.store import Store

# An item reserved to the county, as a town lists it: not the town's to decide.
AWAITING_COUNTY = "awaiting_county"
_VERDICT = {"town": "approved", "county": "confirmed"}


@dataclass(frozen=True)
class ReviewItem:
    """A submission as a list shows it: the child, what was submitted and what changed
    ({field: [before, after]}), its state (submitted, awaiting_county, approved, returned,
    confirmed) and the reason it was returned."""

    id: str
    child: str
    child_name: str
    village: str
    kind: str
    subject: str
    submitted_by: str
    submitted_on: date
    state: str
    changes: dict
    reason: str = ""


@dataclass(frozen=True)
class FileReview:
    """A file's review state (None: nothing of it was ever submitted) and the last reason given
    for a return."""

    state: str | None
    reason: str


@dataclass(frozen=True)
class Decided:
    id: str
    submission: str
    level: str
    verdict: str
    reason: str


class Approval:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    def places(self) -> dict[str, str]:
        """The names of the divisions this station knows, by code: a change of village is
        read by the village's name."""
        with self.store.read() as conn:
            return divisions.names(conn)

    def waiting(self) -> list[ReviewItem]:
        """At a town, every item its villages submitted that it has not decided (those the
        county's rules reserve shown as awaiting the county); at a county, the items its rules
        reserve that it has not decided; elsewhere nothing."""
        with self.store.read() as conn:
            level, rules = _level(conn), review_repo.rules(conn)
            items = review_repo.latest_items(conn) if level else []
            listed = [(i, s) for i in items if (s := _waiting_state(i, level, rules))]
            return _shown(conn, listed)

    def returned(self) -> list[ReviewItem]:
        """At a village, the items a reviewer returned and it has not corrected yet, with the
        reason (a save of the file submits them again); nothing at a station that reviews."""
        with self.store.read() as conn:
            if _level(conn):
                return []
            items = review_repo.latest_items(conn)
            rules = review_repo.rules(conn)
            return _shown(conn, [(i, "returned") for i in items if i.state(rules) == "returned"])

    def file_state(self, child: str) -> FileReview:
        """A returned item first, then one waiting; else the state of the newest decided."""
        with self.store.read() as conn:
            items = review_repo.latest_items(conn, [child])
            rules = review_repo.rules(conn)
        states = [(i.state(rules), i) for i in items]
        for wanted in ("returned", "submitted"):
            found = [i for s, i in states if s == wanted]
            if found:
                return FileReview(wanted, found[-1].reason)
        return FileReview(states[-1][0], "") if states else FileReview(None, "")

    def approve(self, submission: str, by: str = "") -> Decided:
        """Approve at a town, confirm at the county."""
        return self._decide(submission, None, "", by)

    def return_(self, submission: str, reason: str, by: str = "") -> Decided:
        """Send back to the village with the reason, which it must be given."""
        if not reason.strip():
            raise ValidationFailed([FieldProblem("reason", "return_reason_required")])
        return self._decide(submission, "returned", reason.strip(), by)

    def rules(self) -> tuple[str, ...]:
        with self.store.read() as conn:
            return tuple(sorted(review_repo.rules(conn)))

    def reserve(self, rules: list[str]) -> tuple[str, ...]:
        """The county's rules: what only it confirms (kinds, or kind:subject); sent down with
        its next batches. Only a county sets them."""
        cleaned = sorted({r.strip() for r in rules if r.strip()})
        bad = [r for r in cleaned if not rule_ok(r)]
        if bad:
            raise ValidationFailed([FieldProblem("rules", "review_rule_unknown", {"rule": bad[0]})])
        with self.store.write() as conn:
            if _level(conn) != "county":
                raise CoreError("review_rules_county_only")
            settings.put(conn, review_repo.RULES, cleaned)
            audit.record(conn, "update", "setting", review_repo.RULES, ("county_confirms",))
        return tuple(cleaned)

    def _decide(self, submission: str, verdict: str | None, reason: str, by: str) -> Decided:
        with self.store.write() as conn:
            level = _level(conn)
            if not level:
                raise CoreError("review_not_here")
            row = conn.execute(
                select(t.submission.c.child_uuid).where(t.submission.c.uuid == submission)
            ).first()
            if row is None:
                raise NotFound("submission_not_found", uuid=submission)
            rules = review_repo.rules(conn)
            items = review_repo.latest_items(conn, [row.child_uuid])
            item = next((i for i in items if i.uuid == submission), None)
            if item is None or _waiting_state(item, level, rules) != "submitted":
                raise CoreError("submission_not_waiting")
            officer = conn.execute(select(t.station.c.officer)).scalar_one()
            decided = {
                "uuid": new_uuid(),
                "submission_uuid": submission,
                "child_uuid": item.child_uuid,
                "level": level,
                "verdict": verdict or _VERDICT[level],
                "reason": reason,
                "decided_on": self.today(),
                "decided_by": by.strip() or officer,
            }
            bulk.insert_rows(conn, t.decision, [decided])
            writer = ChangeWriter(conn)
            writer.record_appended("decision", [decided])
            writer.flush()
            audit.record(conn, "create", "decision", decided["uuid"], decided)
        return Decided(decided["uuid"], submission, level, decided["verdict"], reason)


def rule_ok(rule: str) -> bool:
    """A rule of the county's: a kind of submission, or kind:subject."""
    kind, colon, subject = rule.partition(":")
    return kind in KINDS and bool(subject or not colon)


def take_rules(conn: Connection, sent: object) -> None:
    """The county's rules as a batch from above carries them (refused unless each is a rule)."""
    if not (isinstance(sent, list) and all(isinstance(r, str) and rule_ok(r) for r in sent)):
        return
    if sorted(sent) != sorted(review_repo.rules(conn)):
        settings.put(conn, review_repo.RULES, sorted(sent))


def _level(conn: Connection) -> str:
    """The level that reviews here, town or county; "" at a village."""
    code = conn.execute(select(t.station.c.code)).scalar_one()
    level = division.level_of(code)
    return level if level in _VERDICT else ""


def _waiting_state(item: Item, level: str, rules: frozenset[str]) -> str:
    """How `item` waits at `level`: "submitted" (for this level to decide), AWAITING_COUNTY (at
    a town, reserved to the county), or "" (not waiting here)."""
    if not level or item.decided_at(level) or item.state(rules) != "submitted":
        return ""
    reserved = is_reserved(rules, item.kind, item.subject)
    if level == "county":
        return "submitted" if reserved else ""
    return AWAITING_COUNTY if reserved else "submitted"


def _shown(conn: Connection, listed: list[tuple[Item, str]]) -> list[ReviewItem]:
    """The items with their child's name and village's name, in the order submitted."""
    c = t.child.c
    uuids = sorted({i.child_uuid for i, _ in listed})
    names: dict[str, str] = {}
    for start in range(0, len(uuids), 900):
        part = uuids[start : start + 900]
        names.update(conn.execute(select(c.uuid, c.name).where(c.uuid.in_(part))).all())
    villages = divisions.names(conn)
    return [
        ReviewItem(
            id=i.uuid,
            child=i.child_uuid,
            child_name=names.get(i.child_uuid, ""),
            village=villages.get(i.village_code, i.village_code),
            kind=i.kind,
            subject=i.subject,
            submitted_by=i.submitted_by,
            submitted_on=i.submitted_on,
            state=state,
            changes=i.changes,
            reason=i.reason,
        )
        for i, state in listed
    ]
