"""定期报送: the last due date already past, and who is late against a calendar or without one."""

from __future__ import annotations

from datetime import date

import pytest

from childcare_desktop.core.domain.reporting import (
    last_due_date,
    report_day_ok,
    reported_by,
    reported_late,
)


@pytest.mark.parametrize(
    ("today", "day", "due"),
    [
        (date(2026, 5, 10), 5, date(2026, 5, 5)),
        (date(2026, 5, 6), 5, date(2026, 5, 5)),
        (date(2026, 5, 5), 5, date(2026, 4, 5)),  # the due day itself is still in time
        (date(2026, 5, 3), 5, date(2026, 4, 5)),
        (date(2026, 1, 3), 5, date(2025, 12, 5)),
        (date(2026, 3, 1), 28, date(2026, 2, 28)),
        (date(2026, 3, 29), 28, date(2026, 3, 28)),
        (date(2026, 5, 2), 1, date(2026, 5, 1)),
    ],
)
def test_the_last_due_date_already_past(today, day, due):
    assert last_due_date(today, day) == due
    assert reported_by(today, day) == due.replace(day=1)


@pytest.mark.parametrize(
    ("last_batch", "today", "late"),
    [
        (None, date(2026, 5, 10), True),
        (date(2026, 5, 3), date(2026, 5, 10), False),  # May's batch by the 5th
        (date(2026, 5, 1), date(2026, 5, 10), False),
        (date(2026, 4, 28), date(2026, 5, 10), True),  # nothing since May began, the 5th past
        (date(2026, 4, 28), date(2026, 5, 5), False),  # still the 5th: April's stands
        (date(2026, 4, 2), date(2026, 5, 4), False),
        (date(2026, 3, 31), date(2026, 5, 4), True),  # April's was due by 5 April
        (date(2026, 5, 8), date(2026, 5, 10), False),  # late in the month, but it came
    ],
)
def test_a_station_is_late_against_monthly_by_the_5th(last_batch, today, late):
    assert reported_late(last_batch, today, 5, 35) is late


def test_without_a_calendar_a_station_is_late_after_its_days():
    today = date(2026, 5, 10)
    assert reported_late(date(2026, 4, 5), today, None, 35) is False
    assert reported_late(date(2026, 4, 4), today, None, 35) is True
    assert reported_late(None, today, None, 35) is True


@pytest.mark.parametrize(
    ("value", "ok"), [(1, True), (28, True), (0, False), (29, False), ("5", False), (5.0, False),
                      (True, False)]
)  # fmt: skip
def test_a_due_day_is_one_every_month_has(value, ok):
    assert report_day_ok(value) is ok
