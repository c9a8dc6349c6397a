"""Start-up, first paint, type-ahead search and memory with 100,000 children (the foundation).

Each start is a fresh process timed from launch to its first usable window: the program's
passphrase prompt (the store holds children's data: nothing opens before it) beside a bare
PySide6 window measured in the same run. Then, from the passphrase to the list of 100,000
children painted: the store opened (with the bench store's cheap key derivation: the real one
costs about half a second by design, measured in bench_encryption), the main window built.
"""

from __future__ import annotations

import compileall
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import childcare_desktop
from childcare_desktop.core.services.children import ChildQuery, Children

from .common import OUT, PASSPHRASE, county_100k, row

RUNS = 3


def _start(args: list[str]) -> tuple[float, dict]:
    launched = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "bench.startup_probe", *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["ready"] - launched, result


def _data_dir() -> Path:
    """The program looks for store.db in its data folder: link the cached county store there."""
    store = county_100k()
    store.close()
    data = OUT / "startup"
    data.mkdir(parents=True, exist_ok=True)
    for name in ("store.db", "store.db.key"):
        link = data / name
        if not link.exists():
            link.symlink_to(OUT / name.replace("store", "county-100k"))
    return data


def run() -> list[dict]:
    # Timed as installed: an installed program starts from compiled bytecode, which a source
    # tree run with PYTHONDONTWRITEBYTECODE would otherwise compile again at every start.
    compileall.compile_dir(Path(childcare_desktop.__file__).parent, quiet=1)
    data = _data_dir()
    empty = [_start(["empty"]) for _ in range(RUNS)]
    program = [_start(["app", str(data), PASSPHRASE]) for _ in range(RUNS)]
    empty_s = statistics.median(t for t, _ in empty)
    program_s = statistics.median(t for t, _ in program)
    searches = [ms for _, r in program for ms in r["search_ms"]]
    store = county_100k()
    service = Children(store)
    count = service.count()
    start = time.perf_counter()
    ids = service.find(ChildQuery(status="all"))
    list_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    service.rows(ids[:60])
    page_ms = (time.perf_counter() - start) * 1000
    store.close()
    unlock = statistics.median(r["unlock_to_list_s"] for _, r in program)
    return [
        row(
            "start to the first usable window (passphrase prompt)",
            program_s,
            "s",
            empty_s,
            "≤ 2× empty",
        ),
        row(f"passphrase to the list painted, {count} children", unlock, "s"),
        row(
            "type-ahead search per keystroke, median",
            statistics.median(searches),
            "ms",
            None,
            "< 50 ms",
        ),
        row("type-ahead search per keystroke, worst", max(searches), "ms", None, "< 50 ms"),
        row("list ids of all children (first paint query)", list_ms, "ms"),
        row("first screen of rows (60)", page_ms, "ms"),
        row(
            "peak memory of the program",
            max(r["peak_rss_mb"] for _, r in program),
            "MB",
            max(r["peak_rss_mb"] for _, r in empty),
            "< 300 MB",
        ),
    ]


if __name__ == "__main__":
    from .common import print_table

    print_table(__doc__.splitlines()[0], run())
