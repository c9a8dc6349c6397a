"""Writing visits: append-only rows, each one logged as a change."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields
from datetime import datetime

from sqlalchemy import Connection

from ..domain.visit import Visit
from . import bulk
from . import tables as t
from .changes import ChangeWriter

# Built once: json.dumps with options builds a new encoder for every visit.
_FINDINGS_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def visit_row(visit: Visit) -> dict:
    row = {f.name: getattr(visit, f.name) for f in fields(Visit)}
    row["findings"] = _FINDINGS_JSON(visit.findings)
    row["recorded_at"] = datetime.now().isoformat(timespec="seconds")
    return row


def append_many(conn: Connection, writer: ChangeWriter, visits: Iterable[Visit]) -> int:
    rows = [visit_row(v) for v in visits]
    if rows:
        bulk.insert_rows(conn, t.visit, rows)
        for row in rows:
            writer.record("visit", row["uuid"], row, append_only=True)
    return len(rows)
