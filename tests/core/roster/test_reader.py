"""Reading ledgers as they are: title lines, grouped headers, synonyms, footers, every file kind."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from childcare_desktop.core.roster import sheet as sheet_module
from childcare_desktop.core.roster.mapping import detect_mapping
from childcare_desktop.core.roster.rows import Context, read_rows
from childcare_desktop.core.roster.sheet import RosterError, read_sheet

from .ledgers import BORN, HEADER, child_row, id_for, write_csv, write_xls, write_xlsx

TODAY = date(2025, 6, 1)
CONTEXT = Context("441481103201", {"新陂村": "441481103201"}, TODAY)


def read(path: Path):
    sheet = read_sheet(path)
    mapping = detect_mapping(sheet)
    return mapping, read_rows(sheet, mapping, CONTEXT)


def test_title_lines_numbering_blank_rows_totals_and_signatures_are_not_children(tmp_path):
    rows = [
        ["新陂村农村留守儿童和困境儿童信息台账"],
        ["填报单位：新陂村委会", "", "", "", "填报日期：2025年3月1日"],
        HEADER,
        child_row(1, "张小明"),
        [""] * len(HEADER),
        child_row(2, "李小红", sex="female"),
        [3, "", "", "", "", "", "", "", ""],  # a numbered template line never filled in
        ["合计", "", "2人"],
        ["填表人：李主任", "", "", "审核人：王站长"],
    ]
    path = write_xlsx(tmp_path / "台账.xlsx", rows, merges=("A1:I1", "A2:D2"))
    mapping, found = read(path)
    assert mapping.header_rows == (3,)
    assert [r.row for r in found] == [4, 6]
    assert all(r.ok for r in found), [r.problems for r in found]
    assert [r.child.name for r in found] == ["张小明", "李小红"]
    assert mapping.columns[0].field == "seq"


GROUP_TOP = ["序号", "姓名", "身份证号码", "父亲", "", "", "", "母亲", "", "", "",
             "委托照护人", "", "", "备注"]  # fmt: skip
GROUP_SUB = ["", "", "", "姓名", "状况", "务工地", "联系电话", "姓名", "状况", "务工地",
             "联系电话", "姓名", "联系电话", "与儿童关系", ""]  # fmt: skip
GROUP_DATA = [1, "王小军", id_for(), "王大军", "外出务工", "广东省东莞市", 13812345678,
              "陈秀英", "失联", "", "", "王德福", "13987654321", "祖父", "无"]  # fmt: skip


def _check_grouped(mapping, found):
    assert mapping.header_rows == (2, 3)
    fields = {c.header: c.field for c in mapping.columns}
    assert fields["父亲/联系电话"] == "father.phone"
    assert fields["母亲/状况"] == "mother.situation"
    assert fields["委托照护人/姓名"] == "carer.name"
    assert fields["委托照护人/与儿童关系"] == "carer.kinship"  # the 2016 登记表's 与被监护人关系
    (row,) = found
    assert row.ok, row.problems
    father, mother, carer = row.child.members
    assert (father.relation, father.name, father.situation) == ("father", "王大军", "migrant")
    assert father.work_place == "广东省东莞市" and father.phone == "13812345678"
    assert (mother.name, mother.situation) == ("陈秀英", "missing")
    assert (carer.relation, carer.name, carer.phone) == ("carer", "王德福", "13987654321")
    assert carer.kinship == "祖父"
    assert row.child.notes == "无"
    assert (row.child.birth_date, row.child.sex) == (BORN, "male")  # from the ID number


def test_two_row_grouped_header_with_merged_cells(tmp_path):
    rows = [["儿童信息台账"], GROUP_TOP, GROUP_SUB, GROUP_DATA]
    merges = ("A1:O1", "A2:A3", "B2:B3", "C2:C3", "D2:G2", "H2:K2", "L2:N2", "O2:O3")
    _check_grouped(*read(write_xlsx(tmp_path / "grouped.xlsx", rows, merges)))


def test_two_row_grouped_header_in_a_gbk_csv_without_merges(tmp_path):
    rows = [["儿童信息台账"], GROUP_TOP, GROUP_SUB, GROUP_DATA]
    path = write_csv(tmp_path / "grouped.csv", rows, "gbk")
    assert path.read_bytes().decode("gbk")  # really GBK, not UTF-8
    _check_grouped(*read(path))


def test_utf8_csv_with_a_byte_order_mark(tmp_path):
    path = write_csv(tmp_path / "u.csv", [HEADER, child_row(1, "赵一")], "utf-8-sig")
    _mapping, (row,) = read(path)
    assert row.ok and row.child.name == "赵一"


def test_old_xls_with_a_merged_title_excel_dates_and_a_number_id(tmp_path):
    rows = [
        ["新陂村留守儿童花名册", *[""] * 8],
        HEADER,
        child_row(1, "孙小华"),
        child_row(2, "周小丽", sex="female", 身份证号码=4.41481201203041e17),
    ]
    path = write_xls(tmp_path / "old.xls", rows, merges=((0, 0, 0, 8),))
    mapping, (good, bad) = read(path)
    assert mapping.header_rows == (2,)
    assert good.ok and good.child.birth_date == BORN and good.row == 3
    assert not bad.ok and bad.row == 4
    assert [(p.column, p.code) for p in bad.problems] == [("身份证号码", "id_as_number")]


@pytest.mark.parametrize(
    ("headers", "fields"),
    [
        (["姓名", "身份证号", "出生年月", "类别", "监护类型"], None),
        (["儿童姓名", "公民身份号码", "出生日期", "儿童类型", "监护情况"], None),
        (["姓 名", "身份证号码\n(18位)", "出生日期（年月日）", "儿童类别", "监护状况"], None),
    ],
)
def test_header_synonyms(tmp_path, headers, fields):
    data = ["钱多多", id_for(), "2012年3月", "农村留守儿童", "较好"]
    _mapping, (row,) = read(write_xlsx(tmp_path / "s.xlsx", [headers, data]))
    assert row.ok, row.problems
    assert row.child.birth_date == BORN
    assert row.child.guardianship == "good"
    assert [s.code for s in row.child.categories] == ["left_behind"]


def test_single_row_member_headers_and_phone_synonyms(tmp_path):
    headers = ["姓名", "身份证号码", "父亲姓名", "父亲手机", "母亲姓名", "母亲电话", "监护人姓名"]
    data = ["吴小宝", id_for(), "吴大", "13800000001", "郑二", "13800000002", "吴爷爷"]
    mapping, (row,) = read(write_xlsx(tmp_path / "m.xlsx", [headers, data]))
    assert [c.field for c in mapping.columns][2:] == [
        "father.name", "father.phone", "mother.name", "mother.phone", "carer.name",
    ]  # fmt: skip
    assert [m.phone for m in row.child.members] == ["13800000001", "13800000002", ""]


def test_unknown_columns_are_kept_in_the_notes(tmp_path):
    headers = [*HEADER, "家庭人口", "低保证号"]
    data = [*child_row(1, "冯小雨", 备注="爱画画"), 5, "DB-0042"]
    mapping, (row,) = read(write_xlsx(tmp_path / "x.xlsx", [headers, data]))
    assert [c.header for c in mapping.unknown] == ["家庭人口", "低保证号"]
    assert row.child.notes == "爱画画；家庭人口：5；低保证号：DB-0042"


@pytest.mark.parametrize(
    "written",
    [BORN, "2012-03-04", "2012/3/4", "2012.03.04", "20120304", "2012年3月4日", 20120304,
     "2012-03-04 00:00:00"],
)  # fmt: skip
def test_dates_as_excel_dates_or_text(tmp_path, written):
    _mapping, (row,) = read(
        write_xlsx(tmp_path / "d.xlsx", [HEADER, child_row(1, "A", 出生日期=written)])
    )
    assert row.ok, row.problems
    assert row.child.birth_date == BORN


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("2012-02-30", "date_impossible"),
        ("去年三月", "date_unreadable"),
        ("2012-13-01", "date_impossible"),
    ],
)
def test_impossible_or_unreadable_dates_are_errors_on_their_column(tmp_path, written, code):
    row = child_row(1, "A", 出生日期=written, 身份证号码="不详")
    _mapping, (found,) = read(write_csv(tmp_path / "d.csv", [HEADER, row]))
    assert not found.ok
    assert [(p.row, p.column, p.code) for p in found.problems] == [(2, "出生日期", code)]


def test_id_numbers_with_spaces_full_width_digits_or_a_small_x_are_normalised(tmp_path):
    born = date(2011, 5, 6)
    number = next(
        idnumber
        for serial in range(500)
        if (idnumber := id_for(born, serial, "female")).endswith("X")
    )
    spaced = f"{number[:6]} {number[6:14]} {number[14:]}"
    wide = number[:17].translate(str.maketrans("0123456789", "０１２３４５６７８９")) + "x"
    rows = [HEADER]
    for n, written in enumerate((spaced, wide, number.lower()), start=1):
        rows.append(child_row(n, f"孩子{n}", born, "female", 身份证号码=written))
    _mapping, found = read(write_xlsx(tmp_path / "i.xlsx", rows))
    assert [r.child.id_number for r in found] == [number] * 3
    assert all(r.ok for r in found)


def test_an_id_number_excel_turned_into_a_number_is_never_guessed(tmp_path):
    rows = [HEADER, child_row(1, "A", 身份证号码=4.41481201203041e17)]
    _mapping, (row,) = read(write_xlsx(tmp_path / "n.xlsx", rows))
    assert row.child.id_number == ""
    assert [p.code for p in row.problems] == ["id_as_number"]
    csv_row = child_row(1, "A", 身份证号码="4.41481E+17")
    _mapping, (row,) = read(write_csv(tmp_path / "n.csv", [HEADER, csv_row]))
    assert [p.code for p in row.problems] == ["id_as_number"]


@pytest.mark.parametrize(
    ("written", "codes"),
    [
        ("农村留守儿童、贫困家庭儿童", ["left_behind", "poor_family"]),
        ("孤儿,重病儿童", ["orphan", "serious_illness"]),
        ("留守儿童 其他困境儿童", ["left_behind", "other_distress"]),
        ("事实无人抚养儿童；重残儿童", ["de_facto_unsupported", "severe_disability"]),
        ("流动儿童/监护缺失或监护不当儿童", ["floating", "guardianship_lacking"]),
        ("孤儿，孤儿", ["orphan"]),
    ],
)
def test_several_categories_in_one_cell(tmp_path, written, codes):
    rows = [HEADER, child_row(1, "A", 儿童类别=written)]
    _mapping, (row,) = read(write_xlsx(tmp_path / "c.xlsx", rows))
    assert [s.code for s in row.child.categories] == codes


def test_an_unknown_category_word_is_an_error(tmp_path):
    rows = [HEADER, child_row(1, "A", 儿童类别="留守、外星儿童")]
    _mapping, (row,) = read(write_xlsx(tmp_path / "c.xlsx", rows))
    assert [(p.column, p.code) for p in row.problems] == [("儿童类别", "category_unknown")]
    assert "外星儿童" in row.problems[0].message


@pytest.mark.parametrize(
    ("word", "code"), [("较好", "good"), ("一般", "fair"), ("差", "poor"), ("无人监护", "none")]
)
def test_guardianship_in_words(tmp_path, word, code):
    _mapping, (row,) = read(
        write_xlsx(tmp_path / "g.xlsx", [HEADER, child_row(1, "A", 监护情况=word)])
    )
    assert row.child.guardianship == code


def test_the_last_visit_date_becomes_a_visit(tmp_path):
    rows = [HEADER, child_row(1, "A", 最近走访日期="2025年5月20日")]
    _mapping, (row,) = read(write_xlsx(tmp_path / "v.xlsx", rows))
    assert row.visit_dates == (date(2025, 5, 20),)


def test_a_row_without_a_name_or_a_sex_is_a_row_error_not_a_failed_import(tmp_path):
    rows = [
        HEADER,
        child_row(1, "", 身份证号码="", 备注="姓名漏填"),
        child_row(2, "李二", 性别="", 身份证号码="无户籍"),
        child_row(3, "张三"),
    ]
    _mapping, found = read(write_xlsx(tmp_path / "blank.xlsx", rows))
    assert [r.ok for r in found] == [False, False, True]
    assert ("姓名", "required") in [(p.column, p.code) for p in found[0].problems]
    assert ("性别", "required") in [(p.column, p.code) for p in found[1].problems]


def test_word_cells_are_read_the_same_however_often_they_repeat(tmp_path):
    rows = [HEADER] + [
        child_row(n, f"孩子{n}", 监护情况="较好" if n % 2 else "差", 儿童类别="留守、孤儿")
        for n in range(1, 7)
    ]
    rows.append(child_row(7, "孩子7", 监护情况="很好"))
    _mapping, found = read(write_xlsx(tmp_path / "w.xlsx", rows))
    assert [r.child.guardianship for r in found[:6]] == ["good", "poor"] * 3
    assert {tuple(s.code for s in r.child.categories) for r in found[:6]} == {
        ("left_behind", "orphan")
    }
    assert [(p.column, p.code) for p in found[6].problems] == [("监护情况", "word_unknown")]


def test_the_mapping_can_be_adjusted(tmp_path):
    headers = ["姓名", "身份证号码", "学堂"]
    mapping, _ = read(write_xlsx(tmp_path / "a.xlsx", [headers, ["A", id_for(), "新陂小学"]]))
    assert mapping.columns[2].field == ""
    adjusted = mapping.with_field(2, "school")
    sheet = read_sheet(tmp_path / "a.xlsx")
    (row,) = read_rows(sheet, adjusted, CONTEXT)
    assert row.child.school == "新陂小学" and row.child.notes == ""


def test_a_sheet_without_a_header_cannot_be_read(tmp_path):
    path = write_xlsx(tmp_path / "none.xlsx", [["随便写点"], ["1", "2", "3"]])
    with pytest.raises(RosterError) as caught:
        read(path)
    assert caught.value.code == "roster_no_header"


def test_a_damaged_file_cannot_be_read(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(RosterError) as caught:
        read(path)
    assert caught.value.code == "roster_unreadable"


def rezip_with_padded_sheet(source: Path, target: Path, padding: int) -> None:
    """The same workbook with its sheet's XML padded by `padding` spaces between two elements:
    still a valid sheet, a few kilobytes packed, `padding` bytes unpacked."""
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for member in original.infolist():
            data = original.read(member)
            if member.filename.startswith("xl/worksheets/"):
                head, tail = data.split(b"<sheetData>", 1)
                with bomb.open(member.filename, "w", force_zip64=True) as sheet:
                    sheet.write(head + b"<sheetData>")
                    block = b" " * 2**20
                    for _ in range(padding // len(block)):
                        sheet.write(block)
                    sheet.write(tail)
            else:
                bomb.writestr(member, data, zipfile.ZIP_DEFLATED)


def test_a_workbook_that_unpacks_far_beyond_its_size_is_refused_before_it_is_read(tmp_path):
    honest = write_xlsx(tmp_path / "台账.xlsx", [HEADER, child_row(1, "陈小兵")])
    bomb = tmp_path / "台账（炸弹）.xlsx"
    rezip_with_padded_sheet(honest, bomb, 64 * 2**20)
    assert bomb.stat().st_size < 2**20
    with pytest.raises(RosterError) as refused:
        read_sheet(bomb)
    assert refused.value.code == "roster_too_large"
    assert len(read_sheet(honest).rows) == 2


def test_a_workbook_whose_parts_unpack_beyond_the_bound_is_refused(tmp_path, monkeypatch):
    honest = write_xlsx(tmp_path / "台账.xlsx", [HEADER, child_row(1, "陈小兵")])
    monkeypatch.setattr(sheet_module, "MAX_UNPACKED", 4096)
    with pytest.raises(RosterError) as refused:
        read_sheet(honest)
    assert refused.value.code == "roster_too_large"
