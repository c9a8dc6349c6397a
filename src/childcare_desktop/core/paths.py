"""Where the program keeps its files: one place, overridable by --data-dir or CHILDCARE_HOME.

A frozen program with `portable.txt` beside its executable keeps its data in `data/` beside
itself, so a folder on a USB stick carries the program and its store from laptop to laptop.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

ENV_HOME = "CHILDCARE_HOME"
PORTABLE_MARKER = "portable.txt"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    chosen = (
        override
        or os.environ.get(ENV_HOME)
        or portable_data_dir()
        or user_data_dir("childcare-desktop", False)
    )
    path = Path(chosen).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def portable_data_dir() -> Path | None:
    """`data/` beside a frozen program that has the marker file beside its executable."""
    if not getattr(sys, "frozen", False):  # a source run's executable is Python's own
        return None
    program = Path(sys.executable).parent
    return program / "data" if (program / PORTABLE_MARKER).is_file() else None


def store_path(data: Path) -> Path:
    return data / "store.db"


def key_path(store: Path) -> Path:
    """The store's key file lies beside it: `store.db` → `store.db.key`."""
    return store.with_name(store.name + ".key")


def tries_path(store: Path) -> Path:
    """The count of wrong passphrases, beside the store: `store.db` → `store.db.tries`."""
    return store.with_name(store.name + ".tries")


def store_exists(store: Path) -> bool:
    return store.exists() and key_path(store).exists()


def backups_dir(store: Path) -> Path:
    path = store.parent / "backups"
    # Not its parents: a store's folder gone with its USB stick is not made again where the
    # stick was mounted, for backups and exports to land there unseen.
    path.mkdir(exist_ok=True)
    return path


def ui_settings_path(data: Path) -> Path:
    """Language and font size: read before the store is unlocked, so kept outside it."""
    return data / "settings.json"


def log_path(data: Path) -> Path:
    """The program's log of unexpected errors, beside the store (it holds no personal data)."""
    return data / "childcare.log"
