"""The dashboard's tables: the figures per village (or town), and the list behind a figure."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

from ...core.reports.dashboard_figures import FIGURES, DivisionFigures
from ...core.services.dashboard import Listed
from .. import i18n
from .rows_model import RowsModel

LATE = QBrush(QColor("#c00000"))
COL_NAME = 0
# A figure's column: after the name, in FIGURES' order; then the last batch and the report.
COL_FIGURE = {figure: i for i, figure in enumerate(FIGURES, 1)}
COL_BATCH, COL_REPORT = len(FIGURES) + 1, len(FIGURES) + 2


class DashboardModel(RowsModel):
    """A row per village (or town), the total last."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.level = "village"

    def set_figures(self, rows: tuple[DivisionFigures, ...], total: DivisionFigures) -> None:
        self.set_rows((*rows, total))

    def headers(self) -> list[str]:
        below = self.tr("镇（街道）") if self.level == "town" else self.tr("村（居）")
        figures = [i18n.label("dashboard_figure", f) for f in FIGURES]
        return [below, *figures, self.tr("最近批次"), self.tr("报送")]

    def cells(self, r: DivisionFigures) -> list[str]:
        total = self.is_total(r)
        name = self.tr("合计") if total else r.name
        return [name, *(str(r.figure(f)) for f in FIGURES), "" if total else self._batch(r),
                self._report(r)]  # fmt: skip

    def is_total(self, r: DivisionFigures) -> bool:
        return bool(self._rows) and r is self._rows[-1]

    def _batch(self, r: DivisionFigures) -> str:
        if not r.last_batch:
            return self.tr("未收到") if r.station else ""
        words = self.tr("第 %1 批 %2").replace("%1", str(r.last_batch))
        return words.replace("%2", r.last_batch_on.isoformat() if r.last_batch_on else "")

    def _report(self, r: DivisionFigures) -> str:
        if not r.station:
            return ""
        return self.tr("迟报") if r.late_report else self.tr("按时")

    def brush(self, r: DivisionFigures, row: int) -> QBrush | None:
        return LATE if r.late_report else None

    def figure_at(self, column: int) -> str | None:
        """The figure a column shows (None for the name, the batch and the report)."""
        return next((f for f, c in COL_FIGURE.items() if c == column), None)


class ListedModel(RowsModel):
    """The children behind a figure: who, where, what, and the dates that say why."""

    def headers(self) -> list[str]:
        return [self.tr("姓名"), self.tr("村（居）"), self.tr("情况"), self.tr("应访日期"),
                self.tr("本月走访"), self.tr("发现或提交日期")]  # fmt: skip

    def cells(self, x: Listed) -> list[str]:
        return [x.name, x.village_name, _kind(x.kind), _day(x.owed_by), _day(x.visited),
                _day(x.noted_on)]  # fmt: skip

    def child_of(self, x: Listed) -> str | None:
        return x.child


def _kind(code: str) -> str:
    for vocabulary in ("dashboard_figure", "concern_kind", "review_kind"):
        words = i18n.label(vocabulary, code)
        if words != code:
            return words
    return code


def _day(value) -> str:
    return value.isoformat() if value else ""
