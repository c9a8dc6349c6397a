"""The situations a child's file shows that the law asks a children's director to act on at
once (强制报告): the program raises them to be confirmed by a person, never records a concern
by itself.

Sources:
- 《中华人民共和国未成年人保护法》(2020) 第二十一条: parents or other guardians may not leave a
  child under 8 (or one who needs special care) without anyone looking after them, nor let a
  child under 16 live alone away from guardianship.
- 《关于建立侵害未成年人案件强制报告制度的意见（试行）》(2020) 第四条（六）: a minor abandoned or
  left for a long time with no one to look after them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .categories import age_on
from .child import FamilyMember
from .vocab import GRANDPARENTS

UNATTENDED_BELOW = 8  # 未保法 §21 ¶1
ALONE_BELOW = 16  # 未保法 §21 ¶2
ADULTHOOD = 18
# Whose presence at home counts as someone looking after the child: a brother or sister is a
# child too, as far as the file knows.
_CARERS = frozenset({"father", "mother", *GRANDPARENTS, "carer", "other"})


@dataclass(frozen=True)
class Reportable:
    """A situation the facts show: the concern kind to record and why (a code of `words`)."""

    kind: str
    reason: str


def reportable(
    born: date | None,
    guardianship: str,
    members: Iterable[FamilyMember],
    today: date,
) -> Reportable | None:
    """What the facts of an active child's file ask a person to confirm, if anything.

    "No one at home" needs a family on file: a father and a mother both recorded, and none of
    the parents, grandparents or carers at home and able to care. A file that names nobody
    says nothing about who is at home.
    """
    if born is None or born > today:
        return None
    age = age_on(born, today)
    if age >= ADULTHOOD:
        return None
    members = list(members)
    relations = {m.relation for m in members}
    nobody_home = {"father", "mother"} <= relations and not any(
        m.relation in _CARERS and m.situation == "home" and m.guardian_capable for m in members
    )
    unguarded = guardianship == "none"
    if not (unguarded or nobody_home):
        return None
    reason = "assessed_unguarded" if unguarded else "nobody_at_home"
    if age < UNATTENDED_BELOW:
        return Reportable("unattended", reason)
    if age < ALONE_BELOW:
        return Reportable("alone", reason)
    return Reportable("abandoned", reason) if unguarded else None
