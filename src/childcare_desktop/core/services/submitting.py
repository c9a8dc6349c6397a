"""Submissions for review (审核), written with the save that makes them: an enrolled village's new
file, closed file, category added or ended and guardianship grade changed, and, on a later save
of a file, every item of it the reviewer returned (the correction goes up again).

Only a village with a station above it submits: a lone village, a town or a county has no
reviewer above it, and writes none. Called inside the caller's transaction with its
ChangeWriter, so that a submission commits, and travels, with the change it submits.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Connection, select

from ..domain.child import Child, new_uuid
from ..domain.review_events import Event, correction, events
from ..storage import bulk
from ..storage import tables as t
from ..storage.changes import ChangeWriter
from ..storage.jsontext import dumps
from ..storage.review_repo import returned_items
from ..sync.keys import peers


def submitter(conn: Connection) -> str | None:
    """Who submits at this station (its officer), or None where nothing is submitted: a
    station that is not a village, or has no station above it."""
    role, officer = conn.execute(select(t.station.c.role, t.station.c.officer)).one()
    if role != "village":
        return None
    above = [p for p in peers(conn, "parent") if p.revoked_after is None]
    return officer if above else None


def submit(
    conn: Connection,
    writer: ChangeWriter,
    by: str,
    saved: Iterable[tuple[Child | None, Child]],
    today: date,
) -> int:
    """Write the submissions of files saved, each (file as kept or None, file as saved); returns
    how many."""
    saved = list(saved)
    kept = [new.uuid for old, new in saved if old is not None]
    returned = returned_items(conn, kept) if kept else {}
    rows = []
    for old, new in saved:
        found = events(old, new, today)
        if old is not None:
            found += _corrections(returned.get(new.uuid, ()), found, old, new, today)
        rows += [_row(new, event, by, today) for event in found]
    if rows:
        bulk.insert_rows(conn, t.submission, rows)
        writer.record_appended("submission", rows)
    return len(rows)


def _corrections(items, found: list[Event], old: Child, new: Child, today: date) -> list[Event]:
    """Each returned item of the file not submitted by this save already, submitted again."""
    made = {(e.kind, e.topic) for e in found}
    again = [
        correction(item.kind, item.subject, old, new, today)
        for item in items
        if (item.kind, item.topic) not in made
    ]
    return [e for e in again if e is not None]


def _row(child: Child, event: Event, by: str, today: date) -> dict:
    return {
        "uuid": new_uuid(),
        "child_uuid": child.uuid,
        "village_code": child.village_code,
        "kind": event.kind,
        "subject": event.subject,
        "changes": dumps(event.changes),
        "submitted_on": today,
        "submitted_by": by,
    }
