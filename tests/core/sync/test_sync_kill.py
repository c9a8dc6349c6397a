"""A process killed (SIGKILL) while importing leaves the store whole: the batch in or out."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from childcare_desktop.core.services import sync
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE

from .stations import TOWN, VILLAGE, enroll, station

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"),
]

IMPORTER = """
import sys
from pathlib import Path
from childcare_desktop.core.services import sync
from childcare_desktop.core.storage.store import Store
store = Store.open(Path(sys.argv[1]), sys.argv[2])
print("ready", flush=True)
sync.import_files(store, [Path(sys.argv[3])])
print("done", flush=True)
"""


def counts(path) -> tuple[int, int, int]:
    store = Store.open(path, PASSPHRASE)
    try:
        assert store.integrity() == ("ok", "ok")
        with store.read() as conn:
            return (
                conn.execute(select(func.count()).select_from(t.child)).scalar(),
                conn.execute(select(func.count()).select_from(t.change)).scalar(),
                conn.execute(
                    select(func.count())
                    .select_from(t.sync_batch)
                    .where(t.sync_batch.c.status == "applied")
                ).scalar(),
            )
    finally:
        store.close()


def test_killed_import_leaves_batch_whole_or_absent(tmp_path):
    town = station(tmp_path, "town", TOWN, "宁新镇")
    village = station(tmp_path, "village", VILLAGE, "新陂村")
    enroll(town, village, tmp_path)
    fill_demo(village, 300, seed=2)
    batch = tmp_path / "big.ccsync"
    exported = sync.export(village, batch)
    village.close()
    town.close()
    pristine = tmp_path / "pristine.db"
    pristine.write_bytes(town.path.read_bytes())
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    outcomes = set()
    for delay in (0.0, 0.2, 0.5, 0.9, 1.5, 30.0):
        town.path.write_bytes(pristine.read_bytes())
        for leftover in tmp_path.glob(f"{town.path.name}-*"):
            leftover.unlink()
        child = subprocess.Popen(
            [sys.executable, "-c", IMPORTER, str(town.path), PASSPHRASE, str(batch)],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        if delay < 30:
            child.send_signal(signal.SIGKILL)
        child.wait(timeout=120)
        children, changes, applied = counts(town.path)
        assert (children, changes, applied) in {(0, 0, 0), (300, exported.changes, 1)}
        outcomes.add(applied)
    assert outcomes == {0, 1}
