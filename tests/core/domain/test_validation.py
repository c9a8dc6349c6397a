"""The child's file rules: each problem names its field; warnings do not block a save."""

from datetime import date

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.child import Child, FamilyMember
from childcare_desktop.core.domain.validation import blocking, validate_child

TODAY = date(2026, 11, 23)
BORN = date(2015, 3, 2)
NUMBER = idnumber.make("441481", BORN, 12, "male")


def child(**changes) -> Child:
    base = Child(
        name="张小明", sex="male", birth_date=BORN, village_code="441481103201", id_number=NUMBER
    )
    return base.with_changes(**changes)


def codes(c: Child) -> set[tuple[str, str]]:
    return {(p.field, p.code) for p in validate_child(c, TODAY)}


def test_a_complete_file_has_no_problems():
    assert validate_child(child(), TODAY) == []


def test_birth_date_and_sex_must_agree_with_the_id_number():
    assert ("birth_date", "id_birth_mismatch") in codes(child(birth_date=date(2015, 3, 3)))
    assert ("sex", "id_sex_mismatch") in codes(child(sex="female"))


def test_a_child_without_hukou_is_saved_without_a_number_but_with_a_reason():
    assert ("id_number", "id_missing_reason") in codes(child(id_number=""))
    assert codes(child(id_number="", no_id_reason="no_hukou", hukou_registered=False)) == set()


def test_an_old_15_digit_number_is_a_warning_not_a_blocker():
    problems = validate_child(child(id_number="441481150302123"), TODAY)
    assert [p.code for p in problems] == ["id_old_15"]
    assert blocking(problems) == []


def test_required_fields_and_future_dates():
    found = codes(
        child(name=" ", sex="", birth_date=date(2027, 1, 1), id_number="", no_id_reason="unknown")
    )
    assert {("name", "required"), ("sex", "required"), ("birth_date", "future_date")} <= found


def test_override_needs_a_reason_and_closing_needs_a_reason():
    assert ("risk_override_reason", "required") in codes(child(risk_override="high"))
    assert ("close_reason", "required") in codes(child(status="closed"))


def test_members_and_categories_are_checked_with_their_position():
    bad_member = FamilyMember("father", "", phone="abc", id_number="123")
    found = codes(
        child(
            members=(FamilyMember("mother", "王芳"), bad_member),
            categories=(CategorySpan("left_behind", date(2024, 1, 1), date(2023, 1, 1)),),
        )
    )
    assert {
        ("members[1].name", "member_name_missing"),
        ("members[1].phone", "phone_invalid"),
        ("members[1].id_number", "id_length"),
        ("categories[0]", "end_before_start"),
    } <= found
