"""PostgreSQL: the town's merge beside COPY of the same rows; a county of 100,000 children.

On the server of CHILDCARE_TEST_PG (`make bench` starts a throwaway one with scripts/pg.sh; the
password comes from PGPASSWORD), each store in a fresh database of its own, dropped after:

- the merge benchmark's village bundle (bench_merge: 10,000 children, 100,000 visits, about
  147,000 changes) merged into an empty town store on the server, beside psycopg's `COPY` of the
  same rows (the change log's rows and the entity rows the merge wrote, read back as the server
  holds them, sealed) into the same tables of another fresh town store, in the same run; the same
  merge into a SQLite town is printed for comparison, and the sealing of the batch's sealed
  values alone (the part of the merge's work that SQLite does not do);
- a county of 100,000 demo children (fill_demo on the server) topped up to 1,000,000 visits: the
  summary's figures beside the counted children alone, the due list beside a plain SELECT of the
  same children, and type-ahead in the real list of children beside the same county on SQLite.

Where there is no server it says why in one line and measures nothing. BENCH_PG_PARTS=merge (or
county) runs that part alone.
"""

from __future__ import annotations

import os
import random
import secrets
import statistics
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy import select

from childcare_desktop.core.domain.visit import MODES
from childcare_desktop.core.services import summary_count
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.services.visits import Visits
from childcare_desktop.core.storage import derived_repo, driver, sealing, settings
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.store import Store
from childcare_desktop.core.sync.merge import apply_changes, changes_since

from . import bench_merge
from .common import CHEAP_KDF, OUT, PASSPHRASE, county_100k, fresh_database, row

SERVER_VARIABLE = "CHILDCARE_TEST_PG"
REASON_VARIABLE = "CHILDCARE_TEST_PG_REASON"
PARTS_VARIABLE = "BENCH_PG_PARTS"  # "merge", "county" or both, comma-separated; both when unset
# Each merge into the server takes tens of seconds; the best of three, merge and COPY interleaved.
RUNS = 3
REPEAT = 5  # the county's reads: the best of five
CHILDREN, VISITS = 100_000, 1_000_000
# The rows the merge writes that COPY writes too: the change log and the entities' own rows.
COPIED = ("change", *bench_merge.ENTITIES)
_VISIT_COLUMNS = (
    "uuid", "child_uuid", "visit_date", "mode", "visitor", "met", "findings", "needs", "actions",
    "guardianship", "recorded_at",
)  # fmt: skip
_PLAIN_DUE = (
    "SELECT uuid, name, next_due, interval_days, due_reason, risk, last_visit FROM child "
    "WHERE status = 'active' AND next_due IS NOT NULL"
)


def _server() -> tuple[str | None, str]:
    """The server's URL, or None and why there is none."""
    url = os.environ.get(SERVER_VARIABLE, "")
    if not url:
        why = os.environ.get(REASON_VARIABLE) or "`make bench` starts one with scripts/pg.sh"
        return None, f"{SERVER_VARIABLE} is not set ({why})"
    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as error:
        return None, f"cannot connect to {url}: {' '.join(str(error).split())}"
    return url, ""


def _station(folder: Path, url: str, role: str, code: str, name: str) -> Store:
    store, _ = init_station(
        folder / f"{role}-{secrets.token_hex(4)}.server", PASSPHRASE, role, code, name, "基准",
        kdf=CHEAP_KDF, server=url,
    )  # fmt: skip
    return store


def _town(folder: Path, url: str) -> Store:
    return _station(folder, url, "town", "441481103", "城关镇")


def _columns(name: str) -> list[str]:
    return [c.name for c in t.metadata.tables[name].columns]


def _merge_into_server(
    folder: Path, url: str, changes: list, village: Store
) -> tuple[float, int, float]:
    """(seconds, changes applied, seconds the sealing alone takes on this server's store)."""
    town = _town(folder, url)
    try:
        start = time.perf_counter()
        with town.write() as conn:
            applied = apply_changes(conn, changes, bench_merge.TODAY).applied
        seconds = time.perf_counter() - start
        return seconds, applied, _sealing_alone(village, town.engine.dialect)
    finally:
        town.close()


def _megabytes(url: str) -> dict[str, float]:
    """The database's size on disk, and the largest tables' with their indexes, in MB."""
    with psycopg.connect(url) as conn:
        whole = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        found = {"database": whole / 1e6}
        for name in ("change", "child", "visit"):
            size = conn.execute("SELECT pg_total_relation_size(%s)", (name,)).fetchone()[0]
            found[name] = size / 1e6
        return found


def _size_rows(what: str, url: str) -> list[dict]:
    rows = []
    for part, mb in _megabytes(url).items():
        named = f"{what}: database" if part == "database" else f"{what}: {part} and its indexes"
        rows.append(row(named, mb, "MB"))
    return rows


