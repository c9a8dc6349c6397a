"""What a department's row says that a registered child's file does not, or contradicts.

Each finding names the field (or "categories") it may change, the list's value and the file's, as
codes. A difference is news the file lacks (a parent now dead, a certificate of grade 1, a child
out of school, a 低保 family); a contradiction is the file saying something the list denies (the
sex or birth date, 在读 for a child filed as a dropout, 孤儿 with a living parent on file, a
category the list says does not hold). Nothing is changed here: a person decides each finding.

For "categories" the list's value is the category the list supports (to add) and the file's the
one it denies (to end); one of the two is empty.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

from ...words import ZH, label, message
from ..domain.child import Child, FamilyMember
from ..domain.eligibility import GONE, contradicted, disability_grade, severe_by_grade
from ..domain.vocab import PARENT_UNABLE
from ..matching import Person

DIFFERENCE, CONTRADICTION = "difference", "contradiction"
OUT_OF_SCHOOL = frozenset({"dropout", "not_enrolled", "not_in_school"})
# The category a civil-affairs list's 保障类型 supports, and the assistance it is.
_ASSISTED_CATEGORY = {"dibao": "poor_family", "tekun": "poor_family", "orphan": "orphan",
                      "de_facto_unsupported": "de_facto_unsupported"}  # fmt: skip
_ASSISTANCE = ("dibao", "tekun")
_CLOSED_BY = {"dead": "died", "cancelled": "moved_away", "moved_out": "moved_away"}
# The words a grade is written in a file, as ledgers write them.
GRADE_WORDS = {"1": "一级", "2": "二级", "3": "三级", "4": "四级"}
_LABELLED = {  # the vocabulary a field's values are codes of
    "sex": "sex",
    "schooling": "schooling",
    "status": "close_reason",
    "father.situation": "situation",
    "mother.situation": "situation",
    "assistance": "assistance",
    "categories": "category",
}
_LIST_WORDS = ("living", "in_school", "yes", "no")


def value_words(field: str, value: str, lang: str = ZH) -> str:
    """A finding's value as a person reads it: a code in words, a disability as 肢体 一级."""
    if not value:
        return ""
    if field == "disability":
        kind, _, grade = value.partition(":")
        return " ".join(filter(None, (kind, GRADE_WORDS.get(grade, ""))))
    if field in _LABELLED and value not in ("living", "in_school"):
        return label(_LABELLED[field], value, lang)
    if value in _LIST_WORDS:
        return label("list_value", value, lang)
    return value


def list_words(field: str, list_value: str, file_value: str, lang: str = ZH) -> str:
    """What the list says of a finding, in words; of a category it denies (留守: 否 against a
    file holding 农村留守儿童), that it is not that category, where the value is empty."""
    if field == "categories" and not list_value and file_value:
        return message("list_denies_category", lang, category=file_value)
    return value_words(field, list_value, lang)


@dataclass(frozen=True)
class Finding:
    kind: str  # DIFFERENCE | CONTRADICTION
    field: str  # "sex", "schooling", "father.situation", "categories", "status" …
    list_value: str
    file_value: str


def findings(person: Person, facts: Mapping[str, str], child: Child, today: date) -> list[Finding]:
    """What the row (`person` and `facts`) says against `child`'s file, in a stable order."""
    return [
        *_identity(person, child),
        *_schooling(facts, child),
        *_household(facts, child),
        *_parents(facts, child),
        *_disability(facts, child),
        *_assistance(facts, child, today),
        *_categories(facts, child, today),
        *_ruling(facts, child),
    ]


def _identity(person: Person, child: Child) -> Iterator[Finding]:
    if person.sex and child.sex and person.sex != child.sex:
        yield Finding(CONTRADICTION, "sex", person.sex, child.sex)
    born = person.birth_date
    if born and child.birth_date and born != child.birth_date:
        yield Finding(CONTRADICTION, "birth_date", born.isoformat(), child.birth_date.isoformat())


def _schooling(facts: Mapping[str, str], child: Child) -> Iterator[Finding]:
    said = facts.get("schooling", "")
    filed_out = child.schooling in OUT_OF_SCHOOL
    if said in OUT_OF_SCHOOL and said != child.schooling:
        yield Finding(DIFFERENCE, "schooling", said, child.schooling)
    elif said and said not in OUT_OF_SCHOOL and filed_out:
        level = school_level(facts) if said == "in_school" else said
        yield Finding(CONTRADICTION, "schooling", level, child.schooling)
    elif said not in ("", "in_school") and said != child.schooling:
        yield Finding(DIFFERENCE, "schooling", said, child.schooling)
    school = facts.get("school", "")
    if school and school != child.school:
        yield Finding(DIFFERENCE, "school", school, child.school)
    boarding = facts.get("boarding", "")
    if boarding == "yes" and not child.boarding:
        yield Finding(DIFFERENCE, "boarding", "yes", "no")
    elif boarding == "no" and child.boarding:
        yield Finding(CONTRADICTION, "boarding", "no", "yes")


