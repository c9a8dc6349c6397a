"""Where the data folder is: --data-dir, then CHILDCARE_HOME, then a portable program's own
folder (a marker file beside the executable), then the user's data folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from childcare_desktop.core import paths


@pytest.fixture
def frozen_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A frozen program's folder, as a USB stick holds it (the executable and its files)."""
    folder = tmp_path / "stick" / "childcare-desktop"
    folder.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "childcare-desktop.exe"))
    monkeypatch.delenv(paths.ENV_HOME)
    return folder


def test_a_portable_program_keeps_its_data_beside_itself(frozen_program: Path):
    (frozen_program / paths.PORTABLE_MARKER).write_text("", "utf-8")
    assert paths.data_dir() == frozen_program / "data"
    assert (frozen_program / "data").is_dir()


def test_without_the_marker_the_data_is_in_the_users_folder(frozen_program: Path, monkeypatch):
    monkeypatch.setattr(paths, "user_data_dir", lambda *_: str(frozen_program.parent / "home"))
    assert paths.data_dir() == frozen_program.parent / "home"
    assert not (frozen_program / "data").exists()


def test_the_data_dir_option_and_the_variable_win_over_the_marker(frozen_program, monkeypatch):
    (frozen_program / paths.PORTABLE_MARKER).write_text("", "utf-8")
    assert paths.data_dir(frozen_program.parent / "chosen") == frozen_program.parent / "chosen"
    monkeypatch.setenv(paths.ENV_HOME, str(frozen_program.parent / "set"))
    assert paths.data_dir() == frozen_program.parent / "set"


def test_a_source_run_ignores_a_marker_beside_the_python_interpreter(tmp_path, monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    (tmp_path / "portable.txt").write_text("", "utf-8")
    monkeypatch.delenv(paths.ENV_HOME)
    monkeypatch.setattr(paths, "user_data_dir", lambda *_: str(tmp_path / "home"))
    assert paths.data_dir() == tmp_path / "home"
