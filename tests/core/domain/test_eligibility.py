"""Which categories the facts of a file support, each rule with its source: 孤儿 (国办发〔2010〕
54号), 事实无人抚养儿童 (民发〔2019〕62号, 民发〔2020〕125号), 农村留守儿童 (国发〔2016〕13号;
农村户籍 as 民发〔2016〕42号 counts it; 半年以上 as provinces' registration forms write it,
judged only when the date a parent left is on file), 重残 (民发〔2019〕62号); a fact the file
does not hold decides nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from childcare_desktop.core.domain.child import Child, FamilyMember
from childcare_desktop.core.domain.eligibility import Verdict, assess, contradicted


def parents(father: str, mother: str, *, mother_capable: bool = True) -> tuple:
    return (
        FamilyMember("father", "张大山", situation=father),
        FamilyMember("mother", "王秀英", situation=mother, guardian_capable=mother_capable),
    )


def left_on(members: tuple, father: date | None, mother: date | None) -> tuple:
    """`members` (father, mother) with the dates they left home (外出时间)."""
    return tuple(replace(m, left_on=d) for m, d in zip(members, (father, mother), strict=True))


def kid(members=(), **fields) -> Child:
    return Child("张小明", "male", date(2014, 8, 9), "441481103201", members=members, **fields)


TODAY = date(2026, 12, 6)


def verdict(code: str, child: Child) -> tuple[bool, str] | None:
    found = assess(child, TODAY).get(code)
    return None if found is None else (found.supported, found.reason)


@pytest.mark.parametrize(
    ("case", "members", "expected"),
    [
        ("国办发〔2010〕54号: both parents dead", parents("dead", "dead"), (True, "parents_gone")),
        (
            "54号: one dead, one declared missing",
            parents("dead", "disappeared"),
            (True, "parents_gone"),
        ),
        (
            "54号: a mother 失联 is not declared missing",
            parents("dead", "missing"),
            (False, "a_parent_living"),
        ),
        ("54号: a father working away", parents("migrant", "dead"), (False, "a_parent_living")),
        ("54号: only one parent on file, dead", parents("dead", "dead")[:1], None),
        ("54号: no parents on file", (), None),
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_an_orphan_has_lost_both_parents(case, members, expected):
    assert verdict("orphan", kid(members)) == expected, case


UNSUPPORTED = "de_facto_unsupported"


@pytest.mark.parametrize(
    ("case", "members", "expected"),
    [
        ("62号: both in prison", parents("imprisoned", "imprisoned"), (True, "parents_unable")),
        (
            "62号: father dead, mother seriously ill",
            parents("dead", "seriously_ill"),
            (True, "parents_unable"),
        ),
        (
            "62号: father declared missing, mother in rehab",
            parents("disappeared", "drug_rehab"),
            (True, "parents_unable"),
        ),
        ("62号: 失联 and 重残", parents("missing", "severely_disabled"), (True, "parents_unable")),
        (
            "62号: liberty restricted and 失联",
            parents("restricted", "missing"),
            (True, "parents_unable"),
        ),
        (
            "125号: guardianship revoked and deported",
            parents("guardianship_revoked", "deported"),
            (True, "parents_unable"),
        ),
        (
            "62号: both working away and capable",
            parents("migrant", "migrant"),
            (False, "a_parent_can_care"),
        ),
        (
            "62号: father in prison, mother at home",
            parents("imprisoned", "home"),
            (False, "a_parent_can_care"),
        ),
        ("62号: both dead is 孤儿", parents("dead", "dead"), (False, "parents_gone_orphan")),
        ("62号: a mother 改嫁 (其他) says no situation", parents("imprisoned", "other"), None),
        ("62号: one parent on file, in prison", parents("imprisoned", "x")[:1], None),
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_a_child_de_facto_without_support(case, members, expected):
    assert verdict(UNSUPPORTED, kid(members)) == expected, case


@pytest.mark.parametrize(
    ("case", "members", "fields", "expected"),
    [
        (
            "国发〔2016〕13号: both parents away",
            parents("migrant", "migrant"),
            {},
            (True, "parents_away"),
        ),
        (
            "13号: one away, the other seriously ill",
            parents("migrant", "seriously_ill"),
            {},
            (True, "parents_away"),
        ),
        (
            "13号: one away, the other at home without capacity",
            parents("migrant", "home", mother_capable=False),
            {},
            (True, "parents_away"),
        ),
        ("13号: one away, the other dead", parents("migrant", "dead"), {}, (True, "parents_away")),
        ("13号: the mother at home", parents("migrant", "home"), {}, (False, "a_parent_at_home")),
        (
            "13号: only the mother on file, at home",
            parents("x", "home")[1:],
            {},
            (False, "a_parent_at_home"),
        ),
        ("13号: neither away", parents("imprisoned", "dead"), {}, (False, "no_parent_away")),
        (
            "13号: no hukou is not rural left-behind",
            parents("migrant", "migrant"),
            {"hukou_registered": False},
            (False, "no_hukou"),
        ),
        (
            "民发〔2016〕42号: 农村户籍 only; a 非农业 hukou is not rural",
            parents("migrant", "migrant"),
            {"hukou_type": "non_agricultural"},
            (False, "not_rural_hukou"),
        ),
        (
            "42号: 农业 hukou, both away",
            parents("migrant", "migrant"),
            {"hukou_type": "agricultural"},
            (True, "parents_away"),
        ),
        (
            "42号: a 居民 hukou leaves it to the place",
            parents("migrant", "migrant"),
            {"hukou_type": "resident"},
            (True, "parents_away"),
        ),
        (
            "半年以上 (provincial 登记表): the mother left 5 months ago",
            left_on(parents("migrant", "migrant"), None, date(2026, 7, 7)),
            {},
            (False, "away_under_half_year"),
        ),
        (
            "半年以上: both left 6 months ago to the day",
            left_on(parents("migrant", "migrant"), date(2026, 6, 6), date(2026, 6, 6)),
            {},
            (True, "parents_away"),
        ),
        (
            "半年以上: one away 2 months, the other unable",
            left_on(parents("migrant", "seriously_ill"), date(2026, 10, 6), None),
            {},
            (False, "away_under_half_year"),
        ),
        (
            "半年以上: the date left is not on file",
            left_on(parents("migrant", "migrant"), None, None),
            {},
            (True, "parents_away"),
        ),
        ("13号: one away, the other 改嫁 (其他)", parents("migrant", "other"), {}, None),
        ("13号: only the father on file, away", parents("migrant", "x")[:1], {}, None),
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_a_rural_left_behind_child(case, members, fields, expected):
    assert verdict("left_behind", kid(members, **fields)) == expected, case


@pytest.mark.parametrize(
    ("case", "fields", "expected"),
    [
        (
            "民发〔2019〕62号 重残: 一级",
            {"disability_grade": "一级", "disability_type": "肢体"},
            (True, "grade_severe"),
        ),
        (
            "62号 重残: grade 2",
            {"disability_grade": "2级", "disability_type": "视力"},
            (True, "grade_severe"),
        ),
        (
            "62号 重残: 三级智力",
            {"disability_grade": "三级", "disability_type": "智力"},
            (True, "grade_severe"),
        ),
        (
            "62号 重残: 四级精神",
            {"disability_grade": "四级", "disability_type": "精神"},
            (True, "grade_severe"),
        ),
        (
            "62号 重残: 三级肢体 is not",
            {"disability_grade": "三级", "disability_type": "肢体"},
            (False, "grade_not_severe"),
        ),
        ("62号 重残: no grade written", {"disability_grade": "", "disability_type": "肢体"}, None),
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_a_severe_disability_is_judged_on_its_grade(case, fields, expected):
    assert verdict("severe_disability", kid(health="disabled", **fields)) == expected, case


def test_what_the_file_does_not_hold_decides_nothing():
    """健康 may be a form's first choice never changed: it does not deny 重病 or 重残; the other
    categories (流动, 困难家庭, 监护缺失, 其他困境) have no facts in the file to judge."""
    assert verdict("serious_illness", kid(health="ill")) == (True, "ill")
    assert verdict("serious_illness", kid(health="healthy")) is None
    assert verdict("severe_disability", kid(health="healthy")) is None
    judged = set(assess(kid(parents("migrant", "home"), health="disabled")))
    assert judged.isdisjoint({"floating", "poor_family", "guardianship_lacking", "other_distress"})


def test_contradicted_lists_only_the_codes_asked_in_their_order():
    child = kid(parents("migrant", "home"))
    assert contradicted(child, ["poor_family", "left_behind", "orphan"]) == [
        Verdict("left_behind", False, "a_parent_at_home"),
        Verdict("orphan", False, "a_parent_living"),
    ]
