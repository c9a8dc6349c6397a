"""What the benchmarks share: cached demo stores under bench/out/, rows and the printed table."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import keyfile
from childcare_desktop.core.storage.store import Store

OUT = Path(__file__).resolve().parent / "out"
PASSPHRASE = "bench passphrase"
# The key derivation has its own figure; the stores here only have to open quickly.
CHEAP_KDF = keyfile.KdfParams(time_cost=1, memory_kib=8192, parallelism=1)


def demo_store(path: Path, role: str, code: str, name: str, children: int) -> Store:
    """Open the cached store at `path`, or build it with demo children (minutes for 100,000)."""
    if Store.exists(path):
        return Store.open(path, PASSPHRASE)
    path.parent.mkdir(parents=True, exist_ok=True)
    store, _ = init_station(path, PASSPHRASE, role, code, name, "基准", kdf=CHEAP_KDF)
    fill_demo(store, children, seed=7)
    return store


def county_100k() -> Store:
    return demo_store(OUT / "county-100k.db", "county", "441481", "兴宁市", 100_000)


def row(
    name: str, value: float, unit: str, baseline: float | None = None, target: str = ""
) -> dict:
    """One figure; `ratio` is value / baseline when a baseline was measured in the same run."""
    ratio = round(value / baseline, 2) if baseline else None
    return {
        "name": name,
        "value": round(value, 3),
        "unit": unit,
        "baseline": None if baseline is None else round(baseline, 3),
        "ratio": ratio,
        "target": target,
    }


def print_table(title: str, rows: list[dict]) -> None:
    print(f"\n{title}")
    print(f"{'figure':<52} {'value':>12} {'unit':<9} {'baseline':>10} {'ratio':>7}  target")
    for r in rows:
        base = "" if r.get("baseline") is None else f"{r['baseline']:.3f}"
        ratio = "" if r.get("ratio") is None else f"{r['ratio']:.2f}"
        print(
            f"{r['name']:<52} {r['value']:>12.3f} {r['unit']:<9} {base:>10} {ratio:>7}  "
            f"{r.get('target', '')}"
        )


@contextmanager
def fresh_database(server: str) -> Iterator[str]:
    """The URL of a fresh, empty database (from template0) on the benchmarks' PostgreSQL
    server, dropped afterwards."""
    import psycopg
    from psycopg import sql

    name = f"bench_{secrets.token_hex(6)}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name)))
    try:
        yield urlsplit(server)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
