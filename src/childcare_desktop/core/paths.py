"""Where the program keeps its files: one place, overridable by --data-dir or CHILDCARE_HOME."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

ENV_HOME = "CHILDCARE_HOME"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    chosen = override or os.environ.get(ENV_HOME) or user_data_dir("childcare-desktop", False)
    path = Path(chosen).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def store_path(data: Path) -> Path:
    return data / "store.db"


def key_path(store: Path) -> Path:
    """The store's key file lies beside it: `store.db` → `store.db.key`."""
    return store.with_name(store.name + ".key")


def store_exists(store: Path) -> bool:
    return store.exists() and key_path(store).exists()


def backups_dir(store: Path) -> Path:
    path = store.parent / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def ui_settings_path(data: Path) -> Path:
    """Language and font size: read before the store is unlocked, so kept outside it."""
    return data / "settings.json"


def log_path(data: Path) -> Path:
    """The program's log of unexpected errors, beside the store (it holds no personal data)."""
    return data / "childcare.log"
