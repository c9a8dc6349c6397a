"""The law ends each category on a birthday; a span ends by itself, with the reason."""

from datetime import date

import pytest

from childcare_desktop.core.domain.categories import (
    CategorySpan,
    current_codes,
    law_end,
    span_end,
)

BORN = date(2010, 5, 20)


@pytest.mark.parametrize(
    ("code", "day", "held"),
    [
        # 国发〔2016〕13号: 农村留守儿童 are under 16.
        ("left_behind", date(2026, 5, 19), True),
        ("left_behind", date(2026, 5, 20), False),
        # 2024 流动儿童 action plan, counted like the left-behind: under 16.
        ("floating", date(2026, 5, 20), False),
        # 民发〔2019〕62号, 国发〔2016〕36号 and 未成年人保护法 §2: children are under 18.
        ("orphan", date(2028, 5, 19), True),
        ("orphan", date(2028, 5, 20), False),
        ("de_facto_unsupported", date(2028, 5, 20), False),
        ("severe_disability", date(2028, 5, 20), False),
        ("poor_family", date(2027, 1, 1), True),
    ],
)
def test_the_law_ends_a_category_on_its_birthday(code, day, held):
    spans = [CategorySpan(code, date(2018, 1, 1))]
    assert (code in current_codes(spans, day, BORN)) is held


def test_an_aged_out_span_says_why_and_since_when_国发2016_13号():
    span = CategorySpan("left_behind", date(2018, 1, 1))
    assert span_end(span, BORN) == (date(2026, 5, 20), "aged_out")
    ended = CategorySpan("left_behind", date(2018, 1, 1), date(2020, 3, 1))
    assert span_end(ended, BORN) == (date(2020, 3, 1), "ended")
    assert span_end(CategorySpan("orphan", date(2018, 1, 1)), BORN) == (
        date(2028, 5, 20),
        "aged_out",
    )
    assert span_end(CategorySpan("orphan", date(2018, 1, 1)), None) == (None, "")


def test_born_on_29_february_ages_out_on_1_march():
    assert law_end("orphan", date(2012, 2, 29)) == date(2030, 3, 1)


@pytest.mark.parametrize(
    ("code", "schooling", "kept"),
    [
        ("orphan", "senior", True),
        ("de_facto_unsupported", "vocational", True),
        ("orphan", "dropout", False),
        ("orphan", "not_in_school", False),
        ("severe_disability", "senior", False),
    ],
)
def test_guangdong_keeps_orphans_and_de_facto_unsupported_in_school_粤民规字2019_10号(
    code, schooling, kept
):
    spans = [CategorySpan(code, date(2018, 1, 1))]
    after = date(2029, 1, 1)
    assert (code in current_codes(spans, after, BORN, schooling, keep_in_school=True)) is kept
    assert code not in current_codes(spans, after, BORN, schooling, keep_in_school=False)
