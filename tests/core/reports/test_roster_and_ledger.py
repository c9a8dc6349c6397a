"""The roster (PDF and Excel) and the month's visit ledger, read back from the real files."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from childcare_desktop.core.domain.masking import mask_id_number
from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.reports.errors import ReportError
from childcare_desktop.core.reports.layout import ReportMeta
from childcare_desktop.core.reports.roster import RosterLine, write_roster_xlsx
from childcare_desktop.core.roster.sheet import read_sheet
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.storage import visits_repo
from childcare_desktop.core.storage.changes import ChangeWriter
from tests.core.reports import poppler
from tests.core.reports.conftest import LONG_NAME
from tests.core.reports.test_child_file import _assert_inside
from tests.core.roster.test_formula_cells import LIKE_FORMULAS, assert_no_formula


def test_roster_pdf_masks_by_default_and_repeats_its_header(demo, tmp_path: Path):
    out = tmp_path / "roster.pdf"
    printed = Reports(demo.store).roster(out)
    active = Children(demo.store).summaries()
    assert printed.rows == len(active)
    pages = poppler.pages(out)
    assert printed.pages == len(pages) >= 2
    assert all(p.width > p.height for p in pages)  # landscape
    for page in pages:  # the header row on every page
        assert any(w.text == "身份证号" for w in page.words)
    flat = poppler.flat_text(out)
    assert demo.number not in flat and demo.carer_phone not in flat
    assert mask_id_number(demo.number) in flat and "138****5678" in flat
    assert LONG_NAME.replace(" ", "") in flat
    fonts = poppler.fonts(out)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
    _assert_inside(out, tmp_path / "png")


def test_roster_full_ids_and_category_filter(demo, tmp_path: Path):
    out = tmp_path / "roster.pdf"
    printed = Reports(demo.store).roster(out, category="left_behind", full_ids=True)
    expected = [s for s in Children(demo.store).summaries() if "left_behind" in s.categories]
    assert printed.rows == len(expected)
    flat = poppler.flat_text(out)
    assert demo.number in flat and demo.carer_phone in flat
    for child in expected:
        if child.id_number:
            assert child.id_number in flat


def test_roster_excel_reads_back(demo, tmp_path: Path):
    out = tmp_path / "roster.xlsx"
    printed = Reports(demo.store).roster(out)
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("序号", "姓名", "性别", "出生日期", "年龄", "身份证号")
    assert len(rows) - 1 == printed.rows
    names = {r[1] for r in rows[1:]}
    assert LONG_NAME in names
    assert mask_id_number(demo.number) in {r[5] for r in rows[1:]}
    assert sheet.print_title_rows == "$1:$1" and sheet.freeze_panes == "A2"
    assert sheet.oddFooter.left.text == "内部资料 注意保密"
    assert sheet.page_setup.orientation == "landscape"


def test_roster_excel_keeps_text_that_looks_like_a_formula_as_text(demo, tmp_path: Path):
    service = Children(demo.store)
    typed = [t for t in LIKE_FORMULAS if not t[0].isspace()]  # the services trim a name's ends
    for summary, text in zip(service.summaries(), typed, strict=False):
        service.update_fields(summary.uuid, {"name": text, "current_address": text + "路"})
    out = Reports(demo.store).roster(tmp_path / "roster.xlsx").path
    assert_no_formula(out)
    rows = read_sheet(out).rows
    assert set(typed) <= {r[1] for r in rows[1:]}
    assert {t + "路" for t in typed} <= {r[-1] for r in rows[1:]}


def test_roster_excel_writer_keeps_a_leading_tab_or_return(tmp_path: Path):
    """A received change may carry what the services would have trimmed."""
    lines = [_line_of(text) for text in LIKE_FORMULAS]
    out = tmp_path / "roster.xlsx"
    write_roster_xlsx(lines, ReportMeta("新陂村", date(2025, 3, 1), "花名册"), out)
    assert_no_formula(out)
    rows = read_sheet(out).rows
    assert [(r[1], r[10], r[-1]) for r in rows[1:]] == [(t, t, t) for t in LIKE_FORMULAS]


def test_roster_refuses_unknown_category_and_format(demo, tmp_path: Path):
    with pytest.raises(ReportError) as refused:
        Reports(demo.store).roster(tmp_path / "r.pdf", category="martian")
    assert refused.value.code == "unknown_category"
    with pytest.raises(ReportError) as refused:
        Reports(demo.store).roster(tmp_path / "r.doc")
    assert refused.value.code == "report_format"


def test_ledger_shows_done_overdue_and_pending(demo, tmp_path: Path):
    today = date.today()
    first = today.replace(day=1)
    service = Children(demo.store)
    visited = next(s for s in service.summaries() if s.uuid != demo.long_child)
    with demo.store.write() as conn:
        writer = ChangeWriter(conn)
        visits_repo.append_many(
            conn, writer, [Visit(visited.uuid, first, "phone", visitor="李主任Li 2号")]
        )
        writer.flush()
    out = tmp_path / "ledger.pdf"
    month = first.strftime("%Y-%m")
    printed = Reports(demo.store).ledger(month, out)
    assert printed.rows >= 2
    flat = poppler.flat_text(out)
    assert f"走访台账（{first.year}年{first.month}月）" in flat
    assert "李主任Li2号" in flat and first.isoformat() in flat and "电话" in flat
    assert "已走访" in flat
    # The long-named child was registered 200 days ago and never visited: long overdue.
    due = today - timedelta(days=193)
    overdue = (min(today, _month_end(first)) - due).days
    assert LONG_NAME.replace(" ", "") in flat and f"逾期{overdue}天" in flat
    fonts = poppler.fonts(out)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
    _assert_inside(out, tmp_path / "png")


def test_ledger_refuses_a_bad_month(demo, tmp_path: Path):
    for month in ("2024-13", "2024/05", "May"):
        with pytest.raises(ReportError) as refused:
            Reports(demo.store).ledger(month, tmp_path / "l.pdf")
        assert refused.value.code == "bad_month"


def _line_of(text: str) -> RosterLine:
    """A roster line whose name, phone and address are `text`."""
    return RosterLine(text, "male", None, None, "", "新陂村", (), "good", "low", text, text,
                      None, None, "active")  # fmt: skip


def _month_end(first: date) -> date:
    return (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
