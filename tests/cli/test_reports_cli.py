"""`childcare report …` run as a script would: real store, real files, exit codes, JSON."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE, VILLAGE
from tests.core.reports import as_of_village, poppler
from tests.core.reports.as_of_village import AS_OF, LATER


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


@pytest.fixture
def as_of_village_db(village_db: str) -> tuple[str, dict[str, str]]:
    store = Store.open(Path(village_db), PASSPHRASE)
    try:
        return village_db, as_of_village.build(store, VILLAGE)
    finally:
        store.close()


def test_summary_as_of_equals_a_count_by_hand_of_the_files(childcare, as_of_village_db, tmp_path):
    """Issue 14 point 4: the village's files read with `children show --json` and counted by
    hand give the figures `report summary --as-of … --json` prints, and the PDF read back with
    pdftotext prints them; at a later date the same store gives other, right figures."""
    db, saved = as_of_village_db
    files = []
    for uuid in saved.values():
        shown = childcare("children", "show", "--db", db, "--child", uuid, "--json")
        assert shown.code == 0, shown.err
        files.append(shown.json())
    documents = {}
    for day in (AS_OF, LATER):
        out = tmp_path / f"summary-{day}.pdf"
        args = ("report", "summary", "--db", db, "--as-of", day.isoformat(), "--json")
        result = childcare(*args, "--out", str(out))
        assert result.code == 0, result.err
        document = result.json()
        assert document["as_of"] == day.isoformat()
        hand = as_of_village.hand_counts(files, day)
        for code, counted in hand.items():
            assert as_of_village.printed_counts(document, code) == counted, (day, code)
        flat = poppler.flat_text(out)
        assert f"截止日期：{day.isoformat()}" in flat
        for code in ("category.left_behind", "left.parents", "left.entrusted", "sex", "age"):
            table = document["tables"][code]
            assert table["title"] in flat
            assert "合计" + _printed(table, table["total"]) in flat, (day, code)
            for line in table["villages"].values():
                assert line["name"] + _printed(table, line) in flat, (day, code)
        alone = childcare(*args)  # the figures without a PDF
        assert alone.code == 0 and alone.json() == document, alone.err
        documents[day] = document
    assert documents[AS_OF]["tables"]["left.parents"]["total"]["counts"]["both_away"] == 2
    assert documents[LATER]["tables"]["category.orphan"]["total"]["total"] == 0
    assert documents[AS_OF]["tables"]["category.orphan"]["total"]["total"] == 1


def _printed(table: dict, line: dict) -> str:
    """A line's figures as the PDF prints them: the total, then each column the form shows
    (a 不详, 未填 or 16–17 column only when someone is in it)."""
    from childcare_desktop.core.reports.summary_pdf import SHOWN_WHEN_USED

    parts = [p for g in table["groups"] for p in g] + table["counted"]
    shown = [p for p in parts if p not in SHOWN_WHEN_USED or table["total"]["counts"].get(p)]
    return str(line["total"]) + "".join(str(line["counts"].get(p, 0)) for p in shown)


def test_summary_needs_an_output_or_json_and_a_real_date(childcare, filled: str):
    neither = childcare("report", "summary", "--db", filled)
    assert neither.code == 2 and "--out" in neither.err
    bad = childcare("report", "summary", "--db", filled, "--as-of", "2026-13-01", "--json")
    assert bad.code == 2
