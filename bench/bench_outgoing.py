"""Benchmark of the lists going out to other departments on the county of 100,000 children.

`python -m bench.bench_outgoing` prints a table; `run()` returns the rows. For each list: the
count the dialog shows (every active child's row read and judged), the list written as Excel
and as PDF; beside them, in the same run, a plain count of the active children in SQL (the
least a count can cost) and the roster of as many children written the same way.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from childcare_desktop.core.domain.outgoing import LIST_CODES
from childcare_desktop.core.services.outgoing import Outgoing
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.store import Store

from .common import county_100k, row


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _plain_count(store: Store) -> int:
    with store.read() as conn:
        c = t.child.c
        return conn.execute(select(func.count()).where(c.status == "active")).scalar()


def run() -> list[dict]:
    store = county_100k()
    rows = []
    try:
        outgoing, reports = Outgoing(store), Reports(store)
        _plain_count(store)  # the page cache warmed for both
        with tempfile.TemporaryDirectory() as folder:
            work = Path(folder)
            reports.roster(work / "warm.pdf", limit=1)  # the font is parsed once per process
            for code in LIST_CODES:
                base, _ = _timed(lambda: _plain_count(store))
                seconds, preview = _timed(lambda code=code: outgoing.preview(code))
                rows.append(row(f"{code}: count ({preview.count} children)", seconds, "s", base))
                for suffix in ("xlsx", "pdf"):
                    out, roster = work / f"{code}.{suffix}", work / f"roster.{suffix}"
                    made, _ = _timed(lambda out=out, code=code: outgoing.export(code, out))
                    limit = max(preview.count, 1)
                    base, _ = _timed(lambda roster=roster, limit=limit: reports.roster(
                        roster, limit=limit
                    ))  # fmt: skip
                    rows.append(row(f"{code}: {suffix} (roster of as many)", made, "s", base))
    finally:
        store.close()
    return rows


if __name__ == "__main__":
    from .common import print_table

    print_table(__doc__.splitlines()[0], run())
