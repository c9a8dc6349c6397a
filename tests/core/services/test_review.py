"""Dynamic management: who is to be reviewed, and closing or re-categorising with a reason."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import event

from childcare_desktop.core.errors import ValidationFailed
from childcare_desktop.core.services.review import Review
from childcare_desktop.core.services.visits import Visits
from tests.core.services.care_support import START, add_child, parent

SIXTEEN_AGO = date(START.year - 16, START.month, START.day)


@pytest.fixture
def review(store, clock):
    return Review(store, clock)


def test_a_child_who_aged_out_is_reviewed_and_closed(children, review, store, clock):
    old = add_child(children, ("left_behind", "poor_family"), born=SIXTEEN_AGO, serial=1)
    add_child(children, ("left_behind",), serial=2, name="李想")
    items = review.items()
    assert [(i.child_uuid, i.reason, i.codes, i.since) for i in items] == [
        (old.uuid, "aged_out", ("left_behind",), START)
    ]
    closed = review.close(old.uuid, "aged_out", "年满16周岁")
    assert (closed.status, closed.close_reason) == ("closed", "aged_out")
    assert all(s.end == clock.day for s in closed.categories)  # history kept, spans ended
    assert review.items() == []
    assert old.uuid not in [r.uuid for r in Visits(store, clock).due()]


def test_re_categorising_needs_a_reason_and_keeps_history(children, review):
    old = add_child(children, ("left_behind", "poor_family"), born=SIXTEEN_AGO, serial=1)
    with pytest.raises(ValidationFailed):
        review.recategorise(old.uuid, ["poor_family"], "aged_out", " ")
    kept = review.recategorise(old.uuid, ["poor_family"], "aged_out", "仍属低保家庭")
    assert [(s.code, s.end) for s in kept.categories] == [
        ("left_behind", START),
        ("poor_family", None),
    ]
    assert review.items() == []


def test_a_parent_home_again_puts_a_left_behind_child_on_the_list(children, review):
    away = add_child(
        children,
        ("left_behind",),
        serial=1,
        name="甲",
        members=[parent("father", "migrant"), parent("mother", "migrant")],
    )
    home = add_child(
        children,
        ("left_behind",),
        serial=2,
        name="乙",
        members=[parent("father", "migrant"), parent("mother", "migrant")],
    )
    # The mother came home: the facts change while the category is held, which the file takes.
    father, mother = home.members
    home = children.save(replace(home, members=(father, replace(mother, situation="home"))))
    assert [(i.child_uuid, i.reason) for i in review.items()] == [(home.uuid, "parents_returned")]
    assert away.uuid not in [i.child_uuid for i in review.items()]


def test_a_flagged_move_is_reviewed_until_decided(children, review):
    child = add_child(children)
    review.flag(child.uuid, "moved_away", "全家迁往广州")
    assert [(i.reason, i.note) for i in review.items()] == [("moved_away", "全家迁往广州")]
    review.close(child.uuid, "moved_away", "迁出本县")
    assert review.items() == []
    with pytest.raises(ValidationFailed):
        review.flag(child.uuid, "bored")


@pytest.mark.sqlite_only("SQLite's query planner")
def test_the_review_lists_read_indexes_never_every_child(children, review, store):
    """At 100,000 children a walk over the table costs a second and fills the page cache: the
    review's queries are answered from indexes."""
    child = add_child(children, ("left_behind",), serial=1, members=[parent("mother", "migrant")])
    (mother,) = child.members
    children.save(replace(child, members=(replace(mother, situation="home"),)))
    statements: list[tuple[str, object]] = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", remember)
    try:
        review.items()
        review.ageing_out()
    finally:
        event.remove(store.engine, "before_cursor_execute", remember)
    with store.read() as conn:
        plans = [
            detail
            for statement, parameters in statements
            if statement.lstrip().upper().startswith("SELECT")
            for *_, detail in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
        ]
    assert plans
    # Index searches only: the list's and the review's covering indexes, the small partial
    # index of parents at home, a child by its key (and the open spans of the few aged out);
    # the few open flags are the one scan.
    allowed = (
        "SEARCH child USING INDEX sqlite_autoindex_child_1 (uuid=?)",
        "SEARCH category USING INDEX ix_category_child_uuid (child_uuid=?)",
        "SEARCH child USING COVERING INDEX ix_child_age_out (status=? AND age_out_on",
        "SEARCH c USING INDEX ix_child_list (status=?)",
        "SEARCH member EXISTS USING INDEX ix_member_parent_home (child_uuid=?)",
        "SCAN f",
        "SEARCH c USING INDEX sqlite_autoindex_child_1 (uuid=?)",
        "USE TEMP B-TREE FOR ORDER BY",
    )
    assert [p for p in plans if not p.startswith(allowed)] == []
