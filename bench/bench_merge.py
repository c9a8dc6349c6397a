"""Merge: 10,000 children (families, categories) and 100,000 visits applied at an empty town.

The changes are a village's real change log (demo children, visits topped up to 100,000). The
merge into an encrypted town store (log, heads, derived columns and all) is timed beside, in the
same run, (a) plain `sqlite3` executemany of the same rows into the same tables of a plain
SQLite file and (b) sqlite-utils `insert_all` of the same rows. Figures are rows per second, the
best of five runs of each.
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import sqlite_utils
from sqlalchemy import create_engine, func, select

from childcare_desktop.core.domain.visit import MODES, Visit
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage import visits_repo
from childcare_desktop.core.storage.changes import ChangeWriter
from childcare_desktop.core.storage.store import Store
from childcare_desktop.core.sync import entities
from childcare_desktop.core.sync.merge import apply_changes, changes_since

from .common import CHEAP_KDF, OUT, PASSPHRASE, demo_store, row

CHILDREN, VISITS = 10_000, 100_000
# The best of five, interleaved: the machine's other work falls on each alike. With three, the
# ratio to (a) ranged 0.31-0.41 over seven runs of the benchmark.
RUNS = 5
TODAY = date(2026, 11, 23)
ENTITIES = ("child", "member", "category", "visit")


def village_10k() -> Store:
    """The cached village store: demo children, then visits up to 100,000 in all."""
    store = demo_store(OUT / "village-10k.db", "village", "441481103201", "新陂村", CHILDREN)
    with store.write() as conn:
        held = conn.execute(select(func.count()).select_from(t.visit)).scalar_one()
        if held < VISITS:
            uuids = list(conn.execute(select(t.child.c.uuid)).scalars())
            rng = random.Random(11)
            writer = ChangeWriter(conn)
            visits_repo.append_many(
                conn,
                writer,
                (
                    Visit(rng.choice(uuids), TODAY - timedelta(days=rng.randint(1, 700)), MODES[0])
                    for _ in range(VISITS - held)
                ),
            )
            writer.flush()
    return store


def _rows(store: Store) -> dict[str, list[tuple]]:
    """Every row of the village, table by table, as the town ends up holding them (the child's
    derived columns included, which the merge computes)."""
    with store.read() as conn:
        return {
            e: [tuple(r) for r in conn.execute(select(entities.TABLES[e])).all()] for e in ENTITIES
        }


def _plain_file(folder: Path, name: str) -> Path:
    """A plain SQLite file with the same tables (the store's schema, not encrypted)."""
    path = folder / name
    engine = create_engine(f"sqlite:///{path}")
    t.metadata.create_all(engine)
    engine.dispose()
    return path


def _sqlite3(folder: Path, rows: dict[str, list[tuple]]) -> float:
    conn = sqlite3.connect(_plain_file(folder, "plain.db"))
    start = time.perf_counter()
    with conn:
        for e in ENTITIES:
            names = [c.name for c in entities.TABLES[e].columns]
            sql = f"INSERT INTO {e} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
            conn.executemany(sql, rows[e])
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def _sqlite_utils(folder: Path, rows: dict[str, list[tuple]]) -> float:
    db = sqlite_utils.Database(_plain_file(folder, "utils.db"))
    start = time.perf_counter()
    with db.conn:
        for e in ENTITIES:
            names = [c.name for c in entities.TABLES[e].columns]
            db[e].insert_all((dict(zip(names, r, strict=True)) for r in rows[e]), batch_size=1000)
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed


def _merge(folder: Path, changes: list) -> tuple[float, int]:
    town, _ = init_station(
        folder / "town.db", PASSPHRASE, "town", "441481103", "城关镇", "基准", kdf=CHEAP_KDF
    )
    start = time.perf_counter()
    with town.write() as conn:
        result = apply_changes(conn, changes, TODAY)
    elapsed = time.perf_counter() - start
    town.close()
    return elapsed, result.applied


def run() -> list[dict]:
    village = village_10k()
    with village.read() as conn:
        changes = changes_since(conn, {})
    rows = _rows(village)
    village.close()
    count = sum(len(r) for r in rows.values())
    plain_s, utils_s, merge_s = [], [], []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            plain_s.append(_sqlite3(folder, rows))
            utils_s.append(_sqlite_utils(folder, rows))
            seconds, applied = _merge(folder, changes)
            merge_s.append(seconds)
    plain, utils, merged = count / min(plain_s), count / min(utils_s), count / min(merge_s)
    counts = ", ".join(f"{len(rows[e])} {e}" for e in ENTITIES)
    return [
        row(f"rows in the batch ({counts})", count, "rows"),
        row("changes applied", applied, "changes"),
        row("(a) sqlite3 executemany, plain file", plain, "rows/s"),
        row("(b) sqlite-utils insert_all, plain file", utils, "rows/s"),
        row("merge into encrypted store vs (a)", merged, "rows/s", plain, ">= 0.33"),
        row("merge into encrypted store vs (b)", merged, "rows/s", utils, "> 1"),
        row(f"merge, whole batch (best of {RUNS})", min(merge_s), "s"),
    ]
