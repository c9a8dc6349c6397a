"""Realistic synthetic children for screenshots, benchmarks and tests (`childcare demo`).

Names, families and situations are made up; ID numbers are valid for the station's county.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import insert, select

from ..domain import idnumber
from ..domain.categories import CategorySpan
from ..domain.child import Child, FamilyMember
from ..domain.visit import MODES, Visit
from ..storage import children_repo, settings, visits_repo
from ..storage import tables as t
from ..storage.changes import ChangeWriter
from ..storage.store import Store
from .station import station_info

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁"
)
GIVEN = "小子梓浩宇轩涵欣怡佳雨思若晨明俊杰文博嘉一诗语梦雅婷伟强磊洋勇军志红秀英丽华芳娟敏静"
VILLAGE_NAMES = (
    "新陂村",
    "上坪村",
    "下围村",
    "石门村",
    "龙岗村",
    "黄泥村",
    "桥头村",
    "大塘村",
    "坪山村",
    "河背村",
    "松林村",
    "高岭村",
    "田心村",
    "凤岭村",
    "水口村",
    "白石村",
)
TOWN_NAMES = ("城关镇", "南岭镇", "石坑镇", "大坪镇", "河口镇", "东山乡", "西湖乡", "北岗镇")
PROVINCES = (
    "广东省广州市",
    "广东省深圳市",
    "广东省东莞市",
    "浙江省杭州市",
    "福建省厦门市",
    "江苏省苏州市",
    "上海市",
    "北京市",
)
WEIGHTED_CATEGORIES = (
    ("left_behind", 60),
    ("poor_family", 12),
    ("de_facto_unsupported", 6),
    ("severe_disability", 4),
    ("serious_illness", 4),
    ("orphan", 3),
    ("guardianship_lacking", 3),
    ("floating", 5),
    ("other_distress", 3),
)
GUARDIANSHIP = (("good", 45), ("fair", 38), ("poor", 10), ("none", 2), ("", 5))
BATCH = 2000


def fill_demo(store: Store, count: int, seed: int = 1, today: date | None = None) -> int:
    """Add `count` children (with families, categories and visits) to the store."""
    today = today or date.today()
    rng = random.Random(seed)
    villages = _villages(store, rng)
    made = 0
    with store.write() as conn:
        policy = settings.visit_policy(conn)
        used = set(conn.execute(select(t.child.c.id_number)).scalars())
        writer = ChangeWriter(conn)
        batch: list[Child] = []
        for child in _children(rng, count, villages, today, used):
            batch.append(child)
            if len(batch) == BATCH:
                made += _write(conn, writer, batch, rng, today, policy)
                batch = []
        if batch:
            made += _write(conn, writer, batch, rng, today, policy)
        writer.flush()
    return made


def _write(conn, writer, batch, rng, today, policy) -> int:
    visits = list(_visits(rng, batch, today))
    children_repo.insert_many(conn, writer, batch, today, policy, visits)
    visits_repo.append_many(conn, writer, visits)
    return len(batch)


def _villages(store: Store, rng: random.Random) -> list[tuple[str, str]]:
    """The village codes children belong to: the station itself, or villages below it."""
    info = station_info(store)
    if info.role == "village":
        return [(info.code, info.name)]
    per_town = {"town": [info.code], "county": [f"{info.code}{i:03d}" for i in (100, 101, 102)]}
    villages = []
    for town_index, town in enumerate(per_town[info.role]):
        for i in range(rng.randint(5, 8) if info.role == "town" else 4):
            villages.append((f"{town}{200 + i:03d}", VILLAGE_NAMES[(i + town_index) % 16]))
    with store.write() as conn:
        known = set(conn.execute(select(t.division.c.code)).scalars())
        new = [{"code": c, "name": n} for c, n in villages if c not in known]
        if info.role == "county":
            new += [
                {"code": code, "name": TOWN_NAMES[i]}
                for i, code in enumerate(per_town["county"])
                if code not in known
            ]
        if new:
            conn.execute(insert(t.division), new)
    return villages


def _children(rng, count, villages, today, used) -> Iterator[Child]:
    for _ in range(count):
        code, vname = rng.choice(villages)
        sex = rng.choice(("male", "female"))
        born = today - timedelta(days=rng.randint(365, 17 * 365 + 300))
        surname = rng.choice(SURNAMES)
        name = surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        number, no_id = _id_number(rng, code, born, sex, used)
        cats = _categories(rng, today)
        grade = _weighted(rng, GUARDIANSHIP)
        group = rng.randint(1, 9)
        yield Child(
            name=name,
            sex=sex,
            birth_date=born,
            village_code=code,
            id_number=number,
            no_id_reason=no_id,
            hukou_registered=not no_id,
            hukou_place=f"{vname}{group}组",
            current_address=f"{vname}{group}组{rng.randint(1, 80)}号",
            schooling=_schooling(today.year - born.year, rng),
            school=f"{vname[:2]}中心小学" if 6 <= today.year - born.year <= 12 else "",
            guardianship=grade,
            registered_on=today - timedelta(days=rng.randint(30, 700)),
            consent_on=today - timedelta(days=rng.randint(30, 700)),
            consent_by=f"{surname}{rng.choice(GIVEN)}（祖父）",
            members=_family(rng, surname, cats),
            categories=tuple(
                CategorySpan(c, today - timedelta(days=rng.randint(30, 900))) for c in cats
            ),
        )


def _id_number(rng, code, born, sex, used) -> tuple[str, str]:
    if rng.random() < 0.03:
        return "", "no_hukou"
    for _ in range(50):
        number = idnumber.make(code[:6], born, rng.randint(0, 499), sex)
        if number not in used:
            used.add(number)
            return number, ""
    return "", "unknown"


# Categories a family's parents decide one way: a child is in one of them at most.
_BY_PARENTS = ("orphan", "de_facto_unsupported", "left_behind")


def _categories(rng, today) -> list[str]:
    first = _weighted(rng, WEIGHTED_CATEGORIES)
    cats = [first]
    if rng.random() < 0.15:
        extra = _weighted(rng, WEIGHTED_CATEGORIES)
        if extra not in cats and not (extra in _BY_PARENTS and first in _BY_PARENTS):
            cats.append(extra)
    return cats


def _parents_situations(cats, father: str, mother: str) -> tuple[str, str]:
    """The parents as the children's categories say (the law's rules in `eligibility`): an
    orphan's are dead, a de facto unsupported child's unable to raise them, drawn from what was
    drawn for an ordinary family so that the demo's other draws stay as they were."""
    if "orphan" in cats:
        return "dead", "disappeared" if mother == "missing" else "dead"
    if "de_facto_unsupported" in cats:
        unable = {"home": "imprisoned", "migrant": "drug_rehab", "seriously_ill": "seriously_ill"}
        return unable[father], "missing" if mother == "home" else "dead"
    return father, mother


