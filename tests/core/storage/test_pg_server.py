"""The tests' PostgreSQL server: each test that asks gets an empty database of its own, reached
over TLS, by a URL without the password; without a server those tests skip and say why."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from tests import pg

REPO = Path(__file__).resolve().parents[3]
SEEN: set[str] = set()


def test_the_database_is_reached_over_tls(pg_url: str) -> None:
    with psycopg.connect(pg_url, sslmode="require") as conn:
        row = conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
    assert row == (True,)


@pytest.mark.parametrize("turn", [1, 2])
def test_each_test_finds_an_empty_database_of_its_own(pg_url: str, turn: int) -> None:
    with psycopg.connect(pg_url) as conn:
        (name,) = conn.execute("SELECT current_database()").fetchone()
        (tables,) = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN "
            "('pg_catalog', 'information_schema')"
        ).fetchone()
        conn.execute("CREATE TABLE left_behind (turn integer)")
    assert tables == 0
    assert name not in SEEN
    SEEN.add(name)


def test_two_databases_are_distinct_and_dropped_with_connections_left_open(
    pg_server: pg.PgServer,
) -> None:
    server = pg_server.require()
    with pg.fresh_database(server) as first, pg.fresh_database(server) as second:
        assert first != second
        left_open = psycopg.connect(first)
    with psycopg.connect(server) as conn:
        names = {name for (name,) in conn.execute("SELECT datname FROM pg_database")}
    assert not {urlsplit(first).path[1:], urlsplit(second).path[1:]} & names
    with pytest.raises(psycopg.OperationalError):
        left_open.execute("SELECT 1")
    left_open.close()


def test_the_urls_carry_no_password(pg_server: pg.PgServer, pg_url: str) -> None:
    password = os.environ.get("PGPASSWORD", "")
    for url in (pg_server.url, pg_url):
        assert urlsplit(url).password is None
        assert not password or password not in url


def test_the_postgresql_back_end_runs_only_with_a_server(
    backend: str, pg_server: pg.PgServer
) -> None:
    assert backend in (pg.SQLITE, pg.POSTGRESQL)
    assert backend == pg.SQLITE or pg_server.url is not None


def test_without_the_variable_the_reason_is_the_one_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pg.URL_VARIABLE, raising=False)
    monkeypatch.setenv(pg.REASON_VARIABLE, "missing here: postgresql")
    assert pg.find_server() == pg.PgServer(
        None, "CHILDCARE_TEST_PG is not set (missing here: postgresql)"
    )


def test_a_url_with_the_password_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pg.URL_VARIABLE, "postgresql://childcare_test:s3cret@127.0.0.1:1/postgres")
    server = pg.find_server()
    assert server.url is None
    assert "PGPASSWORD" in server.reason
    assert "s3cret" not in server.reason


def test_an_unreachable_server_is_named_with_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv(pg.URL_VARIABLE, f"postgresql://childcare_test@127.0.0.1:{port}/postgres")
    server = pg.find_server()
    assert server.url is None
    assert f"127.0.0.1:{port}" in server.reason
    assert "refused" in server.reason


@pytest.mark.slow
def test_without_a_server_the_postgresql_tests_skip_saying_why() -> None:
    env = {k: v for k, v in os.environ.items() if k not in (pg.URL_VARIABLE, pg.REASON_VARIABLE)}
    here = "tests/core/storage/test_pg_server.py"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            f"{here}::test_the_database_is_reached_over_tls",
            f"{here}::test_the_postgresql_back_end_runs_only_with_a_server",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed, 2 skipped" in run.stdout
    assert run.stdout.count("SKIPPED [1]") == 2
    assert run.stdout.count(": PostgreSQL: CHILDCARE_TEST_PG is not set (") == 2
