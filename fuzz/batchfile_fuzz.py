"""Coverage-guided fuzzing of the batch file reader with atheris: `make fuzz` (Linux).

The first byte picks the target: the raw file as a receiver gets it, or a file sealed and signed
by a trusted sender whose envelope body is the fuzzer's bytes (so the fuzzer reaches the parser
behind every signature). Only the project's typed error (SyncError) may come out; any other
exception, a crash or a hang is a finding, and libFuzzer keeps the input that caused it.

    python -m fuzz.batchfile_fuzz [libFuzzer options, e.g. -max_total_time=60 corpus/]
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from childcare_desktop.core.sync import batchfile, changeset, envelope  # noqa: F401
    from childcare_desktop.core.sync.errors import SyncError

from tests.core.sync.keyring import hostile_file, new_key, parse, sample_file

SENDER, RECEIVER = new_key(), new_key()
COUNT_NAMES = ("changes", "carried", "certificates")


def one_input(data: bytes) -> None:
    if not data:
        return
    target, rest = data[0], data[1:]
    if target % 2:
        fuzzed = rest
    else:
        counts = {name: rest[i] % 4 for i, name in enumerate(COUNT_NAMES) if i < len(rest)}
        fuzzed = hostile_file(SENDER, RECEIVER, rest[len(COUNT_NAMES) :], counts)
    with contextlib.suppress(SyncError):
        parse(fuzzed, SENDER, RECEIVER)


def seed_corpus() -> str:
    """A corpus folder holding a valid file (raw target), for a run given none."""
    folder = Path(tempfile.mkdtemp(prefix="batchfile-corpus-"))
    (folder / "valid").write_bytes(b"\x01" + sample_file(SENDER, RECEIVER, changes=2))
    (folder / "body").write_bytes(b"\x00\x01\x00\x00" + b'{"changes": []}')
    return str(folder)


def main(argv: list[str]) -> None:
    if not any(not a.startswith("-") for a in argv[1:]):
        argv = [*argv, seed_corpus()]
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
