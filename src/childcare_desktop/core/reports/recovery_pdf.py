"""The recovery code on one A4 page, to be printed at set-up and locked in the station's office's
safe (a village's committee, a town's government, a county's civil affairs bureau).

The code is the only way into the store when the passphrase is forgotten, and it is shown once:
the page carries it in large groups, numbered as the set-up wizard asks for them, with the
station it opens and what to do with the paper, in Chinese with the English beneath.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from ...words import EN, ZH, label
from ..domain.division import level_of
from .layout import LABEL_FILL, ReportMeta, build, frame_width, grid_style, para, styles

TITLE = "恢复码 Recovery code"
CODE_POINTS = 34  # read from paper by someone typing it months later: large
PER_ROW = 3

PURPOSE = (
    "忘记密码时，只有这个恢复码能打开本站的儿童信息，并设置新密码。恢复码不会再次显示，"
    "程序也不保存它：丢了它又忘了密码，数据就再也打不开。",
    "When the passphrase is forgotten, only this code opens this station's children's records "
    "and sets a new passphrase. It is not shown again and the program does not keep it: "
    "without it and the passphrase, the records can never be opened.",
)
KEEPING = (
    "请把这张纸和本站名称一起锁进{office}的保险柜，不要和电脑放在一起。不要把恢复码存在"
    "电脑或手机上，不要拍照发到群里。拿到恢复码的人加上这台电脑就能看到所有儿童信息。",
    "Lock this page in the safe of {office}, away from the computer. Do not keep the code on "
    "a computer or phone and do not post a photo of it: whoever holds the code and this "
    "computer can read every child's record.",
)


def render_recovery_code(
    out: Path, station: str, station_code: str, code: str, made_on: date
) -> int:
    """Write the page and return its number of pages (one)."""
    role = level_of(station_code) or "village"
    story: list[Flowable] = [
        para(TITLE, "title"),
        _station_table(station, station_code, made_on, code),
        Spacer(1, 8 * mm),
        _code_table(code),
        Spacer(1, 8 * mm),
        para("它有什么用 What it is for", "section"),
        para(PURPOSE[0], "note"),
        para(PURPOSE[1], "note"),
        para("放在哪里 Where to keep it", "section"),
        para(KEEPING[0].format(office=label("station_office", role, ZH)), "note"),
        para(KEEPING[1].format(office=label("station_office", role, EN)), "note"),
        Spacer(1, 12 * mm),
        para("保管人签字 Kept by：____________________　　日期 Date：____________", "note"),
    ]
    return build(out, story, ReportMeta(station, made_on, TITLE))


def _station_table(station: str, station_code: str, made_on: date, code: str) -> Table:
    width = frame_width(False)
    rows = [
        [para("站点 Station", "label"), para(station)],
        [para("区划代码 Division code", "label"), para(station_code)],
        [para("设置日期 Set up on", "label"), para(made_on.isoformat())],
        # Whole, as the recovery dialog takes it (dashes and spaces may be typed or left out).
        [para("恢复码 Recovery code", "label"), para(code)],
    ]
    fill = ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL)
    return Table(rows, colWidths=[width * 0.3, width * 0.7], style=grid_style(fill))


def _code_table(code: str) -> Table:
    """The groups in two rows of three boxes, each under its number (第 3 组 group 3), as the
    set-up wizard asks for them; one word per box, never wrapped."""
    groups = code.split("-")
    big = ParagraphStyle(
        "code",
        parent=styles()["cell"],
        fontSize=CODE_POINTS,
        leading=CODE_POINTS * 1.3,
        alignment=TA_CENTER,
        wordWrap=None,
    )
    rows: list[list] = []
    style: list[tuple] = []
    for start in range(0, len(groups), PER_ROW):
        numbers = range(start + 1, min(start + PER_ROW, len(groups)) + 1)
        style.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), LABEL_FILL))
        rows.append([para(f"第 {n} 组 group {n}", "head") for n in numbers])
        style += [("TOPPADDING", (0, len(rows)), (-1, len(rows)), 6),
                  ("BOTTOMPADDING", (0, len(rows)), (-1, len(rows)), 10)]  # fmt: skip
        rows.append([Paragraph(escape(groups[n - 1]), big) for n in numbers])
    column = frame_width(False) / PER_ROW
    return Table(rows, colWidths=[column] * PER_ROW, style=grid_style(*style))
