"""证明材料 attached to a submission for review: a picture or a PDF, checked by its first bytes
and its size, kept in the store as base64 text (sealed on a server) with its hash, and carried
with the village's batches like any appended record.

Only the village station that made the submission attaches to it. Where the evidence travels:
up with the village's own signed envelopes to its town; the town carries those envelopes
verbatim to the county (a change cannot be cut out of an envelope without breaking the village's
signature, nor left out without a gap in its counters, which the county refuses), so the county
holds the evidence of every submission its towns carry, whether it reviews it or not. Downward,
evidence goes only to the village that made it (sync/scope.py).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, select

from ..domain import evidence as rules
from ..domain.child import new_uuid
from ..domain.review import EVIDENCE_MAX_BYTES
from ..errors import CoreError, FieldProblem, NotFound, StoreError, ValidationFailed
from ..files import written_whole
from ..storage import audit, bulk
from ..storage import tables as t
from ..storage.changes import ChangeWriter
from ..storage.store import Store

MAX_MB = EVIDENCE_MAX_BYTES // (1024 * 1024)
# What the audit says of an attachment: never its content.
_AUDITED = ("submission_uuid", "name", "media_type", "size", "sha256")


@dataclass(frozen=True)
class Evidence:
    """One attached file as a list shows it (without its content)."""

    id: str
    submission: str
    child: str
    name: str
    media_type: str
    size: int
    sha256: str


def attach(store: Store, submission: str, path: Path) -> Evidence:
    """Attach the file at `path` to `submission`: a JPEG, PNG or PDF (by its first bytes) of at
    most EVIDENCE_MAX_BYTES, refused with the reason otherwise. One transaction: the record, its
    change and the audit entry."""
    data = _read(path)
    with store.write() as conn:
        child = _own_submission(conn, submission)
        row = {
            "uuid": new_uuid(),
            "submission_uuid": submission,
            "child_uuid": child,
            "name": path.name,
            "media_type": rules.media_type(data),
            "size": len(data),
            "sha256": rules.sha256(data),
            "content": base64.b64encode(data).decode("ascii"),
        }
        bulk.insert_rows(conn, t.evidence, [row])
        writer = ChangeWriter(conn)
        writer.record_appended("evidence", [row])
        writer.flush()
        audit.record(conn, "create", "evidence", row["uuid"], _AUDITED, "evidence attached")
    return _shown(row)


def list_for(store: Store, submission: str) -> list[Evidence]:
    """The files attached to `submission`, in the order of their names (without content)."""
    e = t.evidence.c
    query = select(
        e.uuid, e.submission_uuid, e.child_uuid, e.name, e.media_type, e.size, e.sha256
    ).where(e.submission_uuid == submission)
    with store.read() as conn:
        rows = conn.execute(query).all()
    return sorted((Evidence(*r) for r in rows), key=lambda found: (found.name, found.id))


def content(store: Store, evidence: str) -> bytes:
    """The file's bytes, once they are the ones its hash and size name (StoreError
    "evidence_damaged" otherwise: the store was altered or damaged)."""
    e = t.evidence.c
    with store.read() as conn:
        row = conn.execute(
            select(e.name, e.size, e.sha256, e.content).where(e.uuid == evidence)
        ).first()
    if row is None:
        raise NotFound("evidence_not_found", uuid=evidence)
    try:
        data = rules.decoded(row.content)
    except ValueError:
        data = None
    if data is None or len(data) != row.size or rules.sha256(data) != row.sha256:
        raise StoreError("evidence_damaged", name=row.name)
    return data


def save(store: Store, evidence: str, out: Path) -> int:
    """Write the file's checked bytes to `out` (whole or not at all); returns how many."""
    data = content(store, evidence)
    with written_whole(out) as tmp:
        tmp.write_bytes(data)
    return len(data)


def _read(path: Path) -> bytes:
    """The file's bytes, or ValidationFailed saying why it cannot be evidence (a file too large
    is never read)."""
    name = {"name": path.name}
    try:
        if path.stat().st_size > EVIDENCE_MAX_BYTES:
            too_large = {**name, "max_mb": str(MAX_MB)}
            raise ValidationFailed([FieldProblem("evidence", "evidence_too_large", too_large)])
        data = path.read_bytes()
    except OSError as error:
        problem = FieldProblem("evidence", "evidence_unreadable", name)
        raise ValidationFailed([problem]) from error
    if len(data) > EVIDENCE_MAX_BYTES:  # grew since it was measured
        too_large = {**name, "max_mb": str(MAX_MB)}
        raise ValidationFailed([FieldProblem("evidence", "evidence_too_large", too_large)])
    if rules.media_type(data) is None:
        raise ValidationFailed([FieldProblem("evidence", "evidence_wrong_type", name)])
    return data


def _own_submission(conn: Connection, submission: str) -> str:
    """The child of `submission`, when this station is the village that made it."""
    s = t.submission.c
    row = conn.execute(select(s.child_uuid, s.village_code).where(s.uuid == submission)).first()
    if row is None:
        raise NotFound("submission_not_found", uuid=submission)
    station = conn.execute(select(t.station.c.code)).scalar_one()
    if station != row.village_code:
        raise CoreError("evidence_not_own_submission")
    return row.child_uuid


def _shown(row: dict) -> Evidence:
    return Evidence(
        row["uuid"],
        row["submission_uuid"],
        row["child_uuid"],
        row["name"],
        row["media_type"],
        row["size"],
        row["sha256"],
    )
