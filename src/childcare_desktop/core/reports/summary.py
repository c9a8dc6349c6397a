"""The summary's figures (汇总表) for a cut-off date and the check that they agree (表间勾稽).

The tables follow the 2016 national summary form (民政部 教育部 公安部《关于开展农村留守儿童摸底
排查工作的通知》, 民发〔2016〕42号, 附件3 农村留守儿童摸底排查汇总表), whose notes say: the
figures are of 农村留守儿童 under 16 (国发〔2016〕13号), their ages worked out on the cut-off date
of the count and grouped 0–5, 6 (inclusive)–13 and 14 (inclusive) to under 16; and the relations
between its columns (表间勾稽关系): column 1, the total, equals the sum of each group of columns
(2+5+8, 11 to 18, 19+20, 21 to 25, 26 to 29, 30 to 32), and 2 = 3+4, 5 = 6+7, 8 = 9+10. The
copy of the form found gives those notes but not its column headings, so each breakdown here
takes its options from the registration form (附件1 农村留守儿童基本情况登记表): 实际监护情况
(父母双方同时外出 / 父母一方外出、另一方无监护能力), 父母外出有无委托其他监护人, 监护类型 (无人
监护 / 父或母无监护能力 / 受委托监护人监护能力不足 / 监护情况一般 / 监护情况较好) and 就学情况,
with the age bands split by sex; each adds up to the total, as the notes require.

Beside it: the station's own summary of every child counted (sex, age, guardianship grade,
schooling, categories) and one table per category, each per village and in total. Every table
row's parts must add up to its total, the villages to the total line, and the tables of one
set of children to the same total; the service refuses to print figures that do not.

A code no form offers (a sex, a grade or a schooling level an older version stored) is counted
as 不详 (unknown) in a part of its own, as a birth date that gives no age is: the child is still
counted once in every breakdown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...words import label
from ..domain.categories import CATEGORY_CODES
from ..domain.vocab import GUARDIANSHIP, SCHOOLING, SEXES

UNKNOWN = "unknown"
UNKNOWN_AGE = "unknown_age"  # no birth date: apart from UNKNOWN, as a table can hold both
NOT_GIVEN = ""  # a grade or schooling level the file leaves blank (未填)
TOTAL = "total"
# Age bands on the cut-off date. The first three are the national form's (0–5, 6–13, 14–15: a
# 农村留守儿童 is under 16); 16–17 holds the other categories' children up to 18, and 18+ those a
# province rule keeps in a category while in full-time school (粤民规字〔2019〕10号).
AGE_BANDS = (
    ("0-5", 0, 6),
    ("6-13", 6, 14),
    ("14-15", 14, 16),
    ("16-17", 16, 18),
    ("18+", 18, 200),
)
BAND_WORDS = {
    "0-5": "0–5 岁",
    "6-13": "6–13 岁",
    "14-15": "14–15 岁",
    "16-17": "16–17 岁",
    "18+": "18 岁及以上",
    UNKNOWN_AGE: "年龄不详",
}
# 实际监护情况 of a left-behind child, from the parents' situations on file.
PARENTS = ("both_away", "one_away_other_unable", "other")
PARENT_WORDS = {
    "both_away": "父母双方外出",
    "one_away_other_unable": "一方外出、另一方无监护能力",
    "other": "其他或未登记",
}
ENTRUSTED = ("entrusted", "not_entrusted")
ENTRUSTED_WORDS = {"entrusted": "有委托监护人", "not_entrusted": "无委托监护人"}
# 监护类型 of the registration form, from the guardianship grade: 差 is 父或母无监护能力 when
# one parent is away and the other unable, else 受委托监护人监护能力不足 (the form's note 4
# names both as 差); 无人监护 is its own grade.
GUARDIAN_TYPES = ("none", "parent_unable", "carer_unable", "fair", "good", NOT_GIVEN)
GUARDIAN_TYPE_WORDS = {
    "none": "无人监护",
    "parent_unable": "父或母无监护能力",
    "carer_unable": "受委托监护人监护能力不足",
    "fair": "监护情况一般",
    "good": "监护情况较好",
    NOT_GIVEN: "未评估",
    UNKNOWN: "不详",
}


@dataclass(frozen=True)
class Line:
    """One row of a table: a village (its division code) or the total line (code "total")."""

    code: str
    name: str
    total: int
    counts: dict[str, int]


@dataclass(frozen=True)
class Table:
    """A table: `groups` are breakdowns (tuples of part codes) each of which adds up to the
    line's total; `counted` are parts printed beside them that need not (a child in two
    categories is counted in both: 人次). `population` names the set of children counted, so
    the tables of one set can be held to the same total."""

    code: str
    title: str
    population: str
    groups: tuple[tuple[str, ...], ...]
    villages: tuple[Line, ...]
    total: Line
    counted: tuple[str, ...] = ()


@dataclass(frozen=True)
class SummaryFigures:
    level: str
    station: str
    as_of: date
    tables: tuple[Table, ...]
    # New files not yet approved (审核): left out of every table.
    waiting_review: int = 0

    def table(self, code: str) -> Table:
        return next(t for t in self.tables if t.code == code)

    @property
    def total(self) -> int:
        return self.table("sex").total.total


@dataclass(frozen=True)
class Disagreement:
    """One total that is not what its parts add up to."""

    table: str
    line: str
    printed: int
    parts: int

    def text(self) -> str:
        return f"{self.table}·{self.line}：合计 {self.printed}，分项之和 {self.parts}"


def comparisons(f: SummaryFigures) -> list[Disagreement]:
    """Every total the summary prints beside the sum of the parts it stands for; an entry whose
    `printed` and `parts` differ is a disagreement."""
    pairs: list[Disagreement] = []
    first: dict[str, Table] = {}
    for table in f.tables:
        lines = (*table.villages, table.total)
        for line in lines:
            for group in table.groups:
                parts = sum(line.counts.get(p, 0) for p in group)
                pairs.append(Disagreement(table.title, line.name, line.total, parts))
        villages = sum(v.total for v in table.villages)
        pairs.append(Disagreement(table.title, "各村（居）合计", table.total.total, villages))
        for part in (*(p for g in table.groups for p in g), *table.counted):
            summed = sum(v.counts.get(part, 0) for v in table.villages)
            name = f"各村（居）{part_word(table, part)}"
            pairs.append(Disagreement(table.title, name, table.total.counts.get(part, 0), summed))
        same = first.setdefault(table.population, table)
        if same is not table:
            pairs.append(
                Disagreement(table.title, f"与{same.title}", same.total.total, table.total.total)
            )
    return pairs


def check_totals(f: SummaryFigures) -> list[Disagreement]:
    """The totals that are not the sum of their parts, plus any category counted (人次) for
    more children than have a category at all, or for other children than its own table."""
    wrong = [d for d in comparisons(f) if d.printed != d.parts]
    kinds = f.table("category")
    with_category = kinds.total.counts.get("with_category", 0)
    for code in CATEGORY_CODES:
        count = kinds.total.counts.get(code, 0)
        if count > with_category:
            wrong.append(Disagreement(kinds.title, label("category", code), with_category, count))
        own = f.table(f"category.{code}").total.total
        if own != count:
            wrong.append(Disagreement(kinds.title, f"{label('category', code)}分表", count, own))
    return wrong


def age_band(age: int | None) -> str:
    """The band a given age falls in; the same bounds the SQL count uses."""
    if age is None:
        return UNKNOWN_AGE
    return next((name for name, low, high in AGE_BANDS if low <= age < high), UNKNOWN_AGE)


def part_word(table: Table, part: str) -> str:
    """The words a table prints for one of its parts."""
    if part == UNKNOWN:
        return "不详"
    for words in (BAND_WORDS, PARENT_WORDS, ENTRUSTED_WORDS):
        if part in words:
            return words[part]
    if table.code.endswith("guardian_type"):
        return GUARDIAN_TYPE_WORDS[part]
    if part in SEXES:
        return label("sex", part)
    if part in CATEGORY_CODES:
        return label("category", part)
    if part in ("with_category", "without_category"):
        return "有类别" if part == "with_category" else "无类别"
    if table.code.endswith("guardianship"):
        return label("guardianship", part) if part in GUARDIANSHIP else "未评估"
    if table.code.endswith("schooling"):
        return label("schooling", part) if part in SCHOOLING else "未填"
    return part


def document(f: SummaryFigures) -> dict:
    """The figures as `report summary --json` prints them: each table under its stable code,
    each line's parts under their codes, the villages under their division codes."""

    def line(x: Line) -> dict:
        return {"name": x.name, "total": x.total, "counts": dict(sorted(x.counts.items()))}

    return {
        "level": f.level,
        "station": f.station,
        "as_of": f.as_of.isoformat(),
        "total": f.total,
        "waiting_review": f.waiting_review,
        "tables": {
            t.code: {
                "title": t.title,
                "population": t.population,
                "groups": [list(g) for g in t.groups],
                "counted": list(t.counted),
                "total": line(t.total),
                "villages": {v.code: line(v) for v in t.villages},
            }
            for t in f.tables
        },
    }
