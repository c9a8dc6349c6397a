"""The printed file holds every field of the 2016 登记表 (民发〔2016〕42号 附件1) the file keeps:
户籍性质, 家庭经济来源, 住房救助, each grandparent apart with the birth date, the carer's relation
in words and address, the date each parent left, and ends with the guardian's confirmation and
signature line; read back with pdftotext, and its pages drawn as PNG hold nothing outside the
margins and no empty boxes where Chinese should be."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Assistance, Child, FamilyMember
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.reports import Reports
from tests.conftest import VILLAGE
from tests.core.reports import poppler
from tests.core.reports.test_child_file import _assert_inside

BORN = date(2013, 5, 6)


def registered(store) -> Child:
    return Children(store).save(
        Child(
            "赵小兰",
            "female",
            BORN,
            VILLAGE,
            id_number=idnumber.make(VILLAGE[:6], BORN, 3, "female"),
            hukou_type="agricultural",
            income_sources="wages,farming,relatives",
            members=(
                FamilyMember("pat_grandpa", "赵德胜", birth_date=date(1950, 1, 1)),
                FamilyMember("pat_grandma", "钱秀梅", birth_date=date(1952, 2, 2)),
                FamilyMember("mat_grandpa", "孙国强", birth_date=date(1948, 3, 3)),
                FamilyMember("mat_grandma", "李玉珍", birth_date=date(1951, 4, 4)),
                FamilyMember(
                    "father",
                    "赵建军",
                    situation="migrant",
                    work_place="广东省深圳市",
                    left_on=date(2021, 3, 1),
                ),
                FamilyMember(
                    "mother",
                    "孙丽",
                    situation="migrant",
                    work_place="浙江省杭州市",
                    left_on=date(2022, 8, 15),
                ),
                FamilyMember("carer", "孙国华", kinship="舅舅", address="新陂村5组老屋"),
            ),
            assistance=(Assistance("housing_relief", amount_month=200.0),),
        )
    )


def test_every_field_of_the_form_and_the_confirmation_line_read_back(store, tmp_path: Path):
    child = registered(store)
    out = tmp_path / "child.pdf"
    Reports(store).child_file(child.uuid, out)
    fonts = poppler.fonts(out)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
    flat = poppler.flat_text(out)
    for said in (
        "户籍性质农业",
        "家庭经济来源打工收入、种养殖业、亲朋接济",
        "住房救助200.00",
        "祖父赵德胜",
        "1950-01-01",
        "祖母钱秀梅",
        "外祖父孙国强",
        "1948-03-03",
        "外祖母李玉珍",
        "委托照护人（舅舅）孙国华",
        "新陂村5组老屋",
        "广东省深圳市（2021-03-01外出）",
        "浙江省杭州市（2022-08-15外出）",
        "居住地址",
        "监护人确认：以上信息属实。",
        "监护人（签名）",
    ):
        assert said in flat, said
    # The confirmation is the file's last word, after the officers' signatures.
    assert flat.index("单位负责人") < flat.index("监护人确认") < flat.rindex("监护人（签名）")
    _assert_inside(out, tmp_path / "png")
