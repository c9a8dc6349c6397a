"""`childcare report department` as a script runs it: the count and columns, the file written,
the audit entry, and the refusals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage import audit
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE, VILLAGE
from tests.core.reports import poppler


@pytest.fixture
def dropout(village_db: str, sparse_child: str) -> str:
    """Beside the sparse child (无户籍), a boy of 13 who left school."""
    store = Store.open(Path(village_db), PASSPHRASE)
    try:
        born = date(date.today().year - 13, 1, 1)
        number = idnumber.make("441481", born, 3, "male")
        child = Child("钱小辍", "male", born, VILLAGE, id_number=number, schooling="dropout")
        Children(store).save(child)
    finally:
        store.close()
    return village_db


def test_the_count_and_columns_alone(childcare, dropout: str):
    result = childcare("report", "department", "--db", dropout, "--to", "education", "--json")
    assert result.code == 0, result.err
    assert result.json() == {
        "list": "education",
        "department": "education",
        "columns": ["name", "sex", "birth_date", "schooling", "school", "contact",
                    "contact_phone"],
        "count": 1,
        "path": None,
        "pages": None,
    }  # fmt: skip


def test_each_list_written_and_audited(childcare, dropout: str, tmp_path: Path):
    out = tmp_path / "户籍.xlsx"
    args = ("report", "department", "--db", dropout, "--to", "police_hukou", "--out", str(out))
    result = childcare(*args, "--json")
    assert result.code == 0, result.err
    said = result.json()
    assert (said["count"], said["path"], said["department"]) == (1, str(out), "police_station")
    names = [r[1] for r in load_workbook(out).active.iter_rows(min_row=5, values_only=True)]
    assert names == ["赵小花"]
    pdf = tmp_path / "edu.pdf"
    result = childcare("report", "department", "--db", dropout, "--to", "education",
                       "--out", str(pdf))  # fmt: skip
    assert result.code == 0, result.err
    assert "失学辍学儿童名单" in result.out and "1 人" in result.out and str(pdf) in result.out
    flat = poppler.flat_text(pdf)
    assert "钱小辍" in flat and "赵小花" not in flat and "仅供教育部门控辍保学使用" in flat
    store = Store.open(Path(dropout), PASSPHRASE)
    try:
        with store.read() as conn:
            logged = audit.entries(conn)[-2:]
    finally:
        store.close()
    assert [(e.action, e.entity) for e in logged] == [
        ("export", "department_list"),
        ("print", "department_list"),
    ]
    assert "户籍.xlsx" in logged[0].detail and "edu.pdf" in logged[1].detail


def test_refusals(childcare, dropout: str, tmp_path: Path):
    base = ("report", "department", "--db", dropout)
    assert childcare(*base, "--to", "education").code == 2  # neither --out nor --json
    assert childcare(*base, "--to", "tax_office", "--json").code == 2
    wrong = childcare(*base, "--to", "education", "--out", str(tmp_path / "x.doc"))
    assert wrong.code == 1 and ".xlsx" in wrong.err
    assert not (tmp_path / "x.doc").exists()
