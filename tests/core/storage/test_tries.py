"""The wait after wrong passphrases and recovery codes is kept beside the store: it outlives the
program, counts every way a secret is tried, is bounded against a clock set backwards, and a
right passphrase ends it."""

from __future__ import annotations

import pytest

from childcare_desktop.core.errors import StoreError
from childcare_desktop.core.paths import tries_path
from childcare_desktop.core.services import safety
from childcare_desktop.core.storage import keyfile, tries
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE

YEAR = 365 * 24 * 3600.0

pytestmark = pytest.mark.sqlite_only("wrong passphrases counted against the key file")


class Clock:
    """The machine's wall clock, moved by the test as an officer could move it."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(1_800_000_000.0)
    monkeypatch.setattr(tries, "wall_clock", clock)
    monkeypatch.setattr(tries, "FIRST_WAIT_MS", 1000)
    return clock


def refused(store_path, passphrase: str) -> StoreError:
    with pytest.raises(StoreError) as error:
        Store.open(store_path, passphrase).close()
    return error.value


def test_the_wait_outlives_the_program_and_the_right_passphrase_ends_it(store, store_path, clock):
    store.close()
    wrong = refused(store_path, "not the passphrase")
    assert (wrong.code, wrong.params["wait_ms"], wrong.params["seconds"]) == (
        "wrong_passphrase", "1000", "1",
    )  # fmt: skip
    assert tries_path(store_path).exists()
    # A new start: nothing of the first one is left but the data folder.
    waiting = refused(store_path, PASSPHRASE)
    assert (waiting.code, waiting.params["seconds"]) == ("passphrase_wait", "1")
    clock.now += 0.5
    assert tries.left_ms(store_path) == 500
    clock.now += 0.5
    Store.open(store_path, PASSPHRASE).close()
    assert not tries_path(store_path).exists()
    assert refused(store_path, "wrong again").params["wait_ms"] == "1000"  # counted from one again


def test_each_wrong_try_doubles_the_wait_up_to_a_minute(store, store_path, clock):
    store.close()
    waits = []
    for _ in range(9):
        waits.append(int(refused(store_path, "not the passphrase").params["wait_ms"]))
        clock.now += waits[-1] / 1000
    assert waits == [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]
    assert tries.load(store_path).failures == 9


def test_a_clock_set_backwards_makes_the_wait_start_again_not_last(store, store_path, clock):
    store.close()
    for _ in range(3):
        refused(store_path, "not the passphrase")
        clock.now += 10
    refused(store_path, "not the passphrase")  # the fourth: 8 s
    clock.now -= YEAR
    assert tries.left_ms(store_path) == 8000  # not a year and 8 seconds
    clock.now += 4
    assert refused(store_path, PASSPHRASE).params["seconds"] == "4"
    clock.now += 4
    Store.open(store_path, PASSPHRASE).close()


def test_the_lock_screen_the_recovery_code_and_a_change_share_the_wait(
    store, store_path, clock, data_dir
):
    store.close()
    recovery_wrong = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF"
    with pytest.raises(StoreError) as error:
        safety.reset_passphrase_with_recovery(store_path, recovery_wrong, "a new passphrase")
    assert error.value.code == "wrong_recovery_code" and error.value.params["wait_ms"] == "1000"
    with pytest.raises(StoreError) as error:
        safety.check_passphrase(store_path, PASSPHRASE)  # the lock screen, right but too soon
    assert error.value.code == "passphrase_wait"
    clock.now += 1
    with pytest.raises(StoreError) as error:
        safety.change_passphrase(store_path, "not the old one", "a new passphrase")
    assert error.value.params["wait_ms"] == "2000"  # the second failure of the same count
    with pytest.raises(StoreError) as error:
        safety.reset_passphrase_with_recovery(store_path, recovery_wrong, "a new passphrase")
    assert error.value.code == "passphrase_wait"
    clock.now += 2
    safety.check_passphrase(store_path, PASSPHRASE)
    assert not tries_path(store_path).exists()


def test_a_missing_key_file_is_not_a_wrong_try(store, store_path, clock):
    store.close()
    key = keyfile.key_path(store_path)
    key.rename(key.with_name("elsewhere"))
    assert refused(store_path, "not the passphrase").code == "no_key_file"
    assert not tries_path(store_path).exists()
