"""Setting up a station (village, town or county) and reading who it is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import insert, select

from ..domain.station_setup import check_setup
from ..errors import StationError, ValidationFailed
from ..storage import audit, derived_repo, keyfile, settings
from ..storage import tables as t
from ..storage.store import Store


@dataclass(frozen=True)
class StationInfo:
    code: str
    role: str
    name: str
    officer: str


@dataclass(frozen=True)
class SetupResult:
    station: StationInfo
    recovery_code: str


def init_station(
    path: Path,
    passphrase: str,
    role: str,
    code: str,
    name: str,
    officer: str,
    kdf: keyfile.KdfParams | None = None,
    server: str | None = None,
) -> tuple[Store, SetupResult]:
    """Create the encrypted store and record the station; nothing is written when refused.
    With `server` (a PostgreSQL URL) the store is made there and `path` is its link file."""
    code = code.strip()
    problems = check_setup(role, code, name, officer)
    if problems:
        raise ValidationFailed(problems)
    store, recovery = Store.create(path, passphrase, kdf, server)
    with store.write() as conn:
        conn.execute(
            insert(t.station),
            {
                "id": 1,
                "code": code,
                "role": role,
                "name": name.strip(),
                "officer": officer.strip(),
                "created_at": datetime.now().isoformat(timespec="seconds"),
                "change_counter": 0,
                "clock": "",
            },
        )
        conn.execute(insert(t.division), {"code": code, "name": name.strip()})
    return store, SetupResult(station_info(store), recovery)


def print_recovery_code(setup: SetupResult, out: Path, today: date | None = None) -> int:
    """The recovery code on one page to print or keep (see reports/recovery_pdf.py); returns
    its number of pages."""
    # Imported here: reportlab loads only when the page is asked for, not with every window.
    from ..reports.recovery_pdf import render_recovery_code

    station = setup.station
    return render_recovery_code(
        out, station.name, station.code, setup.recovery_code, today or date.today()
    )


def station_info(store: Store) -> StationInfo:
    with store.read() as conn:
        row = conn.execute(
            select(t.station.c.code, t.station.c.role, t.station.c.name, t.station.c.officer)
        ).first()
    if row is None:
        raise StationError("station_not_set_up")
    return StationInfo(*row)


def keep_in_school(store: Store, on: bool, today: date | None = None) -> int:
    """Choose the Guangdong rule (粤民规字〔2019〕10号) for this station: 孤儿 and 事实无人抚养儿童
    in full-time schooling keep their category past 18. Every child's categories are worked
    out again; returns how many children were looked at."""
    with store.write() as conn:
        settings.put(conn, derived_repo.KEEP_IN_SCHOOL, bool(on))
        audit.record(conn, "update", "setting", derived_repo.KEEP_IN_SCHOOL, {"on": bool(on)})
        policy = settings.visit_policy(conn)
        return derived_repo.refresh_derived(conn, None, today or date.today(), policy)
