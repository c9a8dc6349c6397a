"""The program as an officer gets it: `make dist` builds the frozen folder and the .deb; the .deb
is installed with apt, its `childcare` and `childcare-desktop` run with no Python of ours,
upgraded and removed, and the officer's data in the home folder is still there and opens.
The frozen folder with `portable.txt` beside it keeps its data beside itself."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from childcare_desktop import __version__
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage.store import Store

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "childcare-desktop"
PASSPHRASE = "村委会的笔记本电脑"
CHILDREN = 30
APT = {"DEBIAN_FRONTEND": "noninteractive"}


def _why_not() -> str | None:
    """Why this machine cannot install a .deb, or None when it can."""
    if not all(shutil.which(tool) for tool in ("dpkg", "dpkg-deb", "apt-get", "make")):
        return "not a Debian-like system: no dpkg, dpkg-deb, apt-get or make"
    if os.geteuid() != 0:
        return "installing a .deb needs root"
    if subprocess.run(["dpkg", "-s", PACKAGE], capture_output=True).returncode == 0:
        return f"{PACKAGE} is already installed on this machine; the test will not remove it"
    return None


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        ["make", "--no-print-directory", "dist", f"DIST={out}", f"DIST_WORK={out / 'work'}"],
        cwd=ROOT, check=True, capture_output=True, timeout=1200,
    )  # fmt: skip
    return out


def officer_env(home: Path) -> dict[str, str]:
    """An officer's session: their own home, no test variables, no Python of ours on the path."""
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "CHILDCARE_PASSPHRASE": PASSPHRASE,
    }


def run(args: list[str], env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, (args, done.stderr)
    return done.stdout


def apt(*args: str, cwd: Path) -> None:
    done = subprocess.run(["apt-get", *args], env={**os.environ, **APT}, cwd=cwd,
                          capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def upgraded(deb: Path, out: Path) -> Path:
    """The same program packaged as a later version, to upgrade to (gzip: it is quick)."""
    tree = out / "later"
    subprocess.run(["dpkg-deb", "--raw-extract", str(deb), str(tree)], check=True)
    control = tree / "DEBIAN" / "control"
    text = control.read_text("utf-8").replace(f"Version: {__version__}\n",
                                              f"Version: {__version__}+later\n")  # fmt: skip
    control.write_text(text, "utf-8")
    later = out / f"{PACKAGE}_later.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "--build", str(tree),
                    str(later)], check=True, capture_output=True)  # fmt: skip
    return later


def count_children(env: dict[str, str], cwd: Path) -> int:
    return len(json.loads(run(["childcare", "children", "list", "--json"], env, cwd)))


def test_the_deb_installs_runs_upgrades_and_leaves_the_data_when_removed(dist, tmp_path):
    if reason := _why_not():
        pytest.skip(reason)
    (deb,) = dist.glob(f"{PACKAGE}_{__version__}_*.deb")
    home = tmp_path / "home"
    home.mkdir()
    env = officer_env(home)
    data = home / ".local" / "share" / PACKAGE
    try:
        apt("install", "-y", f"./{deb.name}", cwd=dist)
        assert Path("/usr/share/applications/childcare-desktop.desktop").is_file()
        assert run(["childcare", "--version"], env, home).split() == ["childcare", __version__]
        run(["childcare", "init", "--role", "village", "--division", "441481103201",
             "--name", "新陂村", "--officer", "李梅"], env, home)  # fmt: skip
        run(["childcare", "demo", "--children", str(CHILDREN)], env, home)
        assert count_children(env, home) == CHILDREN
        assert (data / "store.db").is_file()
        run(["childcare", "report", "roster", "--out", str(home / "roster.pdf")], env, home)
        assert (home / "roster.pdf").read_bytes().startswith(b"%PDF")
        assert run(["childcare-desktop", "--quit-when-shown"], env, home).split() == [
            "UnlockDialog"
        ]
        apt("install", "-y", f"./{upgraded(deb, tmp_path).name}", cwd=tmp_path)
        assert count_children(env, home) == CHILDREN
    finally:
        apt("remove", "-y", PACKAGE, cwd=tmp_path)
    assert shutil.which("childcare", path=env["PATH"]) is None
    assert not Path("/opt/childcare-desktop").exists()
    store = Store.open(data / "store.db", PASSPHRASE)
    try:
        assert Children(store).count() == CHILDREN
    finally:
        store.close()


def test_the_frozen_folder_with_the_marker_keeps_its_data_beside_itself(dist, tmp_path):
    folder = tmp_path / "usb" / PACKAGE
    shutil.copytree(dist / PACKAGE, folder, symlinks=True)
    (folder / "portable.txt").write_text("", "utf-8")
    home = tmp_path / "home"
    home.mkdir()
    env = officer_env(home)
    run([str(folder / "childcare"), "init", "--role", "village", "--division", "441481103201",
         "--name", "新陂村", "--officer", "李梅"], env, tmp_path)  # fmt: skip
    assert (folder / "data" / "store.db").is_file()
    assert not (home / ".local").exists()
    shown = run([str(folder / "childcare-desktop"), "--quit-when-shown"], env, tmp_path)
    assert shown.split() == ["UnlockDialog"]


def _glibc(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def test_the_deb_asks_for_the_c_library_its_binaries_were_linked_against(dist):
    """The frozen folder carries every library but the C library: the .deb's libc6 dependency
    is the newest version any of its binaries asks for (read here with readelf), so a build on
    an older base (UOS, Kylin) asks for less, and this machine, which built it, has it."""
    if not shutil.which("readelf"):
        pytest.skip("no readelf (binutils) on this machine")
    (deb,) = dist.glob(f"{PACKAGE}_{__version__}_*.deb")
    depends = subprocess.run(["dpkg-deb", "--field", str(deb), "Depends"], check=True,
                             capture_output=True, text=True).stdout  # fmt: skip
    (asked,) = re.findall(r"libc6 \(>= ([\d.]+)\)", depends)
    needed = set()
    for path in (dist / PACKAGE).rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as binary:
            if binary.read(4) != b"\x7fELF":
                continue
        info = subprocess.run(["readelf", "--version-info", "--wide", str(path)],
                              capture_output=True, text=True).stdout  # fmt: skip
        needed |= {_glibc(v) for v in re.findall(r"Name: GLIBC_([\d.]+)", info)}
    assert _glibc(asked) == max(needed)
    assert max(needed) <= _glibc(os.confstr("CS_GNU_LIBC_VERSION").split()[1])
