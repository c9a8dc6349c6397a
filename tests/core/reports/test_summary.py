"""The summary: SQL-counted figures agree with the children list, and disagreement is refused."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, update

from childcare_desktop.core.reports.errors import ReportError
from childcare_desktop.core.reports.summary import UNKNOWN, age_band, check_totals
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.reports import Reports, refuse_disagreeing
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import tables as t
from childcare_desktop.words import both
from tests.conftest import PASSPHRASE
from tests.core.reports import poppler
from tests.core.reports.test_child_file import _assert_inside

LONG_VILLAGE = "新陂村民委员会第十二村民小组暨老屋背自然村（原石坑公社新陂大队）"


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


def test_printing_is_refused_when_totals_disagree(demo):
    figures = Reports(demo.store).figures()
    village = replace(figures.villages[0], female=figures.villages[0].female - 2)
    with pytest.raises(ReportError) as refused:
        refuse_disagreeing(replace(figures, villages=(village, *figures.villages[1:])))
    assert refused.value.code == "totals_disagree"
    words = both(refused.value.code, **refused.value.params)
    assert "分村统计·新陂村" in words and "未打印" in words


def test_a_code_no_form_offers_is_counted_as_unknown_and_printed(demo, tmp_path: Path):
    """A sex, a guardianship grade and a schooling level an older version stored: the child is
    counted once in every breakdown, under 不详, and the summary prints with its totals agreeing."""
    with demo.store.write() as conn:
        conn.execute(
            update(t.child)
            .where(t.child.c.uuid == demo.long_child)
            .values(sex="x", guardianship="??", schooling="zz")
        )
    out = tmp_path / "summary.pdf"
    printed, figures = Reports(demo.store).summary(out)
    assert figures.by_sex[UNKNOWN] == figures.by_guardianship[UNKNOWN] == 1
    assert figures.by_schooling[UNKNOWN] == 1
    assert "x" not in figures.by_sex and "??" not in figures.by_guardianship
    (village,) = figures.villages
    assert village.unknown_sex == 1
    assert village.total == village.male + village.female + 1 == printed.rows
    assert check_totals(figures) == []
    flat = poppler.flat_text(out)
    male, female = figures.by_sex["male"], figures.by_sex["female"]
    assert f"在册儿童男女性别不详有类别无类别{figures.total}{male}{female}1" in flat
    assert f"新陂村{village.total}{male}{female}1" in flat
    assert "全部一致" in flat


def test_summary_pdf_prints_the_checked_figures(town, tmp_path: Path):
    with town.write() as conn:  # a village with a very long name wraps inside its cell
        code = conn.execute(select(func.min(t.child.c.village_code))).scalar_one()
        conn.execute(update(t.division).where(t.division.c.code == code).values(name=LONG_VILLAGE))
    out = tmp_path / "summary.pdf"
    printed, figures = Reports(town).summary(out)
    flat = poppler.flat_text(out)
    assert "儿童关爱服务汇总表（镇（街道）级）" in flat
    assert f"在册儿童男女有类别无类别{figures.total}{figures.by_sex['male']}" in flat
    assert figures.villages[0].name == LONG_VILLAGE
    for village in figures.villages:
        assert f"{village.name}{village.total}{village.male}{village.female}" in flat
    assert "表间勾稽" in flat and "全部一致" in flat
    assert f"第1页共{printed.pages}页" in flat
    fonts = poppler.fonts(out)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
    _assert_inside(out, tmp_path / "png")


def test_the_figures_are_counted_from_the_summary_index_alone(town):
    """At 100,000 children the rows are most of the file: each breakdown (its own query, so
    the totals check means something) reads the small partial covering index instead, the
    villages in the index's order."""
    statements: list[tuple[str, object]] = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    event.listen(town.engine, "before_cursor_execute", remember)
    try:
        Reports(town).figures()
    finally:
        event.remove(town.engine, "before_cursor_execute", remember)
    counting = [(s, p) for s, p in statements if "FROM child" in s]
    assert len(counting) == 9
    with town.read() as conn:
        plans = {
            s: [detail for *_, detail in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + s, p)]
            for s, p in counting
        }
    for statement, plan in plans.items():
        assert plan[0] == "SCAN child USING COVERING INDEX ix_child_summary", statement
        assert plan[1:] in ([], ["USE TEMP B-TREE FOR GROUP BY"]), statement
    by_village = next(plan for s, plan in plans.items() if "GROUP BY village_code" in s)
    assert by_village == ["SCAN child USING COVERING INDEX ix_child_summary"]
