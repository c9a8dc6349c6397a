"""Checking departments' lists against the registry: each kind of worklist item, accept (the file
changes through the children's service and names the list) and dismiss (with its reason), the
column choices remembered, and nothing in the registry changed by checking alone."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.child import Child, FamilyMember
from childcare_desktop.core.errors import ValidationFailed
from childcare_desktop.core.lists.vocabulary import LISTS
from childcare_desktop.core.services import crosscheck as cc
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.screening import Screening
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import audit, settings
from childcare_desktop.core.storage import tables as t
from tests.conftest import PASSPHRASE, VILLAGE
from tests.core.lists.department_lists import write_csv, write_xlsx
from tests.core.services import screening_town as town_
from tests.core.services.care_support import Clock
from tests.pg import POSTGRESQL

TODAY = date(2026, 3, 2)
MING = idnumber.make("441481", date(2014, 8, 9), 5, "male")
HONG_BORN = date(2015, 2, 3)


def full_width(text: str) -> str:
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789X"})


@pytest.fixture
def registry(store):
    """张小明 (ID number, parents at home and away, 留守, primary school) and 黄小红 (no ID
    number, a mother at home)."""
    children = Children(store, Clock(TODAY))
    ming = children.save(
        Child(
            "张小明", "male", None, VILLAGE, id_number=MING, schooling="primary",
            categories=(CategorySpan("left_behind", TODAY),), hukou_type="agricultural",
            members=(FamilyMember("father", "张大", situation="migrant"),
                     FamilyMember("mother", "李二", situation="migrant")),
        )
    )  # fmt: skip
    hong = children.save(
        Child(
            "黄小红",
            "female",
            HONG_BORN,
            VILLAGE,
            no_id_reason="not_yet_issued",
            members=(FamilyMember("mother", "周三", situation="home"),),
        )
    )
    return children, ming, hong


def state(store):
    """The registry as stored: children's rows, their parts and the change log."""
    with store.read() as conn:
        return [
            sorted(tuple(r) for r in conn.execute(select(table)).all())
            for table in (t.child, t.member, t.category, t.assistance, t.change)
        ]


def kinds(work: cc.Worklist, line: int) -> list[tuple[str, str, str, str]]:
    return [
        (i.kind, i.field, i.list_value, i.file_value)
        for i in work.items
        if i.line == line and i.kind in ("difference", "contradiction")
    ]


def test_a_school_roll_matched_and_checked_changes_nothing(store, registry, tmp_path):
    _children, ming, hong = registry
    before = state(store)
    roll = write_xlsx(
        tmp_path / "学籍.xlsx",
        ["学生姓名", "身份证件号码", "出生日期", "性别", "学校", "年级", "在校状态", "是否留守",
         "是否寄宿"],
        [["张小明", full_width(MING), "", "男", "新陂小学", "五年级", "辍学", "否", "是"],
         ["黄晓红", "", "2015-02-03", "女", "新陂小学", "四年级", "在读", "", ""],
         ["陈不在", "", "2014-01-01", "男", "新陂小学", "五年级", "在读", "", ""]],
    )  # fmt: skip
    check = cc.Crosscheck(store, Clock(TODAY))
    work = check.check_file(roll, "education")
    assert state(store) == before  # nothing in the registry changes without a person

    matched = {i.line: (i.child_uuid, i.how) for i in work.of_kind("matched")}
    assert matched == {2: (ming.uuid, "id_number"), 3: (hong.uuid, "fuzzy")}
    assert [(i.line, i.person.name) for i in work.of_kind("unregistered")] == [(4, "陈不在")]
    assert sorted(kinds(work, 2)) == [
        ("contradiction", "categories", "", "left_behind"),  # the roll says not 留守
        ("difference", "boarding", "yes", "no"),
        ("difference", "school", "新陂小学", ""),
        ("difference", "schooling", "dropout", "primary"),
    ]
    assert ("difference", "schooling", "in_school", "primary") not in kinds(work, 3)
    as_json = work.as_json()
    assert [r["line"] for r in as_json["matched"]] == [2, 3]
    assert as_json["matched"][1]["how"] == "fuzzy" and 0 < as_json["matched"][1]["score"] < 1
    assert as_json["unregistered"][0]["child_uuid"] is None


