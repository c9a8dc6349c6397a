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
