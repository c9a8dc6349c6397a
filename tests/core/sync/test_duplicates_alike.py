"""Possible duplicates the matcher finds at a town: files of two villages that are probably one
child (the same name and birth date, or a fuzzy match), listed with how and the score beside
the ID-number groups, merged explicitly and reversibly; twins never. On both back ends."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.conflicts import Conflicts
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.sync.errors import SyncError
from tests.core.sync.merging import TODAY, TOWN, VILLAGE, VILLAGE_2, station
from tests.pg import POSTGRESQL

BORN = date(2016, 5, 6)


@pytest.fixture
def town(tmp_path, backend, request):
    server = request.getfixturevalue("pg_databases")() if backend == POSTGRESQL else None
    store = station(tmp_path, TOWN, server=server)
    yield store
    store.close()


def register(store, name: str, village: str, serial: int | None, sex: str = "female", **extra):
    born = extra.pop("birth_date", BORN)
    number = idnumber.make(village[:6], born, serial, sex) if serial is not None else ""
    reason = "" if number else "unknown"
    kid = Child(name, sex, born, village, id_number=number, no_id_reason=reason, **extra)
    return Children(store, today=lambda: TODAY).save(kid)


def service(store) -> Conflicts:
    return Conflicts(store, today=lambda: TODAY)


def groups(store, include_merged: bool = False) -> list[tuple]:
    return [
        (g.how, g.score, g.id_number, tuple(sorted(f.name for f in g.files)), g.merged)
        for g in service(store).possible_duplicates(include_merged)
    ]


def test_files_of_two_villages_alike_are_listed_with_how_and_score(town):
    number = idnumber.make(VILLAGE[:6], BORN, 3, "female")
    register(town, "李想", VILLAGE, 3)
    register(town, "李想想", VILLAGE_2, 3)  # one number in two villages
    register(town, "黄晓红", VILLAGE, 4)
    register(town, "黄晓红", VILLAGE_2, None)  # the same name and birth date, no number
    register(town, "陈思雨", VILLAGE, None, birth_date=date(2012, 8, 30))
    register(town, "陈斯雨", VILLAGE_2, None, birth_date=date(2012, 8, 3))  # sound, a digit
    register(town, "张伟", VILLAGE, 5, sex="male")
    register(town, "张伟", VILLAGE_2, 6, sex="male")  # both numbers valid: two children
    register(town, "王晓明", VILLAGE, None, sex="male")
    register(town, "王晓明", VILLAGE, None, sex="male", birth_date=date(2016, 5, 16))  # one village
    found = groups(town)
    assert found[0] == ("id_number", 1.0, number, ("李想", "李想想"), False)
    assert found[1] == ("name_birth", 0.97, "", ("黄晓红", "黄晓红"), False)
    how, score, shown, names, _ = found[2]
    assert (how, shown, names) == ("fuzzy", "", ("陈思雨", "陈斯雨")) and 0.7 <= score < 0.97
    assert len(found) == 3


def test_a_pair_found_by_the_matcher_is_merged_and_the_merge_undone(town):
    kept = register(town, "黄晓红", VILLAGE, 4)
    duplicate = register(town, "黄小红", VILLAGE_2, None)
    (pair,) = service(town).possible_duplicates()
    assert (pair.how, {f.uuid for f in pair.files}) == ("fuzzy", {kept.uuid, duplicate.uuid})
    service(town).merge_duplicate(duplicate.uuid, kept.uuid)
    assert groups(town) == []
    (merged,) = service(town).possible_duplicates(include_merged=True)
    assert merged.merged and merged.how == "fuzzy"
    assert {f.uuid: f.duplicate_of for f in merged.files} == {
        kept.uuid: "",
        duplicate.uuid: kept.uuid,
    }
    with town.read() as conn:
        status = conn.execute(select(t.child.c.status).where(t.child.c.uuid == duplicate.uuid))
        assert status.scalar() == "closed"
    service(town).undo_merge(duplicate.uuid)
    assert [g[0] for g in groups(town)] == ["fuzzy"]


def test_twins_and_files_unlike_are_not_merged(town):
    first = register(town, "王晓明", VILLAGE, 1, sex="male")
    twin = register(town, "王晓明", VILLAGE_2, 2, sex="male")
    stranger = register(town, "赵强", VILLAGE_2, None, sex="male")
    for duplicate, kept, code in (
        (twin.uuid, first.uuid, "duplicate_not_same_id"),
        (stranger.uuid, first.uuid, "duplicate_not_alike"),
    ):
        with pytest.raises(SyncError) as raised:
            service(town).merge_duplicate(duplicate, kept)
        assert raised.value.code == code
    assert groups(town) == []


def test_files_of_one_village_are_no_pair(town):
    first = register(town, "王晓明", VILLAGE, 1, sex="male")
    again = register(town, "王晓明", VILLAGE, None, sex="male")
    assert groups(town) == []
    with pytest.raises(SyncError) as raised:
        service(town).merge_duplicate(again.uuid, first.uuid)
    assert raised.value.code == "duplicate_not_alike"


def test_a_village_alone_looks_for_no_pairs(town):
    register(town, "黄晓红", VILLAGE, 4)
    register(town, "黄晓红", VILLAGE, None, birth_date=date(2016, 5, 7))
    assert groups(town) == []
