"""Builds the .deb from the frozen folder: `python installer/linux/build_deb.py FROZEN ICONS OUT`.

The program goes to /opt/childcare-desktop, with `childcare` and `childcare-desktop` launchers in
/usr/bin, a menu entry and the icon. The package has no maintainer scripts: installing, upgrading
and removing it touch only its own files, never the officers' data in their home folders.

The folder carries every library but the C library, so the .deb asks for the C library of the
machine it was built on (glibc_needed): 2.36 when built on Debian 12. 统信 UOS 20 (glibc 2.28)
and 麒麟 Kylin V10 (glibc 2.31) need a build made on a glibc 2.28 base: `make dist` in a Debian
10 container with Python 3.11 built there, and wheels no newer than manylinux_2_28 (PySide6
6.11's is manylinux_2_34: pin a release whose wheel is not, or build PySide6 on that base).
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
NAME = "childcare-desktop"
PREFIX = Path("opt") / NAME
# What the frozen Qt needs from the system and cannot carry (the X11 platform plugin's libraries),
# after the C library the frozen binaries were linked against (glibc_needed); a Chinese font is
# recommended: without one the program says so at start.
DEPENDS = "libc6 (>= {glibc}), libxcb-icccm4, libxcb-keysyms1, libxkbcommon-x11-0, libegl1, libgl1"
RECOMMENDS = "fonts-wqy-microhei | fonts-noto-cjk | fonts-wqy-zenhei"
LAUNCHER = '#!/bin/sh\nexec /{prefix}/{program} "$@"\n'


def version() -> str:
    text = (ROOT / "src" / "childcare_desktop" / "__init__.py").read_text("utf-8")
    (line,) = (ln for ln in text.splitlines() if ln.startswith("__version__"))
    return line.split("=", 1)[1].strip().strip("\"'")


def glibc_needed(frozen: Path) -> str:
    """The newest C library version a binary of the frozen folder asks for: the folder carries
    every library but the C library, whose version is the build machine's (Debian 12: 2.36; a
    build on an older base, as UOS and Kylin need, asks for less)."""
    versions = set()
    for path in frozen.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as binary:
            if binary.read(4) != b"\x7fELF":
                continue
        symbols = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True)
        versions |= {(int(a), int(b)) for a, b in re.findall(r"GLIBC_(\d+)\.(\d+)", symbols.stdout)}
    major, minor = max(versions)
    return f"{major}.{minor}"


def control(size_kib: int, arch: str, glibc: str) -> str:
    return (
        f"Package: {NAME}\n"
        f"Version: {version()}\n"
        f"Architecture: {arch}\n"
        "Maintainer: childcare-desktop <childcare-desktop@users.noreply.github.com>\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {DEPENDS.format(glibc=glibc)}\n"
        f"Recommends: {RECOMMENDS}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: offline records for village children's directors (儿童关爱服务台账)\n"
        " One file per left-behind or distressed child, visits on schedule, mandatory\n"
        " reports, printed ledgers and signed, encrypted batch files for the town; the\n"
        " data is encrypted at rest and kept in each user's own data folder.\n"
    )


def write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    path.chmod(mode)


def tree(frozen: Path, icons: Path, root: Path) -> None:
    shutil.copytree(frozen, root / PREFIX, symlinks=True)
    for program in ("childcare", NAME):
        write(root / "usr" / "bin" / program, LAUNCHER.format(prefix=PREFIX, program=program),
              0o755)  # fmt: skip
    share = root / "usr" / "share"
    shutil.copy(HERE / f"{NAME}.desktop", (share / "applications").mkdir(parents=True) or
                share / "applications" / f"{NAME}.desktop")  # fmt: skip
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / f"{NAME}.svg", scalable / f"{NAME}.svg")
    for png in sorted(icons.glob(f"{NAME}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy(png, folder / f"{NAME}.png")
    for path in root.rglob("*"):  # dpkg wants no group- or other-writable files
        if not path.is_symlink():
            path.chmod(stat.S_IMODE(path.stat().st_mode) & ~0o022 | (0o755 if path.is_dir() else 0))


def build(frozen: Path, icons: Path, out: Path) -> Path:
    arch = subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True,
                          text=True).stdout.strip()  # fmt: skip
    root = out / f"{NAME}-deb"
    shutil.rmtree(root, ignore_errors=True)
    tree(frozen, icons, root)
    size = sum(p.lstat().st_size for p in root.rglob("*")) // 1024
    write(root / "DEBIAN" / "control", control(size, arch, glibc_needed(frozen)))
    deb = out / f"{NAME}_{version()}_{arch}.deb"
    # xz: the compression every dpkg reads (UOS and Kylin ship older ones than zstd needs).
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],
                   check=True, env={**os.environ, "SOURCE_DATE_EPOCH": "0"})  # fmt: skip
    shutil.rmtree(root)
    return deb


if __name__ == "__main__":
    frozen, icons, out = (Path(a) for a in sys.argv[1:4])
    print(build(frozen, icons, out))
