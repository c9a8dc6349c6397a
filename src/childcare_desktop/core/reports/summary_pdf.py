"""The summary (汇总表) as an A4 PDF: the national form's tables of left-behind children, the
station's tables of every child counted, one table per category, each per village and in total.

Only checked figures reach this module (the service refuses totals that disagree); every total
printed is the counted one, printed beside the parts it must equal.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from ..domain.categories import CATEGORY_CODES
from ..domain.vocab import GUARDIANSHIP
from .fonts import report_font
from .layout import (
    LABEL_FILL,
    PdfTarget,
    ReportMeta,
    build,
    frame_width,
    grid_style,
    long_table,
    para,
)
from .summary import NOT_GIVEN, UNKNOWN, UNKNOWN_AGE, SummaryFigures, comparisons, part_word
from .summary import Table as FigureTable

LEVEL = {"village": "村（居）级", "town": "镇（街道）级", "county": "县（区）级"}
SHORT = {
    "left_behind": "留守",
    "floating": "流动",
    "orphan": "孤儿",
    "de_facto_unsupported": "事实无人抚养",
    "severe_disability": "重残",
    "serious_illness": "重病",
    "poor_family": "贫困家庭",
    "guardianship_lacking": "监护缺失",
    "other_distress": "其他困境",
}
PIE_COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#bab0ac", "#59a14f", "#edc948")
# Columns printed only when some child is in them: the forms a county knows have none of them.
SHOWN_WHEN_USED = frozenset({UNKNOWN, UNKNOWN_AGE, NOT_GIVEN, "16-17", "18+"})
NATIONAL = (
    "category.left_behind",
    "left.parents",
    "left.entrusted",
    "left.guardian_type",
    "left.schooling",
)
STATION = ("sex", "age", "guardianship", "schooling", "category")


def render_summary(f: SummaryFigures, meta: ReportMeta, out: PdfTarget) -> int:
    checks = len(comparisons(f))
    number = iter(range(1, len(f.tables) + 1))
    story: list[Flowable] = [
        para(f"儿童关爱服务汇总表（{LEVEL.get(f.level, f.level)}）", "title"),
        para(
            f"统计单位：{f.station}　截止日期：{f.as_of.isoformat()}　统计对象：截止日期已登记、"
            "未销档的儿童；儿童类别与年龄均按截止日期计算",
            "note",
        ),
        para("一、农村留守儿童（按 2016 年农村留守儿童摸底排查汇总表）", "section"),
        para(
            "农村留守儿童：因父母双方外出务工或一方外出务工另一方无监护能力，无法与父母正常共同"
            "生活的不满十六周岁农村户籍未成年人（国发〔2016〕13号）。年龄段 0–5、6–13、14–15 岁。",
            "note",
        ),
    ]
    if f.waiting_review:
        story.append(
            para(f"另有 {f.waiting_review} 份新建档案待审核，审核通过前不计入本表。", "note")
        )
    for code in NATIONAL:
        story += _table(f.table(code), next(number))
    story.append(para("二、在册儿童", "section"))
    for code in STATION:
        story += _table(f.table(code), next(number))
    story += [
        CondPageBreak(75 * mm),
        para("图　儿童类别（人次）与监护情况", "section"),
        _charts(f),
        para("三、各类儿童", "section"),
    ]
    for code in CATEGORY_CODES[1:]:
        story += _table(f.table(f"category.{code}"), next(number))
    story += [
        Spacer(1, 3 * mm),
        para(
            f"表间勾稽：各表每行合计等于其分项之和，各村（居）之和等于合计行，同一批儿童的各表"
            f"合计相同（共核对 {checks} 项，全部一致）。",
            "note",
        ),
    ]
    return build(out, story, meta)


def _columns(t: FigureTable) -> list[str]:
    parts = [p for g in t.groups for p in g] + list(t.counted)
    return [p for p in parts if p not in SHOWN_WHEN_USED or t.total.counts.get(p)]


def _table(t: FigureTable, number: int) -> list[Flowable]:
    parts = _columns(t)
    head = ["村（居）", "合计", *(_head(t, p) for p in parts)]
    first = 30 * mm
    rest = (frame_width(False) - first) / (len(head) - 1)
    rows: list[list] = [[para(h, "head") for h in head]]
    for line in (*t.villages, t.total):
        counts = [line.total, *(line.counts.get(p, 0) for p in parts)]
        style = "label" if line is t.total else "small"
        rows.append([para(line.name, style), *(str(n) for n in counts)])
    table = long_table(
        rows,
        [first] + [rest] * (len(head) - 1),
        grid_style(
            ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
            ("FONTSIZE", (1, 1), (-1, -1), 8),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ("BACKGROUND", (0, -1), (-1, -1), LABEL_FILL),
        ),
    )
    return [CondPageBreak(30 * mm), para(f"表{number}　{t.title}", "section"), table]


def _head(t: FigureTable, part: str) -> str:
    if part in CATEGORY_CODES:
        return SHORT[part]
    return part_word(t, part)


def _charts(f: SummaryFigures) -> Flowable:
    width = frame_width(False) / 2
    height = 70 * mm
    return Table(
        [[_category_bars(f, width, height), _guardianship_pie(f, width, height)]],
        colWidths=[width, width],
        style=[("FONTNAME", (0, 0), (-1, -1), report_font())],
    )


def _category_bars(f: SummaryFigures, width: float, height: float) -> Drawing:
    font = report_font()
    counts = f.table("category").total.counts
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 22 * mm, 6 * mm
    chart.width, chart.height = width - 30 * mm, height - 12 * mm
    codes = list(reversed(CATEGORY_CODES))  # the first category at the top
    chart.data = [[counts.get(c, 0) for c in codes]]
    chart.categoryAxis.categoryNames = [SHORT[c] for c in codes]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = colors.HexColor(PIE_COLORS[0])
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    drawing.add(chart)
    return drawing


def _guardianship_pie(f: SummaryFigures, width: float, height: float) -> Drawing:
    font = report_font()
    grades = f.table("guardianship")
    counts = grades.total.counts
    drawing = _drawing(width, height)
    codes = [c for c in (*GUARDIANSHIP, NOT_GIVEN, UNKNOWN) if counts.get(c)]
    if not codes:
        drawing.add(String(width / 2, height / 2, "无数据", fontName=font, textAnchor="middle"))
        return drawing
    pie = Pie()
    size = min(width, height) - 24 * mm
    pie.x, pie.y = (width - size) / 2, (height - size) / 2
    pie.width = pie.height = size
    pie.data = [counts[c] for c in codes]
    total = sum(pie.data)
    pie.labels = [f"{part_word(grades, c)} {100 * counts[c] / total:.0f}%" for c in codes]
    pie.sideLabels = True
    pie.slices.fontName = font
    pie.slices.fontSize = 7
    pie.slices.strokeColor = colors.white
    for i in range(len(codes)):
        pie.slices[i].fillColor = colors.HexColor(PIE_COLORS[i % len(PIE_COLORS)])
    drawing.add(pie)
    return drawing


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    # The renderer starts every drawing in Helvetica unless told otherwise, and Helvetica is
    # neither embedded nor able to show Chinese.
    drawing.initialFontName = report_font()
    return drawing
