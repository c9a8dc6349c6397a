"""Encryption: the same work on an encrypted store and on a plain SQLite store, in the same run.

Each store is built from nothing (10,000 demo children with families, categories and visits),
then the main list is counted and paged, names are typed into the search a letter at a time,
a village's whole change log is merged into an empty town, and 200 files are saved one by one.
Merges and saves are taken in turn, a plain one then an encrypted one, so that the machine's
drift falls on both alike. The plain store is the program's own engine and migrations without a
key. Times are the best of three (fill: one run each; saves: of five rounds); the ratio is
encrypted / plain, the target under 1.25.
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

CHILDREN, SAVES, RUNS, SAVE_RUNS = 10_000, 200, 3, 5
# The list and the type-ahead take milliseconds: the best of three ranged 0.8-2.7 times the
# plain store from run to run.
LOOKUP_RUNS = 20
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


def _best(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
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

    return _best(list_pages, LOOKUP_RUNS), _best(type_ahead, LOOKUP_RUNS)


def _save_round(children: Children, run: int) -> float:
    """One round of SAVES new files, each saved on its own (a transaction each)."""
    start = time.perf_counter()
    for i in range(SAVES):
        born = date(2015, 1, 1 + i % 28)
        number = idnumber.make(VILLAGE[0][:6], born, 100 + run * SAVES + i, "male")
        children.save(Child(name=f"基准{i}", sex="male", birth_date=born,
                            village_code=VILLAGE[0], id_number=number))  # fmt: skip
    return time.perf_counter() - start


def _saves(stores: dict[str, Store]) -> dict[str, float]:
    """Best of SAVE_RUNS rounds per store, the two stores' rounds taken in turn: a save is a
    few milliseconds, most of it the disk's flush, whose speed drifts over a run; taking the
    rounds in turn puts the drift on both alike."""
    rounds: dict[str, list[float]] = {label: [] for label in stores}
    for run in range(SAVE_RUNS):
        for label, store in stores.items():
            rounds[label].append(_save_round(Children(store, today=lambda: TODAY), run))
    return {label: min(times) for label, times in rounds.items()}


def _measure(folder: Path, opener) -> dict:
    """Fill a village, then list and search it; the village is left open for the turns."""
    village = opener(folder / "village.db", "village", *VILLAGE)
    start = time.perf_counter()
    fill_demo(village, CHILDREN, seed=7, today=TODAY)
    figures: dict = {"fill": time.perf_counter() - start}
    children = Children(village, today=lambda: TODAY)
    figures["list"], figures["search"] = _list_and_search(children)
    with village.read() as conn:
        figures["changes"] = changes_since(conn, {})
    figures["village"] = village
    return figures


def _merges(folders: dict[str, Path], changes: dict[str, list]) -> dict[str, float]:
    """Best of RUNS merges of each village's log into an empty town, the two in turn."""
    openers = {"plain": _plain, "encrypted": _encrypted}
    times: dict[str, list[float]] = {label: [] for label in folders}
    for run in range(RUNS):
        for label, folder in folders.items():
            town = openers[label](folder / f"town-{run}.db", "town", *TOWN)
            start = time.perf_counter()
            with town.write() as conn:
                apply_changes(conn, changes[label], TODAY)
            times[label].append(time.perf_counter() - start)
            town.close()
    return {label: min(t) for label, t in times.items()}


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        folders = {"plain": Path(tmp) / "plain", "encrypted": Path(tmp) / "encrypted"}
        plain = _measure(folders["plain"], _plain)
        encrypted = _measure(folders["encrypted"], _encrypted)
        merges = _merges(folders, {"plain": plain["changes"], "encrypted": encrypted["changes"]})
        villages = {"plain": plain["village"], "encrypted": encrypted["village"]}
        saves = _saves(villages)
        for village in villages.values():
            village.close()
    return [
        row(f"fill_demo, {CHILDREN} children (families, visits)", encrypted["fill"], "s",
            plain["fill"], TARGET),
        row("list: count + page of 50, at four places", encrypted["list"] * 1000, "ms",
            plain["list"] * 1000, TARGET),
        row(f"type-ahead: {len(TYPED)} searches, count + first page", encrypted["search"] * 1000,
            "ms", plain["search"] * 1000, TARGET),
        row(f"save {SAVES} files one by one", saves["encrypted"], "s", saves["plain"], TARGET),
        row(f"merge a village's {len(encrypted['changes'])} changes into a town",
            merges["encrypted"], "s", merges["plain"], TARGET),
    ]  # fmt: skip
