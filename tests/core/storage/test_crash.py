"""A process killed (SIGKILL) in the middle of long writes, 20 times: the store still opens,
passes both integrity checks, and every transaction is whole or absent."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE

BATCH = 150
WRITER = f"""
import sys
from pathlib import Path
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.storage.store import Store
store = Store.open(Path(sys.argv[1]), sys.argv[2])
seed = int(sys.argv[3])
print("open", flush=True)
while True:
    seed += 1
    fill_demo(store, {BATCH}, seed=seed)
"""


def test_killed_writers_leave_whole_transactions_only(store, store_path):
    store.close()
    rng = random.Random(20261123)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3] / "src")}
    for round_number in range(20):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(store_path), PASSPHRASE, str(round_number * 1000)],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert writer.stdout.readline().strip() == b"open"
        time.sleep(rng.uniform(0.05, 1.2))
        writer.send_signal(signal.SIGKILL)
        writer.wait()

        reopened = Store.open(store_path, PASSPHRASE)
        assert reopened.integrity() == ("ok", "ok")
        with reopened.read() as conn:
            children = conn.execute(text("SELECT count(*) FROM child")).scalar()
            unlogged = conn.execute(
                text(
                    "SELECT count(*) FROM child WHERE uuid NOT IN "
                    "(SELECT entity_uuid FROM change WHERE entity = 'child')"
                )
            ).scalar()
            orphans = conn.execute(
                text("SELECT count(*) FROM member WHERE child_uuid NOT IN (SELECT uuid FROM child)")
            ).scalar()
        reopened.close()
        assert children % BATCH == 0, f"round {round_number}: a half transaction ({children})"
        assert unlogged == 0 and orphans == 0
    assert children > 0  # the writers did commit between the kills
