"""Bringing a ledger row into a child's file that already exists, changing only what the row says.

A blank cell erases nothing (ledgers are often partial); a filled cell replaces the value. The
categories in a filled cell become the ones held: new ones start today and dropped ones end
today, so their history is kept (a cell with a word not understood only adds); a kind of
assistance (救助帮扶情况) is added, never ended. A family member
is matched by relation and keeps its id. What the row gives is no longer to be completed; what
it could not give is.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..domain.categories import CategorySpan
from ..domain.child import Child, FamilyMember
from ..domain.completeness import mark, marked

_CHILD_KEYS = ("name", "sex", "ethnicity", "birth_date", "hukou_place", "current_address",
               "guardianship", "health", "disability_type", "illness", "schooling", "school",
               "notes", "hukou_type", "income_sources")  # fmt: skip
# Field keys of a row, in `present`: the categories it adds without ending any (rows.py).
ADDED_CATEGORIES = "categories+"
_MEMBER_KEYS = ("name", "id_number", "phone", "work_place", "situation", "entrust_signed",
                "birth_date", "kinship", "address", "left_on")  # fmt: skip


def apply_row(base: Child, row: Child, present: frozenset[str], today: date) -> Child:
    """`base` itself when the row changes nothing (most rows of a ledger imported again)."""
    changes: dict[str, object] = {k: getattr(row, k) for k in _CHILD_KEYS if k in present}
    if row.id_number:
        changes.update(id_number=row.id_number, no_id_reason="")
    elif not base.id_number and "id_number" in present:
        changes["no_id_reason"] = row.no_id_reason
    if "village" in present:
        changes["village_code"] = row.village_code
    if "categories" in present:
        changes["categories"] = held_categories(base.categories, row.categories, today)
    elif ADDED_CATEGORIES in present:
        held = {s.code for s in base.categories if s.holds_on(today)}
        changes["categories"] = base.categories + tuple(
            s for s in row.categories if s.code not in held
        )
    changes["to_complete"] = mark({k for k in marked(base) if k not in present} | set(marked(row)))
    if "aid" in present:  # a 救助帮扶 ticked is added; what the file holds stays, with its amounts
        held = {a.kind for a in base.assistance}
        changes["assistance"] = base.assistance + tuple(
            a for a in row.assistance if a.kind not in held
        )
    members = _members(base.members, row.members, present)
    if members != base.members:
        changes["members"] = members
    changes = {k: value for k, value in changes.items() if value != getattr(base, k)}
    return replace(base, **changes) if changes else base


def held_categories(
    spans: tuple[CategorySpan, ...], wanted: tuple[CategorySpan, ...], today: date
) -> tuple[CategorySpan, ...]:
    codes = {s.code for s in wanted if s.holds_on(today)}  # a row merged with another ends some
    held = {s.code for s in spans if s.holds_on(today)}
    kept = tuple(
        replace(s, end=today) if s.holds_on(today) and s.code not in codes else s for s in spans
    )
    return kept + tuple(CategorySpan(c, today) for c in sorted(codes - held))


def _members(
    old: tuple[FamilyMember, ...], new: tuple[FamilyMember, ...], present: frozenset[str]
) -> tuple[FamilyMember, ...]:
    result = list(old)
    for member in new:
        keys = [k for k in _MEMBER_KEYS if f"{member.relation}.{k}" in present]
        at = next((i for i, m in enumerate(result) if m.relation == member.relation), None)
        if at is None:
            result.append(member)
        else:
            kept = result[at]
            changes = {k: getattr(member, k) for k in keys}
            changes = {k: value for k, value in changes.items() if value != getattr(kept, k)}
            if changes:
                result[at] = replace(kept, **changes)
    return tuple(result)
