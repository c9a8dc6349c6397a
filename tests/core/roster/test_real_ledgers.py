"""Ledgers as officers write them: the words of the real forms, and no child refused for a detail.

A row is refused only when the child cannot be identified or a fact contradicts another; a
detail missing or not understood imports the child, keeps its text in the notes, warns with
the row, the column and the words understood there, and marks the file as still to complete.
"""

from __future__ import annotations

import dataclasses

import pytest

from childcare_desktop.core.domain.completeness import to_complete
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.roster import Roster
from childcare_desktop.core.services.station import init_station
from tests.conftest import PASSPHRASE, VILLAGE

from .ledgers import BORN, HEADER, child_row, id_for, write_xlsx

PARENTS = ["父亲姓名", "父亲状况", "父亲务工地", "母亲姓名", "母亲状况"]


def import_rows(store, tmp_path, rows, name="台账.xlsx"):
    return Roster(store).import_file(write_xlsx(tmp_path / name, rows))


def files(store) -> dict:
    service = Children(store)
    return {s.name: service.get(s.uuid) for s in service.summaries()}


def only_file(store):
    (child,) = files(store).values()
    return child


def warnings_of(result) -> list[tuple[int, str, str]]:
    return [(w.row, w.column, w.code) for w in result.warnings]


def test_a_disabled_child_without_a_disability_type_column_is_imported_and_marked(store, tmp_path):
    header = [*HEADER, "健康状况"]
    rows = [["某村台账"], header] + [
        [*child_row(n, f"孩子{n}"), "残疾" if n % 5 == 0 else "健康"] for n in range(1, 56)
    ]
    result = import_rows(store, tmp_path, rows)
    assert (result.imported, result.errors) == (55, ())
    assert warnings_of(result) == [
        (n + 2, "健康状况", "disability_detail_missing") for n in range(5, 56, 5)
    ]
    child = files(store)["孩子5"]
    assert child.health == "disabled"
    assert to_complete(child) == ("disability_type", "disability_grade")
    assert to_complete(files(store)["孩子4"]) == ()


@pytest.mark.parametrize(
    ("written", "situation", "work_place"),
    [
        ("广州务工", "migrant", "广州"),
        ("在深圳打工", "migrant", "深圳"),
        ("东莞务工", "migrant", "东莞"),
        ("外出（东莞）", "migrant", "东莞"),
        ("外出(佛山)", "migrant", "佛山"),
        ("外出务工", "migrant", ""),
        ("去世", "dead", ""),
        ("已故", "dead", ""),
        ("病故", "dead", ""),
        ("坐牢", "imprisoned", ""),
        ("服刑", "imprisoned", ""),
        ("改嫁", "other", ""),
        ("离家出走", "other", ""),
        ("联系不上", "missing", ""),
        ("本地务工", "home", ""),
    ],
)
def test_a_parents_situation_is_read_with_its_place(
    store, tmp_path, written, situation, work_place
):
    rows = [
        [*HEADER, *PARENTS],
        [*child_row(1, "甲", 儿童类别="困难家庭儿童"), "甲父", "外出务工", "", "甲母", written],
    ]
    result = import_rows(store, tmp_path, rows)
    assert (result.imported, result.errors, result.warnings) == (1, (), ())
    child = only_file(store)
    mother = next(m for m in child.members if m.relation == "mother")
    assert (mother.situation, mother.work_place) == (situation, work_place)
    if situation == "other":  # the word says what 其他 is
        assert f"母亲/状况：{written}" in child.notes or f"母亲状况：{written}" in child.notes


