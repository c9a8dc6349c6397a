"""A town of two villages whose month is known by hand: the dashboard's tests (core, CLI, GUI
and the 通报) count it.

April 2026, counted on the 20th (the default policy: 30 days for an orphan, 90 for a
left-behind child in good care, a first visit within 7 days of registration):

上村 (A): a1 visited 10 Mar, due 9 Apr, visited 5 Apr: on time. a2 visited 1 Mar, due 31 Mar,
visited 12 Apr: late. a3 visited 15 Mar, due 14 Apr, not since: overdue. a4 visited 25 Mar, due
24 Apr: still to visit. a5 left-behind in good care, visited 20 Mar, due 18 Jun: not owed.
a6 registered 16 Apr, never visited, due 23 Apr: still to visit. a7 closed on 20 Mar: not on the
books. A concern on a1 noticed 2 Apr, closed 10 Apr: not open.
下村 (B): b1 never visited since 5 Jan (due 12 Jan): overdue, with a concern open since 2 Apr.
b2 first visited 3 Apr: on time (a first visit is). b3 left-behind in good care, visited 10 Jan,
due 10 Apr, visited 15 Apr: late.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import insert

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.concerns import Concerns
from childcare_desktop.core.services.visits import Visits
from childcare_desktop.core.storage import tables as t
from tests.core.services.care_support import Clock

TOWN = "441481103"
A, B = "441481103201", "441481103202"
NAMES = {A: "上村", B: "下村"}
MONTH = date(2026, 4, 1)
TODAY = date(2026, 4, 20)
REGISTERED = date(2026, 1, 5)

# (name, village, categories, guardianship, registered on, visits)
CHILDREN = (
    ("a1", A, "orphan", "good", REGISTERED, (date(2026, 3, 10), date(2026, 4, 5))),
    ("a2", A, "orphan", "good", REGISTERED, (date(2026, 3, 1), date(2026, 4, 12))),
    ("a3", A, "orphan", "good", REGISTERED, (date(2026, 3, 15),)),
    ("a4", A, "orphan", "good", REGISTERED, (date(2026, 3, 25),)),
    ("a5", A, "left_behind", "good", REGISTERED, (date(2026, 3, 20),)),
    ("a6", A, "orphan", "good", date(2026, 4, 16), ()),
    ("a7", A, "orphan", "good", REGISTERED, ()),
    ("b1", B, "orphan", "good", REGISTERED, ()),
    ("b2", B, "orphan", "good", REGISTERED, (date(2026, 4, 3),)),
    ("b3", B, "left_behind", "good", REGISTERED, (date(2026, 1, 10), date(2026, 4, 15))),
)
# What each village's April comes to, counted by hand above.
APRIL = {
    A: {"children": 6, "due": 5, "on_time": 1, "late": 1, "overdue": 1, "pending": 2,
        "concerns": 0, "waiting": 0},
    B: {"children": 3, "due": 3, "on_time": 1, "late": 1, "overdue": 1, "pending": 0,
        "concerns": 1, "waiting": 0},
}  # fmt: skip
# Which children each of April's lists holds.
APRIL_LISTS = {
    (A, "on_time"): {"a1"}, (A, "late"): {"a2"}, (A, "overdue"): {"a3"},
    (A, "pending"): {"a4", "a6"}, (A, "due"): {"a1", "a2", "a3", "a4", "a6"},
    (B, "on_time"): {"b2"}, (B, "late"): {"b3"}, (B, "overdue"): {"b1"},
    (B, "pending"): set(), (B, "concerns"): {"b1"}, (A, "concerns"): set(),
}  # fmt: skip
# March, counted on its last day: every visit in it was its child's first (on time); a6 was
# not registered yet, a7 still on the books (closed on the 20th), b1 overdue since January.
MARCH = {
    A: {"children": 6, "due": 5, "on_time": 5, "late": 0, "overdue": 0, "pending": 0},
    B: {"children": 3, "due": 1, "on_time": 0, "late": 0, "overdue": 1, "pending": 0},
}
# The children visited on time, month by month (b3's first visit in January).
TREND = {"2026-01": 1, "2026-03": 5, "2026-04": 2}


def build(store) -> dict[str, str]:
    """The two villages' children, visits and concerns, saved on the days they happened; the
    clock is left on TODAY. Returns each child's uuid by name."""
    clock = Clock(REGISTERED)
    children, visits = Children(store, clock), Visits(store, clock)
    with store.write() as conn:
        conn.execute(insert(t.division), [{"code": c, "name": n} for c, n in NAMES.items()])
    uuids = {}
    for serial, (name, village, code, grade, registered, _) in enumerate(CHILDREN, 1):
        clock.day = registered
        saved = children.save(
            Child(
                f"儿童{name}",
                "",
                None,
                village,
                id_number=idnumber.make("441481", date(2015, 5, serial), serial, "male"),
                guardianship=grade,
                registered_on=registered,
                categories=(CategorySpan(code, registered),),
            )
        )
        uuids[name] = saved.uuid
    happenings = sorted(
        [(day, "visit", name) for name, *_, days in CHILDREN for day in days]
        + [(date(2026, 3, 20), "close", "a7"), (date(2026, 4, 2), "concern", "a1"),
           (date(2026, 4, 2), "concern", "b1"), (date(2026, 4, 10), "settle", "a1")]
    )  # fmt: skip
    concerns = Concerns(store, clock)
    opened = {}
    for day, what, name in happenings:
        clock.day = day
        if what == "visit":
            visits.log(Visit(uuids[name], day, "home"))
        elif what == "close":
            children.close(uuids[name], "moved_away")
        elif what == "concern":
            opened[name] = concerns.add(uuids[name], "abandoned", day, "无人照看").uuid
        else:
            concerns.close(opened[name], "已解决", day)
    clock.day = TODAY
    return uuids
