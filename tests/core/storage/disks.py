"""Real failing disks for the tests: a small tmpfs that fills up, a folder mounted read-only, and
a USB stick (an ext4 image on a loop device) pulled out while the store on it is open, its
folder gone or its blocks failing. Mounting needs root; a test that cannot mount is skipped and
says why."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here ({done.stderr.strip() or done.returncode}): needs root")


def _unmount(point: Path) -> None:
    subprocess.run(["umount", str(point)], capture_output=True, check=False)
    if point.is_mount():  # something of the test still holds it: it goes when that closes
        subprocess.run(["umount", "-l", str(point)], capture_output=True, check=False)


@contextmanager
def small_disk(point: Path, size: str = "8m") -> Iterator[Path]:
    """A tmpfs of `size` at `point`."""
    point.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point))
    try:
        yield point
    finally:
        _unmount(point)


def fill(folder: Path) -> Path:
    """Take every free byte of the disk holding `folder`; returns the file that holds them."""
    filler = folder / "filler.bin"
    chunk = b"\0" * 65536
    try:
        with open(filler, "wb") as fh:
            while True:
                fh.write(chunk)
                fh.flush()
    except OSError as error:
        assert error.errno == errno.ENOSPC, error
    assert shutil.disk_usage(folder).free < len(chunk)
    return filler


@contextmanager
def read_only_view(folder: Path, point: Path) -> Iterator[Path]:
    """`folder` seen read-only at `point` (a bind mount made read-only, as a write-protected
    stick is: root ignores file modes, not a read-only mount)."""
    point.mkdir(parents=True, exist_ok=True)
    _mount("--bind", str(folder), str(point))
    try:
        _mount("-o", "remount,bind,ro", str(point))
        yield point
    finally:
        _unmount(point)


class Stick:
    """A 32 MB ext4 image: `plug` mounts it at `point`, `pull` takes it away while files on it
    may still be open (as a stick pulled from the laptop), `wait_gone` until the system has let
    go of it, so that it can be plugged in again."""

    def __init__(self, image: Path, point: Path) -> None:
        self.image, self.point = image, point
        self.as_pulled = image.with_name(image.name + ".as-pulled")
        point.mkdir(parents=True, exist_ok=True)
        subprocess.run(["truncate", "-s", "32M", str(image)], check=True)
        subprocess.run(["mkfs.ext4", "-q", "-F", str(image)], check=True, capture_output=True)

    def plug(self) -> Path:
        _mount("-o", "loop", str(self.image), str(self.point))
        return self.point

    def pull(self) -> None:
        subprocess.run(["umount", "-l", str(self.point)], check=True)

    def wait_gone(self) -> None:
        # The loop device is freed once the last file open on the stick is closed.
        for _ in range(200):
            found = subprocess.run(
                ["losetup", "-j", str(self.image)], capture_output=True, text=True, check=False
            )
            if not found.stdout.strip():
                return
            time.sleep(0.05)
        raise AssertionError("the stick is still held by the system")

    def fail(self) -> None:
        """The stick stops answering while mounted (pulled out in the middle of the work): every
        read or write of its blocks fails. What it held at that moment is kept, to be plugged
        in again by `plug_as_pulled`."""
        os.sync()
        shutil.copyfile(self.image, self.as_pulled)
        device = subprocess.run(
            ["losetup", "-j", str(self.image)], capture_output=True, text=True, check=True
        ).stdout.split(":")[0]
        os.truncate(self.image, 0)
        subprocess.run(["losetup", "-c", device], check=True)  # its blocks are gone

    def plug_as_pulled(self) -> Path:
        self.pull()
        self.wait_gone()
        os.replace(self.as_pulled, self.image)
        return self.plug()

    def unplug_for_good(self) -> None:
        if self.point.is_mount():
            _unmount(self.point)
