"""A made-up county and a department's list drawn from it with the truth known: how well the
matcher does (precision and recall) is measured on it by the tests and the benchmark.

The county's children have common surnames and given names, twins (one birth date, names a
character apart, their own ID numbers) and namesakes in other villages. The list names some of
them as a department writes them: a character replaced by one of the same sound (晓/小, 红/宏),
two characters swapped, spaces in a name, full-width digits, an ID number missing or a digit of
it wrong, a birth date a digit off or its day and month swapped. It also names children who are
not registered, some much like registered ones: brothers and sisters, twins not registered, a
namesake born another day.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..domain import idnumber
from .match import Match
from .people import Person
from .similar import date_digits, near_dates

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁"
)
# Characters of given names, by sound: the first of each is the commonest, and a list may write
# any of the others for it.
SOUNDS = (
    "晓小筱",
    "红宏鸿",
    "伟玮炜",
    "明鸣铭",
    "华桦骅",
    "丽莉俐",
    "军君钧",
    "杰洁婕",
    "静晶婧",
    "芳方舫",
    "文雯闻",
    "思斯丝",
    "宇雨羽语",
    "欣新馨",
    "婷亭庭",
    "俊骏峻",
    "涵含晗",
    "梓子紫",
    "佳嘉家",
    "怡宜仪",
    "浩昊皓",
    "轩萱宣",
    "磊蕾雷",
    "洋阳扬",
    "勇永咏",
    "志智芝",
    "英瑛莹",
    "敏民珉",
    "娟涓鹃",
    "雅亚娅",
    "梦孟蒙",
    "诗师施",
    "晨辰臣",
    "凯恺铠",
    "琳林霖",
    "辉晖徽",
    "慧惠蕙",
    "鹏朋",
    "飞菲非",
)
_SOUND_OF = {char: group for group in SOUNDS for char in group}
FIRST = date(2008, 1, 1)
DAYS = 18 * 365
ELSEWHERE = "441402"
_WIDE = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


@dataclass(frozen=True)
class SampleList:
    """A list's rows, and the child each row of a registered child names (by key)."""

    rows: list[Person]
    truth: dict[str, str]


def sample_county(
    size: int, seed: int = 1, county: str = "441481", villages: int = 40
) -> list[Person]:
    """`size` children of `villages` villages of the county, with twins and namesakes."""
    rng = random.Random(seed)
    codes = [f"{county}{100 + i // 10:03d}{200 + i % 10:03d}" for i in range(villages)]
    serials: dict[date, int] = {}
    children: list[Person] = []

    def add(name: str, born: date, sex: str, village: str, with_number: bool = True) -> Person:
        serial = serials[born] = serials.get(born, 0) + 1
        number = idnumber.make(county, born, serial, sex) if with_number else ""
        child = Person(f"c{len(children):06d}", name, number, born, sex, village)
        children.append(child)
        return child

    while len(children) < size:
        child = add(
            _name(rng),
            FIRST + timedelta(days=rng.randrange(DAYS)),
            rng.choice(("male", "female")),
            rng.choice(codes),
            with_number=rng.random() > 0.04,  # no hukou yet, or not known
        )
        draw = rng.random()
        if draw < 0.03:  # a twin, with a name a sound apart
            add(_twin_name(rng, child.name), child.birth_date, _sex(rng), child.village_code)
        elif draw < 0.05:  # a namesake elsewhere, born another day
            other = rng.choice([c for c in codes if c != child.village_code])
            add(child.name, _other_day(rng, child.birth_date), _sex(rng), other)
        elif draw < 0.055:  # a namesake elsewhere born the same day: only a number tells them
            other = rng.choice([c for c in codes if c != child.village_code])
            add(child.name, child.birth_date, child.sex, other)
    return children[:size]


