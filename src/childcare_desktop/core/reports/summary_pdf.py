"""The summary (汇总表) as an A4 PDF: one table per breakdown, per village, and two charts.

Only checked figures reach this module (the service refuses totals that disagree); every total
printed is the independently counted one, printed beside the parts it must equal.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from ...words import label
from ..domain.categories import CATEGORY_CODES
from ..domain.vocab import GUARDIANSHIP, SCHOOLING
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
from .summary import AGE_BANDS, BAND_WORDS, UNKNOWN, SummaryFigures, comparisons

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


def render_summary(f: SummaryFigures, meta: ReportMeta, out: PdfTarget) -> int:
    checks = len(comparisons(f))
    story: list[Flowable] = [
        para(f"儿童关爱服务汇总表（{LEVEL.get(f.level, f.level)}）", "title"),
        para(f"统计单位：{f.station}　统计对象：在册儿童　截至：{f.as_of.isoformat()}", "note"),
        *_part(
            "表一　基本情况",
            ["在册儿童", "男", "女", *_unknown_sex(f, "性别不详"), "有类别", "无类别"],
            [
                f.total,
                f.by_sex.get("male", 0),
                f.by_sex.get("female", 0),
                *_unknown_sex(f, f.by_sex.get(UNKNOWN, 0)),
                f.with_category,
                f.without_category,
            ],
        ),
        *_breakdown(
            "表二　年龄段",
            f.by_age,
            [b for b, _, _ in AGE_BANDS] + [UNKNOWN],
            f.total,
            BAND_WORDS.get,
        ),
        *_breakdown(
            "表三　儿童类别（人次，一名儿童可属多类）",
            f.by_category,
            list(CATEGORY_CODES),
            sum(f.by_category.values()),
            SHORT.get,
        ),
        *_breakdown(
            "表四　监护情况",
            f.by_guardianship,
            [*GUARDIANSHIP, "", UNKNOWN],
            f.total,
            lambda c: _word("guardianship", c),
        ),
        *_breakdown(
            "表五　就学情况",
            f.by_schooling,
            [*SCHOOLING, "", UNKNOWN],
            f.total,
            lambda c: _word("schooling", c) if c else "未填",
        ),
        CondPageBreak(75 * mm),
        para("图　儿童类别（人次）与监护情况", "section"),
        _charts(f),
        CondPageBreak(40 * mm),
        para("表六　分村（居）统计", "section"),
        _villages(f),
        Spacer(1, 3 * mm),
        para(f"表间勾稽：以上各表合计均等于分项之和（共核对 {checks} 项，全部一致）。", "note"),
    ]
    return build(out, story, meta)


def _part(title: str, head: list[str], values: list[int]) -> list[Flowable]:
    width = frame_width(False) / len(head)
    cells = [[para(h, "head") for h in head], [para(v, "head") for v in values]]
    table = Table(cells, colWidths=[width] * len(head), style=grid_style(_fill()))
    return [CondPageBreak(25 * mm), para(title, "section"), table]


def _breakdown(title, counts: dict[str, int], order: list[str], total: int, words):
    """The parts in a fixed order (codes not in the vocabulary after them), then the total."""
    codes = order + sorted(k for k in counts if k not in order)
    head = [words(c) or c for c in codes] + ["合计"]
    return _part(title, head, [counts.get(c, 0) for c in codes] + [total])


def _word(kind: str, code: str) -> str:
    return BAND_WORDS[UNKNOWN] if code == UNKNOWN else label(kind, code)


def _unknown_sex(f: SummaryFigures, shown) -> list:
    """A column for the children whose sex code no form offers, only when there are some: the
    summary a county knows has 男 and 女 alone."""
    return [shown] if f.by_sex.get(UNKNOWN) else []


def _fill() -> tuple:
    return ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL)


def _villages(f: SummaryFigures) -> Flowable:
    head = ["村（居）", "合计", "男", "女", *_unknown_sex(f, "不详")]
    head += [SHORT[c] for c in CATEGORY_CODES]
    first = 30 * mm
    rest = (frame_width(False) - first) / (len(head) - 1)
    rows: list[list] = [[para(h, "head") for h in head]]
    for v in f.villages:
        counts = [v.total, v.male, v.female, *_unknown_sex(f, v.unknown_sex)]
        counts += [v.by_category.get(c, 0) for c in CATEGORY_CODES]
        rows.append([para(v.name, "small"), *(str(n) for n in counts)])
    totals = [f.total, f.by_sex.get("male", 0), f.by_sex.get("female", 0)]
    totals += _unknown_sex(f, f.by_sex.get(UNKNOWN, 0))
    totals += [f.by_category.get(c, 0) for c in CATEGORY_CODES]
    rows.append([para("合计", "label"), *(str(n) for n in totals)])
    return long_table(
        rows,
        [first] + [rest] * (len(head) - 1),
        grid_style(
            _fill(),
            ("FONTSIZE", (1, 1), (-1, -1), 8),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ("BACKGROUND", (0, -1), (-1, -1), LABEL_FILL),
        ),
    )


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
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 22 * mm, 6 * mm
    chart.width, chart.height = width - 30 * mm, height - 12 * mm
    codes = list(reversed(CATEGORY_CODES))  # the first category at the top
    chart.data = [[f.by_category.get(c, 0) for c in codes]]
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
    drawing = _drawing(width, height)
    codes = [c for c in (*GUARDIANSHIP, "", UNKNOWN) if f.by_guardianship.get(c)]
    if not codes:
        drawing.add(String(width / 2, height / 2, "无数据", fontName=font, textAnchor="middle"))
        return drawing
    pie = Pie()
    size = min(width, height) - 24 * mm
    pie.x, pie.y = (width - size) / 2, (height - size) / 2
    pie.width = pie.height = size
    pie.data = [f.by_guardianship[c] for c in codes]
    total = sum(pie.data)
    pie.labels = [
        f"{_word('guardianship', c)} {100 * f.by_guardianship[c] / total:.0f}%" for c in codes
    ]
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
