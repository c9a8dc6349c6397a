"""A town of two villages for 排查's tests (core, CLI and GUI): who is in a round, counted by hand.

Opened on 1 April 2026 with a deadline of 30 April. 上村 (A): a1 and a2 (born 2015 and 2010),
a3 born on 1 April 2008 (18 on the opening day: not in), a4 closed in March (not in). 下村 (B):
b1 born 2012. People the household register adds: 陈小雨 in 上村, 刘小星 in 下村.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import insert

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.matching.people import Person
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage import tables as t
from tests.core.services.care_support import Clock

TOWN = "441481103"
A, B = "441481103201", "441481103202"
NAMES = {A: "上村", B: "下村"}
OPENED, DEADLINE = date(2026, 4, 1), date(2026, 4, 30)
REGISTERED = date(2026, 1, 5)

# (name, village, born, closed)
CHILDREN = (
    ("a1", A, date(2015, 5, 1), False),
    ("a2", A, date(2010, 7, 2), False),
    ("a3", A, date(2008, 4, 1), False),
    ("a4", A, date(2013, 3, 3), True),
    ("b1", B, date(2012, 9, 9), False),
)
PEOPLE = (
    Person("3", "陈小雨", idnumber.make("441481", date(2016, 2, 2), 31, "female"), None, "", A),
    Person("4", "刘小星", "", date(2014, 6, 6), "male", B),
)


def build(store, clock: Clock | None = None) -> dict[str, str]:
    """The town's villages and children, registered in January; returns each child's uuid."""
    clock = clock or Clock(REGISTERED)
    clock.day = REGISTERED
    children = Children(store, clock)
    with store.write() as conn:
        conn.execute(insert(t.division), [{"code": c, "name": n} for c, n in NAMES.items()])
    uuids = {}
    for serial, (name, village, born, closed) in enumerate(CHILDREN, 1):
        saved = children.save(
            Child(
                f"儿童{name}",
                "",
                None,
                village,
                id_number=idnumber.make("441481", born, serial, "male"),
                registered_on=REGISTERED,
            )
        )
        if closed:
            clock.day = date(2026, 3, 10)
            children.close(saved.uuid, "moved_away")
            clock.day = REGISTERED
        uuids[name] = saved.uuid
    clock.day = OPENED
    return uuids