def test_an_unknown_whereabouts_imports_the_child_and_keeps_the_word(store, tmp_path):
    rows = [[*HEADER, *PARENTS], [*child_row(1, "乙"), "乙父", "跑船", "", "乙母", "外出务工"]]
    result = import_rows(store, tmp_path, rows)
    assert (result.imported, result.errors) == (1, ())
    ((row, column, code),) = warnings_of(result)
    assert (row, column, code) == (2, "父亲状况", "word_unknown")
    assert "跑船" in result.warnings[0].message and "外出务工" in result.warnings[0].message
    child = only_file(store)
    father = next(m for m in child.members if m.relation == "father")
    assert father.situation == "other"
    assert "父亲状况：跑船" in child.notes
    assert to_complete(child) == ("father.situation",)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("监护情况较好", "good"),
        ("较好", "good"),
        ("良好", "good"),
        ("好", "good"),
        ("监护情况一般", "fair"),
        ("一般", "fair"),
        ("差", "poor"),
        ("较差", "poor"),
        ("监护情况差", "poor"),
        ("父或母无监护能力", "poor"),
        ("监护情况父或母无监护能力", "poor"),
        ("受委托监护人监护能力不足", "poor"),
        ("无人监护", "none"),
        ("监护情况无人监护", "none"),
    ],
)
def test_the_2016_forms_guardianship_words_are_understood(store, tmp_path, written, code):
    result = import_rows(store, tmp_path, [HEADER, child_row(1, "丙", 监护情况=written)])
    assert (result.imported, result.errors, result.warnings) == (1, (), ())
    assert only_file(store).guardianship == code


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("事实孤儿", "de_facto_unsupported"),
        ("事实无人抚养", "de_facto_unsupported"),
        ("事实无人抚养儿童", "de_facto_unsupported"),
        ("散居孤儿", "orphan"),
        ("社会散居孤儿", "orphan"),
        ("孤儿（含艾滋病病毒感染儿童）", "orphan"),
        ("孤儿(含艾滋病病毒感染儿童)", "orphan"),
        ("困难家庭儿童", "poor_family"),
        ("低保家庭儿童", "poor_family"),
        ("特困儿童", "poor_family"),
        ("兜底监护儿童", "guardianship_lacking"),
        ("困境儿童（残疾）", "severe_disability"),
        ("困境儿童(重病)", "serious_illness"),
        ("留守", "left_behind"),
        ("农村留守", "left_behind"),
        ("重残", "severe_disability"),
        ("重病", "serious_illness"),
        ("监护缺失", "guardianship_lacking"),
        ("监护不当", "guardianship_lacking"),
    ],
)
def test_category_names_of_provinces_and_older_texts_are_understood(store, tmp_path, written, code):
    result = import_rows(store, tmp_path, [HEADER, child_row(1, "丁", 儿童类别=written)])
    assert (result.imported, result.errors, result.warnings) == (1, (), ())
    assert [s.code for s in only_file(store).categories] == [code]


@pytest.mark.parametrize("written", ["残疾儿童", "困境儿童", "困境"])
def test_a_word_naming_several_categories_is_never_guessed(store, tmp_path, written):
    result = import_rows(store, tmp_path, [HEADER, child_row(1, "戊", 儿童类别=written)])
    assert (result.imported, result.errors) == (1, ())
    assert warnings_of(result) == [(2, "儿童类别", "category_ambiguous")]
    assert "重残儿童" in result.warnings[0].message  # the choices are named
    child = only_file(store)
    assert child.categories == ()
    assert f"儿童类别：{written}" in child.notes
    assert to_complete(child) == ("categories",)


def test_an_ambiguous_word_beside_a_known_one_adds_and_ends_nothing(store, tmp_path):
    import_rows(store, tmp_path, [HEADER, child_row(1, "己", 儿童类别="孤儿")], "a.xlsx")
    rows = [HEADER, child_row(1, "己", 儿童类别="农村留守儿童、残疾儿童")]
    result = import_rows(store, tmp_path, rows, "b.xlsx")
    assert (result.updated, result.errors) == (1, ())
    child = only_file(store)
    assert sorted((s.code, s.end) for s in child.categories) == [
        ("left_behind", None),
        ("orphan", None),
    ]
    assert to_complete(child) == ("categories",)
    # The officer's next ledger says it plainly: nothing is left to complete.
    rows = [HEADER, child_row(1, "己", 儿童类别="孤儿、重残儿童")]
    import_rows(store, tmp_path, rows, "c.xlsx")
    assert to_complete(only_file(store)) == ()


def test_an_unknown_word_in_a_coded_column_changes_nothing_kept(store, tmp_path):
    header = [*HEADER, "健康状况", "就学情况"]
    import_rows(store, tmp_path, [header, [*child_row(1, "庚"), "患病", "初中"]], "a.xlsx")
    result = import_rows(store, tmp_path, [header, [*child_row(1, "庚"), "还行", "读书"]], "b.xlsx")
    assert (result.updated, result.errors) == (1, ())
    assert [(w.column, w.code) for w in result.warnings] == [
        ("健康状况", "word_unknown"),
        ("就学情况", "word_unknown"),
    ]
    assert "健康、残疾、患病" in result.warnings[0].message
    child = only_file(store)
    assert (child.health, child.schooling) == ("ill", "junior")
    assert "健康状况：还行" in child.notes and "就学情况：读书" in child.notes
    assert to_complete(child) == ("health", "schooling")


def test_a_wrong_phone_or_parents_id_is_kept_in_the_notes_not_on_the_parent(store, tmp_path):
    header = [*HEADER, "父亲姓名", "父亲联系电话", "父亲身份证号"]
    rows = [header, [*child_row(1, "辛"), "辛父", "打电话问", "441481198001011234"]]
    result = import_rows(store, tmp_path, rows)
    assert (result.imported, result.errors) == (1, ())
    assert [w.column for w in result.warnings] == ["父亲联系电话", "父亲身份证号"]
    child = only_file(store)
    (father,) = child.members
    assert (father.name, father.phone, father.id_number) == ("辛父", "", "")
    assert "父亲联系电话：打电话问" in child.notes
    assert to_complete(child) == ("father.phone", "father.id_number")


