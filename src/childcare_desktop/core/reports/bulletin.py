"""The month's 通报 (bulletin) as a PDF: the dashboard's table per village (or town), a bar per
village of its visits owed, twelve months of children visited on time, and who reported late
against the calendar. The renderer sees the dashboard's figures only, never the store."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ...words import label
from .dashboard_figures import STATE_COLOURS, Dashboard, DivisionFigures
from .fonts import report_font
from .layout import (
    LABEL_FILL,
    PdfTarget,
    ReportMeta,
    build,
    day,
    frame_width,
    grid_style,
    long_table,
    para,
)

ROW_WORD = {"village": "村（居）", "town": "镇（街道）"}
# The states of the visits owed, as the bars show them, and their colours.
BARS = tuple(STATE_COLOURS.items())
COLUMNS = ("children", "due", "on_time", "late", "overdue", "pending", "concerns", "waiting")


def title(shown: Dashboard) -> str:
    year, month = shown.month.split("-")
    return f"儿童关爱服务工作通报（{year} 年 {int(month)} 月）"


def render_bulletin(shown: Dashboard, meta: ReportMeta, out: PdfTarget) -> int:
    below = ROW_WORD[shown.level]
    calendar = (
        f"每月 {shown.report_day} 日前报送" if shown.report_day else f"{shown.late_days} 天内报送"
    )
    story: list[Flowable] = [
        para(title(shown), "title"),
        para(
            f"统计单位：{shown.scope_name}　统计截至：{shown.as_of.isoformat()}　"
            f"定期报送：{calendar}",
            "note",
        ),
        para(f"一、各{below}走访与报送情况", "section"),
        _table(shown),
        Spacer(1, 2 * mm),
        para(
            "本月应访：本月已走访的儿童，及未走访但应访日期（上次走访加走访周期，从未走访的按"
            "档案所载日期）在本月底前的儿童；按时走访：在应访日期前（含当日）走访，首次走访均"
            "为按时；超期走访：过了应访日期才走访；逾期未访：截至统计日仍未走访且已过应访日期；"
            "待访：应访日期尚未到。未结关注、待审核按统计日计。",
            "note",
        ),
        KeepTogether([para(f"二、各{below}本月应访儿童（按走访情况）", "section"), _bars(shown)]),
        KeepTogether([para("三、近十二个月按时走访儿童人数", "section"), *_trend(shown)]),
        para("四、定期报送", "section"),
        para(_late_words(shown), "note"),
    ]
    return build(out, story, meta, wide=True)


def _table(shown: Dashboard) -> Flowable:
    head = [ROW_WORD[shown.level], *(label("dashboard_figure", c) for c in COLUMNS)]
    head += ["按时率", "最近批次", "报送"]
    rows: list[list] = [[para(h, "head") for h in head]]
    for row in (*shown.rows, shown.total):
        style = "label" if row is shown.total else "small"
        name = "合计" if row is shown.total else row.name
        rows.append(
            [
                para(name, style),
                *(str(row.figure(c)) for c in COLUMNS),
                _rate(row),
                "" if row is shown.total else _batch(row),
                para(_report_word(row), "alert" if row.late_report else "small"),
            ]
        )
    first = 34 * mm
    widths = [first, *[(frame_width(True) - first - 62 * mm) / (len(head) - 4)] * (len(head) - 4)]
    widths += [16 * mm, 28 * mm, 18 * mm]
    return long_table(
        rows,
        widths,
        grid_style(
            ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
            ("FONTSIZE", (1, 1), (-1, -1), 8),
            ("ALIGN", (1, 1), (-2, -1), "RIGHT"),
            ("BACKGROUND", (0, -1), (-1, -1), LABEL_FILL),
        ),
    )


def _rate(row: DivisionFigures) -> str:
    return f"{100 * row.on_time / row.due:.0f}%" if row.due else "—"


def _batch(row: DivisionFigures) -> str:
    if not row.last_batch:
        return "未收到" if row.station else "—"
    return f"第 {row.last_batch} 批 {day(row.last_batch_on)}"


def _report_word(row: DivisionFigures) -> str:
    if not row.station:
        return ""
    return "迟报" if row.late_report else "按时"


def _late_words(shown: Dashboard) -> str:
    stations = [r for r in shown.rows if r.station]
    if not stations:
        return "本级尚无下属站点报送同步批次。"
    if not shown.late:
        return f"{len(stations)} 个站点均已按时报送。"
    late = "、".join(
        f"{r.name}（{'最近一批 ' + day(r.last_batch_on) if r.last_batch else '未收到批次'}）"
        for r in shown.late
    )
    return f"{len(stations)} 个站点中 {len(shown.late)} 个迟报：{late}。"


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    drawing.initialFontName = report_font()  # not Helvetica, which has no Chinese
    return drawing


def _bars(shown: Dashboard) -> Drawing:
    """A bar per village: its visits owed, stacked by how they went."""
    font = report_font()
    rows = list(reversed(shown.rows))  # the first village at the top
    width = frame_width(True)
    height = max(40 * mm, (12 + 7 * len(rows)) * mm)
    drawing = _drawing(width, height + 10 * mm)
    if not rows:
        drawing.add(String(width / 2, height / 2, "无数据", fontName=font, textAnchor="middle"))
        return drawing
    chart = HorizontalBarChart()
    chart.x, chart.y = 36 * mm, 10 * mm
    chart.width, chart.height = width - 90 * mm, height - 4 * mm
    chart.data = [[r.figure(code) for r in rows] for code, _ in BARS]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [r.name for r in rows]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    for i, (_, colour) in enumerate(BARS):
        chart.bars[i].fillColor = colors.HexColor(colour)
        chart.bars[i].strokeColor = colors.white
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 48 * mm, height
    legend.fontName = font
    legend.fontSize = 8
    legend.colorNamePairs = [
        (colors.HexColor(colour), label("dashboard_figure", code)) for code, colour in BARS
    ]
    drawing.add(legend)
    return drawing


def _trend(shown: Dashboard) -> list[Flowable]:
    font = report_font()
    width, height = frame_width(True), 60 * mm
    drawing = _drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 20 * mm, 12 * mm
    chart.width, chart.height = width - 40 * mm, height - 20 * mm
    chart.data = [[p.on_time for p in shown.trend]]
    chart.categoryAxis.categoryNames = [f"{int(p.month[5:])}月" for p in shown.trend]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = colors.HexColor(BARS[0][1])
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    first, last = shown.trend[0].month, shown.trend[-1].month
    note = para(f"{first} 至 {last}，每月按时走访的儿童人数（本月按截至统计日计）。", "note")
    return [drawing, Spacer(1, 2 * mm), note]
