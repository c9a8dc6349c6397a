"""GB 11643 identity numbers: valid numbers, normalisation, each kind of invalid, old numbers."""

import random
from datetime import date

import pytest

from childcare_desktop.core.domain import idnumber

VALID = "11010519491231002X"  # the standard's own example
TODAY = date(2026, 11, 23)


def test_the_standards_example_is_valid_with_birth_date_and_sex():
    result = idnumber.check(VALID, TODAY)
    assert result.ok
    assert result.birth_date == date(1949, 12, 31)
    assert result.sex == "female"


@pytest.mark.parametrize(
    "typed",
    [
        "110105 19491231 002X",
        "11010519491231002x",
        "１１０１０５１９４９１２３１００２Ｘ",
        " 110105-19491231-002x ",
    ],
)
def test_spaces_full_width_digits_and_lower_case_x_are_normalised(typed):
    assert idnumber.normalize(typed) == VALID
    assert idnumber.check(typed, TODAY).ok


def test_a_number_written_plainly_or_not_at_all_is_kept_as_it_is():
    assert idnumber.normalize(VALID) == VALID
    assert idnumber.normalize("1101051949123100ax") == "1101051949123100AX"
    assert idnumber.normalize(None) == idnumber.normalize("") == ""  # an empty cell


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("", "id_empty"),
        ("1101051949123100", "id_length"),
        ("11010519491231002X1", "id_length"),
        ("1101051949123100AX", "id_chars"),
        ("110105194912310X2X", "id_chars"),
        ("110105194902300021", "id_birth_date"),
        ("110105199913400020", "id_birth_date"),
        ("110105203001010027", "id_future_birth"),
        ("110105194912310021", "id_checksum"),
    ],
)
def test_each_kind_of_invalid_number_has_its_code(number, code):
    assert idnumber.check(number, TODAY).code == code


def test_a_15_digit_old_number_is_flagged_with_its_birth_date():
    result = idnumber.check("110105491231002", TODAY)
    assert result.code == "id_old_15"
    assert result.birth_date == date(1949, 12, 31)
    assert result.sex == "female"


def test_made_numbers_are_valid_and_carry_birth_date_and_sex():
    for serial in (0, 7, 250, 499):
        for sex in ("male", "female"):
            number = idnumber.make("441481", date(2015, 2, 28), serial, sex)
            result = idnumber.check(number, TODAY)
            assert result.ok, number
            assert (result.birth_date, result.sex) == (date(2015, 2, 28), sex)


# The standard's weights, position by position, for the check digit worked out another way.
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def test_the_check_digit_is_the_standards_weighted_sum():
    rng = random.Random(11643)
    for first17 in (
        "0" * 17,
        "9" * 17,
        VALID[:17],
        *(f"{rng.randrange(10**17):017d}" for _ in range(5000)),
    ):
        weighted = sum(w * int(d) for w, d in zip(WEIGHTS, first17, strict=True))
        assert idnumber.check_digit(first17) == "10X98765432"[weighted % 11], first17
    for wrong in ("1" * 16, "1" * 18, "1234567890123456a"):
        with pytest.raises(ValueError):
            idnumber.check_digit(wrong)


def test_every_single_digit_change_is_caught_by_the_checksum_or_the_date():
    for position in range(17):
        digit = int(VALID[position])
        changed = VALID[:position] + str((digit + 1) % 10) + VALID[position + 1 :]
        assert not idnumber.check(changed, TODAY).ok, changed


def test_mask_hides_birth_date_and_serial():
    assert idnumber.mask(VALID) == "1101************2X"
    assert idnumber.mask("") == ""
