"""`childcare-desktop --quit-when-shown`: the check an installation runs, the real first window
opened and painted, its name printed, then the program quits by itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def start(data: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CHILDCARE_HOME", None)
    return subprocess.run(
        [sys.executable, "-m", "childcare_desktop", "--data-dir", str(data), "--quit-when-shown"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


def test_a_new_data_folder_shows_the_set_up_wizard_and_quits(tmp_path):
    done = start(tmp_path / "new")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["SetupWizard"]


def test_a_station_shows_the_passphrase_prompt_and_quits(store, data_dir):
    store.close()
    done = start(data_dir)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["UnlockDialog"]


def test_a_store_that_cannot_be_opened_shows_why_and_quits(data_dir):
    (data_dir / "store.db").write_bytes(b"")
    done = start(data_dir)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["QMessageBox"]
