"""Real stations for the sync tests: encrypted stores, real keys, enrollment through files. A
station is an SQLite file unless it is given `server`, the URL of an empty PostgreSQL database
(tests/pg.py's pg_databases), where it is made with its link file at the file's place."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, select, text

from childcare_desktop.core.services import identity
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE

COUNTY, TOWN, VILLAGE = "441481", "441481103", "441481103201"
OTHER_TOWN, OTHER_VILLAGE = "441481104", "441481103202"
# Logs that record the refusal itself; everything else must stay exactly as it was.
LOGS = frozenset({"sync_rejected", "audit"})


def station(folder: Path, role: str, code: str, name: str, server: str | None = None) -> Store:
    store, _ = init_station(
        folder / f"{code}.db", PASSPHRASE, role, code, name, f"{name}主任", server=server
    )
    return store


def enrolled(
    tmp_path: Path,
    role: str,
    code: str,
    name: str,
    parent: Store | None = None,
    children: int = 0,
    server: str | None = None,
) -> Store:
    """A station in its own folder under `tmp_path`, enrolled with `parent`, holding `children`
    demo children."""
    folder = tmp_path / code
    folder.mkdir()
    store = station(folder, role, code, name, server)
    if parent is not None:
        enroll(parent, store, folder)
    if children:
        fill_demo(store, children, seed=int(code[-3:]))
    return store


def enroll(parent: Store, child: Store, folder: Path) -> None:
    """The in-person enrollment: request, fingerprint read aloud, certificate, install."""
    request, cert = folder / "request.json", folder / "certificate.json"
    shown = identity.write_request(child, request)
    identity.enroll(parent, request, shown.fingerprint, cert)
    identity.install(child, cert, identity.identity(parent).fingerprint)


def dump(store: Store) -> dict[str, list]:
    """Every row of every table (but the refusal logs), in a canonical order; the program's
    tables through their columns, so that what a server holds sealed is read opened."""
    with store.read() as conn:
        tables = {}
        for name in sorted(inspect(conn).get_table_names()):
            if name in LOGS:
                continue
            table = t.metadata.tables.get(name)
            query = select(table) if table is not None else text(f'SELECT * FROM "{name}"')
            rows = [tuple(r) for r in conn.execute(query).all()]
            if name == "setting":
                rows = [r for r in rows if r[0] != "audit_head"]
            tables[name] = sorted(rows, key=repr)
    return tables
