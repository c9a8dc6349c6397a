"""A category the file's own facts do not support is refused unless the officer writes why; one
already held stays when the facts change, and the review decides (国发〔2016〕13号 for 留守, 国办发
〔2010〕54号 for 孤儿)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from childcare_desktop.core.errors import ValidationFailed
from childcare_desktop.core.services.review import Review
from childcare_desktop.words import EN, problem_text
from tests.core.services.care_support import add_child, parent


def test_a_category_against_the_facts_is_refused_with_the_laws_reason(children, clock):
    family = [parent("father", "migrant"), parent("mother", "home")]
    child = add_child(children, ("poor_family",), members=family)
    ticked = children.set_categories(child, ["poor_family", "left_behind", "orphan"])
    with pytest.raises(ValidationFailed) as refused:
        children.save(ticked)
    problems = refused.value.problems
    assert [(p.field, p.code, p.params["fact"]) for p in problems] == [
        ("categories[1]", "category_not_supported", "a_parent_at_home"),
        ("categories[2]", "category_not_supported", "a_parent_living"),
    ]
    assert problem_text(problems[0]) == (
        "农村留守儿童与档案事实不符（父母一方在家且有监护能力）；如确属此类，请写明理由"
    )
    assert "a parent at home and able to care" in problem_text(problems[0], EN)
    assert children.get(child.uuid).categories == child.categories  # nothing was written

    why = "母亲重病卧床，已申请残疾评估"
    saved = children.save(children.set_categories(child, ["poor_family", "left_behind"], why))
    held = {s.code: s.reason for s in saved.categories if s.holds_on(clock.day)}
    assert held == {"poor_family": "", "left_behind": why}


def test_a_category_held_stays_when_the_facts_change_and_the_review_asks(children, review_of):
    away = [parent("father", "migrant"), parent("mother", "migrant")]
    child = add_child(children, ("left_behind",), members=away)
    father, mother = child.members
    home = children.save(replace(child, members=(father, replace(mother, situation="home"))))
    assert [s.code for s in home.categories if s.end is None] == ["left_behind"]
    assert [(i.child_uuid, i.reason) for i in review_of.items()] == [
        (child.uuid, "parents_returned")
    ]
    # Re-categorised from the review: the note is the reason of what is newly held.
    kept = review_of.recategorise(child.uuid, ["left_behind", "orphan"], "parents_returned",
                                  "父亲已故（死亡证明待补），母亲返乡")  # fmt: skip
    assert {s.code: s.reason for s in kept.categories}["orphan"].startswith("父亲已故")


def test_facts_the_file_does_not_hold_refuse_nothing(children):
    """No parents on file, 健康 as the form first shows it: every category may be ticked."""
    child = add_child(children, ("orphan", "severe_disability", "serious_illness", "left_behind"))
    assert {s.code for s in child.categories} == {
        "orphan", "severe_disability", "serious_illness", "left_behind"
    }  # fmt: skip


@pytest.fixture
def review_of(store, clock):
    return Review(store, clock)
