"""Provenance: the received envelope that holds a change, who signed it, and through whose
bundle it came; the signature is checked again against the certificate we hold."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, select

from ..storage import tables as t
from . import envelope
from .errors import SyncError
from .keys import peer_by_key

b = t.sync_batch


@dataclass(frozen=True)
class Provenance:
    change_id: str
    station: str  # the station that made and signed the change
    batch: str  # hash of the envelope it came in
    seq: int
    via: str  # hash of the bundle that carried it here ("" when it came directly)
    via_station: str
    signature_ok: bool


def trace(conn: Connection, change_id: str) -> Provenance:
    station, _, counter_text = change_id.partition(":")
    counter = int(counter_text) if counter_text.isdigit() else 0
    rows = conn.execute(
        select(b).where(b.c.direction == "in", b.c.status.in_(("applied", "carried")))
    ).mappings()
    for row in rows:
        low, high = json.loads(row["covers"]).get(station, (0, -1))
        if not low <= counter <= high or row["envelope"] is None:
            continue
        peer = peer_by_key(conn, row["origin_key"])
        try:
            env = envelope.open_envelope(
                row["envelope"], {peer.key_id: peer.sign_public}.get if peer else {}.get
            )
        except SyncError:
            return Provenance(change_id, row["origin"], row["batch_id"], row["seq"], "", "", False)
        if not any(
            c["station"] == station and c["counter"] == counter for c in env.body["changes"]
        ):
            continue
        via_station = ""
        if row["via"]:
            via_station = conn.execute(
                select(b.c.origin).where(b.c.batch_id == row["via"])
            ).scalar()
        return Provenance(
            change_id, env.origin, env.hash, env.seq, row["via"], via_station or "", True
        )
    raise SyncError("unknown_change", change=change_id)
