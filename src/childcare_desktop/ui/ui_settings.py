"""The window settings kept outside the store (language, font size, idle lock), read before
unlocking."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

LANGUAGES = ("zh", "en")
FONT_SIZES = range(10, 21)
IDLE_MINUTES = range(1, 121)


@dataclass(frozen=True)
class UiSettings:
    language: str = "zh"
    # Officers read small text badly: the default is larger than the platform's 9–10 pt.
    font_size: int = 12
    # Minutes without input before every window hides its records and asks for the passphrase.
    idle_minutes: int = 10


def load(path: Path) -> UiSettings:
    """The saved settings; anything missing or unreadable falls back to the default."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return UiSettings()
    if not isinstance(data, dict):
        return UiSettings()
    settings = UiSettings()
    if data.get("language") in LANGUAGES:
        settings = replace(settings, language=data["language"])
    if isinstance(data.get("font_size"), int) and data["font_size"] in FONT_SIZES:
        settings = replace(settings, font_size=data["font_size"])
    if isinstance(data.get("idle_minutes"), int) and data["idle_minutes"] in IDLE_MINUTES:
        settings = replace(settings, idle_minutes=data["idle_minutes"])
    return settings


def save(path: Path, settings: UiSettings) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=1), "utf-8")
    os.replace(tmp, path)
