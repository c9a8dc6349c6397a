"""Writing visits: append-only rows, each one logged as a change; their photos, kept in the
store and linked to each version of a visit."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from datetime import datetime
from operator import attrgetter

from sqlalchemy import Connection, insert, select

from ..domain.visit import Visit
from . import bulk
from . import tables as t
from .changes import ChangeWriter
from .jsontext import dumps

_FIELDS = tuple(f.name for f in fields(Visit))
_VALUES = attrgetter(*_FIELDS)


def visit_row(visit: Visit, recorded_at: str | None = None) -> dict:
    row = dict(zip(_FIELDS, _VALUES(visit), strict=True))
    row["findings"] = dumps(visit.findings)
    row["recorded_at"] = recorded_at or datetime.now().isoformat(timespec="seconds")
    return row


def append_many(conn: Connection, writer: ChangeWriter, visits: Iterable[Visit]) -> int:
    """The visits written in one transaction are recorded at one time."""
    at = datetime.now().isoformat(timespec="seconds")
    rows = [visit_row(v, at) for v in visits]
    if rows:
        bulk.insert_rows(conn, t.visit, rows)
        writer.record_appended("visit", rows)
    return len(rows)


def add_photos(conn: Connection, visit_uuid: str, photos: Iterable[dict], first: int = 0) -> None:
    """Store new photos (uuid, taken_name, mime, data) and show them on the visit, in order
    from position `first`."""
    stamp = datetime.now().isoformat(timespec="seconds")
    rows = [
        {
            "uuid": p["uuid"],
            "taken_name": p["taken_name"],
            "mime": p["mime"],
            "size": len(p["data"]),
            "added_at": stamp,
            "data": p["data"],
        }
        for p in photos
    ]
    if rows:
        conn.execute(insert(t.visit_photo), rows)
        link_photos(conn, visit_uuid, [r["uuid"] for r in rows], first)


def link_photos(conn: Connection, visit_uuid: str, photo_uuids: list[str], first: int = 0) -> None:
    """Show stored photos on a visit (a correction keeps the photos of the version it replaces)."""
    if photo_uuids:
        conn.execute(
            insert(t.visit_photo_link),
            [
                {"visit_uuid": visit_uuid, "photo_uuid": uuid, "position": first + i}
                for i, uuid in enumerate(photo_uuids)
            ],
        )


def photos_of(conn: Connection, where) -> dict[str, list[dict]]:
    """The photos of the visits `where` selects (on the visit table), by visit, in order;
    their facts only, not their bytes."""
    p, link = t.visit_photo.c, t.visit_photo_link.c
    rows = conn.execute(
        select(link.visit_uuid, p.uuid, p.taken_name, p.mime, p.size, p.added_at)
        .select_from(
            t.visit_photo_link.join(t.visit_photo, p.uuid == link.photo_uuid).join(
                t.visit, t.visit.c.uuid == link.visit_uuid
            )
        )
        .where(where)
        .order_by(link.visit_uuid, link.position)
    ).mappings()
    found: dict[str, list[dict]] = {}
    for row in rows:
        found.setdefault(row["visit_uuid"], []).append(dict(row))
    return found


def photo_data(conn: Connection, photo_uuid: str) -> bytes | None:
    return conn.execute(
        select(t.visit_photo.c.data).where(t.visit_photo.c.uuid == photo_uuid)
    ).scalar()
