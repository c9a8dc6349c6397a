"""Random edits on two to five stations, exchanged in random orders and subsets, until everyone
has everything: the same records and the same open conflicts everywhere."""

from __future__ import annotations

import random
import shutil
import tempfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

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
from childcare_desktop.core.storage.store import Store
from childcare_desktop.core.sync.merge import apply_changes, changes_since, version_vector
from tests.conftest import PASSPHRASE
from tests.core.sync.merging import TODAY, TOWN, open_conflicts, records, station

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
)


@pytest.fixture(scope="module")
def templates(tmp_path_factory) -> Path:
    """Empty stations made once: each example starts from copies (setting up is the slow part)."""
    folder = tmp_path_factory.mktemp("templates")
    for code in CODES:
        station(folder, code).close()
    return folder


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(count=st.integers(2, 5), operations=st.lists(operation, min_size=1, max_size=25))
def test_every_station_ends_with_the_same_records_and_conflicts(templates, count, operations):
    folder = Path(tempfile.mkdtemp())
    stores = [_copy(templates, folder, code) for code in CODES[:count]]
    try:
        run = _Run(stores)
        for op in operations:
            run.do(op)
        for _ in range(2):
            for source in stores:
                for target in stores:
                    if source is not target:
                        _send(source, target, random.Random(0))
        first = records(stores[0]), open_conflicts(stores[0])
        for store in stores[1:]:
            assert (records(store), open_conflicts(store)) == first
    finally:
        for store in stores:
            store.close()
        shutil.rmtree(folder, ignore_errors=True)


def _copy(templates: Path, folder: Path, code: str) -> Store:
    for suffix in (".db", ".db.key"):
        shutil.copy(templates / f"{code}{suffix}", folder / f"{code}{suffix}")
    return Store.open(folder / f"{code}.db", PASSPHRASE)


def _send(source: Store, target: Store, rng: random.Random) -> None:
    with target.read() as conn:
        acknowledged = version_vector(conn)
    with source.read() as conn:
        changes = changes_since(conn, acknowledged)
    rng.shuffle(changes)
    with target.write() as conn:
        apply_changes(conn, changes, TODAY)


class _Run:
    """Applies one random operation through the real services of one station."""

    def __init__(self, stores: list[Store]) -> None:
        self.stores = stores
        self.serial = 0

    def do(self, op: tuple) -> None:
        kind, at = op[0], self.stores[op[1] % len(self.stores)]
        if kind == "send":
            self.stores_send(at, op[2], op[3])
            return
        if kind == "create":
            self.create(at)
            return
        service = Children(at, today=lambda: TODAY)
        if kind == "resolve":
            self.resolve(at, op[2])
            return
        uuids = service.find(ChildQuery(status="all"))
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

    def stores_send(self, source: Store, target_index: int, rng: random.Random) -> None:
        target = self.stores[target_index % len(self.stores)]
        if target is not source:
            _send(source, target, rng)

    def create(self, at: Store) -> None:
        self.serial += 1
        born = date(2015, 1, 1) + timedelta(days=self.serial)
        village = CODES[1]
        Children(at, today=lambda: TODAY).save(
            Child(
                f"童{self.serial}",
                "male",
                born,
                village,
                id_number=idnumber.make(village[:6], born, self.serial, "male"),
                members=(FamilyMember("father", "李大山", phone="13800001111"),),
                categories=(CategorySpan("left_behind", date(2025, 3, 1)),),
            )
        )

    def resolve(self, at: Store, choice: int) -> None:
        service = Conflicts(at, today=lambda: TODAY)
        found = service.open()
        if found:
            conflict = found[choice % len(found)]
            value = conflict.values[choice % len(conflict.values)]
            service.pick(conflict.id, value.change_id)


def _put(items: tuple, i: int, item) -> tuple:
    return (*items[:i], item, *items[i + 1 :])
