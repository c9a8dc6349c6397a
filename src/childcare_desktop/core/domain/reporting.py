"""定期报送: the reporting calendar a county sets for the stations below it, and who is late.

"Monthly by the 5th" asks every station below for a batch in the first days of each month, from
the 1st to the 5th (the month before, reported): once the 5th has passed, a station whose last
batch came before the 1st of that month is late. Without a calendar a station is late after a
number of days without a batch (the sync status's rule).
"""

from __future__ import annotations

from datetime import date, timedelta

# The setting, carried down like the visit policy: the day of the month a batch is due by.
REPORT_DAY = "report_day"
# A day every month has.
REPORT_DAYS = range(1, 29)


def report_day_ok(value: object) -> bool:
    """A due day as a county sends it: a whole day of the month that every month has."""
    return type(value) is int and value in REPORT_DAYS


def last_due_date(today: date, day: int) -> date:
    """The latest due date already past: the `day` of this month once it is over, else the
    `day` of the month before (the due day itself still counts as in time)."""
    due = today.replace(day=day)
    if due < today:
        return due
    return (today.replace(day=1) - timedelta(days=1)).replace(day=day)


def reported_by(today: date, day: int) -> date:
    """The first day a batch counts for the last due date: the 1st of its month."""
    return last_due_date(today, day).replace(day=1)


def reported_late(last_batch: date | None, today: date, day: int | None, late_days: int) -> bool:
    """Whether a station whose last batch came on `last_batch` (None: never) is late today:
    against the calendar when one is set (`day`), else after `late_days` without a batch."""
    if last_batch is None:
        return True
    if day is None:
        return last_batch < today - timedelta(days=late_days)
    return last_batch < reported_by(today, day)
