"""Finding a CJK font that also covers Latin letters and digits, for the screen and for PDFs.

The system's own font first (Microsoft YaHei or SimSun on Windows, PingFang on macOS), then one
found through fontconfig elsewhere. Fonts are never shipped in the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

_WINDOWS = (
    ("msyh.ttc", "Microsoft YaHei"),
    ("msyh.ttf", "Microsoft YaHei"),
    ("simsun.ttc", "SimSun"),
    ("simhei.ttf", "SimHei"),
)
_MAC = ("/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/STHeiti Light.ttc")
# Families known to cover CJK together with Latin letters and digits, best first.
_PREFERRED = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "AR PL UMing CN",
    "Droid Sans Fallback",
)
SAMPLE = "张小明 儿童主任 0123456789 ABCxyz"


@dataclass(frozen=True)
class FontFile:
    path: Path
    family: str
    index: int = 0  # face index inside a .ttc collection


def find_cjk_font() -> FontFile | None:
    """A font file that renders Chinese, Latin and digits, or None (the caller says so)."""
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        for name, family in _WINDOWS:
            if (windir / name).exists():
                return FontFile(windir / name, family)
    if sys.platform == "darwin":
        for path in _MAC:
            if Path(path).exists():
                return FontFile(Path(path), Path(path).stem)
    return _fontconfig()


def _fontconfig() -> FontFile | None:
    if not shutil.which("fc-list"):
        return None
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "file", "family", "index"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    found: list[FontFile] = []
    for line in out.splitlines():
        fields = dict(_fields(line))
        path = Path(fields.get("file", ""))
        if path.suffix.lower() not in (".ttf", ".ttc", ".otf") or not path.exists():
            continue
        family = fields.get("family", "").split(",")[0]
        found.append(FontFile(path, family, int(fields.get("index", "0") or 0)))
    if not found:
        return None
    rank = {name: i for i, name in enumerate(_PREFERRED)}
    return min(found, key=lambda f: (rank.get(f.family, len(rank)), str(f.path), f.index))


def _fields(line: str):
    # fc-list prints "path: family:index=0" style; ask for file/family/index explicitly.
    head, _, rest = line.partition(": ")
    yield "file", head
    for part in rest.split(":"):
        key, sep, value = part.partition("=")
        if sep:
            yield key.strip(), value.strip()
        elif part.strip():
            yield "family", part.strip()
