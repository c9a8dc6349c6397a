"""Encryption: the same work on an encrypted store and on a plain SQLite store, in the same run.

Each store is built from nothing (10,000 demo children with families, categories and visits),
then the main list is counted and paged, names are typed into the search a letter at a time,
200 files are saved one by one, and a village's whole change log is merged into an empty town.
The plain store is the program's own engine and migrations without a key. Times are the best of
three (fill: one run each); the ratio is encrypted / plain, the target under 1.25.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import insert

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.services.children import ChildQuery, Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import migrate
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.engine import make_engine
from childcare_desktop.core.storage.store import Store
from childcare_desktop.core.sync.merge import apply_changes, changes_since

from .common import CHEAP_KDF, PASSPHRASE, row

CHILDREN, SAVES, RUNS = 10_000, 200, 3
VILLAGE, TOWN = ("441481103201", "新陂村"), ("441481103", "城关镇")
TODAY = date(2026, 11, 23)
# What an officer types while looking a child up: a family name, then more of the name.
TYPED = ("王", "王小", "李", "李秀", "张", "陈", "w", "wa", "li", "zh")
TARGET = "< 1.25"


def _encrypted(path: Path, role: str, code: str, name: str) -> Store:
    store, _ = init_station(path, PASSPHRASE, role, code, name, "基准", kdf=CHEAP_KDF)
    return store


def _plain(path: Path, role: str, code: str, name: str) -> Store:
    """The same schema and station through the program's engine, without a key."""
    path.parent.mkdir(parents=True, exist_ok=True)
    store = Store(path, make_engine(path, None), None)
    migrate.upgrade(store.engine)
    with store.write() as conn:
        conn.execute(
            insert(t.station),
            {"id": 1, "code": code, "role": role, "name": name, "officer": "基准",
             "created_at": datetime.now().isoformat(timespec="seconds"),
             "change_counter": 0, "clock": ""},
        )  # fmt: skip
        conn.execute(insert(t.division), {"code": code, "name": name})
    return store


def _best(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def _list_and_search(children: Children) -> tuple[float, float]:
    everyone = ChildQuery()

    def list_pages():
        for offset in (0, 50, 5000, CHILDREN - 50):
            children.count_matching(everyone)
            children.page(everyone, offset, 50)

    def type_ahead():
        for text in TYPED:
            query = ChildQuery(text=text)
            children.count_matching(query)
            children.page(query, 0, 50)

    return _best(list_pages), _best(type_ahead)


def _saves(children: Children) -> float:
    """Best of three rounds of SAVES new files, each saved on its own (a transaction each)."""
    rounds = []
    for run in range(RUNS):
        start = time.perf_counter()
        for i in range(SAVES):
            born = date(2015, 1, 1 + i % 28)
            number = idnumber.make(VILLAGE[0][:6], born, 100 + run * SAVES + i, "male")
            children.save(Child(name=f"基准{i}", sex="male", birth_date=born,
                                village_code=VILLAGE[0], id_number=number))  # fmt: skip
        rounds.append(time.perf_counter() - start)
    return min(rounds)


def _measure(folder: Path, opener) -> dict[str, float]:
    village = opener(folder / "village.db", "village", *VILLAGE)
    start = time.perf_counter()
    fill_demo(village, CHILDREN, seed=7, today=TODAY)
    figures = {"fill": time.perf_counter() - start}
    children = Children(village, today=lambda: TODAY)
    figures["list"], figures["search"] = _list_and_search(children)
    figures["save"] = _saves(children)
    with village.read() as conn:
        changes = changes_since(conn, {})
    village.close()
    merges = []
    for run in range(RUNS):
        town = opener(folder / f"town-{run}.db", "town", *TOWN)
        start = time.perf_counter()
        with town.write() as conn:
            apply_changes(conn, changes, TODAY)
        merges.append(time.perf_counter() - start)
        town.close()
    figures["merge"] = min(merges)
    figures["changes"] = len(changes)
    return figures


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        plain = _measure(Path(tmp) / "plain", _plain)
        encrypted = _measure(Path(tmp) / "encrypted", _encrypted)
    return [
        row(f"fill_demo, {CHILDREN} children (families, visits)", encrypted["fill"], "s",
            plain["fill"], TARGET),
        row("list: count + page of 50, at four places", encrypted["list"] * 1000, "ms",
            plain["list"] * 1000, TARGET),
        row(f"type-ahead: {len(TYPED)} searches, count + first page", encrypted["search"] * 1000,
            "ms", plain["search"] * 1000, TARGET),
        row(f"save {SAVES} files one by one", encrypted["save"], "s", plain["save"], TARGET),
        row(f"merge a village's {encrypted['changes']} changes into a town", encrypted["merge"],
            "s", plain["merge"], TARGET),
    ]  # fmt: skip
