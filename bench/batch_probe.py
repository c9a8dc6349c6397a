"""Run in a fresh process by bench_batch_memory: open a town's store, read the memory at rest,
import one batch file and read the peak resident memory of the whole import (VmHWM)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from childcare_desktop.core.services import sync
from childcare_desktop.core.storage.store import Store


def high_water_kib() -> tuple[int, int]:
    """(VmRSS, VmHWM) of this process, in KiB."""
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return int(status["VmRSS"].split()[0]), int(status["VmHWM"].split()[0])


def main(store_path: str, passphrase: str, batch: str) -> dict:
    store = Store.open(Path(store_path), passphrase)
    with store.read() as conn:
        conn.exec_driver_sql("SELECT count(*) FROM change").scalar()
    baseline, _ = high_water_kib()
    start = time.perf_counter()
    (result,) = sync.import_files(store, [Path(batch)])
    import_s = time.perf_counter() - start
    _, peak = high_water_kib()
    store.close()
    return {
        "status": result.status,
        "reason": result.reason,
        "applied": result.changes_applied,
        "baseline_kib": baseline,
        "peak_kib": peak,
        "import_s": import_s,
    }


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:4])))