def _held(url: str) -> dict[str, list[tuple]]:
    """The rows COPY is to write, as the server holds them after the merge (sealed)."""
    with psycopg.connect(url) as conn:
        return {
            name: conn.execute(
                sql.SQL("SELECT {} FROM {}").format(
                    sql.SQL(", ").join(map(sql.Identifier, _columns(name))), sql.Identifier(name)
                )
            ).fetchall()
            for name in COPIED
        }


def _copy_into_server(folder: Path, url: str, rows: dict[str, list[tuple]]) -> float:
    """COPY of the same rows into the same tables of a fresh town store (its indexes and all)."""
    _town(folder, url).close()
    with psycopg.connect(url) as conn:
        start = time.perf_counter()
        with conn.transaction(), conn.cursor() as cursor:
            for name in COPIED:
                statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
                    sql.Identifier(name), sql.SQL(", ").join(map(sql.Identifier, _columns(name)))
                )
                with cursor.copy(statement) as copy:
                    for r in rows[name]:
                        copy.write_row(r)
        return time.perf_counter() - start


def _sealing_alone(village: Store, dialect) -> float:
    """Seconds to seal every sealed value of the batch's rows, as the merge does on a server."""
    with village.read() as conn:
        plain = {n: [tuple(r) for r in conn.execute(select(t.metadata.tables[n]))] for n in COPIED}
    start = time.perf_counter()
    for name, rows in plain.items():
        seal = sealing.sealers(t.metadata.tables[name].columns, dialect)
        for r in rows:
            sealing.apply(r, seal)
    return time.perf_counter() - start


def _merge_rows(server: str) -> list[dict]:
    village = bench_merge.village_10k()
    with village.read() as conn:
        changes = changes_since(conn, {})
    merge_s, copy_s, sqlite_s = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for _ in range(RUNS):
            with fresh_database(server) as merged, fresh_database(server) as copied:
                seconds, applied, seal_s = _merge_into_server(folder, merged, changes, village)
                merge_s.append(seconds)
                rows = _held(merged)
                sizes = _size_rows("town after the merge", merged)
                copy_s.append(_copy_into_server(folder, copied, rows))
            with tempfile.TemporaryDirectory() as each:
                sqlite_s.append(bench_merge._merge(Path(each), changes)[0])
    village.close()
    count = sum(len(r) for r in rows.values())
    counts = ", ".join(f"{len(rows[n]):,} {n}" for n in COPIED)
    merge, copied, lite = min(merge_s), min(copy_s), min(sqlite_s)
    return [
        row(f"rows written ({counts})", count, "rows"),
        row("changes applied", applied, "changes"),
        row(f"COPY of the same rows, server (best of {RUNS})", copied, "s"),
        row(f"merge into the server (best of {RUNS})", merge, "s", copied, "<= 3"),
        row("merge into the server", count / merge, "rows/s", count / copied),
        row("the same merge into an encrypted SQLite town", lite, "s"),
        row("sealing the batch's sealed values alone", seal_s, "s", merge),
        *sizes,
    ]


def _add_visits(url: str, count: int) -> None:
    """Synthetic visits, as bench_visits adds them to the SQLite county, by COPY."""
    rng = random.Random(11)
    today = date.today()
    stamp = today.isoformat() + "T00:00:00"
    with psycopg.connect(url) as conn:
        uuids = [r[0] for r in conn.execute("SELECT uuid FROM child")]
        statement = sql.SQL("COPY visit ({}) FROM STDIN").format(
            sql.SQL(", ").join(map(sql.Identifier, _VISIT_COLUMNS))
        )
        with conn.cursor().copy(statement) as copy:
            for _ in range(count):
                day = today - timedelta(days=rng.randint(1, 1500))
                copy.write_row(
                    (str(uuid.uuid4()), rng.choice(uuids), day, rng.choice(MODES[:4]),
                     "儿童主任", "祖母", "{}", "", "", "", stamp)
                )  # fmt: skip


def _county(folder: Path, url: str) -> tuple[Store, float]:
    """The county on the server: 100,000 demo children, visits up to 1,000,000, every child's
    derived columns worked out again; returns it and the seconds fill_demo took."""
    store = _station(folder, url, "county", "441481", "兴宁市")
    start = time.perf_counter()
    fill_demo(store, CHILDREN, seed=7)
    fill_s = time.perf_counter() - start
    with store.read() as conn:
        held = conn.exec_driver_sql("SELECT count(*) FROM visit").scalar_one()
    if held < VISITS:
        _add_visits(url, VISITS - held)
        with store.write() as conn:
            policy = settings.visit_policy(conn)
            derived_repo.refresh_derived(conn, None, date.today(), policy)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")  # as autovacuum leaves a settled table
    return store, fill_s


