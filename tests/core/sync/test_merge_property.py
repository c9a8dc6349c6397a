"""Random edits on a town and one to four of its villages, exchanged between the town and its
villages in random orders and subsets, until everyone has everything: the same records and the
same open conflicts everywhere. Honest stations edit only what they answer for; an adversarial
village also edits other villages' children, signs changes in another station's name and writes
with an absurd clock. Every received batch goes through the authority check first: no honest
batch is refused, and the honest stations still converge. The same on stations whose stores are
on the tests' PostgreSQL server."""

from __future__ import annotations

import random
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.child import Child, FamilyMember
from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.services.children import ChildQuery, Children
from childcare_desktop.core.services.conflicts import Conflicts
from childcare_desktop.core.services.visits import Visits
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.store import Store
from childcare_desktop.core.sync import authority
from childcare_desktop.core.sync.changeset import ChangeRecord
from childcare_desktop.core.sync.errors import SyncError
from childcare_desktop.core.sync.merge import apply_changes, changes_since, version_vector
from tests.conftest import PASSPHRASE
from tests.core.sync.merging import TODAY, TOWN, open_conflicts, records, station
from tests.pg import fresh_database

CODES = (TOWN, "441481103201", "441481103202", "441481103203", "441481103204")
FIELDS = {
    "current_address": st.sampled_from(["一组", "二组", "三组"]),
    "school": st.sampled_from(["", "中心小学", "一中"]),
    "guardianship": st.sampled_from(["", "good", "fair", "poor"]),
    "boarding": st.booleans(),
    "notes": st.text(alphabet="甲乙丙 ab", max_size=4),
}

station_index = st.integers(0, 4)
pick = st.integers(0, 50)
operation = st.one_of(
    st.tuples(st.just("create"), station_index),
    st.tuples(st.just("edit"), station_index, pick, st.sampled_from(sorted(FIELDS)), st.data()),
    st.tuples(st.just("add_member"), station_index, pick, st.sampled_from(["王芳", "李强"])),
    st.tuples(st.just("edit_member"), station_index, pick, pick, st.integers(0, 9)),
    st.tuples(st.just("remove_member"), station_index, pick, pick),
    st.tuples(st.just("visit"), station_index, pick, st.integers(0, 60)),
    st.tuples(st.just("close"), station_index, pick),
    st.tuples(st.just("reopen"), station_index, pick),
    st.tuples(st.just("resolve"), station_index, pick),
    st.tuples(st.just("send"), station_index, station_index, st.randoms()),
    st.tuples(st.just("trespass"), station_index, pick, st.sampled_from(["越权", "冒改"])),
    st.tuples(st.just("far_clock"), station_index, pick),
    st.tuples(st.just("impersonate"), station_index, station_index),
)
FAR_CLOCK = "9999999990000.00000"


# Each example on the server makes its stores afresh from template databases: fewer of them,
# so that the server's case stays within a minute.
SERVER_EXAMPLES = 20


class _Templates:
    """Empty stations made once: each example starts from copies (setting up is the slow part).
    On SQLite a copy is a pair of files; on the server, a database made from the station's."""

    def __init__(self, folder: Path, server_url: str | None = None) -> None:
        self.folder = folder
        self.server_url = server_url
        self.databases: dict[str, str] = {}

    def make(self, made: ExitStack) -> None:
        for code in CODES:
            server = None
            if self.server_url is not None:
                server = made.enter_context(fresh_database(self.server_url))
                self.databases[code] = urlsplit(server).path.lstrip("/")
            station(self.folder, code, server=server).close()

    def copy(self, folder: Path, code: str, made: ExitStack) -> Store:
        if self.server_url is None:
            for suffix in (".db", ".db.key"):
                shutil.copy(self.folder / f"{code}{suffix}", folder / f"{code}{suffix}")
            return Store.open(folder / f"{code}.db", PASSPHRASE)
        url = made.enter_context(fresh_database(self.server_url, self.databases[code]))
        return Store.open(url, PASSPHRASE)