# The level a roll's 年级 or a school's name says (初二, 高一, 职高 …), the most specific first.
_LEVEL_WORDS = (("幼", "kindergarten"), ("小学", "primary"), ("职", "vocational"),
                ("中专", "vocational"), ("技", "vocational"), ("高", "senior"), ("初", "junior"),
                ("七年级", "junior"), ("八年级", "junior"), ("九年级", "junior"),
                ("年级", "primary"))  # fmt: skip


def school_level(facts: Mapping[str, str]) -> str:
    """The level of a child a roll says is 在读: from its 年级, else its school, else primary."""
    for said in (facts.get("grade", ""), facts.get("school", "")):
        level = next((level for word, level in _LEVEL_WORDS if word in said), "")
        if level:
            return level
    return "primary"


def _household(facts: Mapping[str, str], child: Child) -> Iterator[Finding]:
    closed_as = _CLOSED_BY.get(facts.get("hukou_status", ""))
    if closed_as and child.status == "active":
        yield Finding(DIFFERENCE, "status", closed_as, child.status)
    no_hukou = facts.get("no_hukou", "")
    if no_hukou == "yes" and child.hukou_registered:
        yield Finding(DIFFERENCE, "hukou_registered", "no", "yes")
    elif no_hukou == "no" and not child.hukou_registered:
        yield Finding(CONTRADICTION, "hukou_registered", "yes", "no")


def parent(child: Child, relation: str) -> FamilyMember | None:
    return next((m for m in child.members if m.relation == relation), None)


def _parents(facts: Mapping[str, str], child: Child) -> Iterator[Finding]:
    for relation in ("father", "mother"):
        said = facts.get(f"{relation}.situation", "")
        member = parent(child, relation)
        filed = member.situation if member else ""
        if not said or said == filed:
            continue
        if said == "living":
            if filed in GONE or filed in PARENT_UNABLE:
                yield Finding(CONTRADICTION, f"{relation}.situation", said, filed)
        elif said != "migrant" or filed != "home":  # 外出 on a list: where they work is not news
            yield Finding(DIFFERENCE, f"{relation}.situation", said, filed)


def disability_text(kind: str, grade: str) -> str:
    """The list's disability as the file writes it: 肢体 and 1 → "肢体残疾", "一级"."""
    return " ".join(filter(None, (f"{kind}残疾" if kind else "", GRADE_WORDS.get(grade, ""))))


def _disability(facts: Mapping[str, str], child: Child) -> Iterator[Finding]:
    """A certificate the file does not know, or of another kind or grade: the list's value is
    "kind:grade" (either may be empty), the file's its type and grade as written."""
    kind, grade = facts.get("disability_type", ""), facts.get("disability_grade", "")
    if not (kind or grade or facts.get("disability_cert")):
        return
    disabled = child.health == "disabled"
    same_kind = not kind or kind in child.disability_type
    same_grade = not grade or disability_grade(child.disability_grade) == int(grade)
    if disabled and same_kind and same_grade:
        return
    filed = " ".join(filter(None, (child.disability_type, child.disability_grade)))
    yield Finding(DIFFERENCE, "disability", f"{kind}:{grade}", filed if disabled else "")


def _assistance(facts: Mapping[str, str], child: Child, today: date) -> Iterator[Finding]:
    kind = facts.get("assistance", "")
    if kind not in _ASSISTANCE:
        return
    held = any(a.kind == kind and (a.end is None or a.end > today) for a in child.assistance)
    if not held:
        yield Finding(DIFFERENCE, "assistance", kind, "")


def _categories(facts: Mapping[str, str], child: Child, today: date) -> Iterator[Finding]:
    held = {s.code for s in child.categories if s.holds_on(today)}
    supported = []
    if facts.get("left_behind") == "yes":
        supported.append("left_behind")
    elif facts.get("left_behind") == "no" and "left_behind" in held:
        yield Finding(CONTRADICTION, "categories", "", "left_behind")
    if facts.get("assistance") in _ASSISTED_CATEGORY:
        supported.append(_ASSISTED_CATEGORY[facts["assistance"]])
    grade = facts.get("disability_grade", "")
    if grade:
        named = SimpleNamespace(
            health="disabled",
            disability_type=facts.get("disability_type", "") or child.disability_type,
            disability_grade=grade,
        )
        if severe_by_grade(named) and "severe_disability" not in held:
            # The certificate is the fact: what the file says of a disability is older.
            yield Finding(DIFFERENCE, "categories", "severe_disability", "")
    for code in dict.fromkeys(supported):
        if code not in held:
            against = contradicted(child, [code], today)  # 孤儿 with a living parent on file
            yield Finding(CONTRADICTION if against else DIFFERENCE, "categories", code, "")


def _ruling(facts: Mapping[str, str], child: Child) -> Iterator[Finding]:
    ruling = facts.get("ruling", "")
    if ruling == "revoked":
        whom = facts.get("ruling_whom", "both")
        for relation in ("father", "mother") if whom == "both" else (whom,):
            member = parent(child, relation)
            filed = member.situation if member else ""
            if filed != "guardianship_revoked":
                yield Finding(DIFFERENCE, f"{relation}.situation", "guardianship_revoked", filed)
    guardian = facts.get("guardian_name", "")
    if guardian and not any(m.name == guardian for m in child.members):
        yield Finding(DIFFERENCE, "carer", guardian, "")
