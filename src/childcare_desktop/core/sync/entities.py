"""The records that travel between stations: which table each entity lives in, which of its
columns are synced, and what a well-formed value of each column is."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from sqlalchemy import Boolean, Column, Date, Float, Integer, String, Table

from ..domain import review, screening, vocab
from ..domain.care import (
    CONCERN_KINDS,
    OLD_CONCERN_KINDS,
    REFERRAL_STATUSES,
    REFERRAL_TARGETS,
    REPORT_TARGETS,
    WISH_STATES,
)
from ..domain.categories import CATEGORY_CODES
from ..domain.validation import (
    codes_ok,
    date_ok,
    findings_ok,
    id_number_ok,
    name_ok,
    phone_ok,
    text_ok,
    timestamp_ok,
)
from ..domain.visit import MODES
from ..storage import tables as t

# Parents before their parts: inserts follow this order (foreign keys), deletions the reverse.
# Photos of visits (visit_photo) are not among them: they stay on the station that took them.
# A batch carries JSON text and the change log has no place for bytes; megabytes of photos per
# visit would also swell every batch a town sends to the county.
TABLES: dict[str, Table] = {
    "child": t.child,
    "member": t.member,
    "category": t.category,
    "assistance": t.assistance,
    "concern": t.concern,
    "concern_report": t.concern_report,
    "concern_note": t.concern_note,
    "wish": t.wish,
    "referral": t.referral,
    "visit_round": t.visit_round,
    "review_flag": t.review_flag,
    "visit": t.visit,
    "submission": t.submission,
    "decision": t.decision,
    "evidence": t.evidence,
    "officer": t.officer,
    "training": t.training,
    "screening_round": t.screening_round,
    "screening_person": t.screening_person,
    "screening_mark": t.screening_mark,
}
# Records that are appended and never edited: no heads, never a conflict.
APPEND_ONLY = frozenset(
    {
        "visit",
        "concern_report",
        "concern_note",
        "submission",
        "decision",
        "evidence",
        "screening_mark",
    }
)
# The child's local caches: recomputed on every station, never carried.
DERIVED = frozenset(
    {
        "categories_now",
        "risk",
        "search_text",
        "sort_key",
        "last_visit",
        "next_due",
        "due_reason",
        "interval_days",
        "contact_phone",
        "age_out_on",
    }
)
NEW, DELETED = "_new", "_deleted"

SYNCED: dict[str, tuple[str, ...]] = {
    entity: tuple(c.name for c in table.columns if c.name not in DERIVED)
    for entity, table in TABLES.items()
}
# Fields a change may set (the key `uuid` is the change's entity uuid, never a field).
FIELDS: dict[str, tuple[str, ...]] = {
    entity: tuple(name for name in names if name != "uuid") for entity, names in SYNCED.items()
}
_COLUMNS: dict[str, dict[str, Column]] = {
    entity: {c.name: c for c in table.columns} for entity, table in TABLES.items()
}


def column(entity: str, field: str) -> Column:
    return _COLUMNS[entity][field]


def empty_value(entity: str, field: str) -> Any:
    """What a creation's omitted field was: a creation leaves out None, "" and False."""
    col = _COLUMNS[entity][field]
    if col.nullable:
        return None
    return False if isinstance(col.type, Boolean) else ""


def well_formed(entity: str, field: str, value: Any) -> bool:
    """The JSON value fits the column: the right type, a real date, a string not too long."""
    check = _CHECKS[entity].get(field) or _check_of(entity, _COLUMNS[entity][field])
    return check(value)


def field_checks(entity: str) -> dict[str, Callable[[Any], bool]]:
    """`well_formed` of each synced field of `entity`, by name (a batch checks millions)."""
    return _CHECKS[entity]