@pytest.fixture(scope="module")
def templates(tmp_path_factory) -> Iterator[_Templates]:
    made = _Templates(tmp_path_factory.mktemp("templates"))
    with ExitStack() as stack:
        made.make(stack)
        yield made


@pytest.fixture(scope="module")
def server_templates(tmp_path_factory, pg_server) -> Iterator[_Templates]:
    made = _Templates(tmp_path_factory.mktemp("server_templates"), pg_server.require())
    with ExitStack() as stack:
        made.make(stack)
        yield made


examples = given(
    count=st.integers(2, 5),
    adversary=st.booleans(),
    operations=st.lists(operation, min_size=1, max_size=25),
)
quietly = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}


@settings(max_examples=30, **quietly)
@examples
def test_every_station_ends_with_the_same_records_and_conflicts(
    templates, count, adversary, operations
):
    _converge(templates, count, adversary, operations)


@pytest.mark.postgresql
@settings(max_examples=SERVER_EXAMPLES, **quietly)
@examples
def test_every_station_on_a_server_ends_with_the_same_records_and_conflicts(
    server_templates, count, adversary, operations
):
    _converge(server_templates, count, adversary, operations)


def _converge(templates: _Templates, count: int, adversary: bool, operations: list) -> None:
    folder = Path(tempfile.mkdtemp())
    with ExitStack() as made:
        made.callback(shutil.rmtree, folder, ignore_errors=True)
        stores = [templates.copy(folder, code, made) for code in CODES[:count]]
        for store in stores:
            made.callback(store.close)
        run = _Run(stores, adversary=count > 2 and adversary)
        # A child in each village, known everywhere: something to edit, and to trespass on.
        for index in range(1, count):
            run.create(index)
            run.send(stores[index], stores[0], random.Random(index))
        for index in range(1, count):
            run.send(stores[0], stores[index], random.Random(index))
        for op in operations:
            run.do(op)
        for _ in range(2):
            for source in stores:
                for target in stores:
                    run.send(source, target, random.Random(0))
        honest = [s for i, s in enumerate(stores) if i != run.adversary]
        first = records(honest[0]), open_conflicts(honest[0])
        for store in honest[1:]:
            assert (records(store), open_conflicts(store)) == first
        assert all(source == run.adversary for source in run.refused)
        assert run.adversary in run.refused or not run.misbehaved


