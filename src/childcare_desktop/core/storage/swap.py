"""Putting another store file and its key file in place of the store's, as one step.

A store and its key file open only together, and no file system swaps two files at once. So
the new pair is first copied beside the store (staged), then a marker says the staged pair is
complete, then the pair is moved in and the marker removed. A program stopped at any point
leaves, at the next open (`settle`): before the marker, the old pair (the staged copies are
removed); after it, the new pair (the moves are finished).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..paths import key_path


def _staged(store_path: Path) -> tuple[Path, Path]:
    suffix = ".restoring"
    return (
        store_path.with_name(store_path.name + suffix),
        key_path(store_path).with_name(key_path(store_path).name + suffix),
    )


def _marker(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".restore")


def stage(store_path: Path, source: Path, source_key: Path) -> None:
    """Copy the new pair beside the store, on disk before anything else happens."""
    for origin, copy in zip((source, source_key), _staged(store_path), strict=True):
        shutil.copyfile(origin, copy)
        _flush(copy)


def commit(store_path: Path) -> None:
    """From here the new pair wins: the marker is on disk before the first move."""
    marker = _marker(store_path)
    marker.write_bytes(b"")
    _flush(marker)
    _sync_folder(store_path.parent)
    _finish(store_path)


def discard(store_path: Path) -> None:
    """The staged copies of a restore that stopped before its marker: the old pair stays."""
    for copy in _staged(store_path):
        if copy.exists():  # asked first: a read-only folder refuses even to remove nothing
            copy.unlink()


def settle(store_path: Path) -> None:
    """Complete or roll back a swap a stopped program left; called before every open."""
    if _marker(store_path).exists():
        _finish(store_path)
    else:
        discard(store_path)


def _finish(store_path: Path) -> None:
    # The old store's write-ahead log goes first: replayed into the new file it would damage it.
    for suffix in ("-wal", "-shm"):
        Path(f"{store_path}{suffix}").unlink(missing_ok=True)
    staged_store, staged_key = _staged(store_path)
    for copy, target in ((staged_store, store_path), (staged_key, key_path(store_path))):
        if copy.exists():
            os.replace(copy, target)
    _sync_folder(store_path.parent)
    _marker(store_path).unlink()


def _flush(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _sync_folder(folder: Path) -> None:
    """The renames themselves on disk (POSIX; Windows commits a rename with the file)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