def test_accept_changes_the_file_and_names_the_list(store, registry, tmp_path):
    children, ming, _hong = registry
    clock = Clock(TODAY)
    register = write_csv(
        tmp_path / "户籍.csv",
        ["姓名", "公民身份号码", "性别", "父亲死亡", "母亲状态"],
        [["张小明", MING, "女", "是", "正常"]],
        "gbk",
    )
    check = cc.Crosscheck(store, clock)
    work = check.check_file(register, "police")
    assert sorted(kinds(work, 2)) == [
        ("contradiction", "sex", "female", "male"),
        ("difference", "father.situation", "dead", "migrant"),
    ]
    dead = next(i for i in work.items if i.field == "father.situation")
    accepted = check.accept(dead.uuid)
    assert (accepted.state, accepted.decided_on) == ("accepted", TODAY)
    father = next(m for m in children.get(ming.uuid).members if m.relation == "father")
    assert father.situation == "dead"
    with store.read() as conn:
        entry = [e for e in audit.entries(conn) if e.entity_uuid == ming.uuid][-1]
    assert entry.action == "update"
    assert entry.detail == "据公安派出所名单《户籍.csv》（2026-03-02）"
    with pytest.raises(ValidationFailed):  # decided once
        check.accept(dead.uuid)


def test_dismiss_needs_a_reason_and_keeps_it(store, registry, tmp_path):
    children, ming, _hong = registry
    register = write_xlsx(
        tmp_path / "p.xlsx", ["姓名", "身份证号", "性别"], [["张小明", MING, "女"]]
    )
    check = cc.Crosscheck(store, Clock(TODAY))
    (sex,) = check.check_file(register, "police").of_kind("contradiction")
    with pytest.raises(ValidationFailed) as refused:
        check.dismiss(sex.uuid, "  ")
    assert refused.value.problems[0].code == "crosscheck_reason_required"
    check.dismiss(sex.uuid, "派出所录入错误，已电话核实")
    (kept,) = check.worklist(check.lists()[0].uuid).of_kind("contradiction")
    assert (kept.state, kept.reason) == ("dismissed", "派出所录入错误，已电话核实")
    assert children.get(ming.uuid).sex == "male"


def test_disability_and_civil_affairs_lists(store, registry, tmp_path):
    children, ming, hong = registry
    check = cc.Crosscheck(store, Clock(TODAY))
    federation = write_xlsx(
        tmp_path / "残联.xlsx",
        ["姓名", "身份证号", "残疾证号", "残疾类别", "残疾等级"],
        [["张小明", MING, MING + "42", "肢体", "一级"]],
    )
    work = check.check_file(federation, "disability")
    assert sorted(kinds(work, 2)) == [
        ("difference", "categories", "severe_disability", ""),
        ("difference", "disability", "肢体:1", ""),
    ]
    for item in work.items:
        if item.state == "open":
            check.accept(item.uuid)
    file = children.get(ming.uuid)
    assert (file.health, file.disability_type, file.disability_grade) == (
        "disabled", "肢体残疾", "一级"
    )  # fmt: skip
    (span,) = [s for s in file.categories if s.code == "severe_disability"]
    assert span.reason == "据残联名单《残联.xlsx》（2026-03-02）"

    civil = write_xlsx(
        tmp_path / "民政.xlsx",
        ["姓名", "出生日期", "保障类型", "保障起始日期"],
        [["黄小红", "2015-02-03", "低保", "2025-07-01"], ["张小明", "2014-08-09", "孤儿", ""]],
    )
    work = check.check_file(civil, "civil")
    assert sorted(kinds(work, 2)) == [
        ("difference", "assistance", "dibao", ""),
        ("difference", "categories", "poor_family", ""),
    ]
    # 孤儿 while the file has two living parents: the list contradicts the file.
    assert kinds(work, 3) == [("contradiction", "categories", "orphan", "")]
    aid = next(i for i in work.items if i.field == "assistance")
    check.accept(aid.uuid)
    (dibao,) = children.get(hong.uuid).assistance
    assert (dibao.kind, dibao.start, dibao.note) == (
        "dibao", date(2025, 7, 1), "据民政部门名单《民政.xlsx》（2026-03-02）"
    )  # fmt: skip


