"""Sync use cases: export the next batch to a chosen station, import received files (checked
whole, then applied in one transaction), per-station status, and provenance at the county."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Connection

from ..domain import reporting
from ..domain.visit_policy import DAY_RULES, HOME_RULES, VisitPolicy
from ..files import written_whole
from ..storage import audit, derived_repo, driver, review_repo, settings
from ..storage import tables as t
from ..storage.jsontext import dump_bytes
from ..storage.store import Store
from ..sync import audit_heads, batchfile, envelope, intake, ledger, scope
from ..sync.changeset import ChangeRecord
from ..sync.errors import SyncError
from ..sync.keys import Peer, add_peer, own_key, peer_by_key, peers
from ..sync.merge import Equivocation, apply_changes, changes_since, version_vector
from ..sync.provenance import Provenance, trace
from . import approval
from .safety import backup
from .station import station_info

# Settings a supervisor decides for the stations below it; they travel downward only.
DOWNWARD_SETTINGS = (
    settings.VISIT_POLICY,
    settings.VISIT_POLICY_HOME,
    review_repo.RULES,
    reporting.REPORT_DAY,
)
LATE_DAYS = 35
# A file's body holds, beside its changes, acknowledgements, carried hashes and certificates.
_BODY_ROOM = 4 * 1024 * 1024


@dataclass(frozen=True)
class ExportResult:
    file: str
    seq: int
    changes: int
    to: str
    carried: int
    # Changes and carried batches past what one file may hold: the next export sends them, once
    # the receiver's acknowledgement of this one has come back.
    left: int = 0


@dataclass(frozen=True)
class FileResult:
    file: str
    status: str  # applied | duplicate | rejected | quarantined
    reason: str  # a code; `words` has it in plain Chinese
    station: str
    seq: int | None
    changes_applied: int
    conflicts: int
    # The facts of the reason (the field refused and the station that wrote it), for its words.
    detail: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StationStatus:
    station: str
    name: str
    last_seq: int
    missing: tuple[int, ...]
    last_import: str
    rejected: int
    quarantined: int
    late: bool = False  # enrolled below, and late against the calendar (or LATE_DAYS)
    last_changes: int = 0  # how many changes the last batch carried


@dataclass(frozen=True)
class SentStatus:
    to: str
    name: str
    last_seq: int
    last_export: str
    changes: int
    acknowledged: dict[str, int]


@dataclass(frozen=True)
class SyncStatus:
    stations: tuple[StationStatus, ...]
    sent: tuple[SentStatus, ...]
    refused: tuple[dict, ...]
    late_days: int = LATE_DAYS  # a station below is late after this many days without a batch
    report_day: int | None = None  # or, with a reporting calendar, past this day of a month


def export(store: Store, out: Path, to: str | None = None) -> ExportResult:
    """Write the next batch for `to` (default: the station that certified us) carrying every
    change it has not acknowledged; it counts as written once read back intact."""
    info = station_info(store)
    with store.write() as conn:
        key = own_key(conn)
        receiver = _receiver(conn, to)
        acknowledged = ledger.acks(conn, receiver.station)
        carried, covered, certificates, room, left = _carried_up(conn, receiver, acknowledged)
        pending = [c for c in changes_since(conn, acknowledged) if c.change_id not in covered]
        if receiver.relation == "child":
            pending = scope.for_station(conn, pending, receiver.station)
        taken = _first_that_fit(pending, *room)
        left += len(pending) - len(taken)
        pending = taken
        body = {
            "changes": [c.to_json() for c in pending],
            "acks": version_vector(conn),
            "carried": [hashlib.sha256(e).hexdigest() for e in carried],
            "certificates": certificates,
            "settings": _downward_settings(conn) if receiver.relation == "child" else {},
            audit_heads.BODY_KEY: audit_heads.for_export(conn, key.key_id, receiver.station),
        }
        seq, prev = ledger.next_out(conn, key.key_id, receiver.station)
        inner = envelope.make(key, info.code, receiver.station, seq, prev, body)
        recipients = [receiver.enc_public, *_escrow(conn)]
        data = batchfile.seal(key, recipients, envelope.pack([inner, *carried]))
        _write_checked(out, data, key.sign_public)
        env = envelope.open_envelope(inner, {key.key_id: key.sign_public}.get)
        ledger.record(conn, env, "out", "written", out.name, keep=False)
        audit_heads.sent(conn, env)
        audit.record(conn, "export", detail=f"batch {seq} to {receiver.station}: {len(pending)}")
    store.anchor_now()  # the key file vouches for the export it has just logged
    return ExportResult(str(out), seq, len(pending), receiver.station, len(carried), left)


def import_files(
    store: Store, paths: list[Path], today: date | None = None
) -> tuple[FileResult, ...]:
    """Each file is checked whole before anything of it is applied; a backup is taken before
    the first one that will be applied; each is applied in one transaction."""
    today = today or date.today()
    own_code = station_info(store).code
    results, backed_up = [], False
    for path in paths:
        data, result = _read(store, path)
        if result is None:
            with store.read() as conn:
                try:
                    checked = intake.check(conn, data, own_code)
                except SyncError as error:
                    station = intake.sender_station(conn, data)
                    result = _refused(path, error.code, station, detail=error.params)
                else:
                    status, reason = intake.verdict(conn, checked)
            if result is None and status == "apply" and not backed_up:
                backup(store, "import")
                backed_up = True
            if result is None:
                result = _settle(store, path, checked, status, reason, today)
        if result.status == "rejected":
            with store.write() as conn:
                ledger.reject(conn, path.name, result.reason, result.station, result.seq)
                audit.record(conn, "import", detail=f"{path.name}: rejected {result.reason}")
        results.append(result)
    return tuple(results)


def status(store: Store, today: date | None = None) -> SyncStatus:
    """Per station below: last batch, gaps, refusals, and whether it is late (against the
    reporting calendar when the county set one, else nothing received for `sync_late_days`, 35
    by default: villages report monthly); then what went up."""
    info = station_info(store)
    with store.read() as conn:
        names = {p.station: p.name for p in peers(conn)}
        streams = ledger.streams(conn, info.code)
        sent = []
        for peer in {p.station: p for p in peers(conn) if p.relation != "below"}.values():
            last = ledger.last_out(conn, peer.station)
            sent.append(
                SentStatus(
                    peer.station,
                    peer.name,
                    last["seq"] if last else 0,
                    last["at"] if last else "",
                    last["changes"] if last else 0,
                    ledger.acks(conn, peer.station),
                )
            )
        refused = tuple(ledger.refused_files(conn))
        below = {
            p.station: p.name
            for p in peers(conn)
            if p.relation == "child" and p.revoked_after is None
        }
        late_days = int(settings.get(conn, "sync_late_days", LATE_DAYS))
        day = settings.get(conn, reporting.REPORT_DAY)
    today = today or date.today()
    stations = [
        StationStatus(
            s.station,
            names.get(s.station, ""),
            s.last_seq,
            s.missing,
            s.last_import,
            s.rejected,
            s.quarantined,
            s.station in below
            and reporting.reported_late(
                _day(s.last_import) if s.last_import else None, today, day, late_days
            ),
            s.last_changes,
        )
        for s in streams
    ]
    heard = {s.station for s in stations}
    stations += [
        StationStatus(code, name, 0, (), "", 0, 0, True)
        for code, name in sorted(below.items())
        if code not in heard
    ]
    return SyncStatus(tuple(stations), tuple(sent), refused, late_days, day)


def audit_alarms(store: Store) -> tuple[audit_heads.HeadAlarm, ...]:
    """The stations whose audit log, as their batches vouched for it, went backwards or forked:
    the first time each did, with the batch that showed it and the entry."""
    with store.read() as conn:
        return tuple(audit_heads.alarms(conn).values())


def _day(stamp: str) -> date:
    return date.fromisoformat(stamp[:10])


def provenance(store: Store, change_id: str) -> Provenance:
    """The batch that brought `change_id` from the station that made it, re-verified now."""
    with store.read() as conn:
        return trace(conn, change_id)


def _receiver(conn: Connection, to: str | None) -> Peer:
    known = {p.station: p for p in peers(conn) if p.relation != "below" and p.revoked_after is None}
    if to:
        if to not in known:
            raise SyncError("unknown_station", station=to)
        return known[to]
    parents = [p for p in known.values() if p.relation == "parent"]
    if parents:
        return parents[-1]
    if not known:
        raise SyncError("not_enrolled")
    raise SyncError("choose_receiver")


def _carried_up(
    conn: Connection, receiver: Peer, acknowledged: dict[str, int]
) -> tuple[list[bytes], set[str], list[str], tuple[int, int], int]:
    """For a batch to our parent: the envelopes our children signed that hold a change the
    parent lacks (carried verbatim), the change ids they cover, their certificates, the room
    (changes, body bytes) they leave in one file, and the changes of those held back for the
    next batch. They are carried in order until one does not fit: a later one alone would be
    refused for the counters it skips. Those held back still cover their changes, which travel
    only in their own signed envelope."""
    room = (envelope.MAX_CHANGES, envelope.MAX_BODY_SIZE - _BODY_ROOM)
    if receiver.relation != "parent":
        return [], set(), [], room, 0
    children = {p.key_id: p for p in peers(conn, "child")}
    rows = ledger.envelopes_beyond(conn, acknowledged, {p.station for p in children.values()})
    carried, covered, certs, held_back = [], set(), {}, 0
    for row in rows:
        signer = children.get(row.origin_key)
        if signer is None or row.envelope is None:
            continue
        env = envelope.open_envelope(row.envelope, {signer.key_id: signer.sign_public}.get)
        changes = env.body["changes"]
        covered.update(f"{c['station']}:{c['counter']}" for c in changes)
        size = len(dump_bytes(env.body))
        if held_back or len(changes) > room[0] or size > room[1]:
            held_back += len(changes)
            continue
        carried.append(row.envelope)
        certs[signer.key_id] = base64.b64encode(signer.certificate).decode()
        room = (room[0] - len(changes), room[1] - size)
    return carried, covered, list(certs.values()), room, held_back


def _first_that_fit(pending: list[ChangeRecord], changes: int, size: int) -> list[ChangeRecord]:
    """The changes, in the log's order, that fit in one file beside what it carries; the rest
    go in the next batch (each station's counters still follow on, with no gap)."""
    taken = pending[:changes]
    total = 0
    for i, change in enumerate(taken):
        total += len(dump_bytes(change.to_json())) + 1
        if total > size:
            return taken[:i]
    return taken


def _is_home(value: object) -> bool:
    """The rules a supervisor's policy asks a home visit for: a list of known rules."""
    return isinstance(value, list) and all(rule in HOME_RULES for rule in value)


def _take_policy(conn: Connection, sent: dict, today: date) -> None:
    """The supervisor's policy, days and home-visit rules together (a town of an earlier
    version sends no home-visit rules: its policy asks for none); every child's due date is
    worked out again when it changes what the station had."""
    days, home = sent.get(settings.VISIT_POLICY), sent.get(settings.VISIT_POLICY_HOME, [])
    if not (_is_policy(days) and _is_home(home)):
        return
    policy = VisitPolicy(**{**VisitPolicy().days(), **days}, home=frozenset(home))
    if policy != settings.visit_policy(conn):
        settings.put_visit_policy(conn, policy)
        derived_repo.refresh_derived(conn, None, today, policy)


def _is_policy(value: object) -> bool:
    """A visit policy as the supervisor sends it: known rules, each a number of days."""
    return isinstance(value, dict) and all(
        k in DAY_RULES and type(v) is int and 0 < v <= 3660 for k, v in value.items()
    )


def _take_report_day(conn: Connection, sent: object) -> None:
    """The county's reporting calendar (a due day of the month), as a batch from above
    carries it; anything else is not taken."""
    if reporting.report_day_ok(sent) and sent != settings.get(conn, reporting.REPORT_DAY):
        settings.put(conn, reporting.REPORT_DAY, sent)


def _downward_settings(conn: Connection) -> dict:
    return {k: v for k in DOWNWARD_SETTINGS if (v := settings.get(conn, k)) is not None}


def _escrow(conn: Connection) -> list[bytes]:
    escrow = settings.get(conn, "sync_escrow")
    return [base64.b64decode(escrow)] if escrow else []


def _write_checked(out: Path, data: bytes, sign_public: bytes) -> None:
    """Write beside, read back, compare the hash and the signature, then move into place."""
    with written_whole(out) as tmp:
        tmp.write_bytes(data)
        back = tmp.read_bytes()
        if hashlib.sha256(back).digest() != hashlib.sha256(data).digest():
            raise SyncError("written_file_differs", path=out.name)
        batchfile.check_signature(back, sign_public)


def _read(store: Store, path: Path) -> tuple[bytes, FileResult | None]:
    try:
        if path.stat().st_size > batchfile.MAX_FILE_SIZE:
            return b"", _refused(path, "file_too_large", "")
        return path.read_bytes(), None
    except OSError:
        return b"", _refused(path, "unreadable_file", "")


def _refused(
    path: Path, reason: str, station: str, seq: int | None = None, detail: dict | None = None
) -> FileResult:
    return FileResult(str(path), "rejected", reason, station, seq, 0, 0, detail or {})


def _settle(
    store: Store, path: Path, checked: intake.Checked, status: str, reason: str, today: date
) -> FileResult:
    own = checked.own
    if status == "apply":
        try:
            with store.write() as conn:
                merged = apply_changes(conn, list(checked.changes), today)
                _bookkeeping(conn, path, checked, today)
            return FileResult(
                str(path),
                "applied",
                "",
                own.origin,
                own.seq,
                merged.applied,
                merged.conflicts_opened,
            )
        except Equivocation:
            status, reason = "quarantined", "equivocation"
        except SyncError as error:
            return _refused(path, error.code, own.origin, own.seq, error.params)
    if status == "quarantined":
        with store.write() as conn:
            ledger.record(conn, own, "in", "quarantined", path.name, reason)
            audit.record(conn, "import", detail=f"{path.name}: quarantined {reason}")
    return FileResult(str(path), status, reason, own.origin, own.seq, 0, 0)


def _bookkeeping(conn: Connection, path: Path, checked: intake.Checked, today: date) -> None:
    own, sender = checked.own, checked.sender
    ledger.record(conn, own, "in", "applied", path.name)
    raised = [audit_heads.keep(conn, own)]
    for env in checked.carried:
        if not ledger.known(conn, env.hash):
            ledger.record(conn, env, "in", "carried", path.name, via=own.hash)
            raised.append(audit_heads.keep(conn, env))
    for cert in checked.certificates:
        if peer_by_key(conn, cert.subject.key_id) is None:
            add_peer(conn, cert.peer(cert.subject, "below"))
        # The station below the sender is known by the name its certificate gives it, as the
        # sender knows it (a county lists the town's villages by name, not by code).
        if cert.subject.station.startswith(sender.station):
            names = {"code": cert.subject.station, "name": cert.subject.name}
            driver.put_row(conn, t.division, names)
    ledger.set_acks(conn, sender.station, own.body.get("acks", {}))
    if sender.relation == "parent":
        _take_policy(conn, own.body.get("settings", {}), today)
        approval.take_rules(conn, own.body.get("settings", {}).get(review_repo.RULES))
        _take_report_day(conn, own.body.get("settings", {}).get(reporting.REPORT_DAY))
    audit.record(conn, "import", detail=f"{path.name}: batch {own.seq} from {own.origin} applied")
    for alarm in filter(None, raised):
        detail = f"{path.name}: audit log of {alarm.origin} {alarm.kind} at entry {alarm.entry}"
        audit.record(conn, "import", detail=detail)
