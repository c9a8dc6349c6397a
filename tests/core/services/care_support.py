"""What the visit and care tests share: a clock the test moves, and a child saved on a date."""

from __future__ import annotations

from datetime import date, timedelta

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.child import Child, FamilyMember
from childcare_desktop.core.services.children import Children
from tests.conftest import VILLAGE

START = date(2026, 3, 2)


class Clock:
    """`today` for the services; the test moves it on."""

    def __init__(self, day: date = START) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day

    def advance(self, days: int) -> None:
        self.day += timedelta(days=days)


def add_child(
    children: Children,
    codes=("orphan",),
    grade="good",
    born=date(2014, 8, 9),
    serial=5,
    name="张小明",
    members=(),
) -> Child:
    """A child registered on the clock's day, holding `codes` since then."""
    today = children.today()
    return children.save(
        Child(
            name,
            "",
            None,
            VILLAGE,
            id_number=idnumber.make("441481", born, serial, "male"),
            guardianship=grade,
            registered_on=today,
            categories=tuple(CategorySpan(c, today) for c in codes),
            members=tuple(members),
        )
    )


def parent(relation: str, situation: str) -> FamilyMember:
    return FamilyMember(
        relation, "张大山" if relation == "father" else "王秀英", situation=situation
    )


def due_of(visits, uuid: str):
    """The child's row on the due list."""
    return next(r for r in visits.due() if r.uuid == uuid)
