"""The month's 通报 read back with pdftotext: the dashboard's table per village with its
figures, the bars' and the trend's Chinese labels, and who reported late, in words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from childcare_desktop.core.reports.bulletin import render_bulletin
from childcare_desktop.core.reports.dashboard_figures import (
    Dashboard,
    DivisionFigures,
    TrendPoint,
)
from childcare_desktop.core.reports.layout import ReportMeta
from childcare_desktop.core.services.bulletin import print_bulletin
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import tables as t
from tests.conftest import PASSPHRASE
from tests.core.reports import poppler
from tests.core.services import dashboard_town as town_month
from tests.core.services.dashboard_town import APRIL, MONTH, TODAY, A, B


@pytest.fixture
def town(data_dir: Path):
    store, _ = init_station(
        data_dir / "town.db", PASSPHRASE, "town", town_month.TOWN, "石坑镇", "张督导"
    )
    town_month.build(store)
    yield store
    store.close()


def _line(text: str, first: str) -> list[str]:
    """The words of the table's line that starts with `first` (the table comes before the bars,
    which name the villages too)."""
    return next(ln.split() for ln in text.splitlines() if ln.split()[:1] == [first])


def test_the_bulletin_prints_the_dashboard_s_figures(town, tmp_path):
    out = tmp_path / "bulletin.pdf"
    printed = print_bulletin(town, MONTH, out, TODAY)
    assert printed.pages >= 1 and printed.rows == 2
    text = poppler.text(out)
    columns = ("children", "due", "on_time", "late", "overdue", "pending", "concerns", "waiting")
    for village, name in ((A, "上村"), (B, "下村")):
        figures = _line(text, name)[1:9]
        assert figures == [str(APRIL[village][c]) for c in columns], name
    total = _line(text, "合计")[1:9]
    assert total == [str(APRIL[A][c] + APRIL[B][c]) for c in columns]
    flat = poppler.flat_text(out)
    assert "儿童关爱服务工作通报（2026年4月）" in flat
    assert "统计截至：2026-04-20" in flat
    for words in ("按时走访", "超期走访", "逾期未访", "待访", "5月", "4月"):  # bars and trend
        assert words in flat, words
    assert "2025-05至2026-04" in flat
    assert {f["emb"] for f in poppler.fonts(out)} == {"yes"}
    with town.read() as conn:
        (entry,) = conn.execute(t.audit.select().where(t.audit.c.entity == "bulletin")).all()
    assert entry.action == "print" and entry.detail == "bulletin 2026-04"


def test_who_reported_late_is_said_with_the_last_batch(tmp_path):
    rows = (
        DivisionFigures("441481103201", "上村", station=True, last_batch=3,
                        last_batch_on=date(2026, 3, 30), late_report=True),
        DivisionFigures("441481103202", "下村", station=True, last_batch=4,
                        last_batch_on=date(2026, 4, 3)),
        DivisionFigures("441481103203", "中村", station=True, late_report=True),
    )  # fmt: skip
    shown = Dashboard(
        "石坑镇", "2026-04", TODAY, "441481103", "石坑镇", "village", rows,
        DivisionFigures("441481103", "石坑镇"),
        tuple(TrendPoint(f"2026-{m:02d}", m) for m in range(1, 5)), report_day=5,
    )  # fmt: skip
    out = tmp_path / "late.pdf"
    render_bulletin(shown, ReportMeta("石坑镇", TODAY, "通报"), out)
    flat = poppler.flat_text(out)
    assert "定期报送：每月5日前报送" in flat
    assert "3个站点中2个迟报：上村（最近一批2026-03-30）、中村（未收到批次）。" in flat
    text = poppler.text(out)
    assert _line(text, "上村")[-1] == "迟报" and _line(text, "下村")[-1] == "按时"
    assert "第 4 批 2026-04-03" in text