def sample_list(children: list[Person], size: int, seed: int = 2) -> SampleList:
    """A department's list of `size` rows: four in five name registered children, as written
    with a department's mistakes; the others name children not registered."""
    rng = random.Random(seed)
    registered = rng.sample(children, min(len(children), size * 4 // 5))
    rows: list[Person] = []
    truth: dict[str, str] = {}
    for child in registered:
        key = str(len(rows) + 2)  # line numbers: the header is line 1
        rows.append(_as_written(rng, replace(child, key=key)))
        truth[key] = child.key
    serial = 400
    while len(rows) < size:
        serial += 1
        rows.append(_unregistered(rng, rng.choice(children), str(len(rows) + 2), serial))
    order = list(range(len(rows)))
    rng.shuffle(order)
    return SampleList([rows[i] for i in order], truth)


def precision_recall(found: Mapping[str, Match], truth: Mapping[str, str]) -> tuple[float, float]:
    """Of the rows matched, the share matched to the right child; of the rows naming a
    registered child, the share matched to it."""
    right = sum(1 for row, match in found.items() if truth.get(row) == match.child)
    return right / max(len(found), 1), right / max(len(truth), 1)


def _name(rng: random.Random) -> str:
    given = "".join(_given_char(rng) for _ in range(rng.choice((1, 2, 2, 2))))
    return rng.choice(SURNAMES) + given


def _given_char(rng: random.Random) -> str:
    group = rng.choice(SOUNDS)
    return group[0] if rng.random() < 0.7 else rng.choice(group)


def _twin_name(rng: random.Random, name: str) -> str:
    """A name with one given character replaced by one of another sound."""
    i = rng.randrange(1, len(name))
    sound = _SOUND_OF.get(name[i], "")
    other = rng.choice([g for g in SOUNDS if g != sound])[0]
    return name[:i] + other + name[i + 1 :]


def _sex(rng: random.Random) -> str:
    return rng.choice(("male", "female"))


def _other_day(rng: random.Random, born: date) -> date:
    """Another birth date, not one a mistyped `born` could be."""
    while True:
        other = FIRST + timedelta(days=rng.randrange(DAYS))
        if other != born and other not in near_dates(born):
            return other


def _as_written(rng: random.Random, child: Person) -> Person:
    """A registered child's row with a department's mistakes (one or two of them)."""
    name, number, born = child.name, child.id_number, child.birth_date
    draw = rng.random()
    if draw < 0.08:
        name = _same_sound(rng, name)
    elif draw < 0.12 and len(name) == 3:
        name = name[0] + name[2] + name[1]
    elif draw < 0.17:
        cut = rng.randrange(1, len(name))
        name = name[:cut] + rng.choice(" \u3000") + name[cut:]
    draw = rng.random()
    if number and draw < 0.25:
        number = ""
    elif number and draw < 0.33:
        i = rng.randrange(17)
        number = (
            number[:i] + rng.choice([d for d in "0123456789" if d != number[i]]) + number[i + 1 :]
        )
    elif number and draw < 0.43:
        number = number.translate(_WIDE)
    elif number and draw < 0.48:
        number = f"{number[:6]} {number[6:14]} {number[14:]}".replace("X", "x")
    draw = rng.random()
    if draw < 0.08:
        born = rng.choice(_one_digit_off(born))
    elif draw < 0.11 and born.day <= 12 and born.day != born.month:
        born = date(born.year, born.day, born.month)
    elif draw < 0.2 and number:
        born = None  # the number says it
    sex = child.sex if rng.random() < 0.6 else ""
    village = child.village_code if rng.random() < 0.5 else ""
    return Person(child.key, name, number, born, sex, village)


def _same_sound(rng: random.Random, name: str) -> str:
    places = [i for i in range(1, len(name)) if len(_SOUND_OF.get(name[i], "")) > 1]
    if not places:
        return name
    i = rng.choice(places)
    other = rng.choice([c for c in _SOUND_OF[name[i]] if c != name[i]])
    return name[:i] + other + name[i + 1 :]


def _one_digit_off(born: date) -> list[date]:
    text = date_digits(born)
    return [
        d
        for d in sorted(near_dates(born))  # in order: the same list for the same seed
        if sum(a != b for a, b in zip(date_digits(d), text, strict=True)) == 1
    ]


def _unregistered(rng: random.Random, like: Person, key: str, serial: int) -> Person:
    """A child not registered: a stranger, or someone much like a registered child."""
    draw = rng.random()
    sex = _sex(rng)
    born = like.birth_date
    if draw < 0.3:  # a brother or sister: the surname, the village, another birth date
        name, born = like.name[0] + _name(rng)[1:], _other_day(rng, like.birth_date)
    elif draw < 0.5:  # a namesake born another day
        name, born = like.name, _other_day(rng, like.birth_date)
    elif draw < 0.65:  # a twin not registered
        name = _twin_name(rng, like.name)
    else:
        name, born = _name(rng), FIRST + timedelta(days=rng.randrange(DAYS))
    # Born elsewhere (their numbers never those of the county's children), or without a number.
    number = idnumber.make(ELSEWHERE, born, serial, sex) if rng.random() < 0.6 else ""
    village = like.village_code if rng.random() < 0.5 else ""
    return Person(key, name, number, born, sex if rng.random() < 0.6 else "", village)
