"""Run in a fresh process by bench_startup: start a window, say when it is usable, then measure.

`empty`: a bare PySide6 main window (the baseline). `app DATA_DIR`: the program on a store of
100,000 children: its first window (the passphrase prompt, painted), then unlocked as a person
would (the passphrase typed into it) until the list shows its first rows; then type-ahead
searches, one keystroke at a time.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

KEYSTROKES = ("z", "zh", "zha", "zhan", "zhang", "zhangx", "张", "4414", "li", "wxm")


def wait_until(app, condition, limit_s: float = 120.0) -> None:
    deadline = time.perf_counter() + limit_s
    while not condition():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not become usable")
        time.sleep(0.001)


def empty() -> dict:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 800)
    window.show()
    window.grab()
    app.processEvents()
    return {"ready": time.time()}


def program(data_dir: str, passphrase: str) -> dict:
    from childcare_desktop.ui.app import build_app

    controller = build_app(data_dir)
    app = controller.app
    controller.unlock.grab()  # the first window, painted and taking the passphrase
    app.processEvents()
    first_window = time.time()
    controller.unlock.passphrase.setText(passphrase)
    unlock_started = time.perf_counter()
    controller.unlock.try_open()
    wait_until(app, lambda: controller.window is not None)
    view = controller.window.view
    wait_until(app, lambda: view.model.rowCount() > 0)
    view.window().tabs.setCurrentWidget(view)
    controller.window.grab()  # the first paint of the list
    app.processEvents()
    unlock_to_list = time.perf_counter() - unlock_started
    # The checks after unlocking (both integrity checks, the day's backup) run in the background
    # for a while on a store this size; the keystrokes are timed once they are done, as an
    # officer types in a program at rest.
    controller.tasks.wait()
    app.processEvents()
    per_key = []
    for text in KEYSTROKES:
        done: list[int] = []
        view.searched.connect(lambda d=done: d.append(1))
        start = time.perf_counter()
        view.search.setText(text)
        view.refresh()
        wait_until(app, lambda done=done: done)
        view.table.viewport().grab()
        per_key.append((time.perf_counter() - start) * 1000)
        view.searched.disconnect()
    rows = view.model.rowCount()
    controller.shutdown()
    return {
        "ready": first_window,
        "unlock_to_list_s": unlock_to_list,
        "search_ms": per_key,
        "rows_after_last": rows,
    }


def peak_rss_mb() -> float:
    """This program's peak resident memory. Linux's VmHWM starts afresh at exec; ru_maxrss
    would carry the benchmark parent's own peak over into this child process."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    mode = sys.argv[1]
    result = empty() if mode == "empty" else program(sys.argv[2], sys.argv[3])
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
