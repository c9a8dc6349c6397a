"""The child's file (一人一档) read back from the real PDF with poppler."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm

from childcare_desktop.core.reports.layout import MARGIN
from childcare_desktop.core.services.reports import Reports
from tests.core.reports import poppler
from tests.core.reports.conftest import CARER, LONG_ADDRESS, LONG_NAME


def test_fonts_are_embedded_and_text_reads_back(demo, tmp_path: Path):
    out = tmp_path / "child.pdf"
    printed = Reports(demo.store).child_file(demo.long_child, out)
    assert printed.pages >= 1
    fonts = poppler.fonts(out)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
    flat = poppler.flat_text(out)
    # Chinese, Latin letters and digits all survive: a CJK-only font drops the latter silently.
    assert LONG_NAME.replace(" ", "") in flat
    assert LONG_ADDRESS.replace(" ", "") in flat
    assert CARER in flat
    assert demo.number in flat
    assert demo.carer_phone in flat
    assert "512.50" in flat
    for words in ("填表人", "复核人", "单位负责人", "日期", "内部资料注意保密", "新陂村"):
        assert words in flat
    assert f"打印日期{date.today().isoformat()}" in flat
    assert f"第1页共{printed.pages}页" in flat


def test_sections_show_concerns_and_none_for_empty_parts(demo, tmp_path: Path):
    out = tmp_path / "child.pdf"
    Reports(demo.store).child_file(demo.long_child, out)
    flat = poppler.flat_text(out)
    assert "独居无人监护" in flat and "放学后独自在家" in flat
    wishes = flat.index("六、微心愿")
    assert flat[wishes : wishes + 10].startswith("六、微心愿无")


def test_long_text_stays_inside_the_page(demo, tmp_path: Path):
    out = tmp_path / "child.pdf"
    Reports(demo.store).child_file(demo.long_child, out)
    _assert_inside(out, tmp_path / "png")


def _assert_inside(out: Path, folder: Path) -> None:
    """Every word box lies within the margins, and the page images have no ink outside them."""
    slack = 2 * mm
    pages = poppler.pages(out)
    for page in pages:
        for w in page.words:
            assert MARGIN - slack <= w.x0 and w.x1 <= page.width - MARGIN + slack, w
            assert MARGIN - slack <= w.y0 and w.y1 <= page.height - MARGIN + slack, w
    images = poppler.render(out, folder)
    assert len(images) == len(pages)
    for image in images:
        border = int(60 * (MARGIN - slack) / 72)  # 60 dpi: points to pixels
        assert poppler.ink_outside(image, border) == 0