def test_a_court_ruling(store, registry, tmp_path):
    children, _ming, hong = registry
    check = cc.Crosscheck(store, Clock(TODAY))
    court = write_xlsx(
        tmp_path / "法院.xlsx",
        ["当事人姓名", "出生日期", "裁定", "监护人姓名"],
        [["黄小红", "2015-02-03", "撤销母亲监护资格", "黄大伯"]],
    )
    work = check.check_file(court, "court")
    assert sorted(kinds(work, 2)) == [
        ("difference", "carer", "黄大伯", ""),
        ("difference", "mother.situation", "guardianship_revoked", "home"),
    ]
    for item in work.items:
        if item.state == "open":
            check.accept(item.uuid)
    members = {m.relation: m for m in children.get(hong.uuid).members}
    assert members["mother"].situation == "guardianship_revoked"
    assert members["carer"].name == "黄大伯"


def test_a_column_mapped_by_hand_is_remembered_for_lists_only(store, registry, tmp_path):
    header = ["娃娃名字", "身份证号", "在校状态"]
    roll = write_xlsx(tmp_path / "a.xlsx", header, [["张小明", MING, "辍学"]])
    check = cc.Crosscheck(store, Clock(TODAY))
    found = check.preview(roll)
    assert found.mapping.header_of("name") == "" and found.mapping.vocabulary is LISTS
    chosen = found.mapping.with_field(0, "name")
    check.check(
        cc.ListPreview(roll, chosen, check.preview(roll, chosen).rows, found.sheet), "education"
    )
    again = check.preview(write_xlsx(tmp_path / "b.xlsx", header, [["黄小红", "", "在读"]]))
    assert again.mapping.remembered and again.mapping.header_of("name") == "娃娃名字"
    with store.read() as conn:
        assert settings.get(conn, "roster_mappings") is None
        assert settings.get(conn, "list_mappings")[0]["fields"][0] == "name"


@pytest.fixture
def town(data_dir, backend, request):
    server = request.getfixturevalue("pg_url") if backend == POSTGRESQL else None
    store, _ = init_station(
        data_dir / "town.db", PASSPHRASE, "town", town_.TOWN, "石坑镇", "张督导", server=server
    )
    town_.build(store)
    yield store
    store.close()


def test_a_roll_without_villages_accepted_into_a_round_at_a_town(town, tmp_path):
    """The roll gives no 所属村: rows accepted together whose address names no village are
    accepted only once the officer chooses one (nothing is accepted before); a row whose
    address names a village of the town goes there, and the result says so."""
    clock = Clock(town_.OPENED)
    check = cc.Crosscheck(town, clock)
    opened = Screening(town, clock).open("春季排查", town_.DEADLINE)
    roll = write_xlsx(
        tmp_path / "学籍.xlsx",
        ["姓名", "出生日期", "家庭住址"],
        [["王住上", "2015-01-01", "石坑镇上村三组"], ["李无址", "2015-02-02", ""]],
    )
    work = check.check_file(roll, "education")
    rows = [i.uuid for i in work.of_kind(cc.UNREGISTERED)]
    with pytest.raises(ValidationFailed) as refused:
        check.accept_many(rows, opened.uuid)
    assert [p.code for p in refused.value.problems] == ["screening_village_required"]
    assert {i.state for i in check.worklist(work.list.uuid).items if i.uuid in rows} == {"open"}
    accepted = check.accept_many(rows, opened.uuid, village=town_.B)
    assert [i.state for i in accepted.items] == ["accepted", "accepted"]
    assert [(i.person.name, p.village_code, p.how) for i, p in accepted.placed] == [
        ("王住上", town_.A, "address"),
        ("李无址", town_.B, "chosen"),
    ]
    people = Screening(town, clock).status(opened.uuid).subjects
    assert sorted((s.name, s.village_code) for s in people if s.kind == "person") == [
        ("李无址", town_.B),
        ("王住上", town_.A),
    ]
