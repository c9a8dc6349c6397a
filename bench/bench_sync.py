"""Sync files end to end: a village of 10,000 children and their visits, its first batch exported
and imported (a file holds at most envelope.MAX_CHANGES changes; the rest go in later batches)."""

from __future__ import annotations

import shutil
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.services import identity, sync
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import keyfile, visits_repo
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.changes import ChangeWriter
from childcare_desktop.core.storage.store import Store

from .common import CHEAP_KDF, OUT, PASSPHRASE, demo_store, row

CHILDREN = 10_000
VISITS = 100_000


def run() -> list[dict]:
    cached = demo_store(OUT / "sync-village-10k.db", "village", "441481103201", "新陂村", CHILDREN)
    _top_up_visits(cached)
    cached.close()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        village_path = work / "village.db"
        shutil.copyfile(cached.path, village_path)
        shutil.copyfile(keyfile.key_path(cached.path), keyfile.key_path(village_path))
        village = Store.open(village_path, PASSPHRASE)
        town, _ = init_station(
            work / "town.db", PASSPHRASE, "town", "441481103", "宁新镇", "基准", kdf=CHEAP_KDF
        )
        shown = identity.write_request(village, work / "req.json")
        identity.enroll(town, work / "req.json", shown.fingerprint, work / "cert.json")
        identity.install(village, work / "cert.json")
        with village.read() as conn:
            visits = conn.execute(select(func.count()).select_from(t.visit)).scalar()

        start = time.perf_counter()
        exported = sync.export(village, work / "batch.ccsync")
        export_time = time.perf_counter() - start
        size = (work / "batch.ccsync").stat().st_size

        start = time.perf_counter()
        (result,) = sync.import_files(town, [work / "batch.ccsync"])
        import_time = time.perf_counter() - start
        assert result.status == "applied", result

        start = time.perf_counter()
        sync.import_files(town, [work / "batch.ccsync"])
        duplicate_time = time.perf_counter() - start
        village.close()
        town.close()
    changes = exported.changes
    return [
        row(f"children in the village ({visits:,} visits)", CHILDREN, "children"),
        row("changes in its first batch", changes, "changes"),
        row("changes left for the next batches", exported.left, "changes"),
        row("batch file size", size / 1e6, "MB"),
        row("export: collect, sign, encrypt, write, read back", export_time, "s"),
        row("import: check, backup, apply in one transaction", import_time, "s"),
        row("import throughput", changes / import_time, "changes/s"),
        row("re-import of the same file (duplicate)", duplicate_time, "s"),
    ]


def _top_up_visits(store: Store) -> None:
    """Demo children have a few visits each; the figure is for 100,000 visits beside them."""
    with store.write() as conn:
        held = conn.execute(select(func.count()).select_from(t.visit)).scalar()
        if held >= VISITS:
            return
        children = conn.execute(select(t.child.c.uuid).order_by(t.child.c.uuid)).scalars().all()
        day = date(2024, 1, 1)
        visits = [
            Visit(
                children[i % len(children)], day + timedelta(days=i % 400), "home", visitor="村干部"
            )
            for i in range(VISITS - held)
        ]
        writer = ChangeWriter(conn)
        visits_repo.append_many(conn, writer, visits)
        writer.flush()
