"""Where a store on a server is named on a PC: its URL, or a small link file (JSON holding the
URL) lying where a store file would, so that the program's folders, tries and backups keep their
places. Apart from server.py, which loads the PostgreSQL driver: the data folder is examined at
every start, before any driver is needed."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..files import written_whole

LINK_FORMAT = "childcare-server-1"
SCHEMES = ("postgresql", "postgres")
_LINK_MAX = 4096


def is_server(location: str | os.PathLike) -> bool:
    """True for a server's URL (postgresql://…)."""
    return str(location).split(":", 1)[0].split("+", 1)[0] in SCHEMES


def link_url(path: Path) -> str | None:
    """The URL a link file names, or None when `path` is not a link file."""
    try:
        if path.stat().st_size > _LINK_MAX:
            return None
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if isinstance(data, dict) and data.get("format") == LINK_FORMAT:
        url = data.get("url")
        return url if isinstance(url, str) and is_server(url) else None
    return None


def write_link(path: Path, url: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with written_whole(path) as part:
        part.write_text(json.dumps({"format": LINK_FORMAT, "url": url}, indent=1), "utf-8")
