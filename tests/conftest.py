"""Shared fixtures: every test gets its own data folder and, where it asks, its own store."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import keyfile, tries

# The tests' PostgreSQL server: the fixtures pg_server, pg_url and backend.
pytest_plugins = ["tests.pg"]

from tests.pg import POSTGRESQL  # noqa: E402

PASSPHRASE = "correct horse battery"
VILLAGE = "441481103201"
# A cheap key derivation so that tests open many stores quickly; the real cost is benchmarked.
TEST_KDF = keyfile.KdfParams(time_cost=1, memory_kib=8192, parallelism=1)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data"
    home.mkdir()
    monkeypatch.setenv("CHILDCARE_HOME", str(home))
    monkeypatch.setenv("CHILDCARE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(keyfile, "DEFAULT_KDF", TEST_KDF)
    # A wrong passphrase makes no wait unless the test is about the wait.
    monkeypatch.setattr(tries, "FIRST_WAIT_MS", 0)
    return home


@pytest.fixture
def store_path(data_dir: Path) -> Path:
    return data_dir / "store.db"


@pytest.fixture
def store(store_path: Path, backend: str, request: pytest.FixtureRequest):
    """A village's store, on each back end (tests/pg.py): the SQLite file, or a database on the
    tests' PostgreSQL server with its link file at `store_path`."""
    server = request.getfixturevalue("pg_url") if backend == POSTGRESQL else None
    store, _ = init_station(
        store_path, PASSPHRASE, "village", VILLAGE, "新陂村", "李主任", server=server
    )
    yield store
    store.close()


@pytest.fixture
def today() -> date:
    return date.today()
