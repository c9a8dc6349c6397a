"""Division codes: length by role, digits, province prefix, county part."""

import pytest

from childcare_desktop.core.domain import division


@pytest.mark.parametrize(
    ("role", "code", "problem"),
    [
        ("village", "441481103201", None),
        ("town", "441481103", None),
        ("county", "441481", None),
        ("village", "441481103", "division_length"),
        ("town", "4414811032", "division_length"),
        ("county", "44148A", "division_digits"),
        ("county", "991481", "division_province"),
        ("county", "440001", "division_county"),
        ("city", "441481", "division_role"),
        ("village", "", "division_digits"),
    ],
)
def test_division_codes_are_checked_for_form_and_prefix(role, code, problem):
    assert division.check(role, code) == problem


def test_a_village_belongs_to_its_town_and_county():
    assert division.belongs_to("441481103201", "441481103")
    assert division.belongs_to("441481103201", "441481")
    assert not division.belongs_to("441481104201", "441481103")


@pytest.mark.parametrize(
    ("role", "code", "problem"),
    [
        # 东莞, 中山, 儋州: towns sit directly under the city's code (统计用区划代码).
        ("county", "441900", None),
        ("town", "441900006", None),
        ("village", "441900006001", None),
        ("county", "442000", None),
        ("town", "442000001", None),
        ("village", "442000001001", None),
        ("county", "460400", None),
        ("town", "460400100", None),
        ("village", "460400100201", None),
        # 嘉峪关 numbers its towns under 620201; the city's own code is no county.
        ("village", "620201001001", None),
        ("county", "620200", "division_county"),
        # Other cities keep their counties: their own code is still refused.
        ("county", "441400", "division_county"),
        ("village", "441400103201", "division_county"),
    ],
)
def test_cities_without_counties_take_the_place_of_a_county(role, code, problem):
    assert division.check(role, code) == problem
