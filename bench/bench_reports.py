"""Benchmark of the printed reports: child's files, a long roster, the county summary.

`python -m bench.bench_reports` prints a table; `run()` returns the rows. The demo stores (a town
of 12,000 children, the county of 100,000) take minutes to build, so they are kept under
bench/out/ and reused. The summary's figures for a cut-off date are timed on the first count
after the county store is opened (SQLite's page cache empty; the disk's cache as it happens to
be), again, and as of a year before, beside a baseline measured in the same run.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from childcare_desktop.core.services import summary_count
from childcare_desktop.core.services.children import ChildQuery, Children
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.storage.store import Store

from .common import OUT, county_100k, demo_store, print_table, row

CHILD_FILES = 1000
ROSTER_ROWS = 10_000
TARGET_CHILD = "< 100 ms"
TARGET_SUMMARY = "< 5 s"
TARGET_FIGURES = "< 1 s"


def _child_files(store: Store, work: Path) -> list[dict]:
    reports = Reports(store)
    uuids = Children(store).find(ChildQuery(status="all"))[:CHILD_FILES]
    reports.child_file(uuids[0], work / "warm.pdf")  # the font is parsed once per process
    pages = 0
    start = time.perf_counter()
    for i, uuid in enumerate(uuids):
        out = work / f"child-{i % 10}.pdf"
        pages += reports.child_file(uuid, out).pages
    seconds = time.perf_counter() - start
    ms = seconds * 1000 / len(uuids)
    return [
        row(f"child's file ({len(uuids)} files)", ms, "ms/file", target=TARGET_CHILD),
        row("child's file pages", pages / seconds, "pages/s"),
    ]


def _roster(store: Store, work: Path) -> list[dict]:
    reports = Reports(store)
    rows = []
    for suffix in ("pdf", "xlsx"):
        out = work / f"roster.{suffix}"
        start = time.perf_counter()
        printed = reports.roster(out, status="all", limit=ROSTER_ROWS)
        seconds = time.perf_counter() - start
        rows.append(row(f"roster {suffix} ({printed.rows} rows)", seconds, "s"))
        if printed.pages:
            rows.append(
                row(f"roster pdf ({printed.pages} pages)", printed.pages / seconds, "pages/s")
            )
    return rows


def _summary(store: Store, work: Path) -> list[dict]:
    """The summary as of a cut-off date (today, then a year before): its figures beside the
    baseline of the same run, the counted children alone (one pass over the same index, no
    breakdown), and the whole report."""
    reports = Reports(store)
    today = date.today()
    start = time.perf_counter()
    figures = reports.figures(today)
    first_s = time.perf_counter() - start
    with store.read() as conn:
        start = time.perf_counter()
        conn.exec_driver_sql(
            f"SELECT count(*) FROM child c WHERE {summary_count.WHEN_COUNTED}",
            {"day": today.isoformat()},
        ).scalar_one()
        baseline_s = time.perf_counter() - start
    start = time.perf_counter()
    reports.figures(today)
    again_s = time.perf_counter() - start
    year_before = today - timedelta(days=365)
    start = time.perf_counter()
    earlier = reports.figures(year_before)
    earlier_s = time.perf_counter() - start
    start = time.perf_counter()
    reports.summary(work / "summary.pdf", today)
    total_s = time.perf_counter() - start
    return [
        row(f"summary figures as of today, first ({figures.total} children)", first_s, "s",
            baseline_s, TARGET_FIGURES),
        row("summary figures as of today, again", again_s, "s", baseline_s, TARGET_FIGURES),
        row(f"summary figures a year before ({earlier.total} children)", earlier_s, "s",
            baseline_s, TARGET_FIGURES),
        row("baseline: the counted children alone", baseline_s, "s"),
        row("summary pdf (figures, check, print)", total_s, "s", target=TARGET_SUMMARY),
    ]  # fmt: skip


def run() -> list[dict]:
    os.environ.setdefault("CHILDCARE_HOME", str(OUT / "home"))
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        town = demo_store(OUT / "town-12k.db", "town", "441481103", "石坑镇", 12_000)
        try:
            rows += _child_files(town, work)
            rows += _roster(town, work)
        finally:
            town.close()
        county = county_100k()
        try:
            rows += _summary(county, work)
        finally:
            county.close()
    return rows


if __name__ == "__main__":
    print_table(__doc__.splitlines()[0], run())
