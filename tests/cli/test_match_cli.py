"""`childcare match` as a script runs it: a department's list checked to the JSON the issue
names, then items accepted and dismissed by their ids, and the refusals."""

from __future__ import annotations

from pathlib import Path

from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE
from tests.core.lists.department_lists import write_xlsx


def roll(tmp_path: Path) -> Path:
    """The school's roll: 赵小花 misspelt (赵晓花), out of school; a child nobody registered."""
    return write_xlsx(
        tmp_path / "学籍.xlsx",
        ["学生姓名", "出生日期", "在校状态", "是否寄宿"],
        [["赵晓花", "2015-05-01", "辍学", "是"], ["钱未登", "2014-02-02", "在读", ""]],
        title="2026年春季学期学生名册",
    )


def test_match_prints_matched_unregistered_and_differences(
    childcare, village_db, sparse_child, tmp_path
):
    result = childcare(
        "match", "--db", village_db, str(roll(tmp_path)), "--source", "education", "--json"
    )
    assert result.code == 0, result.err
    document = result.json()
    assert list(document) == ["list", "matched", "unregistered", "differences"]
    (matched,) = document["matched"]
    assert (matched["line"], matched["child_uuid"], matched["how"]) == (3, sparse_child, "fuzzy")
    assert 0.7 <= matched["score"] < 1
    (unregistered,) = document["unregistered"]
    assert (unregistered["line"], unregistered["child_uuid"]) == (4, None)
    differences = {d["field"]: d for d in document["differences"]}
    assert set(differences) == {"schooling", "boarding"}
    assert differences["schooling"]["list_value"] == "dropout"
    assert {d["line"] for d in document["differences"]} == {3}

    schooling, boarding = differences["schooling"]["item"], differences["boarding"]["item"]
    accepted = childcare("match", "--db", village_db, "accept", schooling, "--json")
    assert accepted.code == 0, accepted.err
    assert accepted.json()[0]["state"] == "accepted"
    refused = childcare("match", "--db", village_db, "dismiss", boarding)
    assert refused.code == 1 and "crosscheck_reason_required" in refused.err
    dismissed = childcare("match", "--db", village_db, "dismiss", boarding, "--reason", "走读")
    assert dismissed.code == 0, dismissed.err
    again = childcare("match", "--db", village_db, "accept", schooling)
    assert again.code == 1 and "crosscheck_decided" in again.err

    store = Store.open(Path(village_db), PASSPHRASE)
    try:
        child = Children(store).get(sparse_child)
    finally:
        store.close()
    assert (child.schooling, child.boarding) == ("dropout", False)

    shown = childcare("match", "--db", village_db, "show", document["list"]["uuid"], "--json")
    decided = {d["field"]: d for d in shown.json()["differences"]}
    assert decided["schooling"]["state"] == "accepted"
    assert (decided["boarding"]["state"], decided["boarding"]["reason"]) == ("dismissed", "走读")


def test_match_refuses_what_it_cannot_do(childcare, village_db, tmp_path):
    assert childcare("match", "--db", village_db, "accept").code == 1
    unknown = childcare("match", "--db", village_db, str(roll(tmp_path)), "--source", "木匠")
    assert unknown.code == 2  # not one of the sources
    missing = childcare("match", "--db", village_db, str(tmp_path / "无.xlsx"))
    assert missing.code == 1 and "无.xlsx" in missing.err


def test_match_says_each_value_in_words_not_codes(childcare, village_db, sparse_child, tmp_path):
    result = childcare("match", "--db", village_db, str(roll(tmp_path)), "--source", "education")
    assert result.code == 0, result.err
    (schooling,) = [line for line in result.out.splitlines() if "就学" in line]
    assert "小学 (primary school) → 辍学 (dropped out)" in schooling
    (boarding,) = [line for line in result.out.splitlines() if "寄宿" in line]
    assert "否 (no) → 是 (yes)" in boarding
