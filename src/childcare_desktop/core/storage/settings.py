"""Station settings kept inside the encrypted store (the visit policy, phone numbers …)."""

from __future__ import annotations

import json
from dataclasses import asdict

from sqlalchemy import Connection, insert, select

from ..domain.visit_policy import VisitPolicy
from . import tables as t


def get(conn: Connection, key: str, default: object = None) -> object:
    raw = conn.execute(select(t.setting.c.value).where(t.setting.c.key == key)).scalar()
    return default if raw is None else json.loads(raw)


def put(conn: Connection, key: str, value: object) -> None:
    conn.execute(
        insert(t.setting).prefix_with("OR REPLACE"),
        {"key": key, "value": json.dumps(value, ensure_ascii=False)},
    )


def visit_policy(conn: Connection) -> VisitPolicy:
    stored = get(conn, "visit_policy") or {}
    return VisitPolicy(**{**asdict(VisitPolicy()), **stored})
