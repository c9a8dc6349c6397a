"""A village built for the summary counted as of a cut-off date, and the summary counted by hand
from the children's files as `childcare children show --json` gives them.

The children: both parents away with a signed carer; one parent away and the other seriously ill
(vocab.PARENT_UNABLE) or at home without capacity; a girl turning 16 the day after the cut-off
and a boy on it; an orphan turning 18 between the two dates counted; a category that ended before
the cut-off beside one that starts after it; a file closed before the cut-off, one closed after
it; one registered after it; and a child of a second village.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.child import Child, FamilyMember
from childcare_desktop.core.services.children import Children

TODAY = date.today()
AS_OF = TODAY - timedelta(days=200)  # the cut-off date
LATER = TODAY - timedelta(days=30)  # the same store counted again
LONG_AGO = AS_OF - timedelta(days=700)
OTHER_VILLAGE = "441481103202"


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _away(relation: str, name: str) -> FamilyMember:
    return FamilyMember(relation, name, situation="migrant", work_place="广东省东莞市")


def build(store, village: str, second_village: str | None = None) -> dict[str, str]:
    """Save the children; returns their uuids by a short name."""

    def save(key: str, registered: date = LONG_AGO, **fields) -> None:
        child = Child(
            name=f"测试{key}",
            village_code=fields.pop("village_code", village),
            registered_on=registered,
            no_id_reason="not_yet_issued",
            **fields,
        )
        saved[key] = Children(store, lambda: registered).save(child).uuid

    saved: dict[str, str] = {}
    lb = (CategorySpan("left_behind", LONG_AGO),)
    save("both_away", sex="male", birth_date=years_before(AS_OF, 8), guardianship="good",
         schooling="primary", categories=lb,
         members=(_away("father", "甲父"), _away("mother", "甲母"),
                  FamilyMember("carer", "甲照护", entrust_signed=True)))  # fmt: skip
    save("mother_ill", sex="female", birth_date=years_before(AS_OF, 13) + timedelta(days=3),
         guardianship="poor", schooling="junior", categories=lb,
         members=(_away("father", "乙父"),
                  FamilyMember("mother", "乙母", situation="seriously_ill",
                               guardian_capable=False)))  # fmt: skip
    save("father_unable", sex="male", birth_date=years_before(AS_OF, 4), guardianship="fair",
         schooling="kindergarten", categories=lb,
         members=(_away("mother", "丙母"),
                  FamilyMember("father", "丙父", guardian_capable=False),
                  FamilyMember("grandmother", "丙祖母", entrust_signed=True)))  # fmt: skip
    save("turns_16_after", sex="female",
         birth_date=years_before(AS_OF, 16) + timedelta(days=1), guardianship="poor",
         schooling="junior", categories=lb,
         members=(_away("father", "丁父"), _away("mother", "丁母")))  # fmt: skip
    save("turns_16_on", sex="male", birth_date=years_before(AS_OF, 16), guardianship="fair",
         schooling="senior",
         categories=(*lb, CategorySpan("poor_family", LONG_AGO)),
         members=(_away("father", "戊父"), _away("mother", "戊母")))  # fmt: skip
    save("orphan", sex="female", birth_date=years_before(AS_OF, 18) + timedelta(days=60),
         guardianship="fair", schooling="senior",
         categories=(CategorySpan("orphan", LONG_AGO),),
         members=(FamilyMember("father", "己父", situation="dead"),
                  FamilyMember("mother", "己母", situation="dead")))  # fmt: skip
    save("spans_around", sex="male", birth_date=years_before(AS_OF, 10), guardianship="",
         schooling="primary", health="disabled", disability_type="肢体", disability_grade="1",
         categories=(CategorySpan("poor_family", LONG_AGO, AS_OF - timedelta(days=5)),
                     CategorySpan("severe_disability", AS_OF + timedelta(days=5))))  # fmt: skip
    save(
        "closed_before",
        sex="female",
        birth_date=years_before(AS_OF, 7),
        schooling="primary",
        categories=(CategorySpan("poor_family", LONG_AGO),),
    )
    save(
        "closed_after",
        sex="male",
        birth_date=years_before(AS_OF, 9),
        guardianship="good",
        schooling="primary",
        categories=(CategorySpan("poor_family", LONG_AGO),),
    )
    save("registered_after", AS_OF + timedelta(days=20), sex="female",
         birth_date=years_before(AS_OF, 3), guardianship="good", schooling="not_enrolled",
         categories=(CategorySpan("left_behind", AS_OF + timedelta(days=20)),),
         members=(_away("father", "庚父"), _away("mother", "庚母")))  # fmt: skip
    if second_village:
        save("other_village", village_code=second_village, sex="male",
             birth_date=years_before(AS_OF, 14), guardianship="fair", schooling="dropout",
             categories=lb,
             members=(_away("father", "辛父"), _away("mother", "辛母"),
                      FamilyMember("carer", "辛照护")))  # fmt: skip
    Children(store, lambda: AS_OF - timedelta(days=10)).close(saved["closed_before"], "moved_away")
    Children(store, lambda: AS_OF + timedelta(days=10)).close(saved["closed_after"], "moved_away")
    return saved


# Counting by hand, from the files alone --------------------------------------------------------

LIMIT = {"left_behind": 16, "floating": 16}


def _day(value) -> date | None:
    return date.fromisoformat(value) if value else None


def _age(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _band(age: int) -> str:
    return "0-5" if age < 6 else "6-13" if age < 14 else "14-15" if age < 16 else (
        "16-17" if age < 18 else "18+"
    )  # fmt: skip


def in_force(file: dict, day: date) -> list[str]:
    """The file's categories on `day`: a span holding then, before the law's birthday."""
    born = _day(file["birth_date"])
    codes = []
    for span in file["category_spans"]:
        start, end = _day(span["start"]), _day(span["end"])
        if not (start <= day and (end is None or day < end)):
            continue
        if born and _age(born, day) >= LIMIT.get(span["code"], 18):
            continue
        codes.append(span["code"])
    return sorted(set(codes))


def counted(file: dict, day: date) -> bool:
    registered, closed = _day(file["registered_on"]), _day(file["closed_on"])
    return (registered is None or registered <= day) and (
        file["status"] == "active" or (closed is not None and closed >= day)
    )


def hand_count(files: list[dict], day: date) -> dict[str, dict]:
    """{table code: {"total": n, "counts": {part: n}, "villages": {code: n}}} for the tables
    a person would count from the files: who is counted, their sex, age band, guardianship
    and schooling, their categories, and the left-behind children's parents, carers,
    guardianship type and schooling."""
    tables: dict[str, dict] = defaultdict(
        lambda: {"total": 0, "counts": Counter(), "villages": Counter()}
    )

    def add(table: str, village: str, *parts: str) -> None:
        tables[table]["total"] += 1
        tables[table]["villages"][village] += 1
        tables[table]["counts"].update(parts)

    for file in files:
        if not counted(file, day):
            continue
        village, sex = file["village_code"], file["sex"]
        band = _band(_age(_day(file["birth_date"]), day))
        codes = in_force(file, day)
        grade, schooling = file["guardianship"] or "", file["schooling"] or ""  # null: not given
        add("sex", village, sex)
        add("age", village, band)
        add("guardianship", village, grade)
        add("schooling", village, schooling)
        add("category", village, "with_category" if codes else "without_category", *codes)
        for code in codes:
            add(f"category.{code}", village, sex, band)
        if "left_behind" not in codes:
            continue
        members = file["members"]
        away = {m["relation"] for m in members if m["situation"] == "migrant"}
        unable = {
            m["relation"]
            for m in members
            if m["situation"] in ("seriously_ill", "imprisoned")
            or (m["situation"] == "home" and not m["guardian_capable"])
        }
        if {"father", "mother"} <= away:
            parents = "both_away"
        elif ("father" in away and "mother" in unable) or ("mother" in away and "father" in unable):
            parents = "one_away_other_unable"
        else:
            parents = "other"
        entrusted = any(m["relation"] == "carer" or m["entrust_signed"] for m in members)
        kind = grade
        if grade == "poor":
            kind = "parent_unable" if parents == "one_away_other_unable" else "carer_unable"
        add("left.parents", village, parents)
        add("left.entrusted", village, "entrusted" if entrusted else "not_entrusted")
        add("left.guardian_type", village, kind)
        add("left.schooling", village, schooling)
    return tables


def printed_counts(document: dict, code: str) -> dict:
    """What the summary's JSON says of one table, in the hand count's shape (zeros left out)."""
    table = document["tables"][code]
    return {
        "total": table["total"]["total"],
        "counts": {k: v for k, v in table["total"]["counts"].items() if v},
        "villages": {k: v["total"] for k, v in table["villages"].items() if v["total"]},
    }


def hand_counts(files: list[dict], day: date) -> dict[str, dict]:
    return {
        code: {
            "total": t["total"],
            "counts": {k: v for k, v in t["counts"].items() if v},
            "villages": dict(t["villages"]),
        }
        for code, t in hand_count(files, day).items()
    }
