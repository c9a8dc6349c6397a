"""Micro-wishes, referrals and visit rounds: each lifecycle, per child and station-wide."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.errors import ValidationFailed
from childcare_desktop.core.services.care import Care
from childcare_desktop.core.services.rounds import Rounds
from childcare_desktop.core.services.visits import Visits
from childcare_desktop.core.storage import tables as t
from tests.core.services.care_support import add_child


def test_a_wish_goes_through_its_lifecycle(store, children, clock):
    care = Care(store, clock)
    child = add_child(children)
    wish = care.add_wish(child.uuid, "一个新书包")
    assert care.advance_wish(wish.uuid).state == "published"
    with pytest.raises(ValidationFailed) as refused:
        care.advance_wish(wish.uuid)
    assert refused.value.problems[0].field == "claimed_by"
    clock.advance(3)
    claimed = care.advance_wish(wish.uuid, claimed_by="县妇联志愿者")
    assert (claimed.state, claimed.claimed_by, claimed.claimed_on) == (
        "claimed",
        "县妇联志愿者",
        clock.day,
    )
    care.advance_wish(wish.uuid)
    assert care.advance_wish(wish.uuid, note="照片已发群").state == "shared"
    with pytest.raises(ValidationFailed):
        care.advance_wish(wish.uuid)
    rows = care.wishes()
    assert [(r.child_name, r.wish.state) for r in rows] == [(child.name, "shared")]
    assert care.wishes(child.uuid, "collected") == []
    with store.read() as conn:
        logged = conn.execute(select(t.change.c.entity).where(t.change.c.entity == "wish")).all()
    assert len(logged) == 5  # created, then four moves: each one syncs


def test_referrals_with_status_per_child_and_station_wide(store, children):
    care = Care(store, children.today)
    a = add_child(children, serial=1, name="甲")
    b = add_child(children, serial=2, name="乙")
    first = care.add_referral(a.uuid, "disabled_federation", "办理残疾证")
    care.add_referral(b.uuid, "school", "辍学劝返")
    care.set_referral_status(first.uuid, "done", "已办证")
    assert [r.referral.target for r in care.referrals(a.uuid)] == ["disabled_federation"]
    assert [r.child_name for r in care.referrals(open_only=True)] == ["乙"]
    assert len(care.referrals()) == 2
    with pytest.raises(ValidationFailed):
        care.add_referral(a.uuid, "astrologer")


def test_a_visit_round_counts_its_childrens_visits(store, children, clock):
    rounds = Rounds(store, clock)
    visits = Visits(store, clock)
    left = [
        add_child(children, ("left_behind",), serial=i, name=n) for i, n in ((1, "甲"), (2, "乙"))
    ]
    add_child(children, ("orphan",), serial=3, name="丙")
    visits.log(Visit(left[0].uuid, clock.day, "home"))  # before the round: does not count
    clock.advance(10)
    spring = rounds.create("春节走访", "left_behind", clock.day + timedelta(days=20))
    every = rounds.create("全员走访", "", clock.day + timedelta(days=30))
    visits.log(Visit(left[1].uuid, clock.day, "home"))
    progress = {p.round.uuid: (p.visited, p.total) for p in rounds.progress()}
    assert progress == {spring.uuid: (1, 2), every.uuid: (1, 3)}
    assert rounds.pending(spring.uuid) == [left[0].uuid]
    with pytest.raises(ValidationFailed):
        rounds.create("", "wizards", clock.day - timedelta(days=1))