# Coded fields take the words the forms offer ("" where a form may leave them empty); a received
# value is held to the same rules as a typed one (domain/validation.py).
_CODES: dict[tuple[str, str], frozenset[str]] = {
    ("child", "sex"): frozenset(vocab.SEXES),
    ("child", "health"): frozenset(vocab.HEALTH),
    ("child", "schooling"): frozenset(("", *vocab.SCHOOLING)),
    ("child", "guardianship"): frozenset(("", *vocab.GUARDIANSHIP)),
    ("child", "risk_override"): frozenset(("", *vocab.RISKS)),
    ("child", "status"): frozenset(vocab.STATUSES),
    ("visit", "mode"): frozenset(MODES),
    ("visit", "guardianship"): frozenset(("", *vocab.GUARDIANSHIP)),
    ("child", "no_id_reason"): frozenset(("", *vocab.NO_ID_REASONS)),
    ("child", "hukou_type"): frozenset(("", *vocab.HUKOU_TYPES)),
    # A relation an earlier version offered (祖父/外祖父) is still received, as it is still read.
    ("member", "relation"): frozenset((*vocab.RELATIONS, *vocab.OLD_RELATIONS)),
    ("assistance", "kind"): frozenset(vocab.ASSISTANCE),
    ("member", "situation"): frozenset(vocab.SITUATIONS),
    ("category", "code"): frozenset(CATEGORY_CODES),
    # A kind an earlier version offered is still received, as it is still read and printed.
    ("concern", "kind"): frozenset((*CONCERN_KINDS, *OLD_CONCERN_KINDS)),
    ("concern_report", "target"): frozenset(REPORT_TARGETS),
    ("wish", "state"): frozenset(WISH_STATES),
    ("referral", "target"): frozenset(REFERRAL_TARGETS),
    ("referral", "status"): frozenset(REFERRAL_STATUSES),
    ("visit_round", "category"): frozenset(("", *CATEGORY_CODES)),
    ("submission", "kind"): frozenset(review.KINDS),
    ("decision", "level"): frozenset(review.LEVELS),
    ("decision", "verdict"): frozenset(review.VERDICTS),
    ("officer", "duty"): frozenset(review.DUTIES),
    ("screening_round", "level"): frozenset(screening.LEVELS),
    ("screening_person", "sex"): frozenset(("", *vocab.SEXES)),
}


# Texts with a rule of their own, as the form and the ledger import hold them.
_RULES: dict[tuple[str, str], Callable[[str], bool]] = {
    ("child", "name"): name_ok,
    ("child", "id_number"): id_number_ok,
    ("member", "id_number"): id_number_ok,
    ("member", "phone"): lambda text: not text or phone_ok(text),
    ("visit", "recorded_at"): timestamp_ok,
    ("visit", "findings"): findings_ok,
    ("child", "income_sources"): partial(codes_ok, vocab.INCOME_SOURCES),
    ("officer", "name"): name_ok,
    ("officer", "phone"): lambda text: not text or phone_ok(text),
    # A picture or a PDF, as base64 text: at most EVIDENCE_MAX_BYTES once decoded.
    ("evidence", "content"): review.evidence_content_ok,
    ("screening_person", "name"): name_ok,
    ("screening_person", "id_number"): id_number_ok,
    ("screening_mark", "found"): screening.found_ok,
}


def _check_of(entity: str, col: Column) -> Callable[[Any], bool]:
    kind = col.type
    if (entity, col.name) in _CODES:
        ok = partial(_is_code, _CODES[entity, col.name])
    elif (entity, col.name) in _RULES:
        ok = partial(_is_ruled, _RULES[entity, col.name])
    elif isinstance(kind, Boolean):
        ok = _is_bool
    elif isinstance(kind, Integer):
        ok = _is_int
    elif isinstance(kind, Float):
        ok = _is_number
    elif isinstance(kind, Date):
        ok = _is_date
    elif isinstance(kind, String):
        limit = kind.length or 100_000
        ok = partial(_is_text, limit)
    else:
        return _never
    return partial(_none_or, ok) if col.nullable else ok


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**53


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_date(value: Any) -> bool:
    return isinstance(value, str) and _is_iso_date(value)


def _is_text(limit: int, value: Any) -> bool:
    return isinstance(value, str) and len(value) <= limit and text_ok(value)


def _is_code(codes: frozenset[str], value: Any) -> bool:
    return isinstance(value, str) and value in codes


def _is_ruled(rule: Callable[[str], bool], value: Any) -> bool:
    return isinstance(value, str) and len(value) <= 100_000 and rule(value)


def _none_or(ok: Callable[[Any], bool], value: Any) -> bool:
    return value is None or ok(value)


def _never(value: Any) -> bool:
    return False


def to_column(entity: str, field: str, value: Any) -> Any:
    """A JSON value as the table stores it (dates travel as ISO text)."""
    if value is not None and isinstance(_COLUMNS[entity][field].type, Date):
        return date.fromisoformat(value)
    if value is not None and isinstance(_COLUMNS[entity][field].type, Float):
        return float(value)
    return value


def _is_iso_date(text: str) -> bool:
    if len(text) != 10:
        return False
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return False
    return date_ok(day)


_CHECKS: dict[str, dict[str, Callable[[Any], bool]]] = {
    entity: {name: _check_of(entity, _COLUMNS[entity][name]) for name in names}
    for entity, names in SYNCED.items()
}
