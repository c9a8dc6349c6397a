"""Text that looks like a formula is written as text in the roster and in the error workbook,
and the program's reader gives back exactly the text that was written."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook

from childcare_desktop.core.roster.sheet import read_sheet
from childcare_desktop.core.roster.workbooks import RosterLine, write_roster
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.roster import Roster
from childcare_desktop.core.services.station import init_station
from tests.conftest import PASSPHRASE, VILLAGE

from .ledgers import HEADER, child_row, id_for, write_csv
from .test_export import as_ledger

# Each start Excel or openpyxl would take for a formula, and the text openpyxl takes for an error.
LIKE_FORMULAS = ('=HYPERLINK("http://x","点我")', "+1+2", "-3", "@SUM(A1)", "\t=1+1", "\r=1+1",
                 "#N/A")  # fmt: skip
# Inside a note: a carriage return, a control character openpyxl refuses, an escape typed.
ODD_NOTE = "第一行\r第二行\x0b第三行 _x0041_"


def assert_no_formula(path) -> None:
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            assert [c.data_type for c in row if c.data_type in ("f", "e")] == [], row


def test_the_roster_keeps_text_that_looks_like_a_formula_as_text(store, tmp_path, today):
    """Written from files in hand: the services trim a name's ends, a received change may not."""
    fill_demo(store, len(LIKE_FORMULAS), seed=5)
    service = Children(store)
    lines = [
        RosterLine(replace(service.get(s.uuid), name=text, notes=text + ODD_NOTE), None)
        for s, text in zip(service.summaries(), LIKE_FORMULAS, strict=True)
    ]
    path = write_roster(tmp_path / "花名册.xlsx", "=新陂村花名册", lines, today)
    assert_no_formula(path)
    rows = read_sheet(path).rows
    name, notes = rows[2].index("姓名"), rows[2].index("备注")
    assert rows[0][0] == "=新陂村花名册"
    assert [(r[name], r[notes]) for r in rows[4:]] == [(t, t + ODD_NOTE) for t in LIKE_FORMULAS]


def test_the_exported_roster_imports_with_the_same_names_and_notes(
    store, data_dir, tmp_path, today
):
    """The importer trims a cell's ends, so the names here have no leading tab or return."""
    names = [t for t in LIKE_FORMULAS if not t[0].isspace()]
    fill_demo(store, len(names), seed=6)
    service = Children(store)
    for summary, text in zip(service.summaries(), names, strict=True):
        service.update_fields(summary.uuid, {"name": text, "notes": text + ODD_NOTE})
    exported = Roster(store).export(tmp_path / "花名册.xlsx")
    other, _ = init_station(data_dir / "other.db", PASSPHRASE, "village", VILLAGE, "新陂村", "李")
    try:
        result = Roster(other).import_file(exported.path)
        assert (result.imported, result.errors) == (len(names), ())
        assert as_ledger(other, today) == as_ledger(store, today)
    finally:
        other.close()


def test_the_error_workbook_keeps_text_that_looks_like_a_formula_as_text(store, tmp_path):
    """Each text is the name and the note of a refused row (a wrong check digit), and heads an
    unknown column, which warns: both sheets hold it as text, and the refused rows read back
    exactly as the ledger gave them."""
    header = [*HEADER, "=SUM(A1)"]
    rows = [header]
    for n, text in enumerate(LIKE_FORMULAS, start=1):
        number = id_for(serial=n)
        wrong = number[:-1] + ("1" if number[-1] == "0" else "0")
        rows.append([*child_row(n, text, 身份证号码=wrong, 备注=text + ODD_NOTE), text])
    source = write_csv(tmp_path / "台账.csv", rows, encoding="utf-8")
    as_read = read_sheet(source).rows
    assert [r[1] for r in as_read[1:]] == list(LIKE_FORMULAS)
    result = Roster(store).import_file(source)
    assert [e.row for e in result.errors] == list(range(2, len(rows) + 1))
    assert [w.column for w in result.warnings] == ["=SUM(A1)"]
    assert_no_formula(result.error_file)
    read_back = read_sheet(Path(result.error_file)).rows
    assert [r[: len(header)] for r in read_back] == as_read
    warned = load_workbook(result.error_file)["提示"]
    assert [c.value for c in warned[1]][:4] == ["原行号", "列", "提示", "序号"]
    assert [c.value for c in warned[2]][:2] == [1, "=SUM(A1)"]
