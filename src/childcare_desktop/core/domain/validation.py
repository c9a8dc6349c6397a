"""The rules a child's file must meet before it is saved; each problem names its field."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

from ..errors import FieldProblem
from . import division, idnumber, vocab
from .categories import CATEGORY_CODES
from .child import Child, FamilyMember
from .visit import FINDING_AREAS

_PHONE = re.compile(r"^\+?[\d\- ]{7,20}$")
# Problems that are reported but do not stop a save: a detail still to be completed never keeps
# a child out of the registry (domain/completeness.py lists it on the file).
WARNINGS = frozenset({"id_old_15", "disability_detail_missing", "member_name_missing"})
# Characters no one types into a form: control characters (but tab and line breaks), direction
# overrides that make a name read backwards, lone surrogates and non-characters. Workbooks and
# PDFs cannot hold some of them; the rest hide what a text says.
_HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
# The dates a file may hold: the program adds 18 years or a visit interval to them, which
# near the end of the calendar (9999) overflows.
EARLIEST, LATEST = date(1900, 1, 1), date(2099, 12, 31)


def validate_child(child: Child, today: date | None = None) -> list[FieldProblem]:
    """Every problem of the file; an empty list means it may be saved."""
    today = today or date.today()
    problems: list[FieldProblem] = []
    add = problems.append
    if not child.name.strip():
        add(FieldProblem("name", "required"))
    elif len(child.name) > 40:
        add(FieldProblem("name", "too_long", {"max": "40"}))
    if child.sex not in vocab.SEXES:
        add(FieldProblem("sex", "required"))
    if child.birth_date is None:
        add(FieldProblem("birth_date", "required"))
    elif child.birth_date > today:
        add(FieldProblem("birth_date", "future_date"))
    elif child.birth_date.year < 1990:
        add(FieldProblem("birth_date", "implausible_date"))
    problems.extend(_id_problems(child, today))
    if division.check("village", child.village_code):
        add(FieldProblem("village_code", "division_invalid"))
    if child.guardianship and child.guardianship not in vocab.GUARDIANSHIP:
        add(FieldProblem("guardianship", "unknown_value"))
    if child.health not in vocab.HEALTH:
        add(FieldProblem("health", "unknown_value"))
    elif child.health == "disabled" and not child.disability_type.strip():
        add(FieldProblem("disability_type", "disability_detail_missing"))
    if child.hukou_type and child.hukou_type not in vocab.HUKOU_TYPES:
        add(FieldProblem("hukou_type", "unknown_value"))
    if not codes_ok(vocab.INCOME_SOURCES, child.income_sources):
        add(FieldProblem("income_sources", "unknown_value"))
    if child.schooling not in vocab.SCHOOLING:
        add(FieldProblem("schooling", "unknown_value"))
    if child.risk_override and child.risk_override not in vocab.RISKS:
        add(FieldProblem("risk_override", "unknown_value"))
    if child.risk_override and not child.risk_override_reason.strip():
        add(FieldProblem("risk_override_reason", "required"))
    if child.status not in vocab.STATUSES:
        add(FieldProblem("status", "unknown_value"))
    if child.status == "closed" and not child.close_reason:
        add(FieldProblem("close_reason", "required"))
    if child.consent_on and child.consent_on > today:
        add(FieldProblem("consent_on", "future_date"))
    if child.consent_on and not child.consent_by.strip():
        add(FieldProblem("consent_by", "required"))
    for i, span in enumerate(child.categories):
        if span.code not in CATEGORY_CODES:
            add(FieldProblem(f"categories[{i}]", "unknown_value"))
        if span.end and span.end < span.start:
            add(FieldProblem(f"categories[{i}]", "end_before_start"))
    for i, member in enumerate(child.members):
        problems.extend(_member_problems(i, member, today))
    return problems


def blocking(problems: list[FieldProblem]) -> list[FieldProblem]:
    return [p for p in problems if p.code not in WARNINGS]


def _id_problems(child: Child, today: date) -> list[FieldProblem]:
    if not child.id_number:
        if child.no_id_reason not in vocab.NO_ID_REASONS:
            return [FieldProblem("id_number", "id_missing_reason")]
        return []
    code = idnumber.check(child.id_number, today).code
    if code:
        return [FieldProblem("id_number", code)]
    return id_disagreements(child.id_number, child.birth_date, child.sex, today)


def id_disagreements(
    id_number: str, birth_date: date | None, sex: str, today: date
) -> list[FieldProblem]:
    """Where a birth date and a sex disagree with the valid ID number they stand beside (the
    form, the ledger import and a received change hold them together by this one rule). A
    number that is empty, old or invalid has problems of its own and is compared with nothing."""
    result = idnumber.check(id_number, today) if id_number else None
    if result is None or result.code:
        return []
    problems = []
    if birth_date and result.birth_date != birth_date:
        problems.append(
            FieldProblem("birth_date", "id_birth_mismatch", {"id_birth": str(result.birth_date)})
        )
    if sex in vocab.SEXES and result.sex != sex:
        problems.append(FieldProblem("sex", "id_sex_mismatch", {"id_sex": str(result.sex)}))
    return problems


def phone_ok(phone: str) -> bool:
    return bool(_PHONE.match(phone))


def _member_problems(i: int, member: FamilyMember, today: date) -> list[FieldProblem]:
    prefix = f"members[{i}]"
    problems = []
    if not member.name.strip():
        problems.append(FieldProblem(f"{prefix}.name", "member_name_missing"))
    # A file of an earlier version keeps its 祖父/外祖父 until someone says which side.
    if member.relation not in vocab.RELATIONS + vocab.OLD_RELATIONS:
        problems.append(FieldProblem(f"{prefix}.relation", "unknown_value"))
    if member.situation not in vocab.SITUATIONS:
        problems.append(FieldProblem(f"{prefix}.situation", "unknown_value"))
    if member.id_number:
        code = idnumber.check(member.id_number, today).code
        if code:
            problems.append(FieldProblem(f"{prefix}.id_number", code))
    if member.phone and not phone_ok(member.phone):
        problems.append(FieldProblem(f"{prefix}.phone", "phone_invalid"))
    if member.entrust_signed_on and member.entrust_signed_on > today:
        problems.append(FieldProblem(f"{prefix}.entrust_signed_on", "future_date"))
    if member.left_on and member.left_on > today:
        problems.append(FieldProblem(f"{prefix}.left_on", "future_date"))
    return problems


def codes_ok(allowed: tuple[str, ...], text: str) -> bool:
    """A multiple choice as stored: codes of `allowed` joined by commas, each once; "" is none."""
    codes = text.split(",") if text else []
    return len(set(codes)) == len(codes) and all(c in allowed for c in codes)


def text_ok(text: str) -> bool:
    """The text holds only characters a person can type and read."""
    return _HIDDEN.search(text) is None


def date_ok(day: date) -> bool:
    return EARLIEST <= day <= LATEST


def name_ok(text: str) -> bool:
    """A child's name as the form takes it: not blank, at most 40 characters, readable."""
    return bool(text.strip()) and len(text) <= 40 and text_ok(text)


def id_number_ok(text: str, today: date | None = None) -> bool:
    """An ID number as the form and the ledger keep it: none, or one that passes its checks
    (an old 15-digit number is kept, flagged)."""
    return not text or idnumber.check(text, today).code in (None, "id_old_15")


def timestamp_ok(text: str) -> bool:
    """A moment as the program writes it (ISO, to the second), on a day a file may hold."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return False
    return len(text) <= 32 and date_ok(moment.date())


def findings_ok(text: str) -> bool:
    """A visit's findings as stored: a JSON object of finding areas to readable text."""
    try:
        found = json.loads(text)
    except ValueError:
        return False
    return isinstance(found, dict) and all(
        area in FINDING_AREAS and isinstance(said, str) and text_ok(said)
        for area, said in found.items()
    )


def read_findings(text: Any) -> dict[str, str]:
    """A visit's findings for display, whatever an older version stored: what is not an object
    of texts is shown as the text it is, under the area "" (the form's notes)."""
    try:
        found = json.loads(text or "{}")
    except (TypeError, ValueError):
        return {"": str(text)}
    if not isinstance(found, dict):
        return {"": str(text)}
    return {str(area): said if isinstance(said, str) else str(said) for area, said in found.items()}
