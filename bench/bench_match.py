"""Matching a department's list of 100,000 rows to a county of 100,000 children, fuzzy included.

The county and the list are made up with the truth known (core/matching/sample.py): four rows in
five name registered children, with a department's mistakes (names of the same sound, swapped
characters, spaces, full-width digits, ID numbers missing or a digit off, birth dates a digit
off); the others name children not registered, many of them much like registered ones. The
baseline, in the same run, is the exact join on ID numbers alone (a dict of the children's
numbers, each row's number normalised and looked up), which finds only the rows with a number
written right. Precision and recall are printed beside the time.

Then the children are read from the county's demo store (bench/out/, 100,000 files) as the
program reads them (`children_as_people`, beside the bare SELECT of the same columns); the pairs
of two villages' files the matcher takes for one child are found among them (what a county's
sync window lists beside the ID-number groups, also beside that SELECT); and a list drawn from
them is matched.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.matching import Person, children_as_people, match_people
from childcare_desktop.core.matching.pairs import likely_pairs
from childcare_desktop.core.matching.sample import precision_recall, sample_county, sample_list
from childcare_desktop.core.storage import driver

from .common import county_100k, row

CHILDREN = ROWS = 100_000
TARGET = "< 10 s"
T = TypeVar("T")


def _timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    found = fn()
    return found, time.perf_counter() - start


def _id_join(rows: list[Person], children: list[Person]) -> dict[str, str]:
    """The baseline: rows to children by the ID number written, normalised, and nothing else."""
    numbers = {idnumber.normalize(c.id_number): c.key for c in children if c.id_number}
    found = {}
    for r in rows:
        child = numbers.get(idnumber.normalize(r.id_number)) if r.id_number else None
        if child is not None:
            found[r.key] = child
    return found


def _matched(label: str, rows: list[Person], children: list[Person], truth) -> list[dict]:
    joined, join_time = _timed(lambda: _id_join(rows, children))
    found, match_time = _timed(lambda: match_people(rows, children, date.today()))
    precision, recall = precision_recall(found, truth)
    right = sum(1 for k, child in joined.items() if truth.get(k) == child)
    hows = {how: sum(1 for m in found.values() if m.how == how) for how in ("name_birth", "fuzzy")}
    return [
        row(f"{label}: match_people", match_time, "s", join_time, TARGET),
        row(f"{label}: exact ID join (baseline)", join_time, "s"),
        row(f"{label}: precision", 100 * precision, "%", target=">= 98 %"),
        row(f"{label}: recall", 100 * recall, "%", target=">= 95 %"),
        row(f"{label}: recall of the ID join", 100 * right / max(len(truth), 1), "%"),
        row(f"{label}: rows matched by name+birth", hows["name_birth"], "rows"),
        row(f"{label}: rows matched fuzzily", hows["fuzzy"], "rows"),
    ]


def _bare_read(conn) -> list[tuple]:
    sql = "SELECT uuid, name, id_number, birth_date, sex, village_code FROM child"
    return driver.raw(conn).execute(sql + " WHERE status = 'active'").fetchall()


def run() -> list[dict]:
    (children, listed), made = _timed(
        lambda: (county := sample_county(CHILDREN, seed=18), sample_list(county, ROWS, seed=19))
    )
    rows = [row("made-up county and list made (not matching)", made, "s")]
    rows += _matched("made-up county", listed.rows, children, listed.truth)

    store = county_100k()
    try:
        with store.read() as conn:
            _, bare = _timed(lambda: _bare_read(conn))
            read, read_time = _timed(lambda: children_as_people(conn))
    finally:
        store.close()
    rows.append(row(f"children_as_people, {len(read):,} from the store", read_time, "s", bare))
    rows.append(row("bare SELECT of the same columns (baseline)", bare, "s"))
    pairs, paired = _timed(lambda: likely_pairs(read, date.today()))
    rows.append(row(f"possible duplicates of two villages: {len(pairs)} pairs", paired, "s", bare))
    drawn = sample_list(read, ROWS, seed=20)
    rows += _matched("demo store", drawn.rows, read, drawn.truth)
    return rows
