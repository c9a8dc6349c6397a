"""Excel ledger import of 10,000 rows beside the bare read of the same file by its reader library.

The ledger is made here: 10,000 demo children exported in the roster layout (title line, grouped
two-row header, families, categories, last visit). The baseline is python-calamine reading the
sheet into Python values, which is the reader the import uses; openpyxl's read-only reader is
shown for comparison. Each import goes into a new, empty encrypted store.

What bounds the import is shown beside it: the rows the first import left (children with their
derived columns, family members, categories, visits and the change log), already made, inserted
by executemany into another empty store and committed. No import can write less than that, so
bare read + that write is the least an import can take. The import's time is split into what
the database driver spent (its statements and commits, to be set beside that write) and the
rest: the read, the rows checked, the records made and the change log.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from openpyxl import load_workbook
from python_calamine import CalamineWorkbook
from sqlalchemy import event

from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.roster import Roster
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage.store import Store

from .common import CHEAP_KDF, PASSPHRASE, print_table, row

CHILDREN = 10_000
VILLAGE = "441481103201"


def _timed(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _store(path: Path) -> Store:
    store, _ = init_station(path, PASSPHRASE, "village", VILLAGE, "新陂村", "基准", kdf=CHEAP_KDF)
    return store


def _calamine_read(path: Path) -> None:
    CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python(skip_empty_area=False)


def _openpyxl_read(path: Path) -> None:
    book = load_workbook(path, read_only=True)
    list(book.active.iter_rows(values_only=True))
    book.close()


_REGRADED = (
    "UPDATE child SET guardianship = CASE guardianship WHEN 'poor' THEN 'good' ELSE 'poor' END"
)
# What an import writes: the records and the change log that sync carries.
_WRITTEN = ("child", "member", "category", "assistance", "visit", "change", "entity_head")


def _written_rows(store: Store) -> dict[str, list[tuple]]:
    with store.read() as conn:
        return {
            name: [tuple(r) for r in conn.exec_driver_sql(f'SELECT * FROM "{name}"')]
            for name in _WRITTEN
        }


@contextmanager
def _in_driver(store: Store) -> Iterator[list[float]]:
    """The seconds the block spends inside the database driver: its statements and commits."""
    spent = [0.0]
    started: list[float] = []
    dialect = store.engine.dialect
    commit = dialect.do_commit

    def before(*_args) -> None:
        started.append(time.perf_counter())

    def after(*_args) -> None:
        spent[0] += time.perf_counter() - started.pop()

    def timed_commit(dbapi_connection) -> None:
        start = time.perf_counter()
        try:
            commit(dbapi_connection)
        finally:
            spent[0] += time.perf_counter() - start

    event.listen(store.engine, "before_cursor_execute", before)
    event.listen(store.engine, "after_cursor_execute", after)
    dialect.do_commit = timed_commit
    try:
        yield spent
    finally:
        del dialect.do_commit
        event.remove(store.engine, "after_cursor_execute", after)
        event.remove(store.engine, "before_cursor_execute", before)


def _bare_write(store: Store, rows: dict[str, list[tuple]]) -> float:
    """Insert `rows` as they are, in one transaction; the time includes the commit."""
    start = time.perf_counter()
    with store.write() as conn:
        for name, values in rows.items():
            if values:
                marks = ", ".join("?" * len(values[0]))
                conn.exec_driver_sql(f'INSERT INTO "{name}" VALUES ({marks})', values)
    return time.perf_counter() - start


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = _store(work / "source.db")
        fill_demo(source, CHILDREN, seed=7)
        export_time = _timed(lambda: Roster(source).export(work / "ledger.xlsx"), 1)
        # The same children with every guardianship grade reassessed: a file that updates all.
        with source.write() as conn:
            conn.exec_driver_sql(_REGRADED)
        Roster(source).export(work / "regraded.xlsx")
        source.close()
        ledger = work / "ledger.xlsx"

        bare = _timed(lambda: _calamine_read(ledger), 5)
        openpyxl_time = _timed(lambda: _openpyxl_read(ledger), 1)

        imports, in_driver = [], []
        for i in range(3):
            store = _store(work / f"target{i}.db")
            with _in_driver(store) as spent:
                start = time.perf_counter()
                result = Roster(store).import_file(ledger)
                imports.append(time.perf_counter() - start)
            in_driver.append(spent[0])
            assert result.imported == CHILDREN and not result.errors, result.errors[:3]
            if i == 0:
                written = _written_rows(store)
                preview = _timed(lambda s=store: Roster(s).preview(ledger), 1)
                start = time.perf_counter()
                again = Roster(store).import_file(ledger)
                reimport = time.perf_counter() - start
                assert again.unchanged == CHILDREN
                start = time.perf_counter()
                changed = Roster(store).import_file(work / "regraded.xlsx")
                update_all = time.perf_counter() - start
                assert changed.updated == CHILDREN, (changed.updated, changed.errors[:3])
            store.close()
        floors = []
        for i in range(3):  # as many runs as the imports, each into a new, empty store
            floor = _store(work / f"floor{i}.db")
            floors.append(_bare_write(floor, written))
            floor.close()
        bare_write = statistics.median(floors)
    first = statistics.median(imports)
    driver = statistics.median(in_driver)
    least = bare + bare_write
    return [
        row("bare read, python-calamine (baseline)", bare, "s"),
        row("bare read, openpyxl read-only (for comparison)", openpyxl_time, "s", bare),
        row("preview: read + map + check, nothing written", preview, "s", bare),
        row("import 10,000 rows into an empty store", first, "s", bare),
        row("  of which in the driver: statements + commits", driver, "s", bare_write),
        row("  the rest: read, rows checked, records, change log", first - driver, "s", bare),
        row("  its rows alone, made already: executemany + commit", bare_write, "s", bare),
        row("  least an import can take: bare read + that write", least, "s", bare),
        row("import ÷ least an import can take", first, "s", least, "≤ 1.5×"),
        row("re-import the same file (all unchanged)", reimport, "s", bare),
        row("re-import with every child's guardianship changed", update_all, "s", bare),
        row("export 10,000 children (.xlsx)", export_time, "s"),
    ]


if __name__ == "__main__":
    print_table(__doc__.splitlines()[0], run())
