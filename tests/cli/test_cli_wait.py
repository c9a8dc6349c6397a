"""The command waits like the window: wrong passphrases typed before, in another run or in the
program, hold every run of `childcare` until the wait is over."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from childcare_desktop.core.errors import StoreError
from childcare_desktop.core.storage import keyfile, tries


def test_a_wait_begun_before_holds_the_next_run(childcare, village_db, monkeypatch):
    clock = {"now": time.time() - 3600}
    monkeypatch.setattr(tries, "wall_clock", lambda: clock["now"])
    monkeypatch.setattr(tries, "FIRST_WAIT_MS", 1000)
    for _ in range(6):  # an hour ago: each wrong try sat out its wait
        with pytest.raises(StoreError):
            keyfile.unlock(Path(village_db), "not the passphrase")
        clock["now"] += 60
    clock["now"] = time.time()
    with pytest.raises(StoreError) as wrong:
        keyfile.unlock(Path(village_db), "not the passphrase")
    assert wrong.value.params["seconds"] == "60"  # the seventh: the longest wait

    held = childcare("children", "list", "--db", village_db)  # the right passphrase
    assert held.code == 1
    assert "请等" in held.err and "wait" in held.err and "Traceback" not in held.err
    assert tries.load(Path(village_db)).failures == 7
