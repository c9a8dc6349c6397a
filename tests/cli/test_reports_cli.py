"""`childcare report …` run as a script would: real store, real files, exit codes, JSON."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.core.reports import poppler


@pytest.fixture
def filled(childcare, village_db: str) -> str:
    result = childcare("demo", "--db", village_db, "--children", "25", "--seed", "5")
    assert result.code == 0, result.err
    return village_db


def test_child_file(childcare, filled: str, tmp_path: Path):
    child = childcare("children", "list", "--db", filled, "--json").json()[0]
    out = tmp_path / "child.pdf"
    result = childcare(
        "report", "child", "--db", filled, "--child", child["uuid"], "--out", str(out)
    )
    assert result.code == 0, result.err
    flat = poppler.flat_text(out)
    assert child["name"] in flat
    assert child["id_number"] and child["id_number"] in flat


def test_roster_masked_and_full(childcare, filled: str, tmp_path: Path):
    children = childcare("children", "list", "--db", filled, "--json").json()
    numbered = [c for c in children if c["id_number"]]
    masked = tmp_path / "roster.xlsx"
    assert childcare("report", "roster", "--db", filled, "--out", str(masked)).code == 0
    cells = {row[5] for row in load_workbook(masked).active.iter_rows(values_only=True)}
    assert not any(c["id_number"] in cells for c in numbered)
    full = tmp_path / "roster.pdf"
    args = ("report", "roster", "--db", filled, "--out", str(full), "--full-ids")
    assert childcare(*args, "--category", "left_behind").code == 0
    flat = poppler.flat_text(full)
    held = [c for c in numbered if "left_behind" in c["categories"]]
    assert held and all(c["id_number"] in flat for c in held)


def test_ledger_and_refusals(childcare, filled: str, tmp_path: Path):
    out = tmp_path / "ledger.pdf"
    month = date.today().strftime("%Y-%m")
    result = childcare("report", "ledger", "--db", filled, "--month", month, "--out", str(out))
    assert result.code == 0, result.err
    assert "走访台账" in poppler.flat_text(out)
    bad = childcare("report", "ledger", "--db", filled, "--month", "2024-13", "--out", str(out))
    assert bad.code == 1 and "YYYY-MM" in bad.err
    wrong = childcare("report", "roster", "--db", filled, "--out", str(tmp_path / "r.doc"))
    assert wrong.code == 1 and ".xlsx" in wrong.err
    usage = childcare("report", "roster", "--db", filled, "--out", "x.pdf", "--category", "nope")
    assert usage.code == 2


def test_summary_json_is_the_printed_figures(childcare, filled: str, tmp_path: Path):
    out = tmp_path / "summary.pdf"
    result = childcare("report", "summary", "--db", filled, "--out", str(out), "--json")
    assert result.code == 0, result.err
    figures = result.json()
    children = childcare("children", "list", "--db", filled, "--json").json()
    assert figures["total"] == len(children) and figures["as_of"] == date.today().isoformat()
    sex = figures["tables"]["sex"]
    assert sum(sex["total"]["counts"].values()) == len(children)
    assert sum(v["total"] for v in sex["villages"].values()) == len(children)
    flat = poppler.flat_text(out)
    assert f"合计{figures['total']}" in flat
