"""`childcare children show`: a child's whole file for scripts (JSON) and in words; and every
command's JSON says an unknown or unset value one way, as null."""

from dataclasses import fields, replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.child import CHILD_FIELDS, Assistance, Child, FamilyMember
from childcare_desktop.core.services.children import Children, ChildSummary
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE, VILLAGE

TODAY = date.today()
BORN = date(2014, 8, 9)
PHONE = "13812345678"


@pytest.fixture
def full_child(village_db: str) -> Child:
    """A child with every part of the file given: a father working away with his phone, an
    ended category beside a held one, an allowance, notes and a detail still to complete."""
    store = Store.open(Path(village_db), PASSPHRASE)
    try:
        return Children(store).save(
            Child(
                name="张小明",
                sex="male",
                birth_date=BORN,
                village_code=VILLAGE,
                id_number=idnumber.make("441481", BORN, 5, "male"),
                current_address="新陂村3组",
                hukou_place="广东省兴宁市",
                hukou_type="agricultural",
                income_sources="wages,farming",
                schooling="primary",
                school="新陂小学",
                guardianship="fair",
                notes="奶奶腿脚不便",
                to_complete="mother.phone",
                members=(
                    FamilyMember(
                        "father",
                        "张大山",
                        situation="migrant",
                        work_place="广州",
                        phone=PHONE,
                        left_on=date(2022, 2, 10),
                    ),
                    FamilyMember("grandmother", "李秀英"),
                    FamilyMember("carer", "王建国", kinship="舅舅", address="新陂村5组"),
                ),
                categories=(
                    CategorySpan("poor_family", date(2020, 3, 1), date(2023, 6, 30)),
                    CategorySpan("left_behind", date(2023, 7, 1)),
                ),
                assistance=(Assistance("dibao", amount_month=350.0, start=date(2023, 1, 1)),),
            )
        )
    finally:
        store.close()


