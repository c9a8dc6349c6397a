"""排查 travels in batches (issue 18): the town's round goes down to its villages, each village
getting only its own people to screen; the villages' marks come up, and the town's and the
county's coverage show them, whatever the order the batches are imported in, and twice. Who may
sign what: a village neither opens a round nor marks another village's child, and a town does
not rewrite its county's round."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from childcare_desktop.core.domain.child import new_uuid
from childcare_desktop.core.matching.people import Person
from childcare_desktop.core.services import sync
from childcare_desktop.core.services.screening import Screening
from childcare_desktop.core.storage import bulk
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.changes import ChangeWriter
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE

from .stations import COUNTY, OTHER_VILLAGE, TOWN, VILLAGE, enrolled
from .test_authority import first_child, send

TODAY = date.today()
PEOPLE = (
    Person("1", "陈小雨", "", date(2016, 2, 2), "female", VILLAGE),
    Person("2", "刘小星", "", date(2014, 6, 6), "male", OTHER_VILLAGE),
)


def _coverage(store: Store, round_uuid: str) -> dict[str, tuple[int, int, int]]:
    status = Screening(store).status(round_uuid)
    return {v.village_code: (v.to_screen, v.screened, v.found) for v in status.villages}


def _screening_rows(store: Store) -> dict[str, list]:
    with store.read() as conn:
        return {
            table.name: sorted(map(tuple, conn.execute(select(table)).all()), key=repr)
            for table in (t.screening_round, t.screening_person, t.screening_mark)
        }


def _reopened_copy(store: Store, folder, code: str) -> tuple[Store, Store]:
    """The station closed, copied to `folder`, and both opened again."""
    path = store.path
    store.close()
    folder.mkdir()
    for suffix in (".db", ".db.key"):
        shutil.copy(path.parent / f"{code}{suffix}", folder / f"{code}{suffix}")
    return Store.open(path, PASSPHRASE), Store.open(folder / f"{code}.db", PASSPHRASE)


def test_a_town_s_round_goes_down_is_marked_and_comes_back_in_any_order(tmp_path):
    county = enrolled(tmp_path, "county", COUNTY, "兴宁市")
    town = enrolled(tmp_path, "town", TOWN, "宁新镇", county)
    near = enrolled(tmp_path, "village", VILLAGE, "新陂村", town, children=3)
    far = enrolled(tmp_path, "village", OTHER_VILLAGE, "大岭村", town, children=2)
    stores = [county, town, near, far]
    try:
        for village in (near, far):
            assert send(village, town, tmp_path / f"{village.path.stem}-1.ccsync").status == (
                "applied"
            )
        opened = Screening(town).open("春季排查", TODAY + timedelta(days=30))
        Screening(town).add_people(opened.uuid, PEOPLE, "户籍名单")
        for village, code in ((near, VILLAGE), (far, OTHER_VILLAGE)):
            result = send(town, village, tmp_path / f"down-{code}.ccsync", to=code)
            assert result.status == "applied", result.reason

        # Each village holds the round and its own people only.
        here = Screening(near).status(opened.uuid)
        assert {s.name for s in here.subjects if s.kind == "person"} == {"陈小雨"}
        assert {s.village_code for s in here.subjects} == {VILLAGE}
        there = Screening(far).status(opened.uuid)
        assert {s.name for s in there.subjects if s.kind == "person"} == {"刘小星"}
        for s in here.subjects:
            found = ["left_behind"] if s.kind == "person" else []
            Screening(near).mark(opened.uuid, s.uuid, found, TODAY)
        Screening(far).mark(opened.uuid, there.subjects[0].uuid, [], TODAY, "电话核实")
        marks = {}
        for village in (near, far):
            marks[village] = tmp_path / f"{village.path.stem}-marks.ccsync"
            assert sync.export(village, marks[village]).changes > 0

        town, other = _reopened_copy(town, tmp_path / "again", TOWN)
        stores[1:2] = [town, other]
        for store, order in ((town, (near, far)), (other, (far, near, far, near))):
            for village in order:
                (result,) = sync.import_files(store, [marks[village]])
                assert result.status in ("applied", "duplicate"), result.reason
        expected = {
            VILLAGE: (here.to_screen, here.to_screen, 1),
            OTHER_VILLAGE: (there.to_screen, 1, 0),
        }
        assert _coverage(town, opened.uuid) == expected
        assert _coverage(other, opened.uuid) == expected
        assert _screening_rows(town) == _screening_rows(other)
        assert send(town, county, tmp_path / "up.ccsync").status == "applied"
        assert _coverage(county, opened.uuid) == expected
    finally:
        for store in stores:
            store.close()


@pytest.fixture
def county(tmp_path):
    store = enrolled(tmp_path, "county", COUNTY, "兴宁市")
    yield store
    store.close()


@pytest.fixture
def town(tmp_path, county):
    store = enrolled(tmp_path, "town", TOWN, "宁新镇", county)
    yield store
    store.close()


@pytest.fixture
def village(tmp_path, town):
    store = enrolled(tmp_path, "village", VILLAGE, "新陂村", town, children=2)
    yield store
    store.close()


@pytest.fixture
def other(tmp_path, town):
    store = enrolled(tmp_path, "village", OTHER_VILLAGE, "大岭村", town, children=2)
    yield store
    store.close()


def _record(store: Store, entity: str, fields: dict, row: bool = True) -> str:
    """The station's own program writes a new record of `entity` and logs it; without `row`, a
    forger's program that only logs it (the station holds no such child)."""
    uuid = new_uuid()
    with store.write() as conn:
        if row:
            bulk.insert_rows(conn, t.metadata.tables[entity], [{"uuid": uuid, **fields}])
        writer = ChangeWriter(conn)
        writer.record(entity, uuid, {"_new": True, **fields}, append_only=entity.endswith("mark"))
        writer.flush()
    return uuid


