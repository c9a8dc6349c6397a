"""The summary: SQL-counted figures agree with the children list, and disagreement is refused."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import update

from childcare_desktop.core.reports.errors import ReportError
from childcare_desktop.core.reports.summary import age_band, check_totals
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import tables as t
from childcare_desktop.words import both
from tests.conftest import PASSPHRASE
from tests.core.reports import poppler
from tests.core.reports.test_child_file import _assert_inside


@pytest.fixture
def town(data_dir: Path):
    store, _ = init_station(
        data_dir / "town.db", PASSPHRASE, "town", "441481103", "石坑镇", "张督导"
    )
    fill_demo(store, 300, seed=11)
    yield store
    store.close()


@pytest.mark.parametrize("which", ["village", "town"])
def test_figures_agree_with_the_children_list(which, demo, town):
    store = demo.store if which == "village" else town
    figures = Reports(store).figures()
    children = Children(store).summaries()
    assert figures.total == len(children)
    assert figures.by_sex == dict(Counter(c.sex for c in children))
    assert figures.by_age == dict(Counter(age_band(c.age) for c in children))
    assert figures.by_guardianship == dict(Counter(c.guardianship for c in children))
    assert figures.by_schooling == dict(Counter(c.schooling for c in children))
    held = Counter(code for c in children for code in c.categories)
    assert {k: v for k, v in figures.by_category.items() if v} == dict(held)
    assert figures.with_category == sum(1 for c in children if c.categories)
    by_village = Counter(c.village for c in children)
    assert {v.name: v.total for v in figures.villages} == dict(by_village)
    assert check_totals(figures) == []
    if which == "town":
        assert len(figures.villages) >= 5


def test_an_inconsistent_figure_is_caught(demo):
    figures = Reports(demo.store).figures()
    wrong = replace(figures, by_sex={**figures.by_sex, "male": figures.by_sex["male"] + 1})
    found = {(d.table, d.line) for d in check_totals(wrong)}
    assert found == {("性别", "合计"), ("分村统计", "男")}
    village = replace(figures.villages[0], female=figures.villages[0].female - 2)
    found = check_totals(replace(figures, villages=(village, *figures.villages[1:])))
    assert {(d.table, d.line) for d in found} == {("分村统计", "女"), ("分村统计", "新陂村")}


def test_printing_is_refused_when_totals_disagree(demo, tmp_path: Path):
    # A sex code outside the vocabulary: counted in the total, in neither 男 nor 女.
    with demo.store.write() as conn:
        conn.execute(update(t.child).where(t.child.c.uuid == demo.long_child).values(sex="x"))
    out = tmp_path / "summary.pdf"
    with pytest.raises(ReportError) as refused:
        Reports(demo.store).summary(out)
    assert refused.value.code == "totals_disagree"
    words = both(refused.value.code, **refused.value.params)
    assert "分村统计·新陂村" in words and "未打印" in words
    assert not out.exists()


def test_summary_pdf_prints_the_checked_figures(town, tmp_path: Path):
    out = tmp_path / "summary.pdf"
    printed, figures = Reports(town).summary(out)
    flat = poppler.flat_text(out)
    assert "儿童关爱服务汇总表（镇（街道）级）" in flat
    assert f"在册儿童男女有类别无类别{figures.total}{figures.by_sex['male']}" in flat
    for village in figures.villages:
        assert f"{village.name}{village.total}{village.male}{village.female}" in flat
    assert "表间勾稽" in flat and "全部一致" in flat
    assert f"第1页共{printed.pages}页" in flat
    assert all(f["emb"] == "yes" for f in poppler.fonts(out))
    _assert_inside(out, tmp_path / "png")