@pytest.mark.parametrize(
    ("cells", "code"),
    [
        ({"姓名": ""}, "required"),
        ({"身份证号码": id_for(serial=3)[:-1] + "Y"}, "id_chars"),
        ({"性别": "女"}, "id_sex_mismatch"),
        ({"出生日期": "2012-02-30", "身份证号码": "无户籍"}, "date_impossible"),
        ({"性别": "不详", "身份证号码": "未落户"}, "word_unknown"),
    ],
)
def test_a_child_who_cannot_be_identified_is_still_refused(store, tmp_path, cells, code):
    result = import_rows(store, tmp_path, [HEADER, child_row(3, "壬", **cells)])
    assert result.imported == 0
    assert code in [e.code for e in result.errors]


def station(path):
    store, _ = init_station(path, PASSPHRASE, "village", VILLAGE, "新陂村", "李主任")
    return store


def shape(child) -> dict:
    """A file without its keys (made afresh in each store)."""
    found = dataclasses.asdict(child)
    found.pop("uuid")
    for member in found["members"]:
        member.pop("uuid")
    return found


def test_two_rows_of_one_child_are_applied_in_turn(store_path, tmp_path, data_dir):
    """The result equals importing the rows as two files one after the other; a blank cell of
    the second row erases nothing the first wrote."""
    header = [*HEADER, "父亲姓名", "父亲联系电话"]
    kept = [header, [*child_row(1, "癸", 监护情况="一般"), "癸父", "13800000001"]]
    first = [*child_row(1, "癸", 监护情况="较好", 备注="爱画画"), "", "13900000002"]
    # Found by name and birth date (no number): leaves guardianship and the phone blank.
    second = [*child_row(1, "癸", 身份证号码="", 监护情况="", 儿童类别="孤儿"), "", ""]

    together, apart = station(data_dir / "together.db"), station(data_dir / "apart.db")
    try:
        for target in (together, apart):
            import_rows(target, tmp_path, kept, "kept.xlsx")
        result = import_rows(together, tmp_path, [header, first, second], "both.xlsx")
        assert (result.updated, result.errors) == (1, ())
        import_rows(apart, tmp_path, [header, first], "first.xlsx")
        import_rows(apart, tmp_path, [header, second], "second.xlsx")
        child = only_file(together)
        assert (child.guardianship, child.notes) == ("good", "爱画画")
        assert child.members[0].phone == "13900000002"
        assert [s.code for s in child.categories if s.end is None] == ["orphan"]
        assert shape(child) == shape(only_file(apart))
    finally:
        together.close()
        apart.close()


def test_two_rows_of_a_new_child_equal_two_imports(store, tmp_path, data_dir):
    first = child_row(1, "子", 监护情况="差", 备注="一")
    second = child_row(1, "子", 监护情况="", 儿童类别="孤儿", 出生日期=BORN)
    result = import_rows(store, tmp_path, [HEADER, first, second], "both.xlsx")
    assert (result.imported, result.errors) == (1, ())
    apart = station(data_dir / "apart.db")
    try:
        import_rows(apart, tmp_path, [HEADER, first], "first.xlsx")
        import_rows(apart, tmp_path, [HEADER, second], "second.xlsx")
        together = dataclasses.replace(only_file(store), registered_on=None)
        assert shape(together) == shape(dataclasses.replace(only_file(apart), registered_on=None))
        assert (together.guardianship, together.notes) == ("poor", "一")
    finally:
        apart.close()


def test_a_category_the_rows_facts_deny_is_imported_and_said(store, tmp_path):
    """国发〔2016〕13号: a mother at home and able to care is not a left-behind child's; 国办发
    〔2010〕54号: a father working away is not an orphan's. The child is imported with what the
    ledger says, and the warning gives the law's reason; a situation the ledger leaves blank is
    no fact."""
    rows = [
        [*HEADER, *PARENTS],
        [*child_row(1, "壬"), "壬父", "外出务工", "", "壬母", "在家"],
        [*child_row(2, "癸", 儿童类别="孤儿"), "癸父", "广州务工", "", "癸母", "去世"],
        [*child_row(3, "子"), "子父", "", "", "子母", ""],
    ]
    result = import_rows(store, tmp_path, rows)
    assert (result.imported, result.errors) == (3, ())
    assert [(w.row, w.column, w.code) for w in result.warnings] == [
        (2, "儿童类别", "category_not_supported"),
        (3, "儿童类别", "category_not_supported"),
    ]
    assert "农村留守儿童与档案事实不符（父母一方在家且有监护能力）" in result.warnings[0].message
    assert "孤儿与档案事实不符（父母一方在世且未被宣告失踪）" in result.warnings[1].message
    assert {c.name: [s.code for s in c.categories] for c in files(store).values()} == {
        "壬": ["left_behind"], "癸": ["orphan"], "子": ["left_behind"]
    }  # fmt: skip
