"""The error workbook: the refused rows with their reasons, then a sheet of the warnings."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from childcare_desktop.core.services.roster import Roster

from .ledgers import HEADER, child_row, id_for, write_xlsx

BOOK_HEADER = [*HEADER, "原行号", "错误原因"]
WARNINGS_HEADER = ["原行号", "列", "提示", *HEADER]


def sheets_of(path) -> dict[str, list[list]]:
    book = load_workbook(path)
    return {s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets}


def twice_and_wrong(tmp_path, wrong: bool = True):
    """冯一 on rows 2 and 3 (one child, a warning on row 3), and on row 4 a check digit that is
    wrong when `wrong`."""
    number = id_for(serial=4)
    bad = number[:-1] + ("1" if number[-1] == "0" else "0")
    rows = [
        HEADER,
        child_row(1, "冯一"),
        child_row(1, "冯一", 最近走访日期="2025-02-01"),
        child_row(4, "李四", 身份证号码=bad if wrong else number),
    ]
    return write_xlsx(tmp_path / "台账.xlsx", rows)


def test_the_error_workbook_holds_the_refused_rows_and_then_the_warnings(store, tmp_path):
    source = twice_and_wrong(tmp_path)
    result = Roster(store).import_file(source)
    assert [(e.row, e.code) for e in result.errors] == [(4, "id_checksum")]
    assert [(w.row, w.code) for w in result.warnings] == [(3, "roster_duplicate_row")]
    sheets = sheets_of(result.error_file)
    assert list(sheets) == ["错误行", "提示"]  # the importer reads the first sheet only
    refused = sheets["错误行"]
    assert refused[0] == BOOK_HEADER and [r[1] for r in refused[1:]] == ["李四"]
    assert refused[1][-2] == 4 and "校验位" in refused[1][-1]
    warned = sheets["提示"]
    assert warned[0] == WARNINGS_HEADER
    (row,) = warned[1:]
    assert row[:3] == [3, None, result.warnings[0].message]
    assert row[3:5] == [1, "冯一"] and row[-2] == "2025-02-01"  # the row's cells as read


def test_warnings_alone_give_a_workbook_whose_refused_rows_are_only_the_header(store, tmp_path):
    source = twice_and_wrong(tmp_path, wrong=False)
    result = Roster(store).import_file(source)
    assert (result.imported, result.errors, len(result.warnings)) == (2, (), 1)
    sheets = sheets_of(result.error_file)
    assert sheets["错误行"] == [BOOK_HEADER]
    assert [r[0] for r in sheets["提示"]] == ["原行号", 3]
    again = Roster(store).import_file(Path(result.error_file))  # imports as it is
    assert (again.imported, again.updated, again.errors, again.error_file) == (0, 0, (), None)


def test_a_ledger_without_warnings_or_errors_leaves_no_error_workbook(store, tmp_path):
    source = twice_and_wrong(tmp_path, wrong=False)
    error_file = Roster(store).import_file(source).error_file
    write_xlsx(source, [HEADER, child_row(1, "冯一"), child_row(4, "李四")])
    assert Roster(store).import_file(source).error_file is None
    assert not Path(error_file).exists()
