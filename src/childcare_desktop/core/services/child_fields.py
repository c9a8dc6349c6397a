"""Setting a child's fields from text (the CLI's `children update --set FIELD=VALUE`)."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

from ..domain.child import Child
from ..errors import FieldProblem, ValidationFailed

_BOOL = {"1": True, "true": True, "yes": True, "是": True,
         "0": False, "false": False, "no": False, "否": False}  # fmt: skip
# Keys of the list's JSON that are not Child attributes of the same name.
ALIASES = {"risk": "risk_override", "village": "village_code"}
READ_ONLY = frozenset({"uuid", "age", "last_visit", "next_due", "due_reason", "registered_on"})
_TYPES = {f.name: f.type for f in fields(Child)}


def apply_text_values(child: Child, values: dict[str, str]) -> tuple[Child, list[str] | None]:
    """The child with `values` set, and the new category codes when `categories` was given."""
    changes: dict[str, object] = {}
    problems: list[FieldProblem] = []
    codes = None
    for key, text in values.items():
        name = ALIASES.get(key, key)
        if key == "categories":
            codes = [c for c in text.replace(";", ",").split(",") if c.strip()]
            codes = [c.strip() for c in codes]
            continue
        if key in READ_ONLY or name not in _TYPES or name in ("members", "assistance"):
            problems.append(FieldProblem(key, "unknown_field", {"field": key}))
            continue
        try:
            changes[name] = _parse(_TYPES[name], text.strip())
        except ValueError:
            problems.append(FieldProblem(key, "bad_value", {"field": key, "value": text}))
    if problems:
        raise ValidationFailed(problems)
    return replace(child, **changes), codes


def _parse(kind: str, text: str) -> object:
    if "date" in kind:
        return date.fromisoformat(text) if text else None
    if kind == "bool":
        if text.lower() not in _BOOL:
            raise ValueError(text)
        return _BOOL[text.lower()]
    return text
