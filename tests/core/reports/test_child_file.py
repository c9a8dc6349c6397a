"""The child's file (一人一档) read back from the real PDF with poppler."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.errors import NotFound
from childcare_desktop.core.reports.layout import MARGIN
from childcare_desktop.core.services.children import ChildQuery, Children
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


def test_concerns_reports_wishes_and_referrals(demo, tmp_path: Path):
    out = tmp_path / "child.pdf"
    Reports(demo.store).child_file(demo.long_child, out)
    flat = poppler.flat_text(out)
    assert "未满十六周岁脱离监护单独生活" in flat and "放学后独自在家" in flat
    assert "公安" in flat and "GA2024-0815X" in flat and "未结" in flat
    assert "想要一套《十万个为什么》和一个新书包" in flat
    assert "兴宁市第一中学团委Class3" in flat and "已认领" in flat
    assert "社工" in flat and "需要心理疏导" in flat


def test_empty_parts_say_none(demo, tmp_path: Path):
    other = next(u for u in Children(demo.store).find(ChildQuery()) if u != demo.long_child)
    out = tmp_path / "child.pdf"
    Reports(demo.store).child_file(other, out)
    flat = poppler.flat_text(out)
    for heading in ("五、强制报告及关注事项", "六、微心愿", "七、转介服务"):
        at = flat.index(heading) + len(heading)
        assert flat[at] == "无", heading


def test_an_unknown_child_is_refused(demo, tmp_path: Path):
    with pytest.raises(NotFound):
        Reports(demo.store).child_file("no-such-child", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


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


def test_a_categorys_reason_is_printed_beside_it(demo, tmp_path: Path):
    """A category held against the file's facts is printed with the officer's reason, so a
    county reviewing the paper file sees why (国发〔2016〕13号: a mother at home)."""
    children = Children(demo.store)
    child = children.get(demo.long_child)
    why = "母亲重病卧床，已申请评估"
    held = (*child.categories, CategorySpan("serious_illness", date(2026, 1, 5), reason=why))
    children.save(replace(child, categories=held))
    out = tmp_path / "child.pdf"
    Reports(demo.store).child_file(demo.long_child, out)
    flat = poppler.flat_text(out)
    assert "理由" in flat and why in flat
