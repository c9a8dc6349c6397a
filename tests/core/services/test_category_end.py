"""A demo village on a fixed clock, aged over a year: the spans end on the birthdays the law
sets (国发〔2016〕13号: 16 for 留守; 18 for the others), the lists count as of their day, and a
station may keep the Guangdong rule (粤民规字〔2019〕10号)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from childcare_desktop.core.domain.categories import CategorySpan, law_end
from childcare_desktop.core.services import station
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.review import Review
from tests.core.services.care_support import Clock

START = date(2025, 3, 1)


def test_a_demo_village_ages_over_a_year_and_each_span_ends_on_its_birthday(store):
    fill_demo(store, 60, seed=7, today=START)
    clock = Clock(START)
    children = Children(store, clock)
    files = {c.uuid: children.get(c.uuid) for c in children.summaries()}
    ending = []
    for uuid, child in files.items():
        for span in child.categories:
            end = law_end(span.code, child.birth_date)
            if span.end is None and START < end <= START + timedelta(days=365):
                ending.append((uuid, span.code, end))
    assert ending, "the demo village has no child turning 16 or 18 within the year"
    for uuid, code, end in ending:
        clock.day = end - timedelta(days=1)
        assert code in children.summary(uuid).categories
        clock.day = end
        assert code not in children.summary(uuid).categories
        assert any(i.child_uuid == uuid and code in i.codes for i in Review(store, clock).items())


def test_a_file_saved_after_the_birthday_stores_the_category_ended(store):
    clock = Clock(date(2026, 6, 1))
    children = Children(store, clock)
    child = _orphan_in_school(children, born=date(2008, 5, 20))
    assert children.summary(child.uuid).categories == ()
    assert children.rows([child.uuid])[0].categories == ()


def test_a_station_may_keep_orphans_in_full_time_school_past_18_粤民规字2019_10号(store):
    clock = Clock(date(2026, 6, 1))
    children = Children(store, clock)
    child = _orphan_in_school(children, born=date(2008, 5, 20))
    station.keep_in_school(store, True, clock())
    assert children.summary(child.uuid).categories == ("orphan",)
    assert Review(store, clock).items() == []
    children.save(replace(children.get(child.uuid), schooling="dropout"))
    assert children.summary(child.uuid).categories == ()
    station.keep_in_school(store, False, clock())
    children.save(replace(children.get(child.uuid), schooling="senior"))
    assert children.summary(child.uuid).categories == ()


def _orphan_in_school(children: Children, born: date):
    from childcare_desktop.core.domain.child import Child, FamilyMember
    from tests.conftest import VILLAGE

    child = Child(
        name="王小明",
        sex="male",
        birth_date=born,
        village_code=VILLAGE,
        no_id_reason="unknown",
        schooling="senior",
        members=(
            FamilyMember("father", "王父", situation="dead", guardian_capable=False),
            FamilyMember("mother", "王母", situation="dead", guardian_capable=False),
        ),
        categories=(CategorySpan("orphan", date(2015, 1, 1)),),
    )
    return children.save(child)
