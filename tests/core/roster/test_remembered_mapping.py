"""Columns mapped by hand: a header the reader does not know, and the choice kept for next time."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from childcare_desktop.core.roster.mapping import Column, Mapping
from childcare_desktop.core.roster.sheet import RosterError
from childcare_desktop.core.services import roster_memory
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.roster import Roster
from childcare_desktop.core.storage import settings

from .ledgers import child_row, id_for, write_xlsx

# As a school-minded officer heads her ledger: 学生 for the name, 现居地 for the address.
HEADER = [
    "序号",
    "学生",
    "性别",
    "出生日期",
    "身份证号码",
    "儿童类别",
    "监护情况",
    "现居地",
    "备注",
]
TOP = [
    ["新陂村留守儿童花名册"],
    ["填报单位：新陂村民委员会", "", "", "", "填报日期：2025年3月"],
    [],
]


def row(n: int, name: str, **cells) -> list:
    """A row under HEADER (child_row's 最近走访日期 cell holds the address here)."""
    return child_row(n, name, 最近走访日期=f"新陂村{n}组", **cells)


def ledger(path, names: list[str], bad: str = ""):
    """A title, an information line and a blank line over the header (row 4), then the children;
    the child named `bad` has an ID number with a wrong check digit."""
    rows = []
    for n, name in enumerate(names, start=1):
        cells = {"身份证号码": wrong_checksum(n)} if name == bad else {}
        rows.append(row(n, name, **cells))
    return write_xlsx(path, [*TOP, HEADER, *rows], ("A1:I1",))


def wrong_checksum(serial: int) -> str:
    right = id_for(serial=serial)
    return right[:-1] + ("1" if right[-1] != "1" else "2")


def by_hand(mapping: Mapping) -> Mapping:
    """学生 is the name and 现居地 the current address, as the officer says in the preview."""
    student = next(c.index for c in mapping.columns if c.header == "学生")
    place = next(c.index for c in mapping.columns if c.header == "现居地")
    return mapping.with_field(student, "name").with_field(place, "current_address")


def names(store) -> set[str]:
    return {s.name for s in Children(store).summaries()}


def test_a_ledger_without_a_known_name_column_is_read_for_the_officer_to_say_which(store, tmp_path):
    source = ledger(tmp_path / "花名册.xlsx", ["张小明", "李小红"])
    roster = Roster(store)
    preview = roster.preview(source)
    assert preview.mapping.header_rows == (4,)
    assert preview.mapping.header_of("name") == ""
    assert [c.field for c in preview.mapping.columns if c.header in ("学生", "现居地")] == ["", ""]
    assert len(preview.rows) == 2 and preview.bad_rows == preview.rows  # no child without a name
    with pytest.raises(RosterError) as caught:
        roster.import_file(source)
    assert caught.value.code == "roster_no_header"
    assert names(store) == set()

    result = roster.import_file(source, by_hand(preview.mapping))
    assert (result.imported, result.errors) == (2, ())
    assert names(store) == {"张小明", "李小红"}
    assert {c.current_address for c in map(Children(store).get, uuids(store))} == {
        "新陂村1组",
        "新陂村2组",
    }


def uuids(store) -> list[str]:
    return [s.uuid for s in Children(store).summaries()]


def test_the_header_row_can_be_said_when_the_reader_takes_another_line(store, tmp_path):
    """A line of instructions above the header names two columns the reader knows; the header
    itself none: the officer says the header is row 3."""
    rows = [
        ["新陂村儿童名单"],
        ["类别", "备注"],
        ["学生", "身份证", "户口"],
        ["张小明", id_for(), "新陂村"],
    ]
    source = write_xlsx(tmp_path / "名单.xlsx", rows)
    roster = Roster(store)
    assert roster.preview(source).mapping.header_rows == (2,)
    mapping = roster.preview(source, header_row=3).mapping
    assert [(c.header, c.field) for c in mapping.columns] == [
        ("学生", ""),
        ("身份证", "id_number"),
        ("户口", ""),
    ]
    result = roster.import_file(source, mapping.with_field(0, "name"))
    assert (result.imported, result.errors) == (1, ())
    assert roster.preview(source).mapping.header_rows == (3,)  # the officer's row, next time


def test_columns_mapped_by_hand_are_used_for_the_next_ledger_with_the_same_headers(store, tmp_path):
    roster = Roster(store)
    first = ledger(tmp_path / "三月.xlsx", ["张小明"])
    roster.import_file(first, by_hand(roster.preview(first).mapping))

    later = ledger(tmp_path / "六月.xlsx", ["张小明", "王小刚"])
    preview = roster.preview(later)
    assert preview.mapping.remembered
    assert preview.mapping.header_of("name") == "学生"
    assert preview.mapping.header_of("current_address") == "现居地"
    assert preview.bad_rows == ()
    result = roster.import_file(later)
    assert (result.imported, result.unchanged, result.errors) == (1, 1, ())
    assert names(store) == {"张小明", "王小刚"}

    other = write_xlsx(tmp_path / "别的表.xlsx", [[*HEADER, "联系电话"], row(1, "赵小军")])
    assert not roster.preview(other).mapping.remembered  # other headers: nothing is assumed


def test_the_corrected_error_workbook_reads_with_the_choices_made_for_its_ledger(store, tmp_path):
    roster = Roster(store)
    source = ledger(tmp_path / "花名册.xlsx", ["张小明", "钱错号", "李小红"], bad="钱错号")
    result = roster.import_file(source, by_hand(roster.preview(source).mapping))
    assert (result.imported, [e.row for e in result.errors]) == (2, [6])
    assert result.error_file == str(tmp_path / "花名册_错误行.xlsx")

    book = load_workbook(result.error_file)
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == [*HEADER, "原行号", "错误原因"]
    sheet.cell(2, HEADER.index("身份证号码") + 1, id_for(serial=2))
    corrected = tmp_path / "改好了.xlsx"
    book.save(corrected)

    preview = roster.preview(corrected)
    mapping = preview.mapping
    assert mapping.remembered and mapping.header_rows == (1,)
    assert mapping.header_of("name") == "学生"
    assert mapping.header_of("current_address") == "现居地"
    assert [c.field for c in mapping.columns[-2:]] == ["skip", "skip"]
    assert preview.bad_rows == ()
    again = roster.import_file(corrected)
    assert (again.imported, again.errors) == (1, ())
    assert names(store) == {"张小明", "钱错号", "李小红"}


def test_a_two_row_header_is_remembered_through_its_error_workbook(store, tmp_path):
    """父亲 over 姓名/电话 and 学生 over two rows, merged as officers merge them; the error
    workbook writes the header without the merges."""
    top = ["序号", "学生", "性别", "出生日期", "身份证号码", "父亲", ""]
    sub = ["", "", "", "", "", "姓名", "电话"]
    rows = [["新陂村花名册"], top, sub]
    for n, name in enumerate(["张小明", "钱错号"], start=1):
        number = wrong_checksum(n) if name == "钱错号" else id_for(serial=n)
        rows.append([n, name, "男", child_row(n, name)[3], number, "张大", "13800000001"])
    merges = ("A1:G1", "F2:G2", *(f"{c}2:{c}3" for c in "ABCDE"))
    source = write_xlsx(tmp_path / "花名册.xlsx", rows, merges)
    roster = Roster(store)
    preview = roster.preview(source)
    assert preview.mapping.header_rows == (2, 3)
    assert preview.mapping.header_of("father.phone") == "父亲/电话"
    student = next(c.index for c in preview.mapping.columns if c.header == "学生")
    result = roster.import_file(source, preview.mapping.with_field(student, "name"))
    assert (result.imported, len(result.errors)) == (1, 1)

    again = roster.preview(tmp_path / "花名册_错误行.xlsx")
    assert again.mapping.remembered and again.mapping.header_rows == (1, 2)
    assert again.mapping.header_of("name") == "学生"
    assert [r.row for r in again.rows] == [3]


def test_going_back_to_what_the_reader_found_forgets_the_choice(store, tmp_path):
    roster = Roster(store)
    headers = ["姓名", "身份证号码", "家庭住址"]
    source = write_xlsx(tmp_path / "a.xlsx", [headers, ["张小明", id_for(), "新陂村一组"]])
    found = roster.preview(source).mapping
    assert found.header_of("current_address") == "家庭住址" and not found.remembered
    roster.import_file(source, found.with_field(2, "hukou_place"))
    assert roster.preview(source).mapping.header_of("hukou_place") == "家庭住址"

    roster.import_file(source, found)
    assert not roster.preview(source).mapping.remembered
    with store.read() as conn:
        assert settings.get(conn, "roster_mappings") == []


def test_a_dry_run_or_a_ledger_read_as_found_keeps_nothing(store, tmp_path):
    roster = Roster(store)
    source = ledger(tmp_path / "花名册.xlsx", ["张小明"])
    roster.import_file(source, by_hand(roster.preview(source).mapping), dry_run=True)
    assert not roster.preview(source).mapping.remembered
    plain = write_xlsx(tmp_path / "b.xlsx", [["姓名", "身份证号码"], ["李小红", id_for()]])
    roster.import_file(plain)
    with store.read() as conn:
        assert settings.get(conn, "roster_mappings") is None


def test_a_field_is_one_columns():
    mapping = Mapping(
        (1,), (Column(0, "姓名", "name"), Column(1, "学生", ""), Column(2, "序号", "seq"))
    )
    moved = mapping.with_field(1, "name")
    assert [c.field for c in moved.columns] == ["", "name", "seq"]
    assert [c.field for c in moved.with_field(0, "seq").columns] == ["seq", "name", "seq"]


def test_the_headers_used_longest_ago_are_forgotten_first(store):
    def mapping(n: int) -> Mapping:
        return Mapping((1,), (Column(0, f"学生{n}", "name"), Column(1, "身份证号码", "id_number")))

    def found(n: int) -> Mapping:
        return Mapping((1,), (Column(0, f"学生{n}", ""), Column(1, "身份证号码", "id_number")))

    with store.write() as conn:
        for n in range(roster_memory._KEPT + 1):
            roster_memory.keep(conn, mapping(n), found(n))
        roster_memory.keep(conn, mapping(1), found(1))  # used again: the latest
        roster_memory.keep(conn, mapping(99), found(99))
    with store.read() as conn:
        assert roster_memory.recall(conn, [found(0)]) is None
        assert roster_memory.recall(conn, [found(2)]) is None
        assert roster_memory.recall(conn, [found(1)]).header_of("name") == "学生1"
        kept = settings.get(conn, "roster_mappings")
    assert len(kept) == roster_memory._KEPT
