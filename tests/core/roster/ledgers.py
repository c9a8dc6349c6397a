"""Ledgers the tests build themselves: .xlsx with openpyxl, .xls with xlwt, .csv in UTF-8 or GBK."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import xlwt
from openpyxl import Workbook

from childcare_desktop.core.domain import idnumber

HEADER = [
    "序号",
    "姓名",
    "性别",
    "出生日期",
    "身份证号码",
    "儿童类别",
    "监护情况",
    "最近走访日期",
    "备注",
]
BORN = date(2012, 3, 4)


def id_for(born: date = BORN, serial: int = 1, sex: str = "male") -> str:
    return idnumber.make("441481", born, serial, sex)


def child_row(n: int, name: str, born: date = BORN, sex: str = "male", **cells) -> list:
    """A row under HEADER; keyword arguments replace cells by header (身份证号码=…)."""
    row = {
        "序号": n,
        "姓名": name,
        "性别": "男" if sex == "male" else "女",
        "出生日期": born,
        "身份证号码": id_for(born, n, sex),
        "儿童类别": "农村留守儿童",
        "监护情况": "一般",
        "最近走访日期": "",
        "备注": "",
    }
    row.update(cells)
    return [row[h] for h in HEADER]


def write_xlsx(path: Path, rows: list[list], merges: tuple[str, ...] = ()) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for cell_range in merges:
        sheet.merge_cells(cell_range)
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, date | datetime):
                cell.number_format = "yyyy-mm-dd"
    book.save(path)
    return path


def write_xls(path: Path, rows: list[list], merges: tuple[tuple[int, int, int, int], ...] = ()):
    """`merges` as (first row, last row, first column, last column), 0-based."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("台账")
    dated = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    merged_cells = set()
    for r0, r1, c0, c1 in merges:
        sheet.write_merge(r0, r1, c0, c1, rows[r0][c0])
        merged_cells |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if (i, j) in merged_cells or value in ("", None):
                continue
            if isinstance(value, date):
                sheet.write(i, j, value, dated)
            else:
                sheet.write(i, j, value)
    book.save(str(path))
    return path


def write_csv(path: Path, rows: list[list], encoding: str = "gbk") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(
            [[v.isoformat() if isinstance(v, date) else v for v in row] for row in rows]
        )
    return path
