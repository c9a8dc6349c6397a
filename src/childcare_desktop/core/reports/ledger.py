"""走访台账: the month's visit ledger, per child: due date, visits done, overdue or pending."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm

from ...words import label
from .child_file import MODES
from .errors import ReportError
from .layout import (
    PdfTarget,
    ReportMeta,
    build,
    day,
    frame_width,
    grid_style,
    lines_para,
    long_table,
    para,
)
from .layout import header_row_style as head_fill

HEAD = (
    ("序号", 9),
    ("姓名", 22),
    ("村（居）", 20),
    ("儿童类别", 38),
    ("监护情况", 13),
    ("应访日期", 18),
    ("走访日期", 18),
    ("方式", 10),
    ("走访人", 22),
    ("状态", 22),
    ("备注", 0),  # the rest of the width: room to write by hand
)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class LedgerLine:
    name: str
    village: str
    categories: tuple[str, ...]
    guardianship: str
    due: date | None
    visits: tuple[tuple[date, str, str], ...]  # (date, mode code, visitor)

    def state(self, as_of: date) -> str:
        """done, overdue (as of the month's end, or today within the month) or pending."""
        if self.visits:
            return "done"
        if self.due is not None and as_of > self.due:
            return "overdue"
        return "pending"


def month_bounds(month: str) -> tuple[date, date]:
    match = _MONTH.match(month or "")
    if not match or not 1 <= int(match[2]) <= 12:
        raise ReportError("bad_month", month=month)
    year, number = int(match[1]), int(match[2])
    return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])


def render_ledger(
    lines: list[LedgerLine], meta: ReportMeta, first: date, as_of: date, out: PdfTarget
) -> int:
    widths = [w * mm for _, w in HEAD]
    widths[-1] = frame_width(True) - sum(widths)
    rows: list[list] = [[para(h, "head") for h, _ in HEAD]]
    counts = {"done": 0, "overdue": 0, "pending": 0}
    for number, line in enumerate(lines, 1):
        state = line.state(as_of)
        counts[state] += 1
        rows.append(
            [
                str(number),
                para(line.name, "small"),
                para(line.village, "small"),
                para("、".join(label("category", c) for c in line.categories), "small"),
                label("guardianship", line.guardianship),
                day(line.due),
                *_visit_cells(line.visits),
                para(
                    _state_words(state, line.due, as_of), "alert" if state == "overdue" else "small"
                ),
                "",
            ]
        )
    if not lines:
        rows.append([para("本月无应访或已访儿童")] + [""] * (len(HEAD) - 1))
    table = long_table(
        rows,
        widths,
        grid_style(
            head_fill(),
            ("FONTSIZE", (0, 1), (-1, -1), 7.5),
            *([("SPAN", (0, 1), (-1, 1))] if not lines else []),
        ),
    )
    title = f"走访台账（{first.year} 年 {first.month} 月）"
    totals = (
        f"应访或已访 {len(lines)} 人：已走访 {counts['done']} 人，逾期 {counts['overdue']} 人，"
        f"待走访 {counts['pending']} 人。逾期按 {as_of.isoformat()} 计。"
    )
    sign = "走访人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日"
    story = [para(title, "title"), table, para(totals, "note"), para(sign, "note")]
    return build(out, story, meta, wide=True)


def _visit_cells(visits: tuple[tuple[date, str, str], ...]) -> list:
    """Date, mode and visitor of the month's visits: plain strings for none or one visit (quick
    to lay out in a long ledger), one line per visit when there are several."""
    if not visits:
        return ["", "", ""]
    if len(visits) == 1:
        when, mode, visitor = visits[0]
        return [day(when), MODES.get(mode, mode), para(visitor, "small")]
    return [
        lines_para([day(d) for d, _, _ in visits]),
        lines_para([MODES.get(m, m) for _, m, _ in visits]),
        lines_para([who for _, _, who in visits]),
    ]


def _state_words(state: str, due: date | None, as_of: date) -> str:
    if state == "done":
        return "已走访"
    if state == "overdue" and due is not None:
        return f"逾期 {(as_of - due).days} 天"
    return "待走访"
