"""The summary's figures (汇总表) and the check that its totals agree (表间勾稽).

Each breakdown is counted on its own, so a total that is not the sum of its parts shows a fault
(a child counted twice, a query gone wrong) instead of being papered over. A code no form offers
(a sex, a guardianship grade or a schooling level an older version stored) is counted as 不详
(unknown) in a part of its own, as a birth date that gives no age is: the child is still counted
once in every breakdown, and a town can print its summary while it corrects the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...words import label
from ..domain.categories import CATEGORY_CODES

# Age bands of the summary: nursery, pre-school, primary, junior middle, senior, adult.
AGE_BANDS = (
    ("0-2", 0, 3),
    ("3-5", 3, 6),
    ("6-11", 6, 12),
    ("12-14", 12, 15),
    ("15-17", 15, 18),
    ("18+", 18, 200),
)
UNKNOWN = "unknown"
BAND_WORDS = {
    "0-2": "0–2 岁",
    "3-5": "3–5 岁",
    "6-11": "6–11 岁",
    "12-14": "12–14 岁",
    "15-17": "15–17 岁",
    "18+": "18 岁及以上",
    UNKNOWN: "不详",
}


@dataclass(frozen=True)
class VillageLine:
    code: str
    name: str
    total: int
    male: int
    female: int
    unknown_sex: int  # a sex code no form offers
    by_category: dict[str, int]


@dataclass(frozen=True)
class SummaryFigures:
    """Counts of active children. Categories are counted per child and category (人次): a
    child in two categories counts once in each, and once in `with_category`."""

    level: str
    station: str
    as_of: date
    total: int
    by_sex: dict[str, int]
    by_age: dict[str, int]
    by_guardianship: dict[str, int]
    by_schooling: dict[str, int]
    by_category: dict[str, int]
    with_category: int
    without_category: int
    villages: tuple[VillageLine, ...]


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

    def pair(table: str, line: str, printed: int, parts: int) -> None:
        pairs.append(Disagreement(table, line, printed, parts))

    pair("性别", "合计", f.total, sum(f.by_sex.values()))
    pair("年龄段", "合计", f.total, sum(f.by_age.values()))
    pair("监护情况", "合计", f.total, sum(f.by_guardianship.values()))
    pair("就学情况", "合计", f.total, sum(f.by_schooling.values()))
    pair("儿童类别", "有类别+无类别", f.total, f.with_category + f.without_category)
    pair("分村统计", "合计", f.total, sum(v.total for v in f.villages))
    pair("分村统计", "男", f.by_sex.get("male", 0), sum(v.male for v in f.villages))
    pair("分村统计", "女", f.by_sex.get("female", 0), sum(v.female for v in f.villages))
    pair("分村统计", "不详", f.by_sex.get(UNKNOWN, 0), sum(v.unknown_sex for v in f.villages))
    for code in CATEGORY_CODES:
        in_villages = sum(v.by_category.get(code, 0) for v in f.villages)
        pair("分村统计", label("category", code), f.by_category.get(code, 0), in_villages)
    for v in f.villages:
        pair("分村统计", v.name, v.total, v.male + v.female + v.unknown_sex)
    return pairs


def check_totals(f: SummaryFigures) -> list[Disagreement]:
    """The totals that are not the sum of their parts, plus any category counted for more
    children than have a category at all."""
    wrong = [d for d in comparisons(f) if d.printed != d.parts]
    wrong += [
        Disagreement("儿童类别", label("category", code), f.with_category, count)
        for code, count in f.by_category.items()
        if count > f.with_category
    ]
    return wrong


def age_band(age: int | None) -> str:
    """The band a given age falls in; the same bounds the SQL count uses."""
    if age is None:
        return UNKNOWN
    return next((name for name, low, high in AGE_BANDS if low <= age < high), UNKNOWN)
