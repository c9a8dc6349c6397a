"""Pictures of the program made by the program itself, for the README.

`python -m childcare_desktop.ui.screenshots OUTDIR` builds a demo station in a temporary folder,
drives the real windows and saves setup.png, main.png, today.png, agenda.png, visit.png and
child.png.
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
        saved += _main_and_child(data, out)
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


def _main_and_child(data: Path, out: Path) -> list[Path]:
    controller = build_app(data)
    controller.unlock.passphrase.setText(DEMO_PASSPHRASE)
    controller.unlock.try_open()
    _wait_for(lambda: controller.window is not None)
    window = controller.window
    _wait_for(lambda: window.view.model.rowCount() > 0)
    window.tabs.setCurrentWidget(window.view)
    _settle()
    main_path, child_path = out / "main.png", out / "child.png"
    window.grab().save(str(main_path))
    saved = [main_path, *_tabs(window, out)]
    window.tabs.setCurrentWidget(window.view)
    window.open_child(_child_with_family(window))
    _wait_for(lambda: window.form is not None)
    form = window.form
    born = form.basic.birth_date.value()
    form.basic.birth_date.setText(born.replace(day=28 if born.day != 28 else 27).isoformat())
    form.save()  # refused: the birth date no longer agrees with the ID number
    _settle()
    form.grab().save(str(child_path))
    controller.shutdown()
    return [*saved, child_path]


def _tabs(window, out: Path) -> list[Path]:
    """Today and the agenda as the officer opens them, and the visit form over the list."""
    paths = []
    for view, name in ((window.today, "today.png"), (window.agenda, "agenda.png")):
        window.tabs.setCurrentWidget(view)
        view.refresh()
        _settle(60)
        window.grab().save(str(out / name))
        paths.append(out / name)
    window.tabs.setCurrentWidget(window.view)
    window.view.table.selectRow(0)
    _settle()
    window.care_actions.log_visit()
    _settle()
    form = next(d for d in window._open_dialogs if d.isVisible())
    form.grab().save(str(out / "visit.png"))
    form.reject()
    _settle()
    paths.append(out / "visit.png")
    return paths


def _child_with_family(window) -> str:
    """A child whose file has an ID number and several family members, for a full picture."""
    model = window.view.model
    uuids = [model.row_record(i).uuid for i in range(model.rowCount())]
    for uuid in uuids:
        child = window.children.get(uuid)
        if child.id_number and len(child.members) >= 2 and child.categories:
            return uuid
    return uuids[0]


def _wait_for(ready: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not become ready")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def _settle(rounds: int = 20) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents()
        time.sleep(0.005)


if __name__ == "__main__":
    for saved in save_screenshots(sys.argv[1] if len(sys.argv) > 1 else "screenshots"):
        print(saved)
