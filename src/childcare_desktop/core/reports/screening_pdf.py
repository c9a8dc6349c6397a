"""排查's result as an A4 PDF: the round (who opened it, for which area, the deadline), the
coverage of each village (to screen, screened, not yet, found in a category, late in red), the
villages late, then the children found in a category and those still to screen in a late
village. The renderer sees the service's frozen status, never the store."""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm

from ...words import label
from .layout import (
    PdfTarget,
    ReportMeta,
    build,
    day,
    frame_width,
    grid_style,
    header_row_style,
    long_table,
    para,
)

LATE_RED = colors.HexColor("#b00000")
KIND = {"child": "已建档", "person": "名单新增"}


def render_screening(status, station: str, printed_on: date, out: PdfTarget) -> int:
    """`status`: services.screening.RoundStatus. Returns the number of pages."""
    r = status.round
    title = f"排查结果：{r.title}"
    late = status.late
    share = f"{status.screened * 100 // status.to_screen}%" if status.to_screen else "—"
    found = [s for s in status.subjects if s.found]
    story = [
        para(title, "title"),
        para(
            f"发起单位：{r.division_name or r.division_code}　发起人：{r.opened_by}　"
            f"发起日期：{day(r.opened_on)}　截止日期：{day(r.deadline)}"
            + (f"　结束日期：{day(r.closed_on)}" if r.closed_on else ""),
            "note",
        ),
        para(
            "排查对象：发起之日未满十八周岁、在册的本辖区儿童（此后登记的儿童一并计入），"
            "以及名单所列尚未建档的儿童"
            + (f"（{r.population_note}）" if r.population_note else ""),
            "note",
        ),
        para(
            f"应排查 {status.to_screen} 人，已排查 {status.screened} 人（{share}），"
            f"发现困境、留守等情形 {len(found)} 人。"
            + (
                "逾期未完成：" + "、".join(v.village_name or v.village_code for v in late) + "。"
                if late
                else "无逾期未完成的村（居）。"
            ),
            "note",
        ),
        para("一、各村（居）排查进度", "section"),
        _villages(status),
    ]
    if found:
        story += [para("二、发现困境、留守等情形的儿童", "section"), _found(found)]
    waiting = [s for s in status.subjects if not s.screened and _late_in(s.village_code, late)]
    if waiting:
        story += [para("三、逾期未排查的儿童", "section"), _waiting(waiting)]
    return build(out, story, ReportMeta(station, printed_on, title))


def _late_in(village: str, late) -> bool:
    return any(v.village_code == village for v in late)


def _villages(status):
    head = ["序号", "村（居）", "应排查", "已排查", "未排查", "完成率", "发现情形", "状态"]
    rows = [[para(h, "head") for h in head]]
    styles = [header_row_style()]
    for n, v in enumerate(status.villages, 1):
        share = f"{v.screened * 100 // v.to_screen}%" if v.to_screen else "—"
        state = "逾期" if v.late else ("已完成" if v.screened >= v.to_screen else "进行中")
        rows.append(
            [str(n), para(v.village_name or v.village_code), str(v.to_screen), str(v.screened),
             str(v.to_screen - v.screened), share, str(v.found), state]
        )  # fmt: skip
        if v.late:
            styles.append(("TEXTCOLOR", (7, n), (7, n), LATE_RED))
    rows.append(
        ["", "合计", str(status.to_screen), str(status.screened),
         str(status.to_screen - status.screened), "", str(sum(v.found for v in status.villages)),
         ""]
    )  # fmt: skip
    return long_table(rows, _widths([10, 50, 18, 18, 18, 18, 20, 20]), grid_style(*styles))


def _found(subjects):
    head = ["序号", "姓名", "村（居）", "对象", "排查日期", "发现情形"]
    rows = [[para(h, "head") for h in head]]
    for n, s in enumerate(subjects, 1):
        rows.append(
            [str(n), para(s.name), para(s.village_name or s.village_code), KIND[s.kind],
             day(s.screened_on), para("、".join(label("category", c) for c in s.found), "small")]
        )  # fmt: skip
    return long_table(rows, _widths([10, 24, 36, 20, 22, 60]), grid_style(header_row_style()))


def _waiting(subjects):
    head = ["序号", "姓名", "村（居）", "对象", "出生日期"]
    rows = [[para(h, "head") for h in head]]
    for n, s in enumerate(subjects, 1):
        rows.append(
            [str(n), para(s.name), para(s.village_name or s.village_code), KIND[s.kind],
             day(s.birth_date)]
        )  # fmt: skip
    return long_table(rows, _widths([10, 30, 50, 24, 26]), grid_style(header_row_style()))


def _widths(wished_mm: list[float]) -> list[float]:
    wished = [w * mm for w in wished_mm]
    return [w * frame_width(False) / sum(wished) for w in wished]
