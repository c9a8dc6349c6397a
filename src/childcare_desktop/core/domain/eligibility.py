"""Which categories the facts of a child's file support, and why, in the law's words.

A category is judged only where the file holds the facts that decide it; where they are missing
(no parents on file, no disability grade) the facts say nothing and the officer's choice stands.

Sources:
- 孤儿: 《国务院办公厅关于加强孤儿保障工作的意见》(国办发〔2010〕54号): a minor who has lost
  both parents (dead, or declared missing by a court).
- 事实无人抚养儿童: 民发〔2019〕62号 二, as widened by 民发〔2020〕125号: both parents 重残, 重病,
  服刑在押, 强制隔离戒毒, under another measure restricting personal liberty, 失联, stripped of
  guardianship or deported; or one parent dead or declared missing and the other so.
- 农村留守儿童: 国发〔2016〕13号 一: both parents working away, or one away and the other without
  the capacity to be a guardian; a child of the countryside, so one with a hukou (the age is
  `categories.AGE_LIMIT`'s). 民发〔2016〕42号 (《关于开展农村留守儿童摸底排查工作的通知》) says
  whom it counts: "不满十六周岁农村户籍未成年人", so a 非农业 hukou (户籍性质 on its 附件1
  登记表's successors) is no rural left-behind child; 居民, the unified hukou, leaves it to the
  place. Neither text sets a time away; provinces' 困境儿童信息登记表 write "父母双方在外打工
  半年以上", and the program holds parents to 6 months when the date they left (外出时间) is on
  file.
- 重残: 民发〔2019〕62号 二: disability of grade 1 or 2, or of grade 3 or 4 when mental or
  intellectual.
- 重病: 民发〔2019〕62号 leaves which illnesses to local rules; the file says only whether the
  child is ill.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from .child import Child, FamilyMember
from .vocab import PARENT_UNABLE

# Dead, or declared missing by a court (宣告失踪): a parent the child has lost.
GONE = frozenset({"dead", "disappeared"})
_GRADE = re.compile(r"([1-4一二三四])")
_GRADES = {"1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4}
_MIND = ("精神", "智力")


@dataclass(frozen=True)
class Verdict:
    """What the facts say of one category: `reason` is a `category_fact` words code."""

    code: str
    supported: bool
    reason: str


def assess(child: Child, today: date | None = None) -> dict[str, Verdict]:
    """The categories the facts decide on `today`, each with its verdict; the others are absent."""
    parents = _parents(child.members)
    found = [
        _orphan(parents),
        _unsupported(parents),
        _left_behind(child, parents, today or date.today()),
        _severe_disability(child),
        _serious_illness(child),
    ]
    return {v.code: v for v in found if v is not None}


def contradicted(child: Child, codes, today: date | None = None) -> list[Verdict]:
    """The verdicts against `codes` (in their order)."""
    verdicts = assess(child, today)
    return [verdicts[c] for c in codes if c in verdicts and not verdicts[c].supported]


def _parents(members: tuple[FamilyMember, ...]) -> tuple[FamilyMember | None, FamilyMember | None]:
    first = {}
    for m in members:
        if m.relation in ("father", "mother"):
            first.setdefault(m.relation, m)
    return first.get("father"), first.get("mother")


def _can_care(m: FamilyMember) -> bool:
    return m.situation in ("home", "migrant") and m.guardian_capable


def _unable(m: FamilyMember) -> bool:
    """Without the capacity to be a guardian: in a situation the law lists, or so assessed."""
    return m.situation in PARENT_UNABLE or m.situation in GONE or not m.guardian_capable


def _orphan(parents) -> Verdict | None:
    known = [p for p in parents if p is not None]
    if any(p.situation not in GONE for p in known):
        return Verdict("orphan", False, "a_parent_living")
    if len(known) == 2:
        return Verdict("orphan", True, "parents_gone")
    return None


def _unsupported(parents) -> Verdict | None:
    known = [p for p in parents if p is not None]
    if any(_can_care(p) for p in known):
        return Verdict("de_facto_unsupported", False, "a_parent_can_care")
    if len(known) < 2:
        return None
    father, mother = known
    if father.situation in GONE and mother.situation in GONE:
        return Verdict("de_facto_unsupported", False, "parents_gone_orphan")
    situations = {father.situation, mother.situation}
    if situations <= PARENT_UNABLE | GONE:
        return Verdict("de_facto_unsupported", True, "parents_unable")
    return None  # a parent 其他 (改嫁, 离家): the file does not say which situation


def _left_behind(child: Child, parents, today: date) -> Verdict | None:
    if not child.hukou_registered:
        return Verdict("left_behind", False, "no_hukou")
    if child.hukou_type == "non_agricultural":
        return Verdict("left_behind", False, "not_rural_hukou")
    known = [p for p in parents if p is not None]
    if any(p.situation == "home" and p.guardian_capable for p in known):
        return Verdict("left_behind", False, "a_parent_at_home")
    if len(known) < 2:
        return None
    away = [p.situation == "migrant" for p in known]
    if not any(away):
        return Verdict("left_behind", False, "no_parent_away")
    if all(away) or all(_unable(p) for p, a in zip(known, away, strict=True) if not a):
        since = _half_year_before(today)
        if any(p.left_on and p.left_on > since for p, a in zip(known, away, strict=True) if a):
            return Verdict("left_behind", False, "away_under_half_year")
        return Verdict("left_behind", True, "parents_away")
    return None


def _half_year_before(day: date) -> date:
    """The day 6 calendar months before `day` (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - 6, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def _severe_disability(child: Child) -> Verdict | None:
    """Judged on a disability's grade; a file that says 健康 may only never have been filled."""
    severe = severe_by_grade(child)
    if severe is None:
        return None
    if severe:
        return Verdict("severe_disability", True, "grade_severe")
    return Verdict("severe_disability", False, "grade_not_severe")


def severe_by_grade(child) -> bool | None:
    """Whether the disability the file writes is 重残 (grade 1 or 2, or 3 or 4 when mental or
    intellectual); None where the file writes no disability with a grade. `child`: a `Child`
    or anything with its health, disability_type and disability_grade."""
    grade = disability_grade(child.disability_grade) if child.health == "disabled" else None
    if grade is None:
        return None
    return grade <= 2 or any(word in child.disability_type for word in _MIND)


def _serious_illness(child: Child) -> Verdict | None:
    return Verdict("serious_illness", True, "ill") if child.health == "ill" else None


def disability_grade(text: str) -> int | None:
    """一级, 2级, 三 …: the first grade written; None when none is."""
    match = _GRADE.search(text or "")
    return _GRADES[match.group(1)] if match else None
