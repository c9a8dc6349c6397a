"""What a child's file still lacks (待补充): details a ledger left out or the program misread.

A ledger's child is imported whenever it can be identified; what it did not give is marked on
the file (`Child.to_complete`) and shown until someone completes it. A disability without its
type or grade is read from the file itself, so it is never marked and never forgotten.
"""

from __future__ import annotations

from dataclasses import replace

from .child import Child

# Field keys in the order the file shows them (the ledger's field keys, see roster/layout.py).
DETAILS = (
    "health",
    "disability_type",
    "disability_grade",
    "schooling",
    "guardianship",
    "categories",
    "father.name",
    "father.situation",
    "father.phone",
    "father.id_number",
    "mother.name",
    "mother.situation",
    "mother.phone",
    "mother.id_number",
    "carer.name",
    "carer.phone",
    "carer.id_number",
    "carer.entrust_signed",
    "last_visit",
)


def marked(child: Child) -> tuple[str, ...]:
    return tuple(k for k in child.to_complete.split(",") if k)


def to_complete(child: Child) -> tuple[str, ...]:
    """The details still to be completed, in the order of DETAILS."""
    return details_left(
        child.to_complete, child.health, child.disability_type, child.disability_grade
    )


def details_left(
    marks: str, health: str, disability_type: str, disability_grade: str
) -> tuple[str, ...]:
    """`to_complete` from the stored columns, for lists that read rows rather than files."""
    keys = {k for k in marks.split(",") if k}
    if health == "disabled" and not disability_type:
        keys.add("disability_type")
    if health == "disabled" and not disability_grade:
        keys.add("disability_grade")
    return tuple(k for k in DETAILS if k in keys) + tuple(sorted(keys - set(DETAILS)))


def mark(keys: set[str] | frozenset[str]) -> str:
    """The stored form of a set of keys: in the order of DETAILS, comma-separated."""
    return ",".join([k for k in DETAILS if k in keys] + sorted(set(keys) - set(DETAILS)))


def completed(child: Child, keys: set[str] | frozenset[str]) -> Child:
    """The file with `keys` no longer marked (someone gave or confirmed them)."""
    left = mark(set(marked(child)) - set(keys))
    return child if left == child.to_complete else replace(child, to_complete=left)


def completed_by_edit(before: Child, after: Child) -> Child:
    """`after` with the marks of the details an edit changed taken off: a person who typed the
    value has completed it."""
    changed = {k for k in marked(before) if _value(before, k) != _value(after, k)}
    return completed(after, changed) if changed else after


def _value(child: Child, key: str) -> object:
    relation, _, field = key.partition(".")
    if not field:
        return getattr(child, key, None)
    member = next((m for m in child.members if m.relation == relation), None)
    return getattr(member, field, None) if member is not None else None
