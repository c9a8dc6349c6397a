"""Benchmark of the printed reports: child's files, a long roster, the county summary.

`python -m bench.bench_reports` prints a table; `run()` returns the rows. The county store of
100,000 demo children takes minutes to build, so it is kept under bench/out/ and reused.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date
from pathlib import Path

from childcare_desktop.core.services.children import ChildQuery, Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import keyfile
from childcare_desktop.core.storage.store import Store

OUT = Path(__file__).resolve().parent / "out"
PASSPHRASE = "bench passphrase"
# The key derivation is benchmarked elsewhere; here it only has to open the store.
CHEAP_KDF = keyfile.KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
CHILD_FILES = 1000
ROSTER_ROWS = 10_000
COUNTY_CHILDREN = 100_000
TARGET_CHILD_MS = 100.0
TARGET_SUMMARY_S = 5.0


def demo_store(path: Path, role: str, code: str, name: str, children: int) -> Store:
    """Open the cached store at `path`, or build it with demo children."""
    if Store.exists(path):
        return Store.open(path, PASSPHRASE)
    path.parent.mkdir(parents=True, exist_ok=True)
    store, _ = init_station(path, PASSPHRASE, role, code, name, "基准", kdf=CHEAP_KDF)
    fill_demo(store, children, seed=7)
    return store


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
        _row(f"child's file ({len(uuids)} files)", ms, "ms/file", TARGET_CHILD_MS),
        _row("child's file pages", pages / seconds, "pages/s", None),
    ]


def _roster(store: Store, work: Path) -> list[dict]:
    reports = Reports(store)
    rows = []
    for suffix in ("pdf", "xlsx"):
        out = work / f"roster.{suffix}"
        start = time.perf_counter()
        printed = reports.roster(out, status="all", limit=ROSTER_ROWS)
        seconds = time.perf_counter() - start
        rows.append(_row(f"roster {suffix} ({printed.rows} rows)", seconds, "s", None))
        if printed.pages:
            rows.append(
                _row(
                    f"roster pdf ({printed.pages} pages)", printed.pages / seconds, "pages/s", None
                )
            )
    return rows


def _summary(store: Store, work: Path) -> list[dict]:
    reports = Reports(store)
    start = time.perf_counter()
    figures = reports.figures()
    figures_s = time.perf_counter() - start
    start = time.perf_counter()
    reports.summary(work / "summary.pdf")
    total_s = time.perf_counter() - start
    return [
        _row(f"summary figures ({figures.total} children)", figures_s, "s", None),
        _row("summary pdf (figures, check, print)", total_s, "s", TARGET_SUMMARY_S),
    ]


def _row(name: str, value: float, unit: str, baseline: float | None) -> dict:
    ratio = round(value / baseline, 3) if baseline else None
    return {
        "name": name,
        "value": round(value, 3),
        "unit": unit,
        "baseline": baseline,
        "ratio": ratio,
    }


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
        county = demo_store(OUT / "county-100k.db", "county", "441481", "示范县", COUNTY_CHILDREN)
        try:
            rows += _summary(county, work)
        finally:
            county.close()
    return rows


def print_table(rows: list[dict]) -> None:
    print(f"{'benchmark':<44} {'value':>10} {'unit':<8} {'target':>8} {'ratio':>6}")
    for r in rows:
        baseline = "" if r["baseline"] is None else f"{r['baseline']:g}"
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}"
        print(f"{r['name']:<44} {r['value']:>10.3f} {r['unit']:<8} {baseline:>8} {ratio:>6}")


if __name__ == "__main__":
    print(f"reports benchmark, {date.today().isoformat()}")
    print_table(run())
