"""A file the program hands to a person (a roster, a report, an export) is written whole or not
at all: beside its place first, then moved in. A full or pulled-out USB stick thus leaves no
half-written file under the name of a whole one, to be carried to the town as if it were."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


@contextmanager
def written_whole(path: Path) -> Iterator[Path]:
    """Yields the path to write to; on leaving, the file is on disk and in place, or, when the
    writing failed, gone (the failure goes on to the caller)."""
    part = path.with_name(path.name + ".part")
    try:
        yield part
        with open(part, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(part, path)
    except BaseException:
        with suppress(OSError):  # the stick may be gone: there is then nothing left to remove
            part.unlink(missing_ok=True)
        raise
