"""Counting the summary (汇总表) for a cut-off date, in SQL.

A child counts when registered on or before the date and not closed before it; a category counts
when a span of it holds on the date and the law has not ended it by a birthday before then (the
age limits and the station's Guangdong rule of `domain.categories`); ages are those on the date.
Each counted child, its categories in force and a left-behind child's family facts are worked
out in one statement grouped by everything the tables break the children down by (by lookups in
the covering indexes on SQLite, by joins on a server: `_counted_sql`), and the breakdowns are
summed from its rows: 100,000 children are counted in a fraction of a second (bench_reports,
bench_pg).
The totals are counted apart from their parts, so that the cross-checks mean something.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from sqlalchemy import Connection

from ...words import label
from ..domain.categories import AGE_LIMIT, CATEGORY_CODES, FULL_TIME_SCHOOL, KEPT_IN_SCHOOL
from ..domain.review import LEVELS
from ..domain.review_events import is_reserved
from ..domain.vocab import GUARDIANSHIP, PARENT_UNABLE, SCHOOLING, SEXES
from ..reports.summary import (
    AGE_BANDS,
    ENTRUSTED,
    GUARDIAN_TYPES,
    NOT_GIVEN,
    PARENTS,
    TOTAL,
    UNKNOWN,
    UNKNOWN_AGE,
    Line,
    SummaryFigures,
    Table,
)
from ..storage import review_repo

BANDS = (*(name for name, _, _ in AGE_BANDS), UNKNOWN_AGE)
SEX_PARTS = (*SEXES, UNKNOWN)
GRADES = (*GUARDIANSHIP, NOT_GIVEN, UNKNOWN)
SCHOOLING_PARTS = (*SCHOOLING, NOT_GIVEN, UNKNOWN)


def _quoted(codes: Iterable[str]) -> str:
    """Codes of the program's own vocabularies as SQL literals (never a user's text)."""
    return ", ".join(f"'{c}'" for c in codes)


def _offered(column: str, codes: tuple[str, ...]) -> str:
    return f"CASE WHEN {column} IN ({_quoted(codes)}) THEN {column} ELSE '{UNKNOWN}' END"


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February: a child born on the 28th has had the birthday
        return day.replace(year=day.year - years, day=28)


def _band(day: date) -> str:
    """The age band on `day` as SQL: in [low, high) years when born after the day `high` years
    before and on or before the day `low` years before (dates are ISO text)."""
    whens = [f"WHEN c.birth_date IS NULL THEN '{UNKNOWN_AGE}'"]
    for name, low, high in AGE_BANDS:
        after, upto = _years_before(day, high).isoformat(), _years_before(day, low).isoformat()
        whens.append(f"WHEN c.birth_date > '{after}' AND c.birth_date <= '{upto}' THEN '{name}'")
    return f"CASE {' '.join(whens)} ELSE '{UNKNOWN_AGE}' END"


def _under_limit(day: date) -> str:
    """Not yet aged out of the span's category on `day`: born after the day its age limit
    (16 or 18 years) before `day`, which is `day < categories.ages_out_on(code, born)`."""
    # Each comparison is made against its own date literal, which both back ends read as the
    # column's type (a CASE of literals would be text beside PostgreSQL's date).
    whens = " ".join(
        f"WHEN '{code}' THEN c.birth_date > '{_years_before(day, years).isoformat()}'"
        for code, years in AGE_LIMIT.items()
    )
    return f"c.birth_date IS NULL OR CASE k.code {whens} END"


def _counted_sql(day: date, keep_in_school: bool, dialect: str, where: str = "") -> str:
    """The counted children grouped by everything the tables break them down by: village, sex,
    age band, grade, schooling, the categories in force (a list) and, for a left-behind child,
    the family's facts as counts in decimal digits (see AWAY, UNABLE, ENTRUSTS).

    The one place where the two back ends are given different SQL for the same answer. SQLite
    looks each child's spans and family up in the covering indexes, one child after another,
    which is its quickest way. PostgreSQL runs such a lookup as a subplan per child (100,000
    index probes, 0.6 s of the county's 1 s), and cannot turn it into a join itself: it is given
    the spans and the families joined and grouped instead, one pass over each table."""
    where = where or WHEN_COUNTED
    if dialect == "postgresql":
        return _counted_by_joins(day, keep_in_school, where)
    return _counted_by_lookups(day, keep_in_school, where)


def _counted_by_lookups(day: date, keep_in_school: bool, where: str) -> str:
    # `+k.code`: the codes filter the spans found by child, they do not probe for each code.
    codes = (
        "(SELECT group_concat(DISTINCT k.code) FROM category k WHERE k.child_uuid = c.uuid "
        f"AND {_in_force(day, keep_in_school)})"
    )
    facts = f"(SELECT {_FAMILY_FACTS} FROM member WHERE child_uuid = x.uuid)"
    children = f"SELECT c.uuid, {_breakdown(day)}, {codes} AS codes FROM child c WHERE {where}"
    # MATERIALIZED: each child's spans are looked up once, not again where `codes` is used.
    return (
        f"WITH x AS MATERIALIZED ({children}) "
        "SELECT village_code, sex, band, grade, schooling, codes, "
        f"CASE WHEN instr(codes, 'left_behind') > 0 THEN {facts} END AS facts, count(*) "
        "FROM x GROUP BY 1, 2, 3, 4, 5, 6, 7"
    )


def _counted_by_joins(day: date, keep_in_school: bool, where: str) -> str:
    # Each child with its spans in force, grouped by the child (its key: the child's other
    # columns follow it). The list of codes is not made DISTINCT, which costs a sort per child:
    # `count` reads it as a set.
    children = (
        f"SELECT c.uuid, {_breakdown(day)}, group_concat(k.code) AS codes FROM child c "
        f"LEFT JOIN category k ON k.child_uuid = c.uuid AND {_in_force(day, keep_in_school)} "
        f"WHERE {where} GROUP BY c.uuid"
    )
    families = f"SELECT child_uuid, {_FAMILY_FACTS} AS facts FROM member GROUP BY child_uuid"
    return (
        f"WITH x AS ({children}), f AS ({families}) "
        "SELECT village_code, sex, band, grade, schooling, codes, "
        "CASE WHEN instr(codes, 'left_behind') > 0 THEN f.facts END AS facts, count(*) "
        "FROM x LEFT JOIN f ON f.child_uuid = x.uuid GROUP BY 1, 2, 3, 4, 5, 6, 7"
    )


def _breakdown(day: date) -> str:
    """A counted child's village and the parts of it that the tables count (c is the child)."""
    return (
        f"c.village_code, {_offered('c.sex', SEXES)} AS sex, "
        f"{_band(day)} AS band, {_offered('c.guardianship', GRADES[:-1])} AS grade, "
        f"{_offered('c.schooling', SCHOOLING_PARTS[:-1])} AS schooling"
    )


def _in_force(day: date, keep_in_school: bool) -> str:
    """A span k of child c is of a counted category, holds on the day and is not aged out."""
    kept = "1 = 0"
    if keep_in_school:  # 粤民规字〔2019〕10号, chosen per station
        kept = (
            f"+k.code IN ({_quoted(KEPT_IN_SCHOOL)}) "
            f"AND c.schooling IN ({_quoted(FULL_TIME_SCHOOL)})"
        )
    return (
        f"+k.code IN ({_quoted(CATEGORY_CODES)}) AND k.start <= :day "
        f'AND (k."end" IS NULL OR k."end" > :day) AND ({_under_limit(day)} OR {kept})'
    )


# 实际监护情况 (登记表): a parent is away when 外出务工; unable (无监护能力) when in one of the
# situations in which a parent cannot raise a child (vocab.PARENT_UNABLE), or when living but
# recorded as without guardianship capacity. 委托: an entrusted carer on file, or a 委托监护确认书
# signed by anyone on file.
_UNABLE = (
    f"(situation IN ({_quoted(sorted(PARENT_UNABLE))}) OR "
    "(situation NOT IN ('migrant', 'dead', 'disappeared') AND guardian_capable = 0))"
)


# Registered on or before the date (a file without the date counts) and not closed before it.
WHEN_COUNTED = (
    "(c.registered_on IS NULL OR c.registered_on <= :day) "
    "AND (c.status = 'active' OR c.closed_on >= :day)"
)


# The digit of each fact in the family's facts: how many members show it.
AWAY = {"father": 1, "mother": 10}
UNABLE = {"father": 100, "mother": 1000}
ENTRUSTS = 10000
# A family's facts over its members: one expression per member, summed, each fact counting in
# its own decimal digit (a family has fewer than ten fathers), cheaper than one max() per fact.
_FAMILY_FACTS = (
    "sum(CASE relation "
    f"WHEN 'father' THEN CAST(situation = 'migrant' AS INTEGER) * {AWAY['father']} "
    f"+ CAST({_UNABLE} AS INTEGER) * {UNABLE['father']} "
    f"WHEN 'mother' THEN CAST(situation = 'migrant' AS INTEGER) * {AWAY['mother']} "
    f"+ CAST({_UNABLE} AS INTEGER) * {UNABLE['mother']} "
    "ELSE 0 END + CAST(relation = 'carer' OR entrust_signed = 1 AS INTEGER) "
    f"* {ENTRUSTS})"
)


def _has(facts: int, digit: int) -> bool:
    return facts // digit % 10 > 0


def _parents(facts: int) -> str:
    father_away, mother_away = _has(facts, AWAY["father"]), _has(facts, AWAY["mother"])
    if father_away and mother_away:
        return "both_away"
    if (father_away and _has(facts, UNABLE["mother"])) or (
        mother_away and _has(facts, UNABLE["father"])
    ):
        return "one_away_other_unable"
    return "other"


def _guardian_type(grade: str, parents: str) -> str:
    """监护类型 from the grade (see reports.summary.GUARDIAN_TYPES)."""
    if grade == "poor":
        return "parent_unable" if parents == "one_away_other_unable" else "carer_unable"
    return grade


def count(
    conn: Connection,
    day: date,
    keep_in_school: bool,
    level: str,
    station: str,
    names: Callable[[str], str],
) -> SummaryFigures:
    params = {"day": day.isoformat()}
    waiting = _awaiting_review(conn)
    where = f"{WHEN_COUNTED} AND NOT {waiting}" if waiting else WHEN_COUNTED
    counted = _counted_sql(day, keep_in_school, conn.dialect.name, where)
    grouped = conn.exec_driver_sql(counted, params).all()  # one fetch, not one per row
    # Counted apart from the breakdowns (from the index, in village order), so that a village's
    # parts that do not add up to it show.
    totals = dict(
        conn.exec_driver_sql(
            f"SELECT village_code, count(*) FROM child c WHERE {where} GROUP BY village_code",
            params,
        ).all()
    )
    # counts[table code][village][part]: each table its own parts, as two tables may share a
    # part's code (不详, 未填).
    counts: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for village, sex, band, grade, schooling, codes, facts, n in grouped:
        held = codes.split(",") if codes else []
        for table, part in (
            ("sex", sex),
            ("age", band),
            ("guardianship", grade),
            ("schooling", schooling),
            ("category", "with_category" if held else "without_category"),
        ):
            counts[table][village][part] += n
        for code in set(held):
            counts["category"][village][code] += n
            line = counts[f"category.{code}"][village]
            line[TOTAL] += n
            line[sex] += n
            line[band] += n
        if "left_behind" in held:
            parents = _parents(facts or 0)
            entrusted = "entrusted" if _has(facts or 0, ENTRUSTS) else "not_entrusted"
            for table, part in (
                ("left.parents", parents),
                ("left.entrusted", entrusted),
                ("left.guardian_type", _guardian_type(grade, parents)),
                ("left.schooling", schooling),
            ):
                line = counts[table][village]
                line[TOTAL] += n
                line[part] += n
    figures = _tables(level, station, day, names, totals, counts)
    if not waiting:
        return figures
    left_out = f"SELECT count(*) FROM child c WHERE {WHEN_COUNTED} AND {waiting}"
    return replace(figures, waiting_review=conn.exec_driver_sql(left_out, params).scalar_one())


def _awaiting_review(conn: Connection) -> str:
    """A file left out of the official counts as not yet approved (审核): submitted as a new
    file, and no submission of it as new approved by the town (confirmed by the county, where
    its rules reserve new files) and not returned; as SQL on the child c, "" where no file was
    ever submitted (a file made before review, or where no one reviews, counts)."""
    if conn.exec_driver_sql(_ANY_NEW_FILE).first() is None:
        return ""
    reserved = is_reserved(review_repo.rules(conn), "new_file", "")
    levels = _quoted(("county",) if reserved else LEVELS)
    return (
        f"({_NEW_FILE} AND NOT EXISTS (SELECT 1 FROM submission s JOIN decision d "
        "ON d.submission_uuid = s.uuid WHERE s.child_uuid = c.uuid AND s.kind = 'new_file' "
        f"AND d.level IN ({levels}) AND NOT EXISTS (SELECT 1 FROM decision r "
        "WHERE r.submission_uuid = s.uuid AND r.verdict = 'returned')))"
    )


_ANY_NEW_FILE = "SELECT 1 FROM submission WHERE kind = 'new_file' LIMIT 1"
_NEW_FILE = (
    "EXISTS (SELECT 1 FROM submission s WHERE s.child_uuid = c.uuid AND s.kind = 'new_file')"
)


def _tables(level, station, day, names, totals, counts) -> SummaryFigures:
    all_total = sum(totals.values())

    def everyone(code: str) -> dict:
        return {v: (totals.get(v, 0), counts[code].get(v, {})) for v in {*totals, *counts[code]}}

    def own(code: str) -> tuple[dict, int]:
        found = {v: (parts[TOTAL], parts) for v, parts in counts[code].items()}
        return found, sum(n for n, _ in found.values())

    def table(code, title, population, groups, lines, total, counted=()) -> Table:
        return _table(code, title, population, groups, lines, total, names, counted)

    tables = [
        table("sex", "在册儿童：性别", "all", (SEX_PARTS,), everyone("sex"), all_total),
        table("age", "在册儿童：年龄段", "all", (BANDS,), everyone("age"), all_total),
        table("guardianship", "在册儿童：监护情况", "all", (GRADES,),
              everyone("guardianship"), all_total),
        table("schooling", "在册儿童：就学情况", "all", (SCHOOLING_PARTS,),
              everyone("schooling"), all_total),
        table("category", "在册儿童：儿童类别（人次）", "all",
              (("with_category", "without_category"),), everyone("category"), all_total,
              counted=CATEGORY_CODES),
    ]  # fmt: skip
    for code in CATEGORY_CODES:
        tables.append(
            table(f"category.{code}", f"{label('category', code)}：性别与年龄段",
                  f"category.{code}", (SEX_PARTS, BANDS), *own(f"category.{code}"))
        )  # fmt: skip
    pop, family = "category.left_behind", "农村留守儿童"
    tables += [
        table("left.parents", f"{family}：实际监护情况", pop, (PARENTS,), *own("left.parents")),
        table("left.entrusted", f"{family}：委托监护", pop, (ENTRUSTED,),
              *own("left.entrusted")),
        table("left.guardian_type", f"{family}：监护类型", pop, ((*GUARDIAN_TYPES, UNKNOWN),),
              *own("left.guardian_type")),
        table("left.schooling", f"{family}：就学情况", pop, (SCHOOLING_PARTS,),
              *own("left.schooling")),
    ]  # fmt: skip
    return SummaryFigures(level, station, day, tuple(tables))


def _table(code, title, population, groups, lines, total, names, counted) -> Table:
    """The table's lines: each village's total and parts (only the parts this table prints);
    the total line's parts the villages' sums (the check compares them with its total)."""
    shown = {p for g in groups for p in g} | set(counted)
    villages = tuple(
        Line(v, names(v), n, {p: c for p, c in counts.items() if p in shown})
        for v, (n, counts) in sorted(lines.items())
    )
    summed: dict[str, int] = defaultdict(int)
    for line in villages:
        for part, n in line.counts.items():
            summed[part] += n
    return Table(
        code=code,
        title=title,
        population=population,
        groups=groups,
        villages=villages,
        total=Line(TOTAL, "合计", total, dict(summed)),
        counted=counted,
    )
