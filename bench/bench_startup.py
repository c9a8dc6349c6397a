"""Start-up, first paint, type-ahead search and memory with 100,000 children; the frozen program.

Each start is a fresh process timed from launch to its first usable window: the program's
passphrase prompt (the store holds children's data: nothing opens before it) beside a bare
PySide6 window measured in the same run. Then, from the passphrase to the list of 100,000
children painted: the store opened (with the bench store's cheap key derivation: the real one
costs about half a second by design, measured in bench_encryption), the main window built.
Last, the program as an officer installs it: the frozen folder's start to the passphrase prompt
beside the source run's (both `childcare-desktop --quit-when-shown` on one small store, timed
to the line it prints once the prompt is painted), and the sizes of the frozen folder and the
.deb, from DIST (default dist/; `make dist` is run first when the folder is not there).
`python -m bench.bench_startup frozen` runs only that last part.
"""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import childcare_desktop
from childcare_desktop.core.services.children import ChildQuery, Children

from .common import OUT, PASSPHRASE, county_100k, demo_store, row

RUNS = 3
ROOT = Path(__file__).resolve().parent.parent
DIST = Path(os.environ.get("DIST", ROOT / "dist"))
MB = 1024 * 1024


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


def _shown_s(program: list[str], data: Path) -> float:
    """Launch to the first window painted, as the program itself says it (--quit-when-shown)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    launched = time.perf_counter()
    with subprocess.Popen(
        [*program, "--data-dir", str(data), "--quit-when-shown"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    ) as started:
        said = started.stdout.readline()
        shown = time.perf_counter() - launched
        started.wait(timeout=120)
    if said.split() != ["UnlockDialog"] or started.returncode != 0:
        raise RuntimeError(f"{program[0]} showed {said!r} (exit status {started.returncode})")
    return shown


def _size_mb(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir()) / MB


def frozen() -> list[dict]:
    folder = DIST / "childcare-desktop"
    if not (folder / "childcare-desktop").is_file():
        subprocess.run(
            ["make", "--no-print-directory", "dist", f"DIST={DIST}"], cwd=ROOT, check=True
        )
    compileall.compile_dir(Path(childcare_desktop.__file__).parent, quiet=1)
    store_path = OUT / "startup-small" / "store.db"
    demo_store(store_path, "village", "441481103201", "新陂村", 100).close()
    source = [sys.executable, "-m", "childcare_desktop"]
    program = [str(folder / "childcare-desktop")]
    for warm_up in (source, program):  # the first start reads the files from disk
        _shown_s(warm_up, store_path.parent)
    source_s, frozen_s = [], []
    for _ in range(RUNS):  # taken in turn, so that the machine's load falls on both alike
        source_s.append(_shown_s(source, store_path.parent))
        frozen_s.append(_shown_s(program, store_path.parent))
    rows = [
        row(
            "frozen program: start to the passphrase prompt",
            statistics.median(frozen_s),
            "s",
            statistics.median(source_s),
            "source run as baseline",
        ),
        row("frozen folder on disk", _size_mb(folder), "MB"),
    ]
    for deb in sorted(DIST.glob(f"childcare-desktop_{childcare_desktop.__version__}_*.deb")):
        rows.append(row(f"{deb.name} (xz)", deb.stat().st_size / MB, "MB", None, "< 100 MB"))
    return rows


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
        *frozen(),
    ]


if __name__ == "__main__":
    from .common import print_table

    print_table(__doc__.splitlines()[0], frozen() if sys.argv[1:] == ["frozen"] else run())
