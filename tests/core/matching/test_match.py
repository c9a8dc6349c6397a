"""The matcher's rules, one by one, and its precision and recall on a made-up county."""

from __future__ import annotations

from datetime import date

import pytest

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.matching import Match, Person, match_people
from childcare_desktop.core.matching.sample import precision_recall, sample_county, sample_list
from childcare_desktop.core.matching.similar import name_likeness, near_dates, near_numbers

TODAY = date(2026, 11, 23)
BORN = date(2015, 3, 12)
VILLAGE, OTHER_VILLAGE = "441481103201", "441481103202"
WIDE = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def number(serial: int, sex: str = "female", born: date = BORN) -> str:
    return idnumber.make("441481", born, serial, sex)


def kid(key: str, name: str, serial: int | None = 1, sex: str = "female", **extra) -> Person:
    born = extra.pop("birth_date", BORN)
    found = number(serial, sex, born) if serial is not None else ""
    return Person(key, name, found, born, sex, extra.pop("village_code", VILLAGE))


def match(rows: list[Person], children: list[Person]) -> dict[str, tuple[str, str]]:
    return {k: (m.child, m.how) for k, m in match_people(rows, children, TODAY).items()}


def test_an_identical_valid_id_number_matches_whatever_the_name():
    children = [kid("A", "王晓红", 1), kid("B", "李明", 2, sex="male")]
    found = match_people([Person("2", "王红", number(1))], children, TODAY)
    assert found == {"2": Match("2", "A", "id_number", 1.0)}


@pytest.mark.parametrize(
    "written",
    [
        number(7, "male").translate(WIDE),  # full-width digits
        f" {number(7, 'male')[:6]} {number(7, 'male')[6:14]}\u3000{number(7, 'male')[14:]} ",
        number(7, "male").lower(),
    ],
)
def test_an_id_number_written_in_full_width_digits_spaces_or_lower_case_is_the_same(written):
    children = [kid("A", "张伟", 7, sex="male")]
    assert match([Person("2", "张 伟", written)], children) == {"2": ("A", "id_number")}


def test_the_same_name_and_birth_date_match_without_an_id_number():
    children = [kid("A", "黄晓红", 1), kid("B", "黄晓红", 2, birth_date=date(2015, 3, 13))]
    found = match_people([Person("2", "黄 晓 红", "", BORN)], children, TODAY)
    assert found["2"].child == "A" and found["2"].how == "name_birth"
    assert 0.9 < found["2"].score < 1.0


def test_a_name_of_the_same_sound_or_with_characters_swapped_matches_fuzzily():
    children = [kid("A", "黄晓红", 1), kid("B", "刘子涵", 2, birth_date=date(2012, 8, 30))]
    rows = [Person("2", "黄小宏", "", BORN), Person("3", "刘涵子", "", date(2012, 8, 30))]
    found = match_people(rows, children, TODAY)
    assert {k: (m.child, m.how) for k, m in found.items()} == {
        "2": ("A", "fuzzy"),
        "3": ("B", "fuzzy"),
    }
    assert all(0.7 <= m.score < 0.97 for m in found.values())


@pytest.mark.parametrize(
    "written",
    [date(2015, 3, 13), date(2015, 8, 12), date(2016, 3, 12), date(2015, 12, 3), date(2015, 3, 21)],
)
def test_a_birth_date_a_digit_off_or_with_day_and_month_swapped_matches_fuzzily(written):
    children = [kid("A", "黄晓红", 1)]
    assert match([Person("2", "黄晓红", "", written)], children) == {"2": ("A", "fuzzy")}


def test_a_birth_date_further_off_does_not_match():
    children = [kid("A", "黄晓红", 1)]
    for written in (date(2015, 4, 14), date(2014, 3, 11), date(2013, 4, 12)):
        assert match([Person("2", "黄晓红", "", written)], children) == {}


def test_an_id_number_a_digit_off_finds_the_child_even_with_another_birth_date():
    children = [kid("A", "黄晓红", 1), kid("B", "赵强", 2, sex="male")]
    right = number(1)
    wrong = right[:14] + str((int(right[14]) + 3) % 10) + right[15:]
    assert not idnumber.check(wrong, TODAY).ok
    rows = [Person("2", "黄小红", wrong, date(2014, 7, 1))]
    assert match(rows, children) == {"2": ("A", "fuzzy")}
    # ... but not a child of a quite other name.
    assert match([Person("2", "孙丽", wrong, date(2014, 7, 1))], children) == {}