def _round(code: str, level: str) -> dict:
    return {"title": "排查", "opened_on": TODAY.isoformat(), "level": level,
            "deadline": (TODAY + timedelta(days=9)).isoformat(), "opened_by": "x",
            "division_code": code, "population_note": "", "closed_on": None}  # fmt: skip


def _mark(round_uuid: str, child: str, village: str) -> dict:
    return {"round_uuid": round_uuid, "child_uuid": child, "person_uuid": None,
            "village_code": village, "screened_on": TODAY.isoformat(), "found": "none",
            "note": "", "marked_by": "x"}  # fmt: skip


def test_a_village_that_opens_a_round_for_its_town_is_refused(tmp_path, town, village):
    _record(village, "screening_round", _round(TOWN, "town"))
    result = send(village, town, tmp_path / "v1.ccsync")
    assert (result.status, result.reason) == ("rejected", "outside_authority")


def test_a_village_that_opens_a_round_of_its_own_is_refused(tmp_path, town, village):
    _record(village, "screening_round", _round(VILLAGE, "town"))
    result = send(village, town, tmp_path / "v1.ccsync")
    assert (result.status, result.reason) == ("rejected", "outside_authority")


def test_a_village_marks_its_own_child_not_another_village_s(tmp_path, town, village, other):
    assert send(other, town, tmp_path / "o1.ccsync").status == "applied"
    assert send(village, town, tmp_path / "v1.ccsync").status == "applied"
    opened = Screening(town).open("排查", TODAY + timedelta(days=9))
    assert send(town, village, tmp_path / "t1.ccsync", to=VILLAGE).status == "applied"
    _record(village, "screening_mark", _mark(opened.uuid, first_child(village), VILLAGE))
    assert send(village, town, tmp_path / "v2.ccsync").status == "applied"
    _record(village, "screening_mark", _mark(opened.uuid, first_child(other), VILLAGE), row=False)
    result = send(village, town, tmp_path / "v3.ccsync")
    assert (result.status, result.reason) == ("rejected", "outside_authority")
    assert _coverage(town, opened.uuid)[VILLAGE][1] == 1


def test_a_town_that_rewrites_its_county_s_round_is_refused(tmp_path, county, town):
    opened = Screening(county).open("全县排查", TODAY + timedelta(days=9))
    assert send(county, town, tmp_path / "c1.ccsync", to=TOWN).status == "applied"
    with town.write() as conn:
        later = TODAY + timedelta(days=60)
        conn.execute(update(t.screening_round).values(deadline=later))
        writer = ChangeWriter(conn)
        writer.record("screening_round", opened.uuid, {"deadline": later})
        writer.flush()
    result = send(town, county, tmp_path / "t1.ccsync")
    assert (result.status, result.reason) == ("rejected", "outside_authority")
    assert Screening(county).get(opened.uuid).deadline == TODAY + timedelta(days=9)


def test_a_village_adds_a_listed_child_of_its_own_to_the_town_s_round(
    tmp_path, town, village, other
):
    """A school's roll checked at the village names a child with no file and no village: the
    child is screened in that village, and the town takes the person; a person the village
    writes into another village is refused."""
    opened = Screening(town).open("排查", TODAY + timedelta(days=9))
    assert send(town, village, tmp_path / "t1.ccsync", to=VILLAGE).status == "applied"
    assert [r.uuid for r in Screening(village).rounds_to_add_to()] == [opened.uuid]
    roll = Person("3", "王新来", "", date(2015, 3, 3), "male", "")
    added = Screening(village).add_people(opened.uuid, [roll], "学校花名册")
    assert [(key, p.village_code, p.how) for key, p in added.placed] == [("3", VILLAGE, "station")]
    assert send(village, town, tmp_path / "v1.ccsync").status == "applied"
    people = [s for s in Screening(town).status(opened.uuid).subjects if s.kind == "person"]
    assert [(p.name, p.village_code) for p in people] == [("王新来", VILLAGE)]
    _record(village, "screening_person", {"round_uuid": opened.uuid, "village_code":
            OTHER_VILLAGE, "name": "李别村", "id_number": "", "birth_date": "2015-01-01",
            "sex": "male", "address": "", "source": "x"})  # fmt: skip
    result = send(village, town, tmp_path / "v2.ccsync")
    assert (result.status, result.reason) == ("rejected", "outside_authority")


def test_a_round_closed_at_the_town_travels_down_closed(tmp_path, town, village):
    opened = Screening(town).open("排查", TODAY + timedelta(days=9))
    assert send(town, village, tmp_path / "t1.ccsync", to=VILLAGE).status == "applied"
    Screening(town).close(opened.uuid)
    assert send(town, village, tmp_path / "t2.ccsync", to=VILLAGE).status == "applied"
    assert Screening(village).get(opened.uuid).closed_on == TODAY
    assert Screening(village).rounds_to_add_to() == []
