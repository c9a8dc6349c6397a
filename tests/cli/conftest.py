"""Running the real `childcare` command in a subprocess, as a script or an officer would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def childcare(data_dir: Path):
    def run(*args: str, passphrase: str | None = PASSPHRASE, env: dict | None = None) -> Result:
        environment = {**os.environ, "CHILDCARE_HOME": str(data_dir), **(env or {})}
        environment.pop("CHILDCARE_PASSPHRASE", None)
        if passphrase is not None:
            environment["CHILDCARE_PASSPHRASE"] = passphrase
        done = subprocess.run(
            [sys.executable, "-m", "childcare_desktop.cli", *args],
            capture_output=True,
            text=True,
            env=environment,
            stdin=subprocess.DEVNULL,
            timeout=120,
            check=False,
        )
        return Result(done.returncode, done.stdout, done.stderr)

    return run


@pytest.fixture
def village_db(childcare, data_dir: Path) -> str:
    db = str(data_dir / "village.db")
    result = childcare(
        "init",
        "--db",
        db,
        "--role",
        "village",
        "--division",
        "441481103201",
        "--name",
        "新陂村",
        "--officer",
        "李主任",
    )
    assert result.code == 0, result.err
    return db
