"""Run by test_report_preview in a child process: a village store with a few children, a child's
file made and shown in the preview as the 一人一档 action does; then `shown` is printed and the
process waits to be killed, or (`close`) closes it and a preview never shown, and exits."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from childcare_desktop.core.services.children import ChildQuery, Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.services.station import init_station
from childcare_desktop.ui.dialogs.report_preview import ReportPreview, make_and_preview
from childcare_desktop.ui.tasks import Tasks
from tests.conftest import PASSPHRASE, TEST_KDF, VILLAGE


def main(mode: str, data: Path) -> list[ReportPreview]:
    store, _ = init_station(
        data / "store.db", PASSPHRASE, "village", VILLAGE, "新陂村", "李主任", kdf=TEST_KDF
    )
    fill_demo(store, 3, seed=9)
    uuid = Children(store).find(ChildQuery())[0]
    app = QApplication(sys.argv[:1])
    parent = QWidget()
    tasks = Tasks(parent)
    make_and_preview(parent, tasks, "一人一档", lambda out: Reports(store).child_file(uuid, out))
    while not (found := parent.findChildren(ReportPreview)) or 0 not in found[0].drawn_pages():
        app.processEvents()
        time.sleep(0.01)
    print("shown", flush=True)
    if mode == "close":
        never_shown = ReportPreview(found[0].pdf, "一人一档", parent)
        for preview in (found[0], never_shown):
            preview.close()
        tasks.wait()
        store.close()
        return [found[0], never_shown]
    while True:
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    # Kept until the exit, as the main window keeps its dialogs: what they left open shows then.
    previews = main(sys.argv[1], Path(sys.argv[2]))
