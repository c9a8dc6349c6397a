"""The `childcare` command for the foundation: version, init, demo, children list and update."""

import re

from childcare_desktop import __version__
from tests.core.reports import poppler


def test_version(childcare):
    result = childcare("--version")
    assert result.code == 0
    assert result.out.strip() == f"childcare {__version__}"


def test_init_refuses_a_bad_division_code_with_words_and_writes_nothing(childcare, data_dir):
    result = childcare(
        "init",
        "--db",
        str(data_dir / "x.db"),
        "--role",
        "village",
        "--division",
        "441481103",
        "--name",
        "新陂村",
        "--officer",
        "李",
    )
    assert result.code == 1
    assert "区划代码应为 12 位" in result.err and "12 digits" in result.err
    assert not (data_dir / "x.db").exists()


def test_init_prints_the_recovery_code_once(childcare, data_dir):
    db = str(data_dir / "t.db")
    result = childcare(
        "init",
        "--db",
        db,
        "--role",
        "town",
        "--division",
        "441481103",
        "--name",
        "石坑镇",
        "--officer",
        "陈",
        "--json",
    )
    assert result.code == 0, result.err
    document = result.json()
    assert document["station"] == "441481103" and document["role"] == "town"
    assert re.fullmatch(r"([A-Z2-9]{4}-){5}[A-Z2-9]{4}", document["recovery_code"])


def test_init_writes_the_recovery_code_on_a_page_to_print(childcare, data_dir):
    pdf = data_dir / "恢复码.pdf"
    result = childcare(
        "init", "--db", str(data_dir / "v.db"), "--role", "village", "--division",
        "441481103201", "--name", "新陂村", "--officer", "李", "--recovery-pdf", str(pdf),
    )  # fmt: skip
    assert result.code == 0, result.err
    code = result.out.split("recovery code, shown once:\n")[1].split()[0]
    assert str(pdf) in result.out
    assert code in poppler.text(pdf) and "新陂村" in poppler.text(pdf)


def test_init_still_shows_the_code_when_its_page_cannot_be_written(childcare, data_dir):
    nowhere = data_dir / "no such folder" / "恢复码.pdf"
    result = childcare(
        "init", "--db", str(data_dir / "v.db"), "--role", "village", "--division",
        "441481103201", "--name", "新陂村", "--officer", "李", "--recovery-pdf", str(nowhere),
        "--json",
    )  # fmt: skip
    assert result.code == 1
    assert re.fullmatch(r"([A-Z2-9]{4}-){5}[A-Z2-9]{4}", result.json()["recovery_code"])
    assert "recovery_pdf" not in result.json()
    assert "could not write the PDF" in result.err and not nowhere.exists()


def test_a_usage_error_exits_2(childcare):
    assert childcare("children", "list", "--no-such-flag").code == 2
    assert childcare("init", "--role", "village").code == 2


def test_a_wrong_passphrase_exits_1_with_a_clear_message(childcare, village_db):
    result = childcare("children", "list", "--db", village_db, passphrase="wrong passphrase")
    assert result.code == 1
    assert "密码不对" in result.err and "wrong passphrase" in result.err


def test_no_passphrase_and_no_terminal_is_refused(childcare, village_db):
    result = childcare("children", "list", "--db", village_db, passphrase=None)
    assert result.code == 1
    assert "CHILDCARE_PASSPHRASE" in result.err


def test_demo_then_list_as_json(childcare, village_db):
    assert childcare("demo", "--db", village_db, "--children", "25", "--seed", "7").code == 0
    result = childcare("children", "list", "--db", village_db, "--json")
    assert result.code == 0, result.err
    children = result.json()
    assert len(children) == 25
    keys = {
        "uuid",
        "name",
        "sex",
        "birth_date",
        "id_number",
        "categories",
        "guardianship",
        "risk",
        "status",
        "village",
        "current_address",
        "last_visit",
    }
    assert keys <= set(children[0])
    assert all(c["status"] == "active" and c["village"] == "新陂村" for c in children)
    assert {c["sex"] for c in children} <= {"male", "female"}


def test_update_validates_like_the_form_and_list_all_shows_closed(childcare, village_db):
    childcare("demo", "--db", village_db, "--children", "3")
    child = childcare("children", "list", "--db", village_db, "--json").json()[0]
    bad = childcare(
        "children",
        "update",
        "--db",
        village_db,
        "--child",
        child["uuid"],
        "--set",
        "id_number=441481201408090011",
    )
    assert bad.code == 1
    assert "id_number" in bad.err and "校验位" in bad.err

    ok = childcare(
        "children",
        "update",
        "--db",
        village_db,
        "--child",
        child["uuid"],
        "--set",
        "current_address=新陂村9组",
        "--set",
        "guardianship=poor",
        "--json",
    )
    assert ok.code == 0, ok.err
    assert ok.json()["current_address"] == "新陂村9组"
    assert ok.json()["risk"] == "high"

    closed = childcare(
        "children",
        "update",
        "--db",
        village_db,
        "--child",
        child["uuid"],
        "--set",
        "status=closed",
        "--set",
        "close_reason=moved_away",
    )
    assert closed.code == 0, closed.err
    active = childcare("children", "list", "--db", village_db, "--json").json()
    everyone = childcare("children", "list", "--db", village_db, "--json", "--all").json()
    assert child["uuid"] not in {c["uuid"] for c in active}
    assert child["uuid"] in {c["uuid"] for c in everyone}


def test_list_to_complete_holds_only_the_files_still_to_complete(
    childcare, village_db, sparse_child
):
    childcare("demo", "--db", village_db, "--children", "4")
    everyone = childcare("children", "list", "--db", village_db, "--json").json()
    assert len(everyone) == 5
    result = childcare("children", "list", "--db", village_db, "--json", "--to-complete")
    assert result.code == 0, result.err
    pending = result.json()
    assert [c["uuid"] for c in pending] == [c["uuid"] for c in everyone if c["to_complete"]]
    assert [(c["uuid"], c["to_complete"]) for c in pending] == [
        (sparse_child, ["disability_grade", "father.situation"])
    ]
    words = childcare("children", "list", "--db", village_db, "--to-complete").out
    assert sparse_child in words and len(words.splitlines()) == 1
