"""Benchmark of the supervisor's dashboard: a county of 100,000 children in 40 villages.

`python -m bench.bench_dashboard` prints a table; `run()` returns the rows. The county is the
demo's 100,000 children spread over ten towns of four villages each (bench/out/, built once,
minutes). Each figure is timed beside the plain counting query of the same run (the children
per village, `SELECT village_code, count(*) FROM child GROUP BY 1`): the month's figures, the
twelve months of trend, and both one after the other, as the window asks for them (the figures
first, which it shows at once, then the trend), a town drilled into, the list behind a
village's overdue figure and the 通报. The children are read from the summary's covering
index, which holds their visit dates since migration 0027.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date
from pathlib import Path

from childcare_desktop.core.services import dashboard
from childcare_desktop.core.services.bulletin import print_bulletin
from childcare_desktop.core.storage import driver
from childcare_desktop.core.storage.store import Store

from .common import OUT, demo_store, row

CHILDREN = 100_000
TOWNS, VILLAGES_PER_TOWN = 10, 4
TARGET = "< 300 ms"
BASELINE_SQL = "SELECT village_code, count(*) FROM child GROUP BY 1"


def county_40() -> Store:
    """The demo county of 100,000 children, moved into 40 villages of 10 towns (once)."""
    path = OUT / "county-100k-40v.db"
    fresh = not Store.exists(path)
    store = demo_store(path, "county", "441481", "兴宁市", CHILDREN)
    if fresh:
        _spread(store)
    return store


def _spread(store: Store) -> None:
    """Each child to one of the 40 villages, by its place in the table; the divisions named."""
    villages = [
        f"441481{100 + t:03d}{200 + v:03d}" for t in range(TOWNS) for v in range(VILLAGES_PER_TOWN)
    ]
    with store.write() as conn:
        raw = driver.raw(conn)
        uuids = [u for (u,) in raw.execute("SELECT uuid FROM child ORDER BY rowid").fetchall()]
        raw.executemany(
            "UPDATE child SET village_code = ? WHERE uuid = ?",
            [(villages[i % len(villages)], u) for i, u in enumerate(uuids)],
        )
        raw.execute("DELETE FROM division WHERE length(code) > 6")
        names = [(v, f"{i % 16 + 1}号村") for i, v in enumerate(villages)]
        names += [(f"441481{100 + t:03d}", f"第{t + 1}镇") for t in range(TOWNS)]
        raw.executemany("INSERT INTO division (code, name) VALUES (?, ?)", names)


def _timed(fn) -> tuple[object, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def _baseline(store: Store) -> tuple[float, float]:
    """The counting query, first (its index read from the disk's cache) and again."""
    with store.read() as conn:
        raw = driver.raw(conn)
        _, first = _timed(lambda: raw.execute(BASELINE_SQL).fetchall())
        _, again = _timed(lambda: raw.execute(BASELINE_SQL).fetchall())
    return first, again


def _figures(store: Store, label: str, baseline: float) -> list[dict]:
    today = date.today()
    month = today.replace(day=1)
    shown, first = _timed(lambda: dashboard.figures(store, month, today))
    _, again = _timed(lambda: dashboard.figures(store, month, today))
    _, trend = _timed(lambda: dashboard.trend(store, month, today))
    _, whole = _timed(lambda: dashboard.dashboard(store, month, today))
    return [
        row(f"{label}month's figures, first ({len(shown.rows)} towns)", first * 1000, "ms",
            baseline * 1000, TARGET),
        row(f"{label}month's figures, again", again * 1000, "ms", baseline * 1000, TARGET),
        row(f"{label}twelve months on time", trend * 1000, "ms", baseline * 1000),
        row(f"{label}the window's chart in too (the trend read after)", whole * 1000, "ms",
            baseline * 1000),
    ]  # fmt: skip


def _the_rest(store: Store, baseline: float, work: Path) -> list[dict]:
    today = date.today()
    month = today.replace(day=1)
    town = "441481100"
    shown, drilled = _timed(lambda: dashboard.figures(store, month, today, town))
    village = shown.rows[0]
    listed, seconds = _timed(
        lambda: dashboard.listed(store, shown.list_of("overdue", village.code), today)
    )
    _, printed = _timed(lambda: print_bulletin(store, month, work / "bulletin.pdf", today))
    return [
        row(f"a town drilled into ({len(shown.rows)} villages)", drilled * 1000, "ms",
            baseline * 1000),
        row(f"a village's overdue children ({len(listed)})", seconds * 1000, "ms",
            baseline * 1000),
        row("the month's bulletin (PDF)", printed * 1000, "ms", baseline * 1000),
    ]  # fmt: skip


def run() -> list[dict]:
    os.environ.setdefault("CHILDCARE_HOME", str(OUT / "home"))
    store = county_40()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            first, baseline = _baseline(store)
            rows = [
                row("baseline: children per village, first", first * 1000, "ms"),
                row("baseline: children per village, again", baseline * 1000, "ms"),
            ]
            rows += _figures(store, "", baseline)
            rows += _the_rest(store, baseline, Path(tmp))
    finally:
        store.close()
    return rows


if __name__ == "__main__":
    from .common import print_table

    print_table(__doc__.splitlines()[0], run())
