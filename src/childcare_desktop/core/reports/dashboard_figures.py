"""The dashboard's figures (督导看板) as the services give them to the GUI, the CLI and the 通报:
per division (a village, or a town at a county) and in total, with twelve months of trend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# A child's states in a month; together they make up the children owed a visit (`due`).
STATES = ("on_time", "late", "overdue", "pending")
FIGURES = ("children", "due", *STATES, "concerns", "waiting")
# The colour of each state where a chart shows it (the 通报's bars, the window's).
STATE_COLOURS = {
    "on_time": "#59a14f",
    "late": "#edc948",
    "overdue": "#e15759",
    "pending": "#bab0ac",
}


@dataclass(frozen=True)
class FigureList:
    """The list behind a figure: which figure, of which division ("" for all shown), in which
    month (YYYY-MM); at a county, `town` is the town drilled into."""

    figure: str
    division: str
    month: str
    town: str = ""


@dataclass(frozen=True)
class DivisionFigures:
    """One village's (or town's) figures; the total row has the code of what is shown."""

    code: str
    name: str
    children: int = 0
    due: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    pending: int = 0
    concerns: int = 0
    waiting: int = 0
    last_batch: int = 0  # the last batch received from the station: its number (0: none)
    last_batch_on: date | None = None
    station: bool = False  # a station enrolled below, which reports
    late_report: bool = False  # a station that is late against the calendar

    def figure(self, name: str) -> int:
        return getattr(self, name)


@dataclass(frozen=True)
class TrendPoint:
    month: str  # YYYY-MM
    on_time: int


@dataclass(frozen=True)
class Dashboard:
    station: str  # this station's name
    month: str  # YYYY-MM
    as_of: date
    scope: str  # the division shown: this station's, or the town drilled into at a county
    scope_name: str
    level: str  # what each row is: village or town
    rows: tuple[DivisionFigures, ...]
    total: DivisionFigures
    trend: tuple[TrendPoint, ...] = ()
    report_day: int | None = None  # the reporting calendar's day, when one is set
    late_days: int = 0  # without a calendar, late after this many days
    town: str = ""  # at a county, the town drilled into

    def list_of(self, figure: str, division: str = "") -> FigureList:
        """The list behind `figure` of the row `division` ("" for the total)."""
        return FigureList(figure, division, self.month, self.town)

    @property
    def late(self) -> tuple[DivisionFigures, ...]:
        """The stations below that are late with their batch."""
        return tuple(r for r in self.rows if r.late_report)
