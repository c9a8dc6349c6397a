"""The child's file (一人一档) as plain frozen records: the child, family and carers, assistance."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from datetime import date

from .categories import CategorySpan

# The variant's hex digit: its two high bits are 10 (RFC 4122).
_VARIANT = str.maketrans("0123456789abcdef", "89ab89ab89ab89ab")


def new_uuid() -> str:
    """A random (version 4) UUID as canonical text, as str(uuid.uuid4()) gives it but written
    straight from the random bytes: an import makes one for every child, parent and visit, and
    the UUID object's conversions cost more than the randomness."""
    h = os.urandom(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{h[16].translate(_VARIANT)}{h[17:20]}-{h[20:]}"


@dataclass(frozen=True)
class FamilyMember:
    """A parent, grandparent, entrusted carer (委托照护人) or other person in the child's life."""

    relation: str
    name: str
    uuid: str = field(default_factory=new_uuid)
    id_number: str = ""
    birth_date: date | None = None
    phone: str = ""
    work_place: str = ""
    situation: str = "home"
    guardian_capable: bool = True
    entrust_signed: bool = False
    entrust_signed_on: date | None = None
    # The 2016 登记表 (民发〔2016〕42号 附件1) asks the carer's 与被监护人关系 in words (舅舅)
    # and 居住地地址; the date a parent left (外出时间) says how long the child has been left.
    kinship: str = ""
    address: str = ""
    left_on: date | None = None


@dataclass(frozen=True)
class Assistance:
    """Assistance received (低保, 孤儿基本生活费 …), in yuan per month, over a period."""

    kind: str
    uuid: str = field(default_factory=new_uuid)
    amount_month: float = 0.0
    start: date | None = None
    end: date | None = None
    note: str = ""


@dataclass(frozen=True)
class Child:
    """One child's file. `uuid` is the key; the ID number is a checked attribute, never the key."""

    name: str
    sex: str
    birth_date: date | None
    village_code: str
    uuid: str = field(default_factory=new_uuid)
    ethnicity: str = "汉族"
    id_number: str = ""
    no_id_reason: str = ""
    hukou_registered: bool = True
    hukou_place: str = ""
    hukou_type: str = ""  # vocab.HUKOU_TYPES; "" = not given
    current_address: str = ""
    health: str = "healthy"
    disability_type: str = ""
    disability_grade: str = ""
    illness: str = ""
    schooling: str = "primary"
    school: str = ""
    boarding: bool = False
    guardianship: str = ""  # "" = not yet assessed
    risk_override: str = ""
    risk_override_reason: str = ""
    consent_on: date | None = None
    consent_by: str = ""
    status: str = "active"
    close_reason: str = ""
    close_note: str = ""
    closed_on: date | None = None
    registered_on: date | None = None
    notes: str = ""
    income_sources: str = ""  # vocab.INCOME_SOURCES codes, comma-separated (可多选)
    # What is still to be completed (待补充): field keys the ledger left out or the program could
    # not read, comma-separated ("health,father.situation"); see domain/completeness.py.
    to_complete: str = ""
    members: tuple[FamilyMember, ...] = ()
    categories: tuple[CategorySpan, ...] = ()
    assistance: tuple[Assistance, ...] = ()

    def with_changes(self, **changes: object) -> Child:
        return replace(self, **changes)


CHILD_FIELDS = tuple(
    f.name for f in fields(Child) if f.name not in ("members", "categories", "assistance")
)
MEMBER_FIELDS = tuple(f.name for f in fields(FamilyMember))
ASSISTANCE_FIELDS = tuple(f.name for f in fields(Assistance))
