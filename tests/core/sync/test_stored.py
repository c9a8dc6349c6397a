"""`stored_problems` finds each value an older version let into a store that a received change
could not set today, and names its record, child and field."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text

from childcare_desktop.core.services import safety
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.sync.stored import StoredProblem

HOSTILE = pytest.mark.sqlite_only(
    "values no form would save, written into the file directly: a server refuses them"
)


def children_and_visits(store) -> tuple[list[str], str]:
    with store.read() as conn:
        kids = conn.execute(select(t.child.c.uuid).order_by(t.child.c.uuid)).scalars().all()
        visit = conn.execute(
            select(t.visit.c.uuid).where(t.visit.c.child_uuid == kids[3]).limit(1)
        ).scalar_one()
    return kids, visit


def test_a_sound_store_has_no_such_value(store):
    fill_demo(store, 30, seed=2, today=date.today())
    assert safety.stored_problems(store) == ()


@HOSTILE
def test_each_value_no_form_would_save_is_named_with_its_child_and_field(store):
    fill_demo(store, 6, seed=5, today=date.today())
    kids, visit = children_and_visits(store)
    spoiled = [
        ("child", "name", "李\x00想", kids[0]),
        ("child", "school", "第一小学\u202e", kids[1]),
        ("child", "birth_date", "9999-12-31", kids[2]),
        ("child", "sex", "x", kids[4]),
        ("visit", "findings", '["一般"]', visit),
    ]
    with store.write() as conn:
        for table, field, value, uuid in spoiled:
            conn.execute(
                text(f'UPDATE "{table}" SET "{field}" = :v WHERE uuid = :u'),
                {"v": value, "u": uuid},
            )
    found = set(safety.stored_problems(store))
    assert found == {
        StoredProblem("child", kids[0], kids[0], "child.name"),
        StoredProblem("child", kids[1], kids[1], "child.school"),
        StoredProblem("child", kids[2], kids[2], "child.birth_date"),
        StoredProblem("child", kids[4], kids[4], "child.sex"),
        StoredProblem("visit", visit, kids[3], "visit.findings"),
    }


@HOSTILE
def test_a_date_python_cannot_hold_is_named_not_a_crash(store):
    fill_demo(store, 2, seed=6, today=date.today())
    with store.write() as conn:
        uuid, child = conn.execute(select(t.member.c.uuid, t.member.c.child_uuid).limit(1)).one()
        conn.execute(
            text("UPDATE member SET birth_date = '10015-01-01' WHERE uuid = :u"), {"u": uuid}
        )
    assert safety.stored_problems(store) == (
        StoredProblem("member", uuid, child, "member.birth_date"),
    )


@HOSTILE
def test_a_birth_date_or_sex_disagreeing_with_the_id_number_is_named(store):
    """The pair a form or a received change may no longer set, named by the field that disagrees;
    a birth date already named as out of range is not named twice."""
    fill_demo(store, 6, seed=5, today=date.today())
    with store.read() as conn:
        kids = conn.execute(
            select(t.child.c.uuid, t.child.c.birth_date, t.child.c.sex)
            .where(t.child.c.id_number != "")
            .order_by(t.child.c.uuid)
        ).all()
    (first, born, _), (second, _, sex), (third, _, _) = kids[:3]
    with store.write() as conn:
        for uuid, values in (
            (first, {"birth_date": born.replace(day=1 if born.day > 1 else 2)}),
            (second, {"sex": "female" if sex == "male" else "male"}),
            (third, {"birth_date": date(9999, 12, 31)}),
        ):
            conn.execute(t.child.update().where(t.child.c.uuid == uuid).values(**values))
    assert set(safety.stored_problems(store)) == {
        StoredProblem("child", first, first, "child.birth_date"),
        StoredProblem("child", second, second, "child.sex"),
        StoredProblem("child", third, third, "child.birth_date"),
    }
    assert len(safety.stored_problems(store)) == 3
