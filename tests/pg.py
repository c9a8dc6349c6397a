"""The tests' PostgreSQL server (scripts/pg.sh, started by `make test`): where it is, an empty
database of its own for each test that asks, and the two back ends a store test runs on.

The server's URL comes from CHILDCARE_TEST_PG and never carries the password: libpq reads it from
PGPASSWORD (or ~/.pgpass). Without a server the PostgreSQL tests skip and the reason says why."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

import psycopg
import pytest
from psycopg import sql

URL_VARIABLE = "CHILDCARE_TEST_PG"
# Where scripts/pg.sh could not start a server, it says why in this variable instead.
REASON_VARIABLE = "CHILDCARE_TEST_PG_REASON"
SQLITE = "sqlite"
POSTGRESQL = "postgresql"
# A store fixture's params: the PostgreSQL case skips, saying why, where there is no server.
both_backends = [
    pytest.param(SQLITE, id=SQLITE),
    pytest.param(POSTGRESQL, id=POSTGRESQL, marks=pytest.mark.postgresql),
]


@dataclass(frozen=True)
class PgServer:
    """The URL of the tests' server as its superuser, or None and the reason there is none."""

    url: str | None
    reason: str = ""

    def require(self) -> str:
        if self.url is None:
            pytest.skip(f"PostgreSQL: {self.reason}")
        return self.url


def find_server() -> PgServer:
    url = os.environ.get(URL_VARIABLE, "")
    if not url:
        why = os.environ.get(REASON_VARIABLE) or "`make test` starts a server with scripts/pg.sh"
        return PgServer(None, f"{URL_VARIABLE} is not set ({why})")
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        return PgServer(None, f"{URL_VARIABLE} is not a postgresql:// URL")
    if parts.password is not None:
        return PgServer(None, f"{URL_VARIABLE} carries a password; give it in PGPASSWORD")
    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as error:
        return PgServer(None, f"cannot connect to {url}: {' '.join(str(error).split())}")
    return PgServer(url)


def database_url(server_url: str, name: str) -> str:
    return urlsplit(server_url)._replace(path=f"/{name}").geturl()


@contextmanager
def fresh_database(server_url: str, template: str = "template0") -> Iterator[str]:
    """A new, empty database (from template0, so nothing a test left in template1 comes along),
    or a copy of the database `template` (which nobody may be connected to), dropped afterwards
    together with any connection a test left open to it."""
    name = f"t_{secrets.token_hex(8)}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        )
    try:
        yield database_url(server_url, name)
    finally:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "postgresql: runs on the tests' PostgreSQL server; skips, saying why, without"
    )
    config.addinivalue_line(
        "markers",
        "sqlite_only(why): a test of the SQLite store's own file (its key file, its pages, its "
        "planner); its PostgreSQL case is skipped with the reason",
    )


@pytest.fixture(scope="session")
def pg_server() -> PgServer:
    return find_server()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """The URL of an empty database of this test's own on the tests' server."""
    with fresh_database(pg_server.require()) as url:
        yield url


@pytest.fixture
def pg_databases(pg_server: PgServer) -> Iterator[Callable[[], str]]:
    """Makes as many empty databases of this test's own as it asks for (one store each), all
    dropped after the test."""
    server_url = pg_server.require()
    with ExitStack() as made:
        yield lambda: made.enter_context(fresh_database(server_url))


@pytest.fixture(params=both_backends)
def backend(request: pytest.FixtureRequest, pg_server: PgServer) -> str:
    """The back end's name, SQLITE or POSTGRESQL; a store fixture asks for `pg_url` for the
    second."""
    if request.param == POSTGRESQL:
        only = request.node.get_closest_marker("sqlite_only")
        if only is not None:
            pytest.skip(f"SQLite only: {only.args[0]}")
        pg_server.require()
    return request.param
