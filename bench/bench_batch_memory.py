"""Peak memory of importing the largest batch the format allows, beside the program at rest.

A real village, enrolled at its town through files, signs one batch with the project's own
writer (envelope.make, batchfile.seal) as large as the reader accepts, two ways: the most
changes (its own new children with their family members, categories and visits, up to the
bound on the count of changes or on the uncompressed body, whichever comes first), and the
largest file (a few families and a text that barely compresses filling the body to its bound;
a village's settings are not taken by its town, so only reading the file costs memory). For
each, a fresh process opens the town's store, reads its memory (the baseline: the program
imported and the store open), imports the file and reads its peak resident memory (VmHWM).
`BATCH_MEMORY_BODY_MB` builds smaller bodies for a quick look.
"""

from __future__ import annotations

import base64
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
    rows = [
        row("body bound of a file (uncompressed)", envelope.MAX_BODY_SIZE / 2**20, "MiB"),
        row("changes bound of a file", envelope.MAX_CHANGES, "changes"),
        row("file size bound", batchfile.MAX_FILE_SIZE / 2**20, "MiB"),
    ]
    for name, body in (("most changes", _most_changes(limit)), ("largest file", _largest(limit))):
        size, probe = _measure(body)
        assert probe["status"] == "applied", probe
        baseline = probe["baseline_kib"] / 1024
        rows += [
            row(f"{name}: body (uncompressed)", len(dump_bytes(body)) / 2**20, "MiB"),
            row(f"{name}: changes", len(body["changes"]), "changes"),
            row(f"{name}: file size", size / 2**20, "MiB"),
            row(f"{name}: import, checked and applied", probe["import_s"], "s"),
            row(f"{name}: resident at rest, store open", baseline, "MB"),
            row(
                f"{name}: peak resident importing (VmHWM)",
                probe["peak_kib"] / 1024,
                "MB",
                baseline,
                f"< {TARGET_MB} MB",
            ),
        ]
    return rows


def _measure(body: dict) -> tuple[int, dict]:
    """(file size, what the fresh process measured) for `body` signed by a new enrolled village
    and imported at its new town."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
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
        with village.write() as conn:
            key = own_key(conn)
            (receiver,) = [p for p in peers(conn) if p.relation == "parent"]
            seq, prev = ledger.next_out(conn, key.key_id, receiver.station)
            inner = envelope.make(key, VILLAGE, TOWN, seq, prev, body)
            data = batchfile.seal(key, [receiver.enc_public], envelope.pack([inner]))
        del inner
        out = work / "largest.ccsync"
        out.write_bytes(data)
        town.close()
        village.close()
        return len(data), _probe(town.path, out)


def _most_changes(limit: int) -> dict:
    changes, _ = _largest_body(limit)
    return {"changes": changes, "acks": {}, "carried": [], "certificates": []}


def _largest(limit: int) -> dict:
    """A few families, then random bytes written as base64 (a third larger, and zlib finds
    nothing to shrink) up to the body's bound."""
    changes, _ = _largest_body(1024 * 1024)
    body = {"changes": changes, "acks": {}, "carried": [], "certificates": []}
    room = limit - len(dump_bytes({**body, "settings": {"note": ""}}))
    note = base64.b64encode(os.urandom(room * 3 // 4 + 3)).decode()[:room]
    return {**body, "settings": {"note": note}}


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
