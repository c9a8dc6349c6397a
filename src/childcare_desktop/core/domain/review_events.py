"""What a save submits for review (审核): the events of domain/review.py found by comparing the
file as kept with the file as saved, and the state a reviewer's decisions give a submission.

An item of review is (child, kind, topic): the topic is the category's code for a category added
or ended, and nothing for the other kinds, so that a file's newer closure or grade change
supersedes an older one (the reviewer decides on the file as it now is), while two categories
added at once are two items. The decisions on a submission give its state whatever order they
arrived in: a return by either level stands (the village corrects and submits again); else the
county's confirmation; else the town's approval, unless the county's rules reserve the item.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .child import CHILD_FIELDS, Child
from .masking import mask_id_number

CATEGORY_KINDS = ("category_added", "category_ended")
# What a new file shows its reviewer: who the child is, where, and what it is held as.
NEW_FILE_FIELDS = ("name", "sex", "birth_date", "village_code", "guardianship", "status")
# Sealed on a server: a submission's changes travel and are kept in the clear, so masked.
_MASKED = {"id_number": mask_id_number}
# The program's bookkeeping, not a fact an officer decides.
_NOT_SHOWN = frozenset({"uuid", "to_complete", "registered_on"})


@dataclass(frozen=True)
class Event:
    """One thing a save submits: its kind, its subject (the category's code, the new grade, the
    reason for closing) and what changed, {field: [before, after]}."""

    kind: str
    subject: str
    changes: dict[str, list]

    @property
    def topic(self) -> str:
        return topic(self.kind, self.subject)


def topic(kind: str, subject: str) -> str:
    return subject if kind in CATEGORY_KINDS else ""


def held(child: Child, day: date) -> list[str]:
    """The category codes the file holds on `day`, in order."""
    return sorted({s.code for s in child.categories if s.holds_on(day)})


def events(old: Child | None, new: Child, today: date) -> list[Event]:
    """The events of saving `new` over `old` (None: a new file)."""
    if old is None:
        shown = {f: [None, _shown(f, getattr(new, f))] for f in NEW_FILE_FIELDS}
        return [Event("new_file", "", {**shown, "categories": [[], held(new, today)]})]
    found: list[Event] = []
    before, after = held(old, today), held(new, today)
    if old.status != "closed" and new.status == "closed":
        changes = {"status": [old.status, new.status], "close_reason": ["", new.close_reason]}
        found.append(Event("closed_file", new.close_reason, changes))
    elif before != after:
        categories = {"categories": [before, after]}
        found += [Event("category_added", c, categories) for c in after if c not in before]
        found += [Event("category_ended", c, categories) for c in before if c not in after]
    if old.guardianship != new.guardianship:
        changes = {"guardianship": [old.guardianship, new.guardianship]}
        found.append(Event("guardianship_changed", new.guardianship, changes))
    return found


def correction(kind: str, subject: str, old: Child, new: Child, today: date) -> Event | None:
    """A returned item submitted again because the file was saved since (the correction): what
    this save changed; None when it changed nothing."""
    changes = differences(old, new, today)
    if not changes:
        return None
    if kind == "guardianship_changed":
        subject = new.guardianship
    elif kind == "closed_file":
        subject = new.close_reason
    return Event(kind, subject, changes)


def differences(old: Child, new: Child, today: date) -> dict[str, list]:
    """{field: [before, after]} of what differs between two versions of a file: its own fields
    (the ID number masked), the categories held, and the names of family and carers (their
    phones and ID numbers never)."""
    found = {
        f: [_shown(f, getattr(old, f)), _shown(f, getattr(new, f))]
        for f in CHILD_FIELDS
        if f not in _NOT_SHOWN and getattr(old, f) != getattr(new, f)
    }
    if held(old, today) != held(new, today) or old.categories != new.categories:
        found["categories"] = [held(old, today), held(new, today)]
    if old.members != new.members:
        found["members"] = [[m.name for m in old.members], [m.name for m in new.members]]
    if old.assistance != new.assistance:
        found["assistance"] = [[a.kind for a in old.assistance], [a.kind for a in new.assistance]]
    return found


def _shown(field: str, value: object) -> object:
    if field in _MASKED and value:
        return _MASKED[field](str(value))
    return value.isoformat() if isinstance(value, date) else value


def state(verdicts: list[tuple[str, str]], reserved: bool) -> str:
    """A submission's state from its decisions, (level, verdict) each, in any order:
    submitted | approved | returned | confirmed."""
    if any(verdict == "returned" for _, verdict in verdicts):
        return "returned"
    if any(level == "county" for level, _ in verdicts):
        return "confirmed"
    if not reserved and any(level == "town" for level, _ in verdicts):
        return "approved"
    return "submitted"


def is_reserved(rules: frozenset[str], kind: str, subject: str) -> bool:
    """Whether the county's rules (kinds, or kind:subject) reserve this item to the county."""
    return kind in rules or f"{kind}:{subject}" in rules
