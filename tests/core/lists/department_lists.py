"""Department lists as the tests build them: an .xlsx (title line, one- or two-row header, merged
group cells) or a CSV in UTF-8 or GBK, with the headers departments write."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl


def write_xlsx(
    path: Path,
    header: list[str],
    rows: list[list[object]],
    *,
    title: str = "",
    group=None,
    merged: tuple[tuple[int, int], ...] = (),
) -> Path:
    """`group`: a row of group headers above `header` (父亲 over 姓名); `merged`: the (first,
    last) columns, from 1, of that row merged into one cell."""
    book = openpyxl.Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
    if group:
        sheet.append(group)
        for first, last in merged:
            sheet.merge_cells(start_row=sheet.max_row, start_column=first,
                              end_row=sheet.max_row, end_column=last)  # fmt: skip
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(path: Path, header: list[str], rows: list[list[object]], encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path