def test_twins_with_their_own_id_numbers_are_never_matched_to_each_other():
    twin_a, twin_b = kid("A", "王晓明", 1, sex="male"), kid("B", "王晓亮", 2, sex="male")
    # The list names only the second twin, with its number: the first is not it.
    assert match([Person("2", "王晓亮", number(2, "male"), BORN)], [twin_a]) == {}
    # Its number valid and different: not even the same name and birth date match.
    assert match([Person("2", "王晓明", number(2, "male"), BORN)], [twin_a]) == {}
    # Both registered, both listed without numbers: each to its own file.
    rows = [Person("2", "王晓亮", "", BORN), Person("3", "王晓明", "", BORN)]
    assert match(rows, [twin_a, twin_b]) == {"2": ("B", "name_birth"), "3": ("A", "name_birth")}


def test_a_twin_not_registered_is_not_taken_for_the_registered_one():
    registered = [kid("A", "王晓明", 1, sex="male")]
    assert match([Person("2", "王晓亮", "", BORN)], registered) == {}
    assert match([Person("2", "王亮", "", BORN)], [kid("A", "王明", 1, sex="male")]) == {}


def test_a_mistyped_name_goes_to_the_twin_it_is_nearer():
    twins = [kid("A", "王晓红", 1), kid("B", "王晓宏", 2)]
    # 王小红 sounds like both; it is written like 王晓红 in two characters of three.
    assert match([Person("2", "王小红", "", BORN)], twins) == {"2": ("A", "fuzzy")}


def test_the_sexes_differing_tell_two_children_apart():
    children = [kid("A", "李想", 1)]
    assert match([Person("2", "李想", "", BORN, "male")], children) == {}
    # A valid number says the sex where the row does not.
    assert match([Person("2", "李湘", number(9, "male"), BORN)], children) == {}
    assert match([Person("2", "李湘", "", BORN, "female")], children) == {"2": ("A", "fuzzy")}


def test_namesakes_born_the_same_day_are_told_apart_by_village_or_sex_else_not_matched():
    children = [kid("A", "张伟", 1), kid("B", "张伟", 2, village_code=OTHER_VILLAGE)]
    assert match([Person("2", "张伟", "", BORN)], children) == {}
    row = Person("2", "张伟", "", BORN, village_code=OTHER_VILLAGE)
    assert match([row], children) == {"2": ("B", "name_birth")}
    children[1] = kid("B", "张伟", 2, sex="male", village_code=OTHER_VILLAGE)
    assert match([Person("2", "张伟", "", BORN, "male")], children) == {"2": ("B", "name_birth")}


def test_a_child_named_twice_surely_is_matched_by_both_rows_a_fuzzy_guess_only_once():
    children = [kid("A", "黄晓红", 1)]
    rows = [Person("2", "黄晓红", number(1)), Person("3", "黄晓红", "", BORN)]
    assert match(rows, children) == {"2": ("A", "id_number"), "3": ("A", "name_birth")}
    # A fuzzy guess does not take a child a surer row matched, nor one a likelier guess took.
    rows = [Person("2", "黄晓红", number(1)), Person("3", "黄小红", "", BORN)]
    assert match(rows, children) == {"2": ("A", "id_number")}
    rows = [Person("2", "黄小红", "", BORN), Person("3", "黄晓红", "", date(2015, 3, 13))]
    assert match(rows, children) == {"3": ("A", "fuzzy")}


def test_a_row_two_children_fit_about_as_well_is_left_to_the_person():
    children = [kid("A", "陈思雨", 1), kid("B", "陈雨思", 2)]
    assert match([Person("2", "陈斯雨", "", BORN)], children) == {"2": ("A", "fuzzy")}
    children = [kid("A", "陈思雨", 1), kid("B", "陈思雨", 2, birth_date=date(2015, 3, 13))]
    assert match([Person("2", "陈思语", "", date(2015, 3, 18))], children) == {}


def test_the_likeness_of_names_in_characters_and_pinyin():
    assert name_likeness("黄晓红", "黄晓红") == 1.0
    assert name_likeness("黄晓红", "黄小红") > name_likeness("黄晓红", "黄小宏") >= 0.6
    assert name_likeness("黄晓红", "黄红晓") == 0.75
    assert name_likeness("王晓明", "王晓亮") < 0.7


def test_near_dates_and_numbers_are_what_a_typist_makes_of_them():
    near = near_dates(BORN)
    assert {date(2015, 3, 13), date(2015, 12, 3), date(2015, 3, 21), date(2051, 3, 12)} <= set(near)
    assert BORN not in near and date(2015, 4, 13) not in near
    plain = number(1)
    assert len(near_numbers(plain)) == 17 * 9 + 10 + sum(
        plain[i] != plain[i + 1] for i in range(17)
    )
    assert plain not in near_numbers(plain)


def test_precision_and_recall_on_a_made_up_county():
    children = sample_county(4000, seed=18)
    listed = sample_list(children, 3000, seed=19)
    assert len(listed.rows) - len(listed.truth) > 200  # children not registered are listed too
    precision, recall = precision_recall(match_people(listed.rows, children, TODAY), listed.truth)
    assert precision >= 0.98
    assert recall >= 0.95
