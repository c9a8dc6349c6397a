"""Stations for the merge tests: real encrypted stores, changes exchanged without files. A
station is an SQLite file unless it is given `server`, the URL of an empty PostgreSQL database
(tests/pg.py's pg_databases)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.child import Child, FamilyMember
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.store import Store
from childcare_desktop.core.sync import entities
from childcare_desktop.core.sync.merge import (
    MergeResult,
    apply_changes,
    changes_since,
    version_vector,
)
from tests.conftest import PASSPHRASE, TEST_KDF

COUNTY, TOWN, VILLAGE, VILLAGE_2 = "441481", "441481103", "441481103201", "441481103202"
TODAY = date(2026, 11, 23)
ROLES = {6: "county", 9: "town", 12: "village"}


def station(folder: Path, code: str, server: str | None = None) -> Store:
    store, _ = init_station(
        folder / f"{code}.db",
        PASSPHRASE,
        ROLES[len(code)],
        code,
        f"站{code[-3:]}",
        "主任",
        kdf=TEST_KDF,
        server=server,
    )
    return store


def send(source: Store, target: Store) -> MergeResult:
    """What `target` has not acknowledged, from `source`, applied at `target`."""
    with target.read() as conn:
        acknowledged = version_vector(conn)
    with source.read() as conn:
        changes = changes_since(conn, acknowledged)
    with target.write() as conn:
        return apply_changes(conn, changes, TODAY)


def records(store: Store) -> dict[str, list[tuple]]:
    """Every synced table without the child's derived columns, in a canonical order."""
    dumped = {}
    with store.read() as conn:
        for entity, table in entities.TABLES.items():
            columns = [table.c[name] for name in entities.SYNCED[entity]]
            rows = conn.execute(select(*columns)).all()
            dumped[entity] = sorted((tuple(r) for r in rows), key=repr)
    return dumped


def open_conflicts(store: Store) -> set[tuple]:
    with store.read() as conn:
        rows = conn.execute(
            select(t.conflict.c.entity, t.conflict.c.entity_uuid, t.conflict.c.field)
            .add_columns(t.conflict.c.heads, t.conflict.c.shown)
            .where(t.conflict.c.resolved_by.is_(None))
        ).all()
    return {tuple(r) for r in rows}


def child(name: str = "李想", village: str = VILLAGE, serial: int = 3, **extra) -> Child:
    born = date(2016, 5, 6)
    fields = {
        "id_number": idnumber.make(village[:6], born, serial, "female"),
        "members": (FamilyMember("mother", "王芳", phone="13800001111", situation="migrant"),),
        "categories": (CategorySpan("left_behind", date(2025, 3, 1)),),
    } | extra
    return Child(name, "female", born, village, **fields)
