"""Benchmark of the audit log's cost on everyday work: 1,000 saves of a child's file, each one
transaction with its audit entry, and the key file's anchor that follows the chain.

`python -m bench.bench_audit` prints a table; `run()` returns the rows. Each store is new and
lives in a temporary folder beside the cached stores (a village laptop filling its first files);
each figure is the best of three runs. The anchor is written as the program writes it (at most
once a second, and at close), beside the two ends it was chosen between: at every commit, and
only at close (the cost of the audit log alone, as before the anchor).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from datetime import date

from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import store as store_module

from .common import CHEAP_KDF, OUT, PASSPHRASE, print_table, row

SAVES = 1_000
REPEAT = 3
VILLAGE = "441481103201"


def _saves_seconds(anchor_every: float) -> float:
    OUT.mkdir(parents=True, exist_ok=True)
    folder = tempfile.mkdtemp(dir=OUT)
    shipped, store_module.ANCHOR_EVERY = store_module.ANCHOR_EVERY, anchor_every
    try:
        store, _ = init_station(
            OUT / folder / "audit.db",
            PASSPHRASE,
            "village",
            VILLAGE,
            "新陂村",
            "基准",
            kdf=CHEAP_KDF,
        )
        children = Children(store)
        start = time.perf_counter()
        for n in range(SAVES):
            children.save(
                Child(f"儿童{n}", "female", date(2015, 1, 1), VILLAGE, no_id_reason="no_hukou")
            )
        store.close()
        return time.perf_counter() - start
    finally:
        store_module.ANCHOR_EVERY = shipped
        shutil.rmtree(folder, ignore_errors=True)


def run() -> list[dict]:
    modes = {"shipped": store_module.ANCHOR_EVERY, "every commit": 0.0, "close only": float("inf")}
    best = {name: float("inf") for name in modes}
    for _ in range(REPEAT):  # interleaved, so a busy moment of the machine hits each alike
        for name, every in modes.items():
            best[name] = min(best[name], _saves_seconds(every))
    base = best["close only"]
    return [
        row(f"{SAVES} audited saves, anchor as shipped", best["shipped"], "s", base),
        row(f"{SAVES} audited saves, anchor at every commit", best["every commit"], "s", base),
        row(f"{SAVES} audited saves, anchor at close only", base, "s"),
    ]


if __name__ == "__main__":
    print_table("Audit log and its anchor", run())
