"""Benchmark of a screening round (排查) at a county of 100,000 children in 40 villages.

`python -m bench.bench_screening` prints a table; `run()` returns the rows. On a copy of
bench_dashboard's county (its file copied to a temporary folder, so the cached store stays as it
was): a round opened for the county, its coverage per village (every child of the area judged
with its latest mark, as the 排查 tab asks for it), 20 children marked by the service one by
one (each mark checks its subject against the round's status, as a village's window marks), and
the coverage again. Beside them, in the same run, the plain count of the area's children per
village in SQL, the least a coverage can cost.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from childcare_desktop.core.services.screening import Screening
from childcare_desktop.core.storage import driver
from childcare_desktop.core.storage.store import Store

from .bench_dashboard import BASELINE_SQL, county_40
from .common import PASSPHRASE, row

MARKED = 20


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _copy(work: Path) -> Store:
    cached = county_40()
    path = Path(cached.path)
    cached.close()
    for suffix in ("", ".key"):
        shutil.copy(f"{path}{suffix}", work / f"county.db{suffix}")
    return Store.open(work / "county.db", PASSPHRASE)


def _per_village(store: Store) -> float:
    with store.read() as conn:
        raw = driver.raw(conn)
        seconds, _ = _timed(lambda: raw.execute(BASELINE_SQL).fetchall())
    return seconds


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        store = _copy(Path(folder))
        try:
            screening, today = Screening(store), date.today()
            _per_village(store)  # the page cache warmed for both
            base = _per_village(store)
            opened, found = _timed(lambda: screening.open("冬季排查", today + timedelta(30)))
            first, status = _timed(lambda: screening.status(found.uuid))
            again, _ = _timed(lambda: screening.status(found.uuid))
            village = status.villages[0].village_code
            # As a village's window marks: the village's own children, one after the other.
            subjects = [s.uuid for s in status.subjects if s.village_code == village][:MARKED]
            marking, _ = _timed(
                lambda: [screening.mark(found.uuid, s, (), today) for s in subjects]
            )
            after, shown = _timed(lambda: screening.status(found.uuid))
            children = status.to_screen
        finally:
            store.close()
    return [
        row("baseline: children per village (SQL)", base * 1000, "ms"),
        row("open a round for the county", opened * 1000, "ms", base * 1000),
        row(f"coverage of {children:,} children in {len(status.villages)} villages, first",
            first * 1000, "ms", base * 1000),
        row("coverage, again", again * 1000, "ms", base * 1000),
        row(f"{len(subjects):,} children marked one by one, each", marking / len(subjects) * 1000,
            "ms", base * 1000),
        row(f"coverage with {shown.screened:,} marked", after * 1000, "ms", base * 1000),
    ]  # fmt: skip


if __name__ == "__main__":
    from .common import print_table

    print_table(__doc__.splitlines()[0], run())
