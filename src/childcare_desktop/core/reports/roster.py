"""花名册: the roster of children as a landscape PDF (header row on every page) and as Excel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from reportlab.lib.units import mm

from ...words import label
from ..files import written_whole
from ..roster.cells import cell_value
from .layout import PdfTarget, ReportMeta, build, day, frame_width, grid_style, long_table, para
from .layout import header_row_style as head_fill
from .sheets import heading_cells, print_landscape

HEAD = (
    ("序号", 9),
    ("姓名", 20),
    ("性别", 8),
    ("出生日期", 17),
    ("年龄", 8),
    ("身份证号", 31),
    ("村（居）", 18),
    ("儿童类别", 32),
    ("监护情况", 11),
    ("风险", 8),
    ("联系电话", 20),
    ("最近走访", 17),
    ("下次走访", 17),
    ("现住址", 0),  # takes the rest of the width
)
# Cells that can be long are Paragraphs and wrap; the others are plain strings, which are far
# quicker to lay out in a roster of ten thousand rows and never exceed their fixed width.
WRAPPING = frozenset({1, 6, 7, 13})


@dataclass(frozen=True)
class RosterLine:
    """One child on the roster; `id_number` and `phone` arrive already masked when asked."""

    name: str
    sex: str
    birth_date: date | None
    age: int | None
    id_number: str
    village: str
    categories: tuple[str, ...]
    guardianship: str
    risk: str
    phone: str
    address: str
    last_visit: date | None
    next_due: date | None
    status: str

    def values(self, number: int) -> list[str]:
        name = self.name + ("（已销档）" if self.status == "closed" else "")
        return [
            str(number),
            name,
            label("sex", self.sex),
            day(self.birth_date),
            "" if self.age is None else str(self.age),
            self.id_number,
            self.village,
            "、".join(label("category", c) for c in self.categories),
            label("guardianship", self.guardianship),
            label("risk", self.risk),
            self.phone,
            day(self.last_visit),
            day(self.next_due),
            self.address,
        ]


def roster_title(category: str, status: str) -> str:
    which = label("category", category) if category else "全部类别"
    state = {"active": "在册", "closed": "已销档", "all": "含已销档"}[status]
    return f"儿童花名册（{which}，{state}）"


def render_roster_pdf(lines: list[RosterLine], meta: ReportMeta, out: PdfTarget) -> int:
    widths = [w * mm for _, w in HEAD]
    widths[-1] = frame_width(True) - sum(widths)
    rows: list[list] = [[para(h, "head") for h, _ in HEAD]]
    for number, line in enumerate(lines, 1):
        values = line.values(number)
        rows.append([para(v, "small") if i in WRAPPING else v for i, v in enumerate(values)])
    if not lines:
        rows.append([para("无")] + [""] * (len(HEAD) - 1))
    table = long_table(
        rows,
        widths,
        grid_style(
            head_fill(),
            ("FONTSIZE", (0, 1), (-1, -1), 7.5),
            *([("SPAN", (0, 1), (-1, 1))] if not lines else []),
        ),
    )
    summary = para(f"共 {len(lines)} 人", "note")
    return build(out, [para(meta.title, "title"), table, summary], meta, wide=True)


def write_roster_xlsx(lines: list[RosterLine], meta: ReportMeta, out: Path) -> None:
    """One sheet: the header row, then one row per child; printed landscape with the header
    row repeated, and the same running header and footer as the PDFs. Written in openpyxl's
    streaming mode, which keeps a county's roster quick and small in memory."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    for index, (_, width) in enumerate(HEAD, 1):
        # Excel counts column width in characters; a CJK character is about two.
        sheet.column_dimensions[get_column_letter(index)].width = max(width, 12) * 0.6 + 2
    sheet.column_dimensions[get_column_letter(len(HEAD))].width = 40
    print_landscape(
        sheet,
        1,
        len(HEAD),
        len(lines),
        (meta.station, meta.title, f"打印日期 {meta.printed_on.isoformat()}"),
        "内部资料 注意保密",
    )
    sheet.append(heading_cells(sheet, (text for text, _ in HEAD)))
    for number, line in enumerate(lines, 1):
        sheet.append([cell_value(sheet, v) for v in line.values(number)])
    book.properties.title = meta.title
    book.properties.creator = "childcare-desktop"
    with written_whole(out) as part, open(part, "wb") as fh:  # see roster.workbooks
        book.save(fh)
