"""The summary counted as of a cut-off date (民发〔2016〕42号 附件3): the figures equal a count
by hand of the children's files, change with the date, and disagreement is refused."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, update

from childcare_desktop.cli.children import _file_json
from childcare_desktop.cli.common import to_json
from childcare_desktop.core.reports.errors import ReportError
from childcare_desktop.core.reports.summary import (
    UNKNOWN,
    Line,
    check_totals,
    document,
)
from childcare_desktop.core.services.child_file import child_file
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.reports import Reports, refuse_disagreeing
from childcare_desktop.core.services.station import init_station, keep_in_school
from childcare_desktop.core.storage import audit
from childcare_desktop.core.storage import tables as t
from childcare_desktop.words import both
from tests.conftest import PASSPHRASE, VILLAGE
from tests.core.reports import as_of_village, poppler
from tests.core.reports.as_of_village import AS_OF, LATER, OTHER_VILLAGE
from tests.core.reports.test_child_file import _assert_inside
from tests.pg import POSTGRESQL

LONG_VILLAGE = "新陂村民委员会第十二村民小组暨老屋背自然村（原石坑公社新陂大队）"


@pytest.fixture
def town(data_dir: Path, backend: str, request: pytest.FixtureRequest):
    """A town on each back end: a server is given other SQL for the same count."""
    server = request.getfixturevalue("pg_url") if backend == POSTGRESQL else None
    store, _ = init_station(
        data_dir / "town.db", PASSPHRASE, "town", "441481103", "石坑镇", "张督导", server=server
    )
    yield store
    store.close()


@pytest.fixture
def built(town):
    saved = as_of_village.build(town, VILLAGE, OTHER_VILLAGE)
    files = [
        json.loads(json.dumps(to_json(_file_json(child_file(town, u))))) for u in saved.values()
    ]
    return town, saved, files


def test_figures_equal_a_count_by_hand_at_two_dates(built):
    """Ages, categories ended by a birthday (16 for 农村留守, 18 for 孤儿: 国发〔2016〕13号,
    未成年人保护法 §2), spans started or ended, files closed and registered, all as of the
    date; the two dates give different figures, each equal to the count by hand."""
    store, _, files = built
    reports = Reports(store)
    counted = {}
    for day in (AS_OF, LATER):
        figures = reports.figures(day)
        assert figures.as_of == day and check_totals(figures) == []
        doc = document(figures)
        expected = as_of_village.hand_counts(files, day)
        for code, hand in expected.items():
            assert as_of_village.printed_counts(doc, code) == hand, (day, code)
        assert {"sex", "age", "guardianship", "schooling", "category"} <= set(expected)
        for code in doc["tables"]:
            if code not in expected:  # a category's or the left-behind tables with nobody
                assert doc["tables"][code]["total"]["total"] == 0, (day, code)
        counted[day] = expected
    at, later = counted[AS_OF], counted[LATER]
    # closed before: never; closed after the cut-off: then, not later; registered after: later
    assert at["sex"]["total"] == later["sex"]["total"] == 9
    assert at["age"]["counts"] != later["age"]["counts"]
    assert at["category.left_behind"]["total"] == 5  # the boy who turns 16 on the day is not
    assert at["category.left_behind"]["counts"]["14-15"] == 2
    assert later["category.left_behind"]["total"] == 5  # she turned 16; the new one came
    assert at["category.orphan"]["total"] == 1 and "category.orphan" not in later
    assert at["left.parents"]["counts"] == {"both_away": 3, "one_away_other_unable": 2}
    assert at["left.entrusted"]["counts"] == {"entrusted": 3, "not_entrusted": 2}
    assert at["left.guardian_type"]["counts"] == {
        "good": 1, "parent_unable": 1, "fair": 2, "carer_unable": 1,
    }  # fmt: skip
    assert at["category.poor_family"]["total"] == 2  # 16 on the day, and the file closed later
    assert "category.severe_disability" not in at
    assert later["category.severe_disability"]["total"] == 1
    assert at["left.parents"]["villages"] == {VILLAGE: 4, OTHER_VILLAGE: 1}


def test_the_figures_of_a_demo_town_agree_with_its_children_files(town):
    """300 demo children: the SQL count equals the count by hand of every file, today."""
    fill_demo(town, 300, seed=11)
    with town.read() as conn:
        uuids = list(conn.execute(select(t.child.c.uuid)).scalars())
    files = [json.loads(json.dumps(to_json(_file_json(child_file(town, u))))) for u in uuids]
    figures = Reports(town).figures()
    doc = document(figures)
    for code, hand in as_of_village.hand_counts(files, figures.as_of).items():
        assert as_of_village.printed_counts(doc, code) == hand, code
    assert len(figures.table("sex").villages) >= 5


@pytest.mark.parametrize("backend", [POSTGRESQL], indirect=True)
def test_on_a_server_the_children_are_counted_in_one_pass_not_one_lookup_each(town):
    """PostgreSQL ran the spans' and the family's lookups once per child (a subplan each:
    100,000 index probes, 0.6 s of a county's summary); it is given them joined instead."""
    fill_demo(town, 30, seed=5)
    sent: list[tuple[str, object]] = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        sent.append((statement, parameters))

    event.listen(town.engine, "before_cursor_execute", remember)
    try:
        Reports(town).figures()
    finally:
        event.remove(town.engine, "before_cursor_execute", remember)
    counting = [(s, p) for s, p in sent if "FROM child" in s]
    assert len(counting) == 2
    with town.read() as conn:
        cursor = conn.connection.driver_connection.cursor()  # the statements as translated
        plans = [cursor.execute("EXPLAIN (FORMAT JSON) " + s, p).fetchone()[0] for s, p in counting]
    assert all("SubPlan" not in json.dumps(plan) for plan in plans), plans


def _figures_with(figures, code, village=None, **counts):
    """The figures with one table's village line (or total line) changed."""
    table = figures.table(code)
    if village is None:
        line = table.total
        changed = replace(table, total=replace(line, counts={**line.counts, **counts}))
    else:
        lines = [
            replace(v, counts={**v.counts, **counts}) if v.code == village else v
            for v in table.villages
        ]
        changed = replace(table, villages=tuple(lines))
    return replace(figures, tables=tuple(changed if x is table else x for x in figures.tables))


def test_each_cross_check_catches_its_disagreement(built):
    """表间勾稽, made to fail by construction: a village's parts not adding up to it, the
    villages not adding up to the total line, two tables of one set of children with different
    totals, a category counted for more children than have one."""
    store, _, _ = built
    figures = Reports(store).figures(AS_OF)
    assert check_totals(figures) == []
    left = figures.table("left.parents")
    first = left.villages[0]
    wrong = _figures_with(
        figures, "left.parents", first.code, both_away=first.counts["both_away"] + 1
    )
    found = {(d.table, d.line, d.printed, d.parts) for d in check_totals(wrong)}
    assert ("农村留守儿童：实际监护情况", first.name, first.total, first.total + 1) in found
    assert any(d[1] == "各村（居）父母双方外出" for d in found)

    total = left.total
    shorter = replace(left, total=replace(total, total=total.total - 1))
    wrong = replace(figures, tables=tuple(shorter if x is left else x for x in figures.tables))
    lines = {d.line for d in check_totals(wrong)}
    assert {"合计", "各村（居）合计", "与农村留守儿童：性别与年龄段"} <= lines

    kinds = figures.table("category")
    too_many = kinds.total.counts["with_category"] + 1
    wrong = _figures_with(figures, "category", None, orphan=too_many)
    lines = {d.line for d in check_totals(wrong)}
    assert {"孤儿", "孤儿分表", "各村（居）孤儿"} <= lines


def test_printing_is_refused_when_totals_disagree(built, tmp_path: Path):
    store, _, _ = built
    figures = Reports(store).figures(AS_OF)
    table = figures.table("sex")
    village = replace(table.villages[0], counts={**table.villages[0].counts, "female": 0})
    broken = replace(table, villages=(village, *table.villages[1:]))
    wrong = replace(figures, tables=tuple(broken if x is table else x for x in figures.tables))
    with pytest.raises(ReportError) as refused:
        refuse_disagreeing(wrong)
    assert refused.value.code == "totals_disagree"
    words = both(refused.value.code, **refused.value.params)
    assert f"在册儿童：性别·{village.name}" in words and "未打印" in words


def test_a_code_no_form_offers_is_counted_as_unknown_and_printed(built, tmp_path: Path):
    """A sex, a guardianship grade and a schooling level an older version stored: the child is
    counted once in every breakdown, under 不详, and the summary prints with its totals agreeing."""
    store, saved, _ = built
    with store.write() as conn:
        conn.execute(
            update(t.child)
            .where(t.child.c.uuid == saved["both_away"])
            .values(sex="x", guardianship="??", schooling="zz")
        )
    out = tmp_path / "summary.pdf"
    _, figures = Reports(store).summary(out, AS_OF)
    assert figures.table("sex").total.counts[UNKNOWN] == 1
    assert figures.table("guardianship").total.counts[UNKNOWN] == 1
    assert figures.table("left.schooling").total.counts[UNKNOWN] == 1
    assert figures.table("left.guardian_type").total.counts[UNKNOWN] == 1
    assert check_totals(figures) == []
    flat = poppler.flat_text(out)
    assert "村（居）合计男女不详" in flat
    assert "全部一致" in flat


def test_summary_pdf_prints_the_checked_figures(built, tmp_path: Path):
    """The printed tables read back: each village's line and the total line of the national
    form's tables and of a category's, the cut-off date, the check; fonts embedded; nothing
    outside the page."""
    store, _, _ = built
    with store.write() as conn:  # a village with a very long name wraps inside its cell
        code = conn.execute(select(func.min(t.child.c.village_code))).scalar_one()
        conn.execute(t.division.delete().where(t.division.c.code == code))
        conn.execute(t.division.insert().values(code=code, name=LONG_VILLAGE))
    out = tmp_path / "summary.pdf"
    printed, figures = Reports(store).summary(out, AS_OF)
    flat = poppler.flat_text(out)
    assert "儿童关爱服务汇总表（镇（街道）级）" in flat
    assert f"截止日期：{AS_OF.isoformat()}" in flat
    for code in ("category.left_behind", "left.parents", "left.entrusted", "sex", "category"):
        table = figures.table(code)
        assert table.title in flat
        for line in (*table.villages, table.total):
            assert _printed_line(table, line) in flat, (code, line)
    assert "表间勾稽" in flat and "全部一致" in flat
    assert f"第1页共{printed.pages}页" in flat
    fonts = poppler.fonts(out)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
    _assert_inside(out, tmp_path / "png")


def _printed_line(table, line: Line) -> str:
    from childcare_desktop.core.reports.summary_pdf import _columns

    counts = [line.total, *(line.counts.get(p, 0) for p in _columns(table))]
    return line.name + "".join(str(n) for n in counts)


def test_a_store_counted_at_a_date_before_anything_was_registered(built):
    store, _, _ = built
    figures = Reports(store).figures(date(2000, 1, 1))
    assert figures.total == 0 and check_totals(figures) == []


def test_figures_without_a_pdf_are_checked_and_logged(built):
    """`report summary --json` without --out: the figures are checked as before printing, and
    the audit log keeps that they were taken (how many children, the date, never a name)."""
    store, _, _ = built
    printed, figures = Reports(store).summary(None, AS_OF)
    assert printed is None and check_totals(figures) == []
    with store.read() as conn:
        last = audit.entries(conn)[-1]
    assert (last.action, last.entity) == ("report", "summary")
    assert last.detail == f"summary of {figures.total} children as of {AS_OF}, figures only"


def test_the_guangdong_rule_keeps_an_orphan_in_school_past_18(built):
    """粤民规字〔2019〕10号, chosen by the station: an orphan in full-time school (高中) keeps the
    category past 18, and is counted as of a date after the 18th birthday, aged 18+."""
    store = built[0]
    assert Reports(store).figures(LATER).table("category.orphan").total.total == 0
    keep_in_school(store, True)
    figures = Reports(store).figures(LATER)
    orphans = figures.table("category.orphan").total
    assert orphans.total == 1 and orphans.counts["18+"] == 1
    assert check_totals(figures) == []