def _family(rng, surname, cats) -> tuple[FamilyMember, ...]:
    away = "left_behind" in cats
    father_name = surname + rng.choice(GIVEN) + rng.choice(GIVEN)
    father_is = "migrant" if away else rng.choice(("home", "migrant", "seriously_ill"))
    father = FamilyMember(
        "father",
        father_name,
        work_place=rng.choice(PROVINCES) if away else "",
        phone=f"13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
    )
    mother_name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
    mother_is = "migrant" if away else rng.choice(("home", "missing", "home"))
    mother = FamilyMember(
        "mother",
        mother_name,
        work_place=rng.choice(PROVINCES) if away else "",
        phone=f"15{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
    )
    father_is, mother_is = _parents_situations(cats, father_is, mother_is)
    father = replace(father, situation=father_is)
    mother = replace(mother, situation=mother_is)
    carer = FamilyMember(
        "carer",
        surname + rng.choice(GIVEN) + rng.choice(GIVEN),
        situation="home",
        entrust_signed=away,
        phone=f"18{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
    )
    return (father, mother, carer) if away else (father, mother)


def _visits(rng, batch, today) -> list[Visit]:
    visits = []
    for child in batch:
        day = child.registered_on
        for _ in range(rng.randint(0, 6)):
            day = day + timedelta(days=rng.randint(20, 120))
            if day > today:
                break
            visits.append(
                Visit(
                    child.uuid,
                    day,
                    rng.choice(MODES[:4]),
                    visitor="儿童主任",
                    met="祖父母",
                    findings={"living": "居住条件一般", "safety": "无安全隐患"},
                    guardianship=child.guardianship,
                )
            )
    return visits


def _schooling(age: int, rng) -> str:
    if age < 3:
        return "not_enrolled"
    if age < 6:
        return "kindergarten"
    if age < 12:
        return "primary"
    if age < 15:
        return "junior" if rng.random() > 0.03 else "dropout"
    return rng.choice(("senior", "vocational", "not_in_school"))


def _weighted(rng, pairs):
    codes, weights = zip(*pairs, strict=True)
    return rng.choices(codes, weights)[0]
