"""Opening a ledger file (.xlsx, .xls, .csv in UTF-8 or GBK) as rows of cell values.

Row i of the result is Excel row i + 1 and column j is Excel column j + 1, so the row numbers
reported to the officer are the ones they see in Excel. Merged cells are listed so that the
header reader can spread a group header (父亲) over the columns under it.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook

from ..errors import CoreError

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
CSV_SUFFIXES = (".csv", ".txt")
# GB18030 is a superset of GBK and GB2312: what a Chinese Excel writes when saving as CSV.
_ENCODINGS = ("utf-8-sig", "gb18030")
# An .xlsx or .ods is a zip of XML. The reader holds a sheet's XML and its cells in memory, so
# what a file unpacks to is bounded before it is opened: a county's 100,000 rows unpack to about
# 150 MB, while a crafted file of a few kilobytes can claim gigabytes. Real sheets compress
# about 10 to 1; a member above a few megabytes packed 200 to 1 is built, not written.
MAX_UNPACKED = 512 * 1024 * 1024
MAX_RATIO, RATIO_FROM = 200, 8 * 1024 * 1024


class RosterError(CoreError):
    """The ledger cannot be read at all (not a spreadsheet, damaged, no header found)."""

    code = "roster_unreadable"


@dataclass(frozen=True)
class Sheet:
    rows: list[list[object]]
    # ((first row, first column), (last row, last column)), 0-based and inclusive.
    merged: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()


def read_sheet(path: Path) -> Sheet:
    """The first worksheet (or the CSV) as rows; RosterError when it cannot be read."""
    if not path.is_file():
        raise RosterError("roster_missing", path=path.name)
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return Sheet(_read_csv(path))
    if suffix not in EXCEL_SUFFIXES:
        raise RosterError("roster_format", path=path.name)
    _check_unpacked_size(path)
    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        rows = sheet.to_python(skip_empty_area=False)
        merged = tuple(sheet.merged_cell_ranges or ())
    except (CalamineError, OSError, ValueError, IndexError) as error:
        raise RosterError("roster_unreadable", path=path.name) from error
    return Sheet(rows, merged)


def _check_unpacked_size(path: Path) -> None:
    """Refuse a zipped workbook that would unpack beyond what an honest ledger needs, reading
    only the zip's directory (bounded time and memory, whatever the file claims)."""
    if not zipfile.is_zipfile(path):
        return  # an .xls (OLE) file: its cells are read as stored, nothing unpacks
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise RosterError("roster_unreadable", path=path.name) from error
    total = sum(member.file_size for member in members)
    inflated = any(
        member.file_size > RATIO_FROM
        and member.file_size > MAX_RATIO * max(member.compress_size, 1)
        for member in members
    )
    if total > MAX_UNPACKED or inflated:
        raise RosterError("roster_too_large", path=path.name, size=str(total // 2**20))


def _read_csv(path: Path) -> list[list[object]]:
    data = path.read_bytes()
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
        except csv.Error:
            dialect = csv.excel
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    raise RosterError("roster_encoding", path=path.name)
