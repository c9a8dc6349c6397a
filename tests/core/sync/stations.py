"""Real stations for the sync tests: encrypted stores, real keys, enrollment through files."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from childcare_desktop.core.services import identity
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE

COUNTY, TOWN, VILLAGE = "441481", "441481103", "441481103201"
OTHER_TOWN, OTHER_VILLAGE = "441481104", "441481103202"
# Logs that record the refusal itself; everything else must stay exactly as it was.
LOGS = frozenset({"sync_rejected", "audit"})


def station(folder: Path, role: str, code: str, name: str) -> Store:
    store, _ = init_station(folder / f"{code}.db", PASSPHRASE, role, code, name, f"{name}主任")
    return store


def enrolled(
    tmp_path: Path, role: str, code: str, name: str, parent: Store | None = None, children: int = 0
) -> Store:
    """A station in its own folder under `tmp_path`, enrolled with `parent`, holding `children`
    demo children."""
    folder = tmp_path / code
    folder.mkdir()
    store = station(folder, role, code, name)
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
    """Every row of every table (but the refusal logs), in a canonical order."""
    with store.read() as conn:
        names = conn.execute(
            text("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ).scalars()
        tables = {}
        for name in names:
            if name in LOGS:
                continue
            rows = conn.execute(text(f'SELECT * FROM "{name}"')).all()
            rows = [tuple(r) for r in rows]
            if name == "setting":
                rows = [r for r in rows if r[0] != "audit_head"]
            tables[name] = sorted(rows, key=repr)
    return tables
