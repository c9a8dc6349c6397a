"""Writing workbooks: the roster in the ledger layout, and the error workbook beside a source.

Both are read back by the importer: the roster gives the same children again, and a corrected
error workbook can be imported as it is (its two added columns are known and skipped, its
second sheet of warnings is not read). Every value goes through cells.cell_value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ...words import label
from ..domain.categories import current_codes
from ..domain.child import Child
from ..files import written_whole
from .cells import cell_value
from .layout import LAYOUT, LAYOUT_WITH_VILLAGE
from .rows import LedgerRow, RowProblem

_DATE_FORMAT = "yyyy-mm-dd"
_WIDE = {"id_number": 21, "hukou_place": 18, "current_address": 22, "categories": 18,
         "school": 14, "notes": 24, "birth_date": 12, "last_visit": 12,
         "village": 14}  # fmt: skip


# A warning, with the cells of its row as read (none for a warning on the header).
Warned = tuple[RowProblem, Sequence[object]]


@dataclass(frozen=True)
class RosterLine:
    """One child as the roster shows it: the file and the date of the last visit."""

    child: Child
    last_visit: date | None


def write_roster(
    path: Path,
    title: str,
    lines: Sequence[RosterLine],
    today: date,
    villages: Mapping[str, str] | None = None,
) -> Path:
    """The roster in LAYOUT, a title line and a line with the date and count above the header.
    With `villages` (village code → what the 所属村 column says), the layout has that column."""
    layout = LAYOUT if villages is None else LAYOUT_WITH_VILLAGE
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    width = len(layout)
    sheet.append([cell_value(sheet, title)])  # the station's name is the officer's text
    sheet.append([f"导出日期：{today.isoformat()}    共 {len(lines)} 人"])
    sheet.append([group or head for _key, group, head in layout])
    sheet.append([head if group else "" for _key, group, head in layout])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    sheet["A1"].font = Font(size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    _merge_header(sheet, layout)
    names = villages or {}
    for number, line in enumerate(lines, start=1):
        sheet.append(
            [cell_value(sheet, _cell(key, line, number, today, names)) for key, _g, _h in layout]
        )
    for j, (key, _g, _h) in enumerate(layout, start=1):
        letter = get_column_letter(j)
        sheet.column_dimensions[letter].width = _WIDE.get(key, 9)
        if key in ("birth_date", "last_visit"):
            for (cell,) in sheet.iter_rows(min_row=5, min_col=j, max_col=j):
                cell.number_format = _DATE_FORMAT
    sheet.freeze_panes = "C5"
    path.parent.mkdir(parents=True, exist_ok=True)
    # Through a handle of our own, closed however the saving ends: openpyxl keeps its own open
    # after a failure, and Windows removes no file that is still open.
    with written_whole(path) as part, open(part, "wb") as fh:
        book.save(fh)
    return path


def _merge_header(sheet, layout: Sequence[tuple[str, str, str]]) -> None:
    """A group header over its columns; a single header over both header rows."""
    j = 0
    while j < len(layout):
        group = layout[j][1]
        if not group:
            sheet.merge_cells(start_row=3, start_column=j + 1, end_row=4, end_column=j + 1)
            j += 1
            continue
        end = j
        while end + 1 < len(layout) and layout[end + 1][1] == group:
            end += 1
        sheet.merge_cells(start_row=3, start_column=j + 1, end_row=3, end_column=end + 1)
        j = end + 1
    for row in sheet.iter_rows(min_row=3, max_row=4):
        for cell in row:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _cell(
    key: str, line: RosterLine, number: int, today: date, villages: Mapping[str, str]
) -> object:
    child = line.child
    if key == "seq":
        return number
    if key == "village":
        return villages.get(child.village_code, child.village_code)
    if key == "last_visit":
        return line.last_visit
    if key == "id_number":
        return child.id_number or label("no_id_reason", child.no_id_reason or "unknown")
    if key in ("sex", "guardianship", "health", "schooling", "hukou_type"):
        return label(key, getattr(child, key)) if getattr(child, key) else ""
    if key == "income_sources":
        return "、".join(label("income_source", c) for c in child.income_sources.split(",") if c)
    if key == "aid":
        kinds = dict.fromkeys(a.kind for a in child.assistance)
        return "、".join(label("assistance", kind) for kind in kinds)
    if key == "categories":
        codes = current_codes(child.categories, today)
        return "、".join(label("category", code) for code in codes)
    if "." in key:
        return _member_cell(child, *key.split("."))
    return getattr(child, key)


def _member_cell(child: Child, relation: str, field: str) -> object:
    member = next((m for m in child.members if m.relation == relation), None)
    if member is None:
        return ""
    if field == "situation":
        return label("situation", member.situation)
    if field == "entrust_signed":
        return "是" if member.entrust_signed else "否"
    return getattr(member, field)


def error_book_path(source: Path) -> Path:
    return source.with_name(f"{source.stem}_错误行.xlsx")


def write_error_book(
    source: Path,
    header_rows: Iterable[Sequence[object]],
    bad: Sequence[LedgerRow],
    warned: Sequence[Warned],
) -> Path:
    """Sheet 错误行: the header and each refused row as read, with its row number and reasons
    beside it. Sheet 提示: each warning with its row, column and message, then the row's cells,
    so the officer completes the ledger from one file. The importer reads the first sheet only:
    a corrected workbook imports as it is."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("错误行")
    headers = [list(r) for r in header_rows]
    width = max([len(r) for r in headers] + [len(b.cells) for b in bad])
    for i, header in enumerate(headers):
        extra = ["原行号", "错误原因"] if i == 0 else ["", ""]
        sheet.append([*_padded(header, width, sheet), *extra])
    for row in bad:
        reasons = "；".join(
            f"{p.column}：{p.message}" if p.column else p.message
            for p in row.problems
            if p.blocking
        )
        sheet.append([*_padded(row.cells, width, sheet), row.row, cell_value(sheet, reasons)])
    _write_warnings(book.create_sheet("提示"), headers, warned)
    path = error_book_path(source)
    book.save(path)
    return path


def _write_warnings(sheet, headers: Sequence[Sequence[object]], warned: Sequence[Warned]) -> None:
    for i, header in enumerate(headers):
        fixed = ["原行号", "列", "提示"] if i == 0 else ["", "", ""]
        sheet.append([*fixed, *_padded(header, len(header), sheet)])
    for problem, cells in sorted(warned, key=lambda w: w[0].row):
        sheet.append(
            [
                problem.row,
                cell_value(sheet, problem.column),
                cell_value(sheet, problem.message),
                *_padded(cells, len(cells), sheet),
            ]
        )


def _padded(cells: Sequence[object], width: int, sheet) -> list[object]:
    """Cells as read; dates keep a date format, so the officer sees what the ledger showed."""
    result: list[object] = []
    for value in list(cells) + [""] * (width - len(cells)):
        if isinstance(value, date | datetime):
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = _DATE_FORMAT
            result.append(cell)
        else:
            result.append(cell_value(sheet, value))
    return result
