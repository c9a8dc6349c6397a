"""Running the real `childcare` command in a subprocess, as a script or an officer would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.child import Assistance, Child, FamilyMember
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE, VILLAGE
from tests.pg import SQLITE


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


@pytest.fixture
def sparse_child(village_db: str) -> str:
    """A child with little more than a name: no ID number, ethnicity or address, a father with
    no work place or phone, a disability without its grade, a detail marked still to complete,
    a category still held and an allowance with no amount or dates."""
    store = Store.open(Path(village_db), PASSPHRASE)
    try:
        child = Children(store).save(
            Child(
                name="赵小花",
                sex="female",
                birth_date=date(2015, 5, 1),
                village_code=VILLAGE,
                ethnicity="",
                no_id_reason="no_hukou",
                health="disabled",
                disability_type="视力",
                to_complete="father.situation",
                members=(FamilyMember("father", "赵大", situation="migrant"),),
                categories=(CategorySpan("left_behind", date(2024, 1, 1)),),
                assistance=(Assistance("dibao"),),
            )
        )
    finally:
        store.close()
    return child.uuid


@pytest.fixture
def backend() -> str:
    """The windows and the commands are tried on the SQLite store; the store's own tests and
    the services' run on both back ends."""
    return SQLITE
