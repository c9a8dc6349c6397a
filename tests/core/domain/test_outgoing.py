"""Lists going out to other departments: who each receives, and no column more than it needs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from childcare_desktop.core.domain.child import Child, FamilyMember
from childcare_desktop.core.domain.outgoing import (
    COLUMNS,
    LISTS,
    Facts,
    contact_of,
    lists_of,
)

TODAY = date(2026, 4, 20)
# A child of 10 at primary school, with a hukou, in good care, healthy: on no list.
PLAIN = Child("张小明", "male", date(2015, 9, 1), "441481103201", guardianship="good")


def lists(child: Child = PLAIN, categories=(), **changes) -> tuple[str, ...]:
    return lists_of(Facts.of(replace(child, **changes), categories), TODAY)


def test_a_child_in_no_list_appears_in_none():
    assert lists() == ()
    assert lists(categories=("left_behind", "orphan", "poor_family")) == ()
    assert lists(health="ill", illness="白血病", categories=("serious_illness",)) == ()
    assert lists(guardianship="poor", categories=("guardianship_lacking",)) == ()


@pytest.mark.parametrize("schooling", ["dropout", "not_in_school"])
def test_a_child_out_of_school_is_only_on_education_s_list(schooling):
    assert lists(schooling=schooling) == ("education",)


@pytest.mark.parametrize(
    ("born", "schooling", "listed"),
    [
        (date(2020, 4, 20), "not_enrolled", True),  # 6 today: of school age, never enrolled
        (date(2020, 4, 21), "not_enrolled", False),  # 5: 未入园 is no concern of the school
        (date(2010, 4, 21), "dropout", True),  # 15
        (date(2010, 4, 20), "dropout", False),  # 16 today: compulsory schooling is over
        (None, "dropout", True),  # unknown age: the school checks
        (None, "not_enrolled", False),
    ],
)
def test_education_receives_children_of_compulsory_school_age(born, schooling, listed):
    assert lists(birth_date=born, schooling=schooling) == (("education",) if listed else ())


def test_no_hukou_goes_to_the_police_alone():
    assert lists(hukou_registered=False) == ("police_hukou",)
    assert lists(id_number="", no_id_reason="no_hukou") == ("police_hukou",)
    assert lists(id_number="", no_id_reason="not_yet_issued") == ()


def test_no_guardian_goes_to_the_police_alone():
    assert lists(guardianship="none") == ("police_guardianship",)
    assert lists(guardianship="") == ()


@pytest.mark.parametrize(
    ("kind", "grade", "listed"),
    [
        ("肢体", "一级", True),
        ("视力", "2级", True),
        ("肢体", "三级", False),
        ("智力", "三级", True),
        ("精神", "4", True),
        ("听力", "", False),
    ],
)
def test_severe_disability_goes_to_the_federation_by_grade(kind, grade, listed):
    child = replace(PLAIN, health="disabled", disability_type=kind, disability_grade=grade)
    assert lists(child) == (("federation",) if listed else ())


def test_the_category_held_puts_a_child_on_the_federation_s_list():
    assert lists(categories=("severe_disability",)) == ("federation",)


def test_a_child_may_be_on_several_lists():
    got = lists(schooling="dropout", hukou_registered=False, guardianship="none")
    assert got == ("education", "police_hukou", "police_guardianship")


def test_no_list_has_categories_health_notes_or_the_family():
    assert set(COLUMNS) <= {
        "name", "sex", "birth_date", "id_number", "village", "hukou_place", "current_address",
        "schooling", "school", "disability_type", "disability_grade", "contact", "contact_phone",
    }  # fmt: skip
    for lst in LISTS.values():
        assert set(lst.columns) <= set(COLUMNS)
        assert lst.columns[:3] == ("name", "sex", "birth_date")
        assert not {"categories", "health", "illness", "notes", "risk"} & set(lst.columns)
    disability = {"disability_type", "disability_grade"}
    assert [c for c, lst in LISTS.items() if disability & set(lst.columns)] == ["federation"]
    police = {LISTS["police_hukou"], LISTS["police_guardianship"]}
    assert all(lst.department == "police_station" for lst in police)
    assert not any({"schooling", "school"} & set(lst.columns) for lst in police)
    assert "id_number" not in LISTS["education"].columns


def test_a_village_s_list_has_no_village_column():
    for lst in LISTS.values():
        assert "village" in lst.columns_at("town") and "village" in lst.columns_at("county")
        assert "village" not in lst.columns_at("village")


def test_the_contact_is_someone_reachable_with_a_phone_the_carer_first():
    father = FamilyMember("father", "张大山", phone="13800000001", situation="migrant")
    dead = FamilyMember("mother", "王秀英", phone="13800000002", situation="dead")
    grandma = FamilyMember("pat_grandma", "李桂兰")
    carer = FamilyMember("carer", "张二叔", phone="13800000003", kinship="叔叔")
    jailed = FamilyMember("father", "张大山", phone="13800000004", situation="imprisoned")
    assert contact_of((father, dead, grandma, carer)) is carer
    assert contact_of((grandma, father)) is father
    assert contact_of((dead, grandma)) is grandma
    assert contact_of((dead, jailed)) is None
    assert contact_of(()) is None
