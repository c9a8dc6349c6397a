"""Peak memory of importing the largest batch the format allows, beside the program at rest.

A real village, enrolled at its town through files, signs one batch with the project's own
writer (envelope.make, batchfile.seal) whose body is as large as the reader accepts: its own
new children with their family members, categories and visits, up to the format's bound on the
uncompressed body and on the count of changes. A fresh process opens the town's store, reads
its memory (the baseline: the program imported and the store open), imports the file and reads
its peak resident memory (VmHWM). `BATCH_MEMORY_BODY_MB` builds a smaller body for a quick look.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from childcare_desktop.core.services import identity
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage.jsontext import dump_bytes
from childcare_desktop.core.sync import batchfile, envelope, ledger
from childcare_desktop.core.sync.keys import own_key, peers

from .common import CHEAP_KDF, PASSPHRASE, row

TOWN, VILLAGE = "441481103", "441481103201"
TARGET_MB = 512  # what the issue asks the peak to stay under
VISITS_PER_CHILD = 6


def run() -> list[dict]:
    asked = os.environ.get("BATCH_MEMORY_BODY_MB")
    limit = int(float(asked) * 1024 * 1024) if asked else envelope.MAX_BODY_SIZE
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        town_path, batch = _build(work, limit)
        size = batch.stat().st_size
        changes, body_size = json.loads((work / "made.json").read_text())
        probe = _probe(town_path, batch)
    assert probe["status"] == "applied", probe
    baseline = probe["baseline_kib"] / 1024
    peak = probe["peak_kib"] / 1024
    return [
        row("body bound of the format (uncompressed)", envelope.MAX_BODY_SIZE / 2**20, "MiB"),
        row("changes bound of the format", envelope.MAX_CHANGES, "changes"),
        row("body of the batch built (uncompressed)", body_size / 2**20, "MiB"),
        row("changes in the batch built", changes, "changes"),
        row("batch file size", size / 2**20, "MiB"),
        row("import: check and apply in one transaction", probe["import_s"], "s"),
        row("resident at rest: program imported, store open", baseline, "MB"),
        row("peak resident while importing (VmHWM)", peak, "MB", baseline, f"< {TARGET_MB} MB"),
    ]


def _build(work: Path, limit: int) -> tuple[Path, Path]:
    (work / "town").mkdir()
    (work / "village").mkdir()
    town, _ = init_station(
        work / "town" / "town.db", PASSPHRASE, "town", TOWN, "宁新镇", "基准", kdf=CHEAP_KDF
    )
    village, _ = init_station(
        work / "village" / "village.db",
        PASSPHRASE,
        "village",
        VILLAGE,
        "新陂村",
        "基准",
        kdf=CHEAP_KDF,
    )
    shown = identity.write_request(village, work / "req.json")
    identity.enroll(town, work / "req.json", shown.fingerprint, work / "cert.json")
    identity.install(village, work / "cert.json")
    changes, body_size = _largest_body(limit)
    with village.write() as conn:
        key = own_key(conn)
        (receiver,) = [p for p in peers(conn) if p.relation == "parent"]
        seq, prev = ledger.next_out(conn, key.key_id, receiver.station)
        body = {"changes": changes, "acks": {}, "carried": [], "certificates": []}
        inner = envelope.make(key, VILLAGE, TOWN, seq, prev, body)
        data = batchfile.seal(key, [receiver.enc_public], envelope.pack([inner]))
    del body, inner
    out = work / "largest.ccsync"
    out.write_bytes(data)
    (work / "made.json").write_text(json.dumps([len(changes), body_size]))
    town_path = town.path
    town.close()
    village.close()
    return town_path, out


def _largest_body(limit: int) -> tuple[list[dict], int]:
    """The village's own registrations, whole families at a time, until the next family would
    pass the body's bound or the count of changes."""
    start_ms = int(time.time() * 1000) - 86_400_000
    changes: list[dict] = []
    size = len(dump_bytes({"acks": {}, "carried": [], "certificates": [], "changes": []}))
    n = 0
    while True:
        family = _family(n, len(changes), start_ms)
        grown = sum(len(dump_bytes(c)) + 1 for c in family)
        if size + grown > limit or len(changes) + len(family) > envelope.MAX_CHANGES:
            return changes, size
        changes += family
        size += grown
        n += 1


def _family(n: int, counter: int, start_ms: int) -> list[dict]:
    child = str(uuid.UUID(int=n + 1))
    records = [
        (
            "child",
            child,
            {
                "birth_date": "2015-10-19",
                "current_address": f"新陂村5组{n % 100}号",
                "ethnicity": "汉族",
                "guardianship": "good",
                "health": "healthy",
                "hukou_place": "新陂村5组",
                "hukou_registered": True,
                "name": "肖若思",
                "registered_on": "2026-08-06",
                "school": "新陂中心小学",
                "schooling": "primary",
                "sex": "female",
                "status": "active",
                "village_code": VILLAGE,
            },
        ),
        (
            "member",
            str(uuid.uuid5(uuid.NAMESPACE_OID, f"{n}/father")),
            {
                "child_uuid": child,
                "guardian_capable": True,
                "name": "肖梓芳",
                "position": 0,
                "relation": "father",
                "situation": "migrant",
            },
        ),
        (
            "category",
            str(uuid.uuid5(uuid.NAMESPACE_OID, f"{n}/category")),
            {"child_uuid": child, "code": "left_behind", "start": "2026-03-04"},
        ),
    ]
    for v in range(VISITS_PER_CHILD):
        records.append(
            (
                "visit",
                str(uuid.uuid5(uuid.NAMESPACE_OID, f"{n}/visit/{v}")),
                {
                    "actions": "",
                    "child_uuid": child,
                    "findings": '{"living":"居住条件一般","safety":"无安全隐患"}',
                    "guardianship": "fair",
                    "met": "祖父母",
                    "mode": "home",
                    "needs": "",
                    "next_planned": None,
                    "recorded_at": "2026-06-28T09:00:00",
                    "supersedes": None,
                    "visit_date": f"2026-0{1 + v}-28",
                    "visitor": "儿童主任",
                },
            )
        )
    made = []
    for i, (entity, record, fields) in enumerate(records, start=counter + 1):
        made.append(
            {
                "station": VILLAGE,
                "counter": i,
                "entity": entity,
                "entity_uuid": record,
                "fields": {"_new": True, "uuid": record, **fields},
                "clock": f"{start_ms + i // 1000:013d}.{i % 1000:05d}",
                "base": [],
            }
        )
    return made


def _probe(town_path: Path, batch: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "bench.batch_probe", str(town_path), PASSPHRASE, str(batch)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])
