"""What a list's row or a child's file says about who the child is, and the forms compared."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import Connection

from ..domain import idnumber
from ..domain.search import pinyin_syllables
from ..storage import bulk, driver, sealing
from ..storage import tables as t


@dataclass(frozen=True)
class Person:
    """A list's row or a child's file, as far as it tells who the child is."""

    key: str  # the child's uuid, or the list row's line number as text
    name: str
    id_number: str = ""  # as written: the matcher normalises it
    birth_date: date | None = None
    sex: str = ""  # "male" | "female" | ""
    village_code: str = ""


# Spaces of every width, and the dots written between the parts of a name (阿依古丽·买买提).
_SPACES = re.compile(r"\s+")
_DOTS = str.maketrans({"•": "·", "・": "·", "‧": "·", "．": "·", ".": "·"})


@lru_cache(maxsize=65536)
def normal_name(name: str) -> str:
    """A name as compared: full-width letters to ASCII (NFKC), no spaces, one kind of dot,
    Latin letters in lower case."""
    text = unicodedata.normalize("NFKC", name or "")
    return _SPACES.sub("", text).translate(_DOTS).lower()


@lru_cache(maxsize=65536)
def syllables(name: str) -> tuple[str, ...]:
    """The pinyin of a normalised name, a syllable per character (黄晓红 and 黄小红 alike).
    A name of Chinese characters alone is read a character at a time from a table (a county's
    100,000 names in a fraction of a second); a character read otherwise as a surname (曾,
    单) is read so wherever it stands, on both sides alike."""
    if not name or _NOT_HAN.search(name):
        return tuple(pinyin_syllables(name))
    return tuple([_READINGS.get(c) or _reading(c) for c in name])


_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")
_READINGS: dict[str, str] = {}


def _reading(char: str) -> str:
    found = _READINGS[char] = pinyin_syllables(char)[0]
    return found


class Identity(NamedTuple):
    """A person's facts in the forms compared: the ID number normalised and whether it is
    valid; a birth date and sex, from the ID number where the row gives none. (A tuple: a
    county's list and registry make 200,000 of them.)"""

    person: Person
    name: str
    id_number: str
    id_valid: bool
    birth_date: date | None
    sex: str


def identity(person: Person, today: date) -> Identity:
    born, sex, number, valid = person.birth_date, person.sex, "", False
    if person.id_number:
        checked = idnumber.check(person.id_number, today)
        number, valid = checked.normalized, checked.ok and len(checked.normalized) == 18
        if checked.birth_date is not None:
            # A number with a wrong digit mostly still says the birth date, which a mistyped
            # date is compared with anyway; its sex only where it is valid (the digit may be
            # the wrong one).
            born = born or checked.birth_date
            if checked.ok or checked.code == "id_old_15":
                sex = sex or checked.sex or ""
    return Identity(person, normal_name(person.name), number, valid, born, sex)


def children_as_people(conn: Connection, include_closed: bool = False) -> list[Person]:
    """The registry's files as people, in one query through the driver (ID numbers opened
    where a server seals them). Closed files are left out unless asked for: a child who moved
    away or turned 18 is history, and a list naming them is a child to screen again."""
    c = t.child.c
    columns = (c.uuid, c.name, c.id_number, c.birth_date, c.sex, c.village_code)
    sql = 'SELECT uuid, name, id_number, birth_date, sex, village_code FROM "child"'
    if not include_closed:
        sql += " WHERE status = 'active'"
    opened = sealing.openers(columns, conn.dialect)
    dates: dict[str, date] = {}  # a county's children share a few thousand birth dates
    people = []
    with bulk.gc_paused():
        for row in driver.raw(conn).execute(sql + " ORDER BY uuid").fetchall():
            uuid, name, number, born, sex, village = sealing.apply(tuple(row), opened)
            if born:
                born = dates.get(born) or dates.setdefault(born, date.fromisoformat(born))
            people.append(Person(uuid, name, number or "", born or None, sex or "", village))
    return people
