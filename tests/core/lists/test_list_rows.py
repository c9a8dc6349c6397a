"""Reading departments' lists: every family of columns as departments head them, full-width
digits, GBK CSV, a title line and a two-row header; what is not understood is said, not guessed."""

from __future__ import annotations

from datetime import date

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.lists.rows import read_file
from childcare_desktop.core.lists.vocabulary import LISTS, field_for
from childcare_desktop.core.roster.layout import LEDGER
from childcare_desktop.core.roster.mapping import guess_mapping
from childcare_desktop.core.roster.sheet import read_sheet

from .department_lists import write_csv, write_xlsx

NUMBER = idnumber.make("441481", date(2013, 5, 6), 12, "female")
FULL_WIDTH = NUMBER.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789X"})


def test_school_roll_with_a_title_and_full_width_digits(tmp_path):
    path = write_xlsx(
        tmp_path / "学籍.xlsx",
        ["序号", "学生姓名", "公民身份号码", "性别", "就读学校", "年级", "在校状态", "是否留守",
         "寄宿生"],
        [[1, "王 小红", FULL_WIDTH, "女", "新陂小学", "三年级", "辍学", "√", "否"]],
        title="新陂镇2026年春季学期在校学生名册",
    )  # fmt: skip
    mapping, rows = read_file(path)
    assert mapping.header_rows == (2,)
    (row,) = rows
    assert row.line == 3
    assert (row.person.name, row.person.id_number, row.person.sex) == ("王小红", NUMBER, "female")
    assert row.facts == {
        "school": "新陂小学",
        "grade": "三年级",
        "schooling": "dropout",
        "left_behind": "yes",
        "boarding": "no",
    }
    assert row.problems == ()


def test_household_register_in_gbk_csv(tmp_path):
    path = write_csv(
        tmp_path / "户籍.csv",
        ["姓名", "身份证号", "出生日期", "户籍状态", "父亲死亡", "母亲状态", "羁押", "未落户"],
        [["李四", NUMBER, "2013.5.6", "正常", "是", "服刑在押", "", "否"],
         ["赵五", "", "2012年3月4日", "死亡", "否", "正常", "父母", "是"]],
        "gbk",
    )  # fmt: skip
    assert path.read_bytes().decode("gbk")  # truly GBK, not UTF-8
    _mapping, (first, second) = read_file(path)
    assert first.person.birth_date == date(2013, 5, 6)
    assert first.facts == {
        "hukou_status": "normal",
        "father.situation": "dead",
        "mother.situation": "imprisoned",
        "no_hukou": "no",
    }
    assert second.facts == {
        "hukou_status": "dead",
        "mother.situation": "imprisoned",  # 羁押: 父母 — both held
        "father.situation": "imprisoned",
        "no_hukou": "yes",
    }


def test_a_two_row_header_with_parents_states_under_their_group(tmp_path):
    path = write_xlsx(
        tmp_path / "派出所.xlsx",
        ["姓名", "身份证号", "状态", "状况", "下落不明"],
        [["钱六", NUMBER, "去世", "正常", ""], ["钱七", NUMBER, "", "", "母亲"]],
        group=["", "", "父亲", "母亲", ""],
    )
    mapping, (first, second) = read_file(path)
    assert mapping.header_rows == (1, 2)
    assert first.facts == {"father.situation": "dead", "mother.situation": "living"}
    assert second.facts == {"mother.situation": "missing"}


def test_disability_civil_affairs_and_court_lists(tmp_path):
    federation = write_xlsx(
        tmp_path / "残联.xlsx",
        ["残疾人姓名", "残疾证号", "残疾类别", "残疾等级", "村(居)"],
        [["孙七", "44148120130506001242", "肢体残疾", "二级", "新陂村"],
         ["周八", "4414812013050600", "智力", "3级", "无名村"]],
    )  # fmt: skip
    _m, (first, second) = read_file(federation, {"新陂村": "441481100201"})
    assert first.facts["disability_type"] == "肢体"
    assert first.facts["disability_grade"] == "2"
    assert first.person.village_code == "441481100201"
    assert (second.facts["disability_type"], second.facts["disability_grade"]) == ("智力", "3")
    assert second.problems == (("村(居)", "village_unknown"),)

    civil = write_xlsx(
        tmp_path / "民政.xlsx",
        ["姓名", "身份证号", "保障类型", "户主姓名", "保障起始日期"],
        [["吴九", NUMBER, "农村低保", "吴大", "2025-01-01"], ["郑十", NUMBER, "五保", "", ""]],
    )
    _m, (dibao, unknown) = read_file(civil)
    assert dibao.facts == {
        "assistance": "dibao",
        "household_head": "吴大",
        "assistance_start": "2025-01-01",
    }
    assert unknown.problems == (("保障类型", "unknown_value"),)  # not guessed

    court = write_xlsx(
        tmp_path / "法院.xlsx",
        ["姓名", "身份证号", "裁定结果", "指定监护人", "裁定日期"],
        [["冯十一", NUMBER, "撤销母亲监护资格", "冯大伯", "2026-01-05"]],
    )
    _m, (ruling,) = read_file(court)
    assert ruling.facts == {
        "ruling": "revoked",
        "ruling_whom": "mother",
        "guardian_name": "冯大伯",
        "ruling_date": "2026-01-05",
    }


def test_totals_and_signatures_below_the_list_are_no_rows(tmp_path):
    path = write_xlsx(
        tmp_path / "名单.xlsx",
        ["姓名", "身份证号"],
        [["王一", NUMBER], [], ["合计", "1人"], ["填表人：李"]],
    )
    _m, rows = read_file(path)
    assert [r.person.name for r in rows] == ["王一"]


def test_the_ledgers_vocabulary_is_untouched_by_the_lists(tmp_path):
    path = write_xlsx(
        tmp_path / "x.xlsx", ["姓名", "是否留守", "残疾等级"], [["王一", "是", "一级"]]
    )
    sheet = read_sheet(path)
    as_ledger = guess_mapping(sheet)
    as_list = guess_mapping(sheet, vocabulary=LISTS)
    assert [c.field for c in as_ledger.columns] == ["name", "", ""]
    assert [c.field for c in as_list.columns] == ["name", "left_behind", "disability_grade"]
    assert as_ledger.vocabulary is LEDGER and as_list.vocabulary is LISTS
    assert field_for("父亲服刑") == "father.situation" and field_for("父亲姓名") == ""
