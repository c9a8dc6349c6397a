"""Benchmark of the visit schedule: the due list over 100,000 children and 1,000,000 visits.

`python -m bench.bench_visits` prints a table; `run()` returns the rows. The store is a copy of
the cached county store (bench/out/) topped up with synthetic visits to a million, kept for
later runs. Each figure is the best of several runs, beside a plain SELECT of the same children
fetched the same way (through SQLAlchemy, or on the DB-API cursor as Visits.due fetches).
"""

from __future__ import annotations

import random
import shutil
import time
import uuid
from dataclasses import replace
from datetime import date, timedelta

from childcare_desktop.core.domain.visit import MODES
from childcare_desktop.core.domain.visit_policy import HOME_RULES
from childcare_desktop.core.services.visits import _DUE_SQL, Visits, _home_reasons_sql
from childcare_desktop.core.storage import derived_repo, keyfile, settings
from childcare_desktop.core.storage.store import Store

from .common import OUT, PASSPHRASE, county_100k, row

# The baseline reads the same columns of the same children, in the table's own order.
_PLAIN_SQL = (
    "SELECT uuid, name, next_due, interval_days, due_reason, risk, last_visit FROM child "
    "WHERE status = 'active' AND next_due IS NOT NULL"
)
VISITS = 1_000_000
REPEAT = 5
TARGET_MS = 200.0
_INSERT = (
    "INSERT INTO visit (uuid, child_uuid, visit_date, mode, visitor, met, findings, needs, "
    "actions, guardianship, recorded_at) "
    "VALUES (?, ?, ?, ?, '儿童主任', '祖母', '{}', '', '', '', ?)"
)


def visits_store() -> Store:
    """The county store with a million visits (built once from a copy of county-100k)."""
    path = OUT / "visits-1m.db"
    if not Store.exists(path):
        county_100k().close()
        source = OUT / "county-100k.db"
        shutil.copyfile(keyfile.key_path(source), keyfile.key_path(path))
        shutil.copyfile(source, path)
    store = Store.open(path, PASSPHRASE)
    with store.write() as conn:
        have = conn.exec_driver_sql("SELECT count(*) FROM visit").scalar_one()
        if have < VISITS:
            _add_visits(conn, VISITS - have)
            today = date.today()
            derived_repo.refresh_derived(conn, None, today, settings.visit_policy(conn))
    return store


def _add_visits(conn, count: int) -> None:
    rng = random.Random(11)
    uuids = [r[0] for r in conn.exec_driver_sql("SELECT uuid FROM child")]
    today = date.today()
    stamp = today.isoformat() + "T00:00:00"
    batch = []
    for _ in range(count):
        day = today - timedelta(days=rng.randint(1, 1500))
        batch.append(
            (str(uuid.uuid4()), rng.choice(uuids), day.isoformat(), rng.choice(MODES[:4]), stamp)
        )
        if len(batch) == 50_000:
            conn.exec_driver_sql(_INSERT, batch)
            batch = []
    if batch:
        conn.exec_driver_sql(_INSERT, batch)


def _best_ms(fn) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(REPEAT):
        start = time.perf_counter()
        result = fn()
        best = min(best, (time.perf_counter() - start) * 1000)
    return best, result


def run() -> list[dict]:
    store = visits_store()
    try:
        visits = Visits(store)
        with store.read() as conn:
            n_children, n_visits = conn.exec_driver_sql(
                "SELECT (SELECT count(*) FROM child), (SELECT count(*) FROM visit)"
            ).one()

        soon = date.today() + timedelta(days=7)
        params = {"as_of": date.today().isoformat(), "soon": soon.isoformat()}

        due_sql = _DUE_SQL.format(where="", limit="", home="0")
        with store.read() as conn:
            policy = settings.visit_policy(conn)
        # Every rule asking for a home visit: the due list's extra column and the refresh's
        # extra read of each child's last home visit at their most.
        home_policy = replace(policy, home=frozenset(HOME_RULES))
        home_sql = _DUE_SQL.format(where="", limit="", home=_home_reasons_sql(home_policy))

        def fetch(sql: str):
            with store.read() as conn:
                return conn.exec_driver_sql(sql, params).fetchall()

        def fetch_cursor(sql: str):
            with store.read() as conn:
                return conn.connection.driver_connection.execute(sql, params).fetchall()

        def every_date_read():
            rows = visits.due()
            return [(r.due_date, r.last_visit) for r in rows]

        baseline_sa, active = _best_ms(lambda: fetch(_PLAIN_SQL))
        sql_sa_ms, _ = _best_ms(lambda: fetch(due_sql))
        baseline, _ = _best_ms(lambda: fetch_cursor(_PLAIN_SQL))
        sql_ms, due = _best_ms(lambda: fetch_cursor(due_sql))
        service_ms, _ = _best_ms(visits.due)
        dated_ms, _ = _best_ms(every_date_read)
        overdue_ms, _ = _best_ms(lambda: visits.due(status="overdue", limit=200))
        counts_ms, _ = _best_ms(visits.due_counts)
        home_ms, _ = _best_ms(lambda: fetch_cursor(home_sql))
        start = time.perf_counter()
        with store.write() as conn:
            derived_repo.refresh_derived(conn, None, date.today(), home_policy)
        home_refresh_s = time.perf_counter() - start
        # The store's own policy last, so the kept copy is as its policy says.
        start = time.perf_counter()
        with store.write() as conn:
            derived_repo.refresh_derived(conn, None, date.today(), policy)
        refresh_s = time.perf_counter() - start
    finally:
        store.close()
    label = f"{n_children:,} children, {n_visits:,} visits"
    target = f"< {TARGET_MS:.0f} ms"
    return [
        row(f"due list in SQL, {len(due):,} rows ({label})", sql_ms, "ms", baseline, target),
        row(f"plain SELECT of the {len(active):,} active children", baseline, "ms"),
        row("due list in SQL through SQLAlchemy", sql_sa_ms, "ms", baseline_sa, target),
        row("plain SELECT through SQLAlchemy", baseline_sa, "ms"),
        row("due list as records (Visits.due)", service_ms, "ms", baseline, target),
        row("due list as records, every date read", dated_ms, "ms", baseline),
        row("overdue, first 200 (Today view)", overdue_ms, "ms", baseline),
        row("due counts by status (Today view)", counts_ms, "ms", baseline),
        row("due list in SQL, every rule asking a home visit", home_ms, "ms", sql_ms, target),
        row("recompute every child after a policy edit", refresh_s, "s"),
        row("the same, every rule asking a home visit", home_refresh_s, "s"),
    ]


if __name__ == "__main__":
    from .common import print_table

    print_table(__doc__.splitlines()[0], run())
