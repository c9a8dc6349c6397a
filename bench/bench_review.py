"""审核: a ledger imported at an enrolled village (every new file submitted) beside a lone one.

The ledger is 1,000 demo children exported in the roster layout, and the same children with
every guardianship grade changed. Each is imported into a new store at a lone village, which
writes no submission (the baseline), and at a village enrolled with a town, which writes one per
new file and one per grade changed in the same transaction. The town then receives the village's
batch and lists what waits for its review, beside a plain read of the submissions it holds; the
town approves the new files one by one, and counts its summary (approved files only) beside the
same summary counted as before review existed.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from childcare_desktop.core.services import identity, summary_count, sync
from childcare_desktop.core.services.approval import Approval
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.services.roster import Roster
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage.store import Store

from .common import CHEAP_KDF, PASSPHRASE, print_table, row

CHILDREN = 1_000
TOWN, VILLAGE = "441481103", "441481103201"
RUNS = 3
_REGRADED = (
    "UPDATE child SET guardianship = CASE guardianship WHEN 'poor' THEN 'good' ELSE 'poor' END"
)


def _station(folder: Path, role: str, code: str, name: str) -> Store:
    folder.mkdir(parents=True)
    store, _ = init_station(folder / f"{code}.db", PASSPHRASE, role, code, name, "基准",
                            kdf=CHEAP_KDF)  # fmt: skip
    return store


def _enrolled(folder: Path, town: Store) -> Store:
    village = _station(folder, "village", VILLAGE, "新陂村")
    request, cert = folder / "request.json", folder / "certificate.json"
    shown = identity.write_request(village, request)
    identity.enroll(town, request, shown.fingerprint, cert)
    identity.install(village, cert, identity.identity(town).fingerprint)
    return village


def _all_up(village: Store, town: Store, folder: Path) -> None:
    """The village's batches to the town until none is left (a file holds so many changes; the
    town's acknowledgement goes back before the next)."""
    for n in range(1, 100):
        sent = sync.export(village, folder / f"up{n}.ccsync")
        sync.import_files(town, [folder / f"up{n}.ccsync"])
        if not sent.left:
            return
        sync.export(town, folder / f"down{n}.ccsync", to=VILLAGE)
        sync.import_files(village, [folder / f"down{n}.ccsync"])


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _imports(stores: list[Store], ledger: Path, regraded: Path) -> tuple[float, float]:
    """Median times of the first import and of the re-import with every grade changed."""
    first, again = [], []
    for store in stores:
        first.append(_timed(lambda s=store: Roster(s).import_file(ledger)))
        again.append(_timed(lambda s=store: Roster(s).import_file(regraded)))
    return statistics.median(first), statistics.median(again)


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = _station(work / "source", "village", VILLAGE, "新陂村")
        fill_demo(source, CHILDREN, seed=7)
        Roster(source).export(work / "ledger.xlsx")
        with source.write() as conn:
            conn.exec_driver_sql(_REGRADED)
        Roster(source).export(work / "regraded.xlsx")
        source.close()
        ledger, regraded = work / "ledger.xlsx", work / "regraded.xlsx"

        lone = [_station(work / f"lone{i}", "village", VILLAGE, "新陂村") for i in range(RUNS)]
        towns = [_station(work / f"town{i}", "town", TOWN, "宁新镇") for i in range(RUNS)]
        enrolled = [_enrolled(work / f"village{i}", towns[i]) for i in range(RUNS)]
        lone_first, lone_again = _imports(lone, ledger, regraded)
        first, again = _imports(enrolled, ledger, regraded)

        _all_up(enrolled[0], towns[0], work)
        waiting = Approval(towns[0]).waiting()
        assert len(waiting) == 2 * CHILDREN, len(waiting)
        listed = statistics.median(_timed(lambda: Approval(towns[0]).waiting()) for _ in range(3))
        with towns[0].read() as conn:
            plain = statistics.median(
                _timed(lambda c=conn: c.exec_driver_sql("SELECT * FROM submission").all())
                for _ in range(3)
            )
        town = Approval(towns[0])
        approvals = [
            _timed(lambda i=item: town.approve(i.id)) for item in waiting if item.kind == "new_file"
        ]
        day = date.today()
        summary = statistics.median(
            _timed(lambda: Reports(towns[0]).figures(day)) for _ in range(3)
        )
        figures = Reports(towns[0]).figures(day)
        assert (figures.total, figures.waiting_review) == (CHILDREN, 0)
        with _review_not_asked():
            unreviewed = statistics.median(
                _timed(lambda: Reports(towns[0]).figures(day)) for _ in range(3)
            )
        for store in (*lone, *towns, *enrolled):
            store.close()
    return [
        row(f"import {CHILDREN:,} rows at a lone village (baseline)", lone_first, "s"),
        row(f"import {CHILDREN:,} rows at an enrolled village", first, "s", lone_first),
        row("every grade changed, at a lone village (baseline)", lone_again, "s"),
        row("every grade changed, at an enrolled village", again, "s", lone_again),
        row(f"plain read of the town's {2 * CHILDREN:,} submissions", plain, "s"),
        row(f"the town's review list of {2 * CHILDREN:,} items", listed, "s", plain),
        row("approve one item at the town (median)", statistics.median(approvals), "s"),
        row("the town's summary, review not asked (baseline)", unreviewed, "s"),
        row(f"the town's summary, {CHILDREN:,} new files approved", summary, "s", unreviewed),
    ]  # fmt: skip


@contextmanager
def _review_not_asked() -> Iterator[None]:
    """The summary counted as before review existed (every file counts): the baseline."""
    kept = summary_count._awaiting_review
    summary_count._awaiting_review = lambda conn: ""
    try:
        yield
    finally:
        summary_count._awaiting_review = kept


if __name__ == "__main__":
    print_table(__doc__.splitlines()[0], run())