def _best_ms(fn) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(REPEAT):
        start = time.perf_counter()
        result = fn()
        best = min(best, (time.perf_counter() - start) * 1000)
    return best, result


def _summary_rows(store: Store) -> list[dict]:
    reports = Reports(store)
    today = date.today()
    start = time.perf_counter()
    figures = reports.figures(today)
    first_s = time.perf_counter() - start

    def counted():
        with store.read() as conn:
            return conn.exec_driver_sql(
                f"SELECT count(*) FROM child c WHERE {summary_count.WHEN_COUNTED}",
                {"day": today.isoformat()},
            ).scalar_one()

    baseline_ms, _ = _best_ms(counted)
    again_ms, _ = _best_ms(lambda: reports.figures(today))
    return [
        row(f"summary figures, first ({figures.total:,} children)", first_s, "s",
            baseline_ms / 1000, "< 1 s"),
        row(f"summary figures, again (best of {REPEAT})", again_ms / 1000, "s",
            baseline_ms / 1000, "< 1 s"),
        row("baseline: the counted children alone", baseline_ms / 1000, "s"),
    ]  # fmt: skip


def _due_rows(store: Store) -> list[dict]:
    visits = Visits(store)

    def plain():
        with store.read() as conn:
            return driver.raw(conn).execute(_PLAIN_DUE).fetchall()

    baseline, active = _best_ms(plain)
    due_ms, due = _best_ms(visits.due)
    overdue_ms, _ = _best_ms(lambda: visits.due(status="overdue", limit=200))
    counts_ms, _ = _best_ms(visits.due_counts)
    return [
        row(f"due list as records (Visits.due, {len(due):,} rows)", due_ms, "ms", baseline,
            "< 200 ms"),
        row(f"baseline: plain SELECT of the {len(active):,} active children", baseline, "ms"),
        row("overdue, first 200 (Today view)", overdue_ms, "ms", baseline),
        row("due counts by status (Today view)", counts_ms, "ms", baseline),
    ]  # fmt: skip


def _typeahead_rows(store: Store) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from . import bench_typeahead

    app = QApplication.instance() or QApplication([])
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    delay = bench_typeahead.SEARCH_DELAY_MS
    on_server = [ms - delay for ms in bench_typeahead._typed(store)]
    county = county_100k()
    try:
        on_file = [ms - delay for ms in bench_typeahead._typed(county)]
    finally:
        county.close()
    p95 = bench_typeahead._p95
    # Each key's search is the text typed so far: three characters or more have a trigram for
    # the server's index to find them by (migration 0024); one or two are read from every row.
    typed = [n for text in bench_typeahead.SEARCHES for n in range(1, len(text) + 1)]
    short = [ms for ms, n in zip(on_server, typed, strict=True) if n < 3]
    longer = [ms for ms, n in zip(on_server, typed, strict=True) if n >= 3]
    return [
        row(f"type-ahead beyond the debounce, median ({len(on_server)} keys)",
            statistics.median(on_server), "ms", statistics.median(on_file), "< 50 ms"),
        row("type-ahead beyond the debounce, 95th percentile", p95(on_server), "ms",
            p95(on_file), "< 50 ms"),
        row("type-ahead beyond the debounce, worst", max(on_server), "ms", max(on_file)),
        row(f"type-ahead, 3 characters or more typed, median ({len(longer)} keys)",
            statistics.median(longer), "ms"),
        row(f"type-ahead, 1 or 2 characters typed, median ({len(short)} keys)",
            statistics.median(short), "ms"),
    ]  # fmt: skip


def _county_rows(server: str) -> list[dict]:
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp, fresh_database(server) as url:
        store, fill_s = _county(Path(tmp), url)
        try:
            rows.append(row(f"fill_demo of {CHILDREN:,} children on the server", fill_s, "s"))
            rows += _size_rows("county", url)
            for part in (_summary_rows, _due_rows, _typeahead_rows):
                rows += _attempt(part, store)
        finally:
            store.close()
    return rows


def _attempt(part, *args) -> list[dict]:
    """A part that fails on the server is told (its error) and the others still run."""
    try:
        return part(*args)
    except Exception as error:  # the benchmark reports what failed and goes on
        print(f"bench_pg: {part.__name__} failed: {type(error).__name__}: {error}")
        return []


def run() -> list[dict]:
    server, reason = _server()
    if server is None:
        print(f"bench_pg: no PostgreSQL server, nothing measured: {reason}")
        return []
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("CHILDCARE_HOME", str(OUT / "home"))
    parts = {"merge": _merge_rows, "county": _county_rows}
    chosen = os.environ.get(PARTS_VARIABLE, "").replace(" ", "").split(",")
    return [
        figure
        for name, part in parts.items()
        if chosen == [""] or name in chosen
        for figure in _attempt(part, server)
    ]


if __name__ == "__main__":
    from .common import print_table

    print_table(__doc__.splitlines()[0], run())
