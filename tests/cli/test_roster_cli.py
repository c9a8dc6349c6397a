"""`childcare roster import|export` as a script runs it: JSON, exit codes, dry run."""

from __future__ import annotations

from pathlib import Path

from tests.core.roster.ledgers import HEADER, child_row, id_for, write_csv, write_xlsx


def ledger(tmp_path: Path) -> Path:
    rows = [
        ["新陂村台账"],
        HEADER,
        child_row(1, "张小明"),
        child_row(2, "李小红", sex="female", 身份证号码=id_for(serial=2, sex="female")[:-1] + "Z"),
        child_row(3, "王小军", 出生日期="2012-02-30"),
        child_row(4, "赵小四", 儿童类别="困境儿童"),  # imported, with a warning
    ]
    return write_xlsx(tmp_path / "台账.xlsx", rows)


def test_import_prints_the_json_the_issue_names(childcare, village_db, tmp_path):
    result = childcare("roster", "import", "--db", village_db, str(ledger(tmp_path)), "--json")
    assert result.code == 0, result.err
    document = result.json()
    assert list(document) == [
        "imported",
        "updated",
        "unchanged",
        "errors",
        "warnings",
        "error_file",
    ]
    assert (document["imported"], document["updated"], document["unchanged"]) == (2, 0, 0)
    assert [(e["row"], e["column"], e["code"]) for e in document["errors"]] == [
        (4, "身份证号码", "id_chars"),
        (5, "出生日期", "date_impossible"),
    ]
    assert [(w["row"], w["column"], w["code"]) for w in document["warnings"]] == [
        (6, "儿童类别", "category_ambiguous")
    ]
    for problem in document["errors"] + document["warnings"]:
        assert list(problem) == ["row", "column", "code", "message"]
    assert Path(document["error_file"]).name == "台账_错误行.xlsx"
    assert Path(document["error_file"]).exists()

    listed = childcare("children", "list", "--db", village_db, "--json").json()
    assert sorted(c["name"] for c in listed) == ["张小明", "赵小四"]
    again = childcare("roster", "import", "--db", village_db, str(ledger(tmp_path)), "--json")
    assert (again.json()["imported"], again.json()["unchanged"]) == (0, 2)


def test_a_dry_run_writes_nothing(childcare, village_db, tmp_path):
    source = write_csv(tmp_path / "a.csv", [HEADER, child_row(1, "赵一")], "gbk")
    result = childcare("roster", "import", "--db", village_db, str(source), "--dry-run", "--json")
    assert result.code == 0, result.err
    assert result.json() == {
        "imported": 1, "updated": 0, "unchanged": 0, "errors": [], "warnings": [],
        "error_file": None,
    }  # fmt: skip
    assert childcare("children", "list", "--db", village_db, "--json").json() == []


def test_a_file_that_cannot_be_read_exits_1_with_words(childcare, village_db, tmp_path):
    broken = tmp_path / "坏的.xlsx"
    broken.write_bytes(b"not a workbook")
    result = childcare("roster", "import", "--db", village_db, str(broken), "--json")
    assert result.code == 1
    assert result.out == ""
    assert "打不开" in result.err and "cannot be read" in result.err
    missing = childcare("roster", "import", "--db", village_db, str(tmp_path / "无.xlsx"))
    assert missing.code == 1 and "找不到文件" in missing.err


def test_export_then_import_elsewhere(childcare, village_db, data_dir, tmp_path):
    assert childcare("demo", "--db", village_db, "--children", "25").code == 0
    out = tmp_path / "花名册.xlsx"
    exported = childcare("roster", "export", "--db", village_db, "--out", str(out))
    assert exported.code == 0, exported.err
    assert out.exists() and "25" in exported.out
    other = str(data_dir / "other.db")
    init = ["init", "--db", other, "--role", "village", "--division", "441481103201"]
    assert childcare(*init, "--name", "新陂村", "--officer", "李").code == 0
    imported = childcare("roster", "import", "--db", other, str(out), "--json")
    assert imported.json()["imported"] == 25 and imported.json()["errors"] == []
    refused = childcare("roster", "export", "--db", village_db, "--out", str(tmp_path / "a.csv"))
    assert refused.code == 1


def test_a_problem_of_no_column_says_its_column_as_null(childcare, village_db, tmp_path):
    """Two rows of one child: the warning belongs to the row, not to a column."""
    path = write_xlsx(
        tmp_path / "台账.xlsx", [HEADER, child_row(1, "张小明"), child_row(1, "张小明")]
    )
    result = childcare("roster", "import", "--db", village_db, str(path), "--json")
    assert result.code == 0, result.err
    (warning,) = result.json()["warnings"]
    assert (warning["row"], warning["column"], warning["code"]) == (3, None, "roster_duplicate_row")
