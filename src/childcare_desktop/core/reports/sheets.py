"""What the program's printed workbooks share: a bold, centred header row, and a landscape A4
page one page wide, the header row repeated and filtered, with the same running header and
footer as the PDFs (the station, the title, the date; a line on the left, page N of M)."""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet


def heading_cells(sheet, texts: Iterable[str]) -> list[WriteOnlyCell]:
    bold, centred = Font(bold=True), Alignment(horizontal="center", vertical="center")
    cells = []
    for text in texts:
        cell = WriteOnlyCell(sheet, text)
        cell.font, cell.alignment = bold, centred
        cells.append(cell)
    return cells


def print_landscape(
    sheet, header_row: int, columns: int, rows: int, head: tuple[str, str, str], foot: str
) -> None:
    """`header_row` (1-based) heads `rows` rows of `columns` columns; `head` is the running
    header's left, centre and right text, `foot` the footer's left."""
    last = get_column_letter(columns)
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.auto_filter.ref = f"A{header_row}:{last}{header_row + rows}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddHeader.left.text, sheet.oddHeader.center.text, sheet.oddHeader.right.text = head
    sheet.oddFooter.left.text = foot
    sheet.oddFooter.center.text = "第 &P 页 共 &N 页"