class _Run:
    """Applies one random operation through the real services of one station. The town is
    station 0; with an adversary, it is the last village."""

    def __init__(self, stores: list[Store], adversary: bool) -> None:
        self.stores = stores
        self.codes = CODES[: len(stores)]
        self.adversary = len(stores) - 1 if adversary else None
        self.serial = 0
        self.forged: dict[int, list[ChangeRecord]] = {}
        self.refused: list[int] = []
        self.misbehaved = False

    def send(self, source: Store, target: Store, rng: random.Random) -> None:
        """What `target` lacks, checked as an import checks it, then applied; only between
        the town and its villages. A refused batch is noted, and nothing of it applied."""
        i, j = self.stores.index(source), self.stores.index(target)
        if i == j or 0 not in (i, j):
            return
        with target.read() as conn:
            acknowledged = version_vector(conn)
        with source.read() as conn:
            changes = [*changes_since(conn, acknowledged), *self.forged.get(i, ())]
        rng.shuffle(changes)
        signed = authority.Signed(self.codes[i], i == 0, changes)
        with target.write() as conn:
            try:
                authority.check(conn, self.codes[j], [signed])
                apply_changes(conn, changes, TODAY)
            except SyncError:  # refused, or (a forged id met a held one) quarantined
                self.refused.append(i)

    def do(self, op: tuple) -> None:
        index = op[1] % len(self.stores)
        kind, at = op[0], self.stores[index]
        if kind in ("trespass", "far_clock", "impersonate"):
            if self.adversary is not None:
                self.misbehave(self.stores[self.adversary], op)
            return
        if kind == "send":
            self.send(at, self.stores[op[2] % len(self.stores)], op[3])
            return
        if kind == "create":
            self.create(index)
            return
        service = Children(at, today=lambda: TODAY)
        if kind == "resolve":
            self.resolve(index, op[2])
            return
        uuids = self.own_children(index)
        if not uuids:
            return
        kid = service.get(uuids[op[2] % len(uuids)])
        if kind == "edit":
            value = op[4].draw(FIELDS[op[3]])
            service.save(replace(kid, **{op[3]: value}))
        elif kind == "add_member":
            service.save(kid.with_changes(members=(*kid.members, FamilyMember("carer", op[3]))))
        elif kind == "edit_member" and kid.members:
            i = op[3] % len(kid.members)
            edited = replace(kid.members[i], phone=f"1380000{op[4]:04d}")
            service.save(kid.with_changes(members=_put(kid.members, i, edited)))
        elif kind == "remove_member" and kid.members:
            i = op[3] % len(kid.members)
            service.save(kid.with_changes(members=kid.members[:i] + kid.members[i + 1 :]))
        elif kind == "visit":
            day = TODAY - timedelta(days=op[3])
            Visits(at, today=lambda: TODAY).log(Visit(kid.uuid, day, "home"))
        elif kind == "close" and kid.status == "active":
            service.close(kid.uuid, "moved_away")
        elif kind == "reopen" and kid.status == "closed":
            service.reopen(kid.uuid)

    def own_children(self, index: int) -> list[str]:
        """The children station `index` answers for: all of them for the town."""
        service = Children(self.stores[index], today=lambda: TODAY)
        uuids = service.find(ChildQuery(status="all"))
        if index == 0:
            return uuids
        return [u for u in uuids if service.get(u).village_code == self.codes[index]]

    def misbehave(self, at: Store, op: tuple) -> None:
        service = Children(at, today=lambda: TODAY)
        if op[0] == "impersonate":
            other = op[2] % len(self.stores)
            if other != self.adversary:
                with at.read() as conn:
                    mine = changes_since(conn, {})
                if mine:
                    top = max(c.counter for c in mine) + 1
                    fake = replace(mine[-1], station=self.codes[other], counter=top)
                    self.forged.setdefault(self.adversary, []).append(fake)
                    self.misbehaved = True
            return
        uuids = service.find(ChildQuery(status="all"))
        if op[0] == "trespass":
            foreign = sorted(set(uuids) - set(self.own_children(self.adversary)))
            if foreign:
                kid = service.get(foreign[op[2] % len(foreign)])
                service.save(replace(kid, notes=op[3]))
                self.misbehaved = True
        else:
            mine = self.own_children(self.adversary)
            if mine:
                with at.write() as conn:
                    conn.execute(t.station.update().values(clock=FAR_CLOCK))
                kid = service.get(mine[op[2] % len(mine)])
                service.save(replace(kid, notes="远"))
                self.misbehaved = True

    def create(self, index: int) -> None:
        self.serial += 1
        born = date(2015, 1, 1) + timedelta(days=self.serial)
        village = (
            self.codes[index] if index else self.codes[1 + self.serial % (len(self.codes) - 1)]
        )
        Children(self.stores[index], today=lambda: TODAY).save(
            Child(
                f"童{self.serial}",
                "male",
                born,
                village,
                id_number=idnumber.make(village[:6], born, self.serial, "male"),
                members=(
                    FamilyMember("father", "李大山", phone="13800001111", situation="migrant"),
                ),
                categories=(CategorySpan("left_behind", date(2025, 3, 1)),),
            )
        )

    def resolve(self, index: int, choice: int) -> None:
        service = Conflicts(self.stores[index], today=lambda: TODAY)
        mine = set(self.own_children(index))
        found = [c for c in service.open() if c.child_uuid in mine]
        if found:
            conflict = found[choice % len(found)]
            value = conflict.values[choice % len(conflict.values)]
            service.pick(conflict.id, value.change_id)


def _put(items: tuple, i: int, item) -> tuple:
    return (*items[:i], item, *items[i + 1 :])
