"""`childcare visits` and `childcare concerns`: the JSON scripts read, and refusals."""

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE

TODAY = date.today()


def _demo(childcare, db):
    assert childcare("demo", "--db", db, "--children", "25", "--seed", "3").code == 0


def test_visits_due_json_is_sorted_with_statuses(childcare, village_db):
    _demo(childcare, village_db)
    as_of = TODAY + timedelta(days=20)
    result = childcare("visits", "due", "--db", village_db, "--as-of", as_of.isoformat(), "--json")
    assert result.code == 0, result.err
    rows = result.json()
    assert rows and {tuple(sorted(r)) for r in rows} == {
        ("due_date", "home_visit", "interval_days", "name", "reason", "status", "uuid")
    }
    dues = [date.fromisoformat(r["due_date"]) for r in rows]
    assert dues == sorted(dues)
    for r, due in zip(rows, dues, strict=True):
        expected = (
            "overdue" if as_of > due else "due_soon" if (due - as_of).days <= 7 else "upcoming"
        )
        assert r["status"] == expected
    listed = childcare("children", "list", "--db", village_db, "--json").json()
    assert {r["uuid"] for r in rows} <= {c["uuid"] for c in listed}


def test_log_a_visit_reassesses_and_moves_the_due_date(childcare, village_db):
    _demo(childcare, village_db)
    first = childcare("visits", "due", "--db", village_db, "--json").json()[0]
    result = childcare(
        "visits", "log", "--db", village_db, "--child", first["uuid"],
        "--date", TODAY.isoformat(), "--mode", "home", "--guardianship", "none",
        "--notes", "孩子独自在家，已联系姑姑", "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    logged = result.json()
    assert (logged["mode"], logged["guardianship"], logged["actions"]) == (
        "home", "none", "孩子独自在家，已联系姑姑"
    )  # fmt: skip
    assert logged["child"] == {
        "uuid": first["uuid"],
        "guardianship": "none",
        "risk": "high",
        "last_visit": TODAY.isoformat(),
        "next_due": (TODAY + timedelta(days=14)).isoformat(),
    }
    due = childcare("visits", "due", "--db", village_db, "--json").json()
    mine = next(r for r in due if r["uuid"] == first["uuid"])
    assert (mine["reason"], mine["interval_days"]) == ("high_risk", 14)


def test_a_bad_mode_or_date_is_a_usage_error(childcare, village_db):
    args = ("visits", "log", "--db", village_db, "--child", "x", "--date")
    assert childcare(*args, TODAY.isoformat(), "--mode", "fax").code == 2
    assert childcare(*args, "2026-13-01", "--mode", "home").code == 2


def test_concerns_add_report_and_close_needs_a_follow_up(childcare, village_db):
    _demo(childcare, village_db)
    child = childcare("children", "list", "--db", village_db, "--json").json()[0]["uuid"]
    added = childcare(
        "concerns", "add", "--db", village_db, "--child", child, "--type", "abuse",
        "--noticed", TODAY.isoformat(), "--notes", "手臂有淤青", "--json",
    )  # fmt: skip
    assert added.code == 0, added.err
    concern = added.json()
    assert (concern["type"], concern["status"], concern["notes"]) == ("abuse", "open", "手臂有淤青")
    assert concern["report_to"][0]["number"] == "110"
    due = childcare("visits", "due", "--db", village_db, "--json").json()
    mine = next(r for r in due if r["uuid"] == child)
    assert date.fromisoformat(mine["due_date"]) <= TODAY and mine["reason"] == "high_risk"
    reported = childcare(
        "concerns", "report", "--db", village_db, "--concern", concern["uuid"], "--to", "police",
        "--date", TODAY.isoformat(), "--receipt", "JJ-88", "--json",
    )  # fmt: skip
    assert reported.json()["reports"] == [
        {"to": "police", "date": TODAY.isoformat(), "receipt": "JJ-88"}
    ]
    close = ("concerns", "close", "--db", village_db, "--concern", concern["uuid"])
    assert childcare(*close).code == 2  # --follow-up is required
    refused = childcare(*close, "--follow-up", "  ")
    assert refused.code == 1 and "跟进" in refused.err
    closed = childcare(*close, "--follow-up", "已报警，派出所已上门", "--json")
    assert closed.code == 0, closed.err
    assert (closed.json()["status"], closed.json()["closed_on"]) == ("closed", TODAY.isoformat())
    assert childcare("concerns", "list", "--db", village_db, "--json").json() == []


def test_visits_policy_edit(childcare, village_db):
    result = childcare("visits", "policy", "--db", village_db, "--set", "floating=120", "--json")
    assert result.code == 0, result.err
    assert result.json()["floating"] == 120
    assert childcare("visits", "policy", "--db", village_db, "--set", "floating=0").code == 1
    assert childcare("visits", "policy", "--db", village_db, "--set", "nope=3").code == 1


def test_a_preset_is_set_by_code_and_a_rule_can_ask_for_a_home_visit(childcare, village_db):
    policy = ("visits", "policy", "--db", village_db, "--json")
    edited = childcare(*policy, "--set", "intensive=20", "--home", "intensive,left_behind_fair")
    assert edited.code == 0, edited.err
    assert edited.json()["intensive"] == 20
    assert (edited.json()["home"], edited.json()["preset"]) == (
        ["intensive", "left_behind_fair"],
        None,  # edited away from every preset
    )
    assert childcare(*policy).json() == edited.json()  # kept in the store
    assert childcare(*policy, "--home", "first_visit").code == 1  # any contact fulfils it
    back = childcare(*policy, "--preset", "default")
    assert back.code == 0, back.err
    assert (back.json()["intensive"], back.json()["home"], back.json()["preset"]) == (
        30,
        [],
        "default",
    )
    assert childcare(*policy, "--preset", "nowhere").code == 2


def test_log_a_visit_with_photos_and_refuse_a_file_that_is_not_one(childcare, village_db, tmp_path):
    from tests.core.services.test_visit_photos import png

    _demo(childcare, village_db)
    first = childcare("visits", "due", "--db", village_db, "--json").json()[0]
    (tmp_path / "门口.png").write_bytes(png(b"door"))
    (tmp_path / "notes.txt").write_text("not a photo", "utf-8")
    args = ("visits", "log", "--db", village_db, "--child", first["uuid"])
    args += ("--date", TODAY.isoformat(), "--mode", "home", "--json")
    door, notes = str(tmp_path / "门口.png"), str(tmp_path / "notes.txt")
    refused = childcare(*args, "--photo", door, "--photo", notes)
    assert refused.code == 1 and "notes.txt" in refused.err
    assert childcare("visits", "due", "--db", village_db, "--json").json()[0] == first  # nothing
    logged = childcare(*args, "--photo", door)
    assert logged.code == 0, logged.err
    assert logged.json()["photos"] == ["门口.png"]


def test_concerns_to_confirm_lists_what_the_files_show_and_dismiss_needs_a_reason(
    childcare, village_db, sparse_child
):
    """赵小花 is 11 with only her father on file: nothing to confirm until the file says her
    guardianship is 无人监护 (未保法 §21 ¶2: under 16, living away from guardianship)."""
    assert childcare("concerns", "to-confirm", "--db", village_db, "--json").json() == []
    store = Store.open(Path(village_db), PASSPHRASE)
    try:
        children = Children(store)
        children.save(replace(children.get(sparse_child), guardianship="none"))
    finally:
        store.close()
    listed = childcare("concerns", "to-confirm", "--db", village_db)
    assert "未满十六周岁脱离监护单独生活" in listed.out and "无人监护" in listed.out
    (found,) = childcare("concerns", "to-confirm", "--db", village_db, "--json").json()
    assert (found["child"], found["type"], found["reason"]) == (
        sparse_child, "alone", "assessed_unguarded",
    )  # fmt: skip
    dismiss = ("concerns", "dismiss", "--db", village_db, "--child", sparse_child, "--type")
    refused = childcare(*dismiss, "alone", "--reason", "  ", "--json")
    assert refused.code == 1 and "必填" in refused.err
    done = childcare(*dismiss, "alone", "--reason", "已核实：奶奶每天来照看", "--json")
    assert done.code == 0, done.err
    assert childcare("concerns", "to-confirm", "--db", village_db, "--json").json() == []
