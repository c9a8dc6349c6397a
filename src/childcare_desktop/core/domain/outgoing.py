"""Lists going out to other departments: who each receives, and the fewest columns it acts on.

个人信息保护法 §6 asks that personal information be handled for a clear purpose and only as far
as that purpose needs; §28 makes a minor's information sensitive. Each list below therefore has
one purpose, the children that purpose concerns, and the columns the receiving department needs
to find the child and act; never a child's categories (孤儿, 留守 … say more about a family than
the department needs and mark the child), health beyond what the federation certifies, notes,
visits, concerns, the family's situations, assistance, or children not on the list.

Columns every list has, and why:
- 姓名, 性别, 出生日期: who the child is, as the department's own register knows the child.
- 村（居）: where the child belongs, at a town or county (a village's list is its own village).
- 联系人, 联系电话: one person to call, the carer before a parent (see `contact_of`), rather
  than the whole family with its situations.

The lists:
- education (教育部门): 失学辍学, a child of compulsory school age (6 to 15, 义务教育法 §11) out
  of school (辍学, 未在校, or never enrolled at 6 or more), for 控辍保学. 就学情况 says which;
  学校 is the school last attended, where the child's 学籍 is. No ID number: the school finds
  the 学籍 by name, birth date and school.
- police_hukou (公安派出所): 无户籍, to register the child's hukou (落户). 身份证号 (mostly 无,
  with why) tells a lost registration from none; 现住址 is where the police find the child.
- police_guardianship (公安派出所): 无人监护 (guardianship assessed "none"), for the police to
  see to the child's safety (未成年人保护法 §92–93 with 民政). 身份证号 and 户籍地 identify the
  child in the police's register; 现住址 is where the child is. The category 监护缺失或监护不当
  also holds 监护不当, which is reported as a concern (强制报告), not put on a standing list.
- federation (残联): 重残, a disability of grade 1 or 2, or 3 or 4 when mental or intellectual
  (民发〔2019〕62号), or the category held, for 残疾人证 and 康复救助. 身份证号: the certificate
  is issued on it; 残疾类别 and 残疾等级 are what the federation certifies and acts on, and the
  only health facts that leave.
民政 is the program's own department and needs no list; 卫健 would need the illness itself, which
no rule asks to send, so it has none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date

from .categories import age_on
from .child import Child, FamilyMember
from .eligibility import GONE, severe_by_grade

# Compulsory education: from 6 (义务教育法 §11) for nine years, ages 6 to 15.
SCHOOL_AGE = (6, 16)
OUT_OF_SCHOOL = frozenset({"dropout", "not_in_school"})
# Parents and carers a department cannot reach: dead, missing, detained or sent abroad.
UNREACHABLE = GONE | {"imprisoned", "drug_rehab", "restricted", "missing", "deported"}

NAME, SEX, BIRTH_DATE = "name", "sex", "birth_date"
ID_NUMBER, VILLAGE = "id_number", "village"
HUKOU_PLACE, CURRENT_ADDRESS = "hukou_place", "current_address"
SCHOOLING, SCHOOL = "schooling", "school"
DISABILITY_TYPE, DISABILITY_GRADE = "disability_type", "disability_grade"
CONTACT, CONTACT_PHONE = "contact", "contact_phone"
COLUMNS = (
    NAME,
    SEX,
    BIRTH_DATE,
    ID_NUMBER,
    VILLAGE,
    HUKOU_PLACE,
    CURRENT_ADDRESS,
    SCHOOLING,
    SCHOOL,
    DISABILITY_TYPE,
    DISABILITY_GRADE,
    CONTACT,
    CONTACT_PHONE,
)


@dataclass(frozen=True)
class Facts:
    """What decides the lists a child is on: fields of the file (each a column of the child's
    table, so a county's children are judged without loading their families) and the
    categories in force."""

    birth_date: date | None
    schooling: str
    hukou_registered: bool
    no_id_reason: str
    guardianship: str
    health: str
    disability_type: str
    disability_grade: str
    categories: frozenset[str] = frozenset()

    @classmethod
    def of(cls, child: Child, categories=()) -> Facts:
        return cls(**{f: getattr(child, f) for f in FACT_FIELDS}, categories=frozenset(categories))


FACT_FIELDS = tuple(f.name for f in fields(Facts) if f.name != "categories")


def out_of_school(facts: Facts, today: date) -> bool:
    """失学辍学 at compulsory school age; a child whose birth date is unknown is listed for the
    school to check."""
    age = age_on(facts.birth_date, today) if facts.birth_date else None
    if age is not None and not SCHOOL_AGE[0] <= age < SCHOOL_AGE[1]:
        return False
    return facts.schooling in OUT_OF_SCHOOL or (
        facts.schooling == "not_enrolled" and age is not None
    )


def without_hukou(facts: Facts, today: date) -> bool:
    return not facts.hukou_registered or facts.no_id_reason == "no_hukou"


def without_guardian(facts: Facts, today: date) -> bool:
    return facts.guardianship == "none"


def severely_disabled(facts: Facts, today: date) -> bool:
    return "severe_disability" in facts.categories or bool(severe_by_grade(facts))


@dataclass(frozen=True)
class OutgoingList:
    """One list: `code` (also its words' key), the department receiving it (a `department`
    words code), who is on it, and its columns in order (VILLAGE dropped at a village)."""

    code: str
    department: str
    receives: Callable[[Facts, date], bool]
    columns: tuple[str, ...]

    def columns_at(self, role: str) -> tuple[str, ...]:
        """A village's list is all its own village's: no column repeats the station's name."""
        return tuple(c for c in self.columns if role != "village" or c != VILLAGE)


_WHO = (NAME, SEX, BIRTH_DATE)
_REACH = (CONTACT, CONTACT_PHONE)
LISTS: dict[str, OutgoingList] = {
    lst.code: lst
    for lst in (
        OutgoingList(
            "education",
            "education",
            out_of_school,
            (*_WHO, VILLAGE, SCHOOLING, SCHOOL, *_REACH),
        ),
        OutgoingList(
            "police_hukou",
            "police_station",
            without_hukou,
            (*_WHO, ID_NUMBER, VILLAGE, CURRENT_ADDRESS, *_REACH),
        ),
        OutgoingList(
            "police_guardianship",
            "police_station",
            without_guardian,
            (*_WHO, ID_NUMBER, VILLAGE, HUKOU_PLACE, CURRENT_ADDRESS, *_REACH),
        ),
        OutgoingList(
            "federation",
            "disabled_federation",
            severely_disabled,
            (*_WHO, ID_NUMBER, VILLAGE, DISABILITY_TYPE, DISABILITY_GRADE, *_REACH),
        ),
    )
}
LIST_CODES = tuple(LISTS)


def lists_of(facts: Facts, today: date) -> tuple[str, ...]:
    """The codes of the lists a child is on."""
    return tuple(code for code, lst in LISTS.items() if lst.receives(facts, today))


def contact_of(members: tuple[FamilyMember, ...]) -> FamilyMember | None:
    """The one person a department calls: someone it can reach, one with a phone before one
    without, the carer (委托照护人) before the others, else in the file's order (as the
    program's own contact phone is chosen)."""
    reachable = [m for m in members if m.situation not in UNREACHABLE]
    if not reachable:
        return None
    order = {id(m): i for i, m in enumerate(reachable)}
    return min(reachable, key=lambda m: (not m.phone, m.relation != "carer", order[id(m)]))
