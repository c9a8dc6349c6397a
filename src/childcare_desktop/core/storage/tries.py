"""Wrong passphrases and recovery codes make the next try wait, across restarts of the program.

Guessing is slowed down on top of the key derivation: 1 s, 2 s, 4 s … at most a minute. The
count of failed tries and the moment the wait ends are kept in a small file beside the store,
since the store itself cannot be read before it is unlocked; a right passphrase or code removes
the file. The wait left is bounded by the wait itself: a clock set backwards cannot make it last
for ever (a clock set forwards is not defended against: whoever can change the clock can also
delete this file, and the key derivation's cost is what stands against a copied store).
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import StoreError
from ..files import written_whole
from ..paths import tries_path

FIRST_WAIT_MS = 1000
LONGEST_WAIT_MS = 60_000
WRONG = ("wrong_passphrase", "wrong_recovery_code")
wall_clock = time.time  # seconds since the epoch, as the machine's clock says


@dataclass(frozen=True)
class Tries:
    failures: int = 0
    until: float = 0.0  # seconds since the epoch, by the wall clock


def wait_ms(failures: int) -> int:
    doublings = min(failures, 32) - 1  # past the longest wait anyway; keeps the power small
    return min(FIRST_WAIT_MS * 2**doublings, LONGEST_WAIT_MS) if failures > 0 else 0


def load(store_path: Path) -> Tries:
    """The failed tries so far; none when there is no file or it cannot be read."""
    try:
        data = json.loads(tries_path(store_path).read_text("utf-8"))
        tries = Tries(int(data["failures"]), float(data["until"]))
    except (OSError, ValueError, KeyError, TypeError):
        return Tries()
    # A file altered by hand may say anything: a time past the year 5000 is no wait.
    return tries if tries.failures > 0 and 0 <= tries.until < 1e11 else Tries()


def left_ms(store_path: Path) -> int:
    """Milliseconds before the next try is taken (0: now)."""
    tries = load(store_path)
    now, wait = wall_clock(), wait_ms(tries.failures)
    left = math.ceil((tries.until - now) * 1000)
    if left > wait:
        # The clock was set back since the failure: the wait starts again from now, once, and
        # ends, instead of lasting until the clock is back where it was.
        _save(store_path, Tries(tries.failures, now + wait / 1000))
        return wait
    return max(0, left)


@contextmanager
def counted(store_path: Path) -> Iterator[None]:
    """Around one check of a passphrase or recovery code: refused with `passphrase_wait` while
    a wait runs; a wrong secret is counted and its error says the wait it started; a right one
    ends the count. Both errors carry `wait_ms` (for a face's timer) and `seconds`."""
    # A right secret typed during the wait is refused too: a guess cannot tell it is right.
    left = left_ms(store_path)
    if left:
        raise StoreError("passphrase_wait", wait_ms=left, seconds=_seconds(left))
    try:
        yield
    except StoreError as error:
        if error.code not in WRONG:
            raise
        wait = _record_failure(store_path)
        raise StoreError(error.code, wait_ms=wait, seconds=_seconds(wait)) from None
    _forget(store_path)


def _record_failure(store_path: Path) -> int:
    failures = load(store_path).failures + 1
    wait = wait_ms(failures)
    _save(store_path, Tries(failures, wall_clock() + wait / 1000))
    return wait


def _save(store_path: Path, tries: Tries) -> None:
    # A write-protected folder keeps no count; the wait of this run still holds.
    with suppress(OSError), written_whole(tries_path(store_path)) as part:
        part.write_text(json.dumps(asdict(tries)), "utf-8")


def _forget(store_path: Path) -> None:
    with suppress(OSError):  # as above: nothing was counted in a folder that cannot be written
        tries_path(store_path).unlink(missing_ok=True)


def _seconds(ms: int) -> int:
    return -(-ms // 1000)