def _log(childcare, db, child, day, mode, visitor, *more):
    result = childcare(
        "visits", "log", "--db", db, "--child", child, "--date", day.isoformat(),
        "--mode", mode, "--visitor", visitor, "--notes", "入户了解情况", *more, "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    return result.json()


def _show(childcare, db, child, *more):
    return childcare("children", "show", "--db", db, "--child", child, *more)


def test_the_whole_file_in_json_with_the_list_keys_and_codes(childcare, village_db, full_child):
    uuid = full_child.uuid
    first = _log(childcare, village_db, uuid, TODAY - timedelta(days=30), "home", "李主任")
    _log(childcare, village_db, uuid, TODAY - timedelta(days=3), "phone", "王干事")
    # The first visit corrected: the file lists the correction only.
    _log(childcare, village_db, uuid, TODAY - timedelta(days=30), "video", "李主任",
         "--supersedes", first["uuid"])  # fmt: skip

    result = _show(childcare, village_db, uuid, "--json")
    assert result.code == 0, result.err
    shown = result.json()
    listed = next(
        c
        for c in childcare("children", "list", "--db", village_db, "--json").json()
        if c["uuid"] == uuid
    )
    assert list(shown)[: len(listed)] == list(listed) == [f.name for f in fields(ChildSummary)]
    assert {k: shown[k] for k in listed} == listed
    extra = [k for k in CHILD_FIELDS if k not in listed]
    assert list(shown)[len(listed) :] == [
        *extra, "members", "category_spans", "assistance", "last_visits", "review"
    ]  # fmt: skip
    assert {k: shown[k] for k in ("name", "sex", "birth_date", "id_number", "village")} == {
        "name": "张小明",
        "sex": "male",
        "birth_date": BORN.isoformat(),
        "id_number": full_child.id_number,
        "village": "新陂村",
    }
    assert (shown["categories"], shown["guardianship"], shown["schooling"]) == (
        ["left_behind"], "fair", "primary"
    )  # fmt: skip
    assert (shown["school"], shown["notes"]) == ("新陂小学", "奶奶腿脚不便")
    assert shown["to_complete"] == ["mother.phone"]
    father, grandmother, carer = shown["members"]
    assert {k: father[k] for k in ("relation", "name", "situation", "work_place", "phone")} == {
        "relation": "father",
        "name": "张大山",
        "situation": "migrant",
        "work_place": "广州",
        "phone": PHONE,  # in full: JSON is for scripts
    }
    assert father["left_on"] == "2022-02-10"
    assert (carer["relation"], carer["kinship"], carer["address"]) == ("carer", "舅舅", "新陂村5组")
    assert (shown["hukou_type"], shown["income_sources"]) == ("agricultural", ["wages", "farming"])
    assert (grandmother["relation"], grandmother["phone"], grandmother["work_place"]) == (
        "grandmother", None, None
    )  # fmt: skip
    assert shown["category_spans"] == [
        {"code": "poor_family", "start": "2020-03-01", "end": "2023-06-30", "reason": None},
        {"code": "left_behind", "start": "2023-07-01", "end": None, "reason": None},
    ]
    (dibao,) = shown["assistance"]
    assert {k: dibao[k] for k in ("kind", "amount_month", "start", "end", "note")} == {
        "kind": "dibao",
        "amount_month": 350.0,
        "start": "2023-01-01",
        "end": None,
        "note": None,
    }
    assert shown["last_visits"] == [
        {"visit_date": (TODAY - timedelta(days=3)).isoformat(), "mode": "phone",
         "visitor": "王干事"},
        {"visit_date": (TODAY - timedelta(days=30)).isoformat(), "mode": "video",
         "visitor": "李主任"},
    ]  # fmt: skip
    assert shown["last_visit"] == (TODAY - timedelta(days=3)).isoformat()


def test_the_file_in_words_masks_the_phone_and_names_the_codes(childcare, village_db, full_child):
    _log(childcare, village_db, full_child.uuid, TODAY, "home", "李主任")
    result = _show(childcare, village_db, full_child.uuid)
    assert result.code == 0, result.err
    words = result.out
    assert PHONE not in words and "138****5678" in words
    assert full_child.id_number not in words
    for said in (
        "张小明  男 (male)",
        "父亲 (father)  张大山  外出务工 (working away)  务工地 (work place)：广州",
        "外出时间 (left home on)：2022-02-10",
        "祖母/外祖母 (grandmother)  李秀英",
        "委托照护人 (entrusted carer)  王建国",
        "与儿童关系 (relation to the child)：舅舅  居住地址 (address)：新陂村5组",
        "户籍性质 (hukou type)：农业 (agricultural)",
        "家庭经济来源 (family income)：打工收入 (wages)、种养殖业 (farming)",
        "监护情况 (guardianship)：一般 (fair)",
        "农村留守儿童 (left-behind)  2023-07-01 ~ 至今 (until now)",
        "贫困家庭儿童 (poor family)  2020-03-01 ~ 2023-06-30",
        "低保 (minimum living allowance)  每月金额（元） (yuan a month)：350.00",
        "备注 (notes)：奶奶腿脚不便",
        "待补充 (still to complete)：母亲联系电话 (mother's phone)",
        f"{TODAY}  入户 (home visit)  李主任",
    ):
        assert said in words, said


def test_an_unset_value_is_null_in_json_and_not_given_in_words(childcare, village_db, sparse_child):
    shown = _show(childcare, village_db, sparse_child, "--json").json()
    for key in (
        "id_number",
        "ethnicity",
        "current_address",
        "hukou_place",
        "guardianship",
        "close_reason",
        "risk_override",
        "notes",
        "disability_grade",
        "last_visit",
    ):
        assert shown[key] is None, key  # fmt: skip
    assert shown["no_id_reason"] == "no_hukou" and shown["disability_type"] == "视力"
    (father,) = shown["members"]
    assert (father["phone"], father["work_place"], father["id_number"]) == (None, None, None)
    (dibao,) = shown["assistance"]
    assert (dibao["amount_month"], dibao["start"], dibao["end"]) == (None, None, None)
    # The disability's grade is asked for from the file itself; the father's situation was marked.
    assert shown["to_complete"] == ["disability_grade", "father.situation"]
    assert shown["last_visits"] == []

    words = _show(childcare, village_db, sparse_child).out
    assert "身份证号 (ID number)：无户籍 (no hukou)" in words
    assert "民族 (ethnicity)：未填 (not given)" in words
    assert "联系电话 (phone)：未填 (not given)" in words
    assert "待补充 (still to complete)：残疾等级 (grade of disability)、父亲状况" in words


def test_an_unknown_child_is_said_in_both_languages_and_exits_1(childcare, village_db):
    for more in ((), ("--json",)):
        result = _show(childcare, village_db, "0f1e2d3c-0000-4000-8000-000000000000", *more)
        assert result.code == 1
        assert "找不到这名儿童" in result.err and "no such child" in result.err
        assert result.out == ""


def _strings(value):
    """Every text value in a JSON document (keys left out)."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def test_no_command_prints_an_empty_text_for_an_unset_value(
    childcare, village_db, sparse_child, data_dir
):
    db = village_db
    logged = childcare(
        "visits", "log", "--db", db, "--child", sparse_child, "--date", TODAY.isoformat(),
        "--mode", "phone", "--json",
    )  # fmt: skip
    concern = childcare(
        "concerns", "add", "--db", db, "--child", sparse_child, "--type", "abandoned",
        "--noticed", TODAY.isoformat(), "--notes", "连续两周无人照料", "--json",
    )  # fmt: skip
    commands = [
        logged,
        concern,
        childcare("children", "list", "--db", db, "--json"),
        childcare("children", "list", "--db", db, "--json", "--to-complete"),
        _show(childcare, db, sparse_child, "--json"),
        childcare(
            "children",
            "update",
            "--db",
            db,
            "--child",
            sparse_child,
            "--set",
            "ethnicity=汉族",
            "--json",
        ),
        childcare("visits", "due", "--db", db, "--json"),
        childcare("concerns", "list", "--db", db, "--json"),
        childcare("audit", "--db", db, "--json"),
        childcare("sync", "status", "--db", db, "--json"),
        childcare("identity", "show", "--db", db, "--json"),
    ]
    for result in commands:
        assert result.code == 0, result.err
        assert "" not in _strings(result.json()), result.out
    assert logged.json()["guardianship"] is None  # not reassessed on this visit
    assert concern.json()["follow_up"] is None


def test_a_category_the_facts_do_not_support_needs_a_reason(childcare, village_db, sparse_child):
    """赵小花's father works away and her mother is set at home: 农村留守 is refused (国发〔2016〕
    13号: a parent at home and able to care) with the law's reason, until the officer writes why;
    the reason is kept on the span and shown in her file."""
    db = village_db
    at_home = childcare(
        "children", "update", "--db", db, "--child", sparse_child,
        "--set", "categories=", "--json",
    )  # fmt: skip
    assert at_home.code == 0, at_home.err
    store = Store.open(Path(db), PASSPHRASE)
    try:
        children = Children(store)
        child = children.get(sparse_child)
        mother = FamilyMember("mother", "钱芳", situation="home")
        children.save(replace(child, members=(*child.members, mother)))
    finally:
        store.close()
    ask = ("children", "update", "--db", db, "--child", sparse_child, "--set")
    refused = childcare(*ask, "categories=left_behind,poor_family", "--json")
    assert refused.code == 1 and refused.out == ""
    assert "category_not_supported" in refused.err
    assert "农村留守儿童与档案事实不符（父母一方在家且有监护能力）" in refused.err
    assert "a parent at home and able to care" in refused.err
    why = "母亲重病卧床，已申请评估"
    kept = childcare(*ask, "categories=left_behind,poor_family", "--reason", why, "--json")
    assert kept.code == 0, kept.err
    assert kept.json()["categories"] == ["left_behind", "poor_family"]
    shown = _show(childcare, db, sparse_child, "--json").json()
    spans = {s["code"]: s for s in shown["category_spans"] if s["end"] is None}
    assert (spans["left_behind"]["reason"], spans["poor_family"]["reason"]) == (why, why)
    assert f"理由 (why held)：{why}" in _show(childcare, db, sparse_child).out
