"""Pictures of the program made by the program itself, for the README: list, child's file, set-up.

`python -m childcare_desktop.ui.screenshots OUTDIR` builds a demo station in a temporary folder,
drives the real windows and saves main.png, child.png and setup.png.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ..core.paths import store_path
from ..core.services.demo import fill_demo
from ..core.services.station import init_station
from .app import build_app

DEMO_PASSPHRASE = "demo passphrase"
DEMO_VILLAGE = ("441481103201", "新陂村", "李秀英")


def save_screenshots(out_dir: Path | str, children: int = 40, seed: int = 7) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        saved = [_setup(data, out / "setup.png")]
        store, _ = init_station(store_path(data), DEMO_PASSPHRASE, "village", *DEMO_VILLAGE)
        fill_demo(store, children, seed)
        store.close()
        saved += _main_and_child(data, out / "main.png", out / "child.png")
    return saved


def _setup(data: Path, path: Path) -> Path:
    controller = build_app(data)
    page = controller.wizard.station_page
    code, name, officer = DEMO_VILLAGE
    page.division.setText(code[:10])  # two digits short: the picture shows the message
    page.station_name.setText(name)
    page.officer.setText(officer)
    controller.wizard.next()
    _settle()
    controller.wizard.grab().save(str(path))
    controller.shutdown()
    return path


def _main_and_child(data: Path, main_path: Path, child_path: Path) -> list[Path]:
    controller = build_app(data)
    controller.unlock.passphrase.setText(DEMO_PASSPHRASE)
    controller.unlock.try_open()
    _wait_for(lambda: controller.window is not None)
    window = controller.window
    _wait_for(lambda: window.view.model.rowCount() > 0)
    _settle()
    window.grab().save(str(main_path))
    window.open_child(_child_with_family(window))
    form = window.form
    born = form.basic.birth_date.value()
    form.basic.birth_date.setText(born.replace(day=28 if born.day != 28 else 27).isoformat())
    form.save()  # refused: the birth date no longer agrees with the ID number
    _settle()
    form.grab().save(str(child_path))
    controller.shutdown()
    return [main_path, child_path]


def _child_with_family(window) -> str:
    """A child whose file has an ID number and several family members, for a full picture."""
    for uuid in window.view.model.uuids():
        child = window.children.get(uuid)
        if child.id_number and len(child.members) >= 2 and child.categories:
            return uuid
    return window.view.model.uuids()[0]


def _wait_for(ready: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not become ready")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def _settle() -> None:
    for _ in range(20):
        QCoreApplication.processEvents()
        time.sleep(0.005)


if __name__ == "__main__":
    for saved in save_screenshots(sys.argv[1] if len(sys.argv) > 1 else "screenshots"):
        print(saved)
