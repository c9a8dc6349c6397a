"""A ledger with the 2016 登记表's own headers (民发〔2016〕42号 附件1: 祖父/祖母/外祖父/外祖母
with 姓名 and 出生日期, 父亲/母亲 with 当前务工地点 and 公民身份证号码, 委托监护人 with
与被监护人关系 and 居住地地址, 家庭经济来源 and 救助帮扶情况, both with several boxes ticked),
plus 户籍性质 and 外出时间, imports every field; the roster exported reads back the same."""

from __future__ import annotations

from datetime import date

from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.roster import Roster
from childcare_desktop.core.services.station import init_station
from tests.conftest import PASSPHRASE, VILLAGE

from .ledgers import id_for, write_xlsx

BORN = date(2013, 5, 6)
TOP = ["序号", "姓名", "性别", "出生日期", "公民身份证号码", "户籍所在地", "户籍性质", "现居住地",
       "祖父", "", "祖母", "", "外祖父", "", "外祖母", "",
       "父亲", "", "", "", "", "母亲", "", "", "", "",
       "委托监护人", "", "", "", "", "家庭经济来源", "救助帮扶情况"]  # fmt: skip
SUB = ["", "", "", "", "", "", "", "",
       "姓名", "出生日期", "姓名", "出生日期", "姓名", "出生日期", "姓名", "出生日期",
       "姓名", "当前务工地点", "联系电话", "公民身份证号码", "外出时间",
       "姓名", "当前务工地点", "联系电话", "公民身份证号码", "外出时间",
       "姓名", "电话", "公民身份证号码", "与被监护人关系", "居住地地址", "", ""]  # fmt: skip
FATHER_ID = id_for(date(1985, 1, 2), 11, "male")
MOTHER_ID = id_for(date(1987, 3, 4), 12, "female")
CARER_ID = id_for(date(1970, 7, 8), 13, "male")
ROW = [1, "赵小兰", "女", BORN, id_for(BORN, 3, "female"), "广东省兴宁市宁新镇", "农业",
       "新陂村4组",
       "赵德胜", date(1950, 1, 1), "钱秀梅", date(1952, 2, 2),
       "孙国强", date(1948, 3, 3), "李玉珍", date(1951, 4, 4),
       "赵建军", "广东省深圳市", "13812345678", FATHER_ID, date(2021, 3, 1),
       "孙丽", "浙江省杭州市", "13912345678", MOTHER_ID, date(2022, 8, 15),
       "孙国华", "13712345678", CARER_ID, "舅舅", "新陂村5组",
       "打工收入、种养殖业", "享受低保、住房救助"]  # fmt: skip


def imported(store, path) -> Child:
    result = Roster(store).import_file(path)
    assert (result.imported, result.errors, result.warnings) == (1, (), ()), result
    children = Children(store)
    (summary,) = children.summaries()
    return children.get(summary.uuid)


def facts(child: Child) -> tuple:
    """What the ledger carries of a file, without the ids the store gives."""
    members = {
        m.relation: (
            m.name,
            m.birth_date,
            m.work_place,
            m.phone,
            m.id_number,
            m.left_on,
            m.kinship,
            m.address,
        )
        for m in child.members
    }
    aid = [a.kind for a in child.assistance]
    return child.hukou_type, child.hukou_place, child.income_sources, aid, members


def test_the_2016_form_headers_import_every_field_and_export_back_the_same(
    store, data_dir, tmp_path
):
    child = imported(store, write_xlsx(tmp_path / "登记表.xlsx", [TOP, SUB, ROW]))
    hukou_type, hukou_place, income, aid, members = facts(child)
    assert (hukou_type, hukou_place, income, aid) == (
        "agricultural",
        "广东省兴宁市宁新镇",
        "wages,farming",
        ["dibao", "housing_relief"],
    )
    assert members == {
        "pat_grandpa": ("赵德胜", date(1950, 1, 1), "", "", "", None, "", ""),
        "pat_grandma": ("钱秀梅", date(1952, 2, 2), "", "", "", None, "", ""),
        "mat_grandpa": ("孙国强", date(1948, 3, 3), "", "", "", None, "", ""),
        "mat_grandma": ("李玉珍", date(1951, 4, 4), "", "", "", None, "", ""),
        "father": ("赵建军", None, "广东省深圳市", "13812345678", FATHER_ID, date(2021, 3, 1),
                   "", ""),
        "mother": ("孙丽", None, "浙江省杭州市", "13912345678", MOTHER_ID, date(2022, 8, 15),
                   "", ""),
        "carer": ("孙国华", None, "", "13712345678", CARER_ID, None, "舅舅", "新陂村5组"),
    }  # fmt: skip

    exported = Roster(store).export(tmp_path / "花名册.xlsx")
    other, _ = init_station(data_dir / "other.db", PASSPHRASE, "village", VILLAGE, "新陂村", "李")
    try:
        back = imported(other, exported.path)
        assert facts(back) == facts(child)
        again = Roster(other).import_file(exported.path)
        assert (again.imported, again.updated, again.unchanged) == (0, 0, 1)
    finally:
        other.close()


def test_a_ledger_calling_grandparents_爷爷_奶奶_外公_姥姥_sets_each_side(store, tmp_path):
    header = [
        "姓名",
        "性别",
        "出生日期",
        "身份证号码",
        "爷爷姓名",
        "奶奶姓名",
        "外公姓名",
        "姥姥姓名",
    ]
    row = ["赵小兰", "女", BORN, id_for(BORN, 3, "female"), "赵德胜", "钱秀梅", "孙国强", "李玉珍"]
    child = imported(store, write_xlsx(tmp_path / "台账.xlsx", [header, row]))
    assert [(m.relation, m.name) for m in child.members] == [
        ("pat_grandpa", "赵德胜"),
        ("pat_grandma", "钱秀梅"),
        ("mat_grandpa", "孙国强"),
        ("mat_grandma", "李玉珍"),
    ]


def test_a_box_the_form_does_not_offer_is_kept_in_the_notes(store, tmp_path):
    header = ["姓名", "性别", "出生日期", "身份证号码", "户籍性质", "家庭经济来源"]
    row = ["赵小兰", "女", BORN, id_for(BORN, 3, "female"), "农业", "打工收入、彩票"]
    result = Roster(store).import_file(write_xlsx(tmp_path / "台账.xlsx", [header, row]))
    assert result.imported == 1
    assert [w.code for w in result.warnings] == ["word_unknown"]
    children = Children(store)
    child = children.get(children.summaries()[0].uuid)
    assert child.income_sources == "wages"
    assert "家庭经济来源：打工收入、彩票" in child.notes
