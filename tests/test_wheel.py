"""The program as installed from its wheel, not the editable checkout: every package is shipped
(each module imports; the programs and migrations run rather than import),
the installed `childcare` makes a store (migrations and resources found in the wheel), and the
installed window opens on it: the passphrase prompt, then the main window once unlocked."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

from childcare_desktop import __version__

ROOT = Path(__file__).resolve().parent.parent
MAPPED = {"childcare_desktop.resources": "resources", "childcare_desktop.migrations": "migrations"}


def found_packages() -> set[str]:
    """Every folder with an __init__.py under src/ and the two folders mapped into the package."""
    packages = {
        ".".join(init.parent.relative_to(ROOT / "src").parts)
        for init in (ROOT / "src").rglob("__init__.py")
    }
    for name, folder in MAPPED.items():
        packages |= {
            ".".join((name, *init.parent.relative_to(ROOT / folder).parts))
            for init in (ROOT / folder).rglob("__init__.py")
        }
    return packages


def shipped_packages(wheel: Path) -> set[str]:
    """The packages inside the wheel: its folders with an __init__.py."""
    with zipfile.ZipFile(wheel) as archive:
        return {
            name.removesuffix("/__init__.py").replace("/", ".")
            for name in archive.namelist()
            if name.endswith("/__init__.py")
        }


def test_the_installed_wheel_imports_every_module_and_makes_a_store(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
         "--wheel-dir", str(tmp_path / "dist"), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    # The version the wheel carries is the package's own (pyproject reads it from there).
    (wheel,) = (tmp_path / "dist").glob(f"childcare_desktop-{__version__}-*.whl")
    # setup.py finds the packages: one added to the source is shipped without a list to edit.
    assert shipped_packages(wheel) == found_packages()
    target = tmp_path / "venv"
    venv.create(target, with_pip=False)
    python = target / "bin" / "python"
    # The dependencies come from this environment; the program only from the wheel.
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    (Path(site) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "--quiet", str(wheel)],
        check=True, capture_output=True,
    )  # fmt: skip
    env = {**os.environ, "CHILDCARE_PASSPHRASE": "一二三四五六七八九十", "PYTHONPATH": ""}
    check = (
        "import importlib, pkgutil, childcare_desktop as p\n"
        "assert 'site-packages' in p.__file__, p.__file__\n"
        "for m in pkgutil.walk_packages(p.__path__, 'childcare_desktop.'):\n"
        "    if not m.name.endswith('__main__') and '.migrations' not in m.name:\n"
        "        importlib.import_module(m.name)\n"
    )
    subprocess.run([python, "-c", check], check=True, cwd=tmp_path, env=env, timeout=120)
    data = tmp_path / "data"
    store = data / "store.db"
    made = subprocess.run(
        [target / "bin" / "childcare", "--data-dir", str(data), "init",
         "--role", "village", "--division", "441481103201",
         "--name", "新陂村", "--officer", "李主任", "--json"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert store.stat().st_size > 0
    env["QT_QPA_PLATFORM"] = "offscreen"
    shown = subprocess.run(
        [target / "bin" / "childcare-desktop", "--data-dir", str(data), "--quit-when-shown"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert (shown.returncode, shown.stdout.split()) == (0, ["UnlockDialog"]), shown.stderr
    unlocked = subprocess.run(
        [python, "-c", UNLOCK_AND_SHOW, str(data), env["CHILDCARE_PASSPHRASE"]],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert unlocked.stdout.split() == ["MainWindow", "True"], unlocked.stderr


# The passphrase typed into the installed program's prompt, until its main window is painted.
UNLOCK_AND_SHOW = """
import sys, time
from childcare_desktop.ui.app import build_app
controller = build_app(sys.argv[1])
controller.unlock.passphrase.setText(sys.argv[2])
controller.unlock.try_open()
give_up = time.monotonic() + 60
while controller.window is None and time.monotonic() < give_up:
    controller.app.processEvents()
    time.sleep(0.01)
controller.window.grab()
print(type(controller.window).__name__, controller.window.isVisible())
controller.shutdown()
"""
