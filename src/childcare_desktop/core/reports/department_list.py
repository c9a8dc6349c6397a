"""A list going out to another department as a landscape PDF and as Excel: its title, who it is
for and for what use only, who exported it, 共N人, then one row per child in the list's columns.
The renderers see the rows already chosen and shaped (services/outgoing.py), never the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from reportlab.lib.units import mm

from ...words import label
from ..files import written_whole
from ..roster.cells import cell_value
from .layout import ReportMeta, build, frame_width, grid_style, long_table, para
from .layout import header_row_style as head_fill
from .sheets import heading_cells, print_landscape

# Widths in mm, shared out again over the page's width; wider columns hold text that wraps.
WIDTHS = {
    "number": 9,
    "name": 22,
    "sex": 9,
    "birth_date": 20,
    "id_number": 36,
    "village": 26,
    "hukou_place": 40,
    "current_address": 44,
    "schooling": 16,
    "school": 30,
    "disability_type": 20,
    "disability_grade": 16,
    "contact": 28,
    "contact_phone": 26,
}
# Short values of fixed form stay plain strings, far quicker to lay out than Paragraphs.
PLAIN = frozenset({"number", "sex", "birth_date", "id_number", "contact_phone"})


@dataclass(frozen=True)
class DepartmentSheet:
    """What the list says of itself; `rows` hold each child's values in `columns`' order."""

    list_code: str
    department: str  # a `department` words code
    station: str
    officer: str
    exported_on: date
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def title(self) -> str:
        return (
            f"{label('outgoing_list', self.list_code)}（送{label('department', self.department)}）"
        )

    @property
    def use(self) -> str:
        return f"{label('outgoing_use', self.list_code)}，不得转作他用或对外公开。"

    def byline(self) -> str:
        return (
            f"报送单位：{self.station}　导出人：{self.officer}　"
            f"导出日期：{self.exported_on.isoformat()}　共 {len(self.rows)} 人"
        )

    def headings(self) -> list[str]:
        return ["序号"] + [label("outgoing_column", c) for c in self.columns]


def render_department_pdf(sheet: DepartmentSheet, out: Path) -> int:
    keys = ("number", *sheet.columns)
    wished = [WIDTHS[k] * mm for k in keys]
    widths = [w * frame_width(True) / sum(wished) for w in wished]
    rows: list[list] = [[para(h, "head") for h in sheet.headings()]]
    for number, values in enumerate(sheet.rows, 1):
        cells = (str(number), *values)
        rows.append(
            [v if k in PLAIN else para(v, "small") for k, v in zip(keys, cells, strict=True)]
        )
    if not sheet.rows:
        rows.append([para("无")] + [""] * len(sheet.columns))
    table = long_table(
        rows,
        widths,
        grid_style(
            head_fill(),
            ("FONTSIZE", (0, 1), (-1, -1), 7.5),
            *([("SPAN", (0, 1), (-1, 1))] if not sheet.rows else []),
        ),
    )
    story = [
        para(sheet.title, "title"),
        para(sheet.byline(), "note"),
        para(sheet.use, "note"),
        table,
        para(f"共 {len(sheet.rows)} 人", "note"),
    ]
    return build(out, story, _meta(sheet), wide=True)


def write_department_xlsx(sheet: DepartmentSheet, out: Path) -> None:
    """One sheet: the title, the byline with 共N人, the use it is for, the header row, then a
    row per child; printed landscape with the header row repeated and the use in the footer."""
    book = Workbook(write_only=True)
    ws = book.create_sheet(label("outgoing_list", sheet.list_code))
    keys = ("number", *sheet.columns)
    for index, key in enumerate(keys, 1):
        # Excel counts column width in characters; a CJK character is about two.
        ws.column_dimensions[get_column_letter(index)].width = max(WIDTHS[key] * 0.6 + 2, 8)
    print_landscape(
        ws,
        4,
        len(keys),
        len(sheet.rows),
        (sheet.station, sheet.title, f"导出日期 {sheet.exported_on.isoformat()}"),
        label("outgoing_use", sheet.list_code),
    )
    title = WriteOnlyCell(ws, sheet.title)
    title.font = Font(bold=True, size=14)
    ws.append([title])
    ws.append([sheet.byline()])
    ws.append([sheet.use])
    ws.append(heading_cells(ws, sheet.headings()))
    for number, values in enumerate(sheet.rows, 1):
        ws.append([number, *(cell_value(ws, v) for v in values)])
    book.properties.title = sheet.title
    book.properties.subject = sheet.use
    book.properties.creator = "childcare-desktop"
    with written_whole(out) as part, open(part, "wb") as fh:  # see roster.workbooks
        book.save(fh)


def _meta(sheet: DepartmentSheet) -> ReportMeta:
    return ReportMeta(sheet.station, sheet.exported_on, sheet.title)
