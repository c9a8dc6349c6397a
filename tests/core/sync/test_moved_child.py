"""A child the town moves from one village to another: the new village receives the whole file
(its history signed by the old village included) and accepts it; the old village learns that the
child left."""

from __future__ import annotations

from sqlalchemy import select

from childcare_desktop.core.services import sync
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage import tables as t
from tests.pg import POSTGRESQL

from .stations import COUNTY, OTHER_VILLAGE, TOWN, VILLAGE, enrolled


def send(source, target, out, to=None) -> sync.FileResult:
    sync.export(source, out, to=to)
    (result,) = sync.import_files(target, [out])
    return result


def files(store) -> dict[str, tuple]:
    c = t.child.c
    with store.read() as conn:
        rows = conn.execute(select(c.uuid, c.name, c.village_code, c.birth_date)).all()
    return {r.uuid: tuple(r)[1:] for r in rows}


def members(store, uuid: str) -> list[str]:
    c = t.member.c
    with store.read() as conn:
        return sorted(conn.execute(select(c.name).where(c.child_uuid == uuid)).scalars())


def test_a_child_moved_by_the_town_arrives_whole_at_its_new_village(tmp_path, backend, request):
    # The town's change log is read for the child's villages: sealed on a server.
    server = request.getfixturevalue("pg_databases")() if backend == POSTGRESQL else None
    county = enrolled(tmp_path, "county", COUNTY, "兴宁市")
    town = enrolled(tmp_path, "town", TOWN, "宁新镇", county, server=server)
    old = enrolled(tmp_path, "village", VILLAGE, "新陂村", town, children=3)
    new = enrolled(tmp_path, "village", OTHER_VILLAGE, "大岭村", town, children=2)
    try:
        assert send(old, town, tmp_path / "o1.ccsync").status == "applied"
        assert send(new, town, tmp_path / "n1.ccsync").status == "applied"
        moved = sorted(files(old))[0]
        Children(town).update_fields(moved, {"village_code": OTHER_VILLAGE})

        result = send(town, new, tmp_path / "t1.ccsync", to=OTHER_VILLAGE)

        assert result.status == "applied", result.reason
        name, _, born = files(town)[moved]
        assert files(new)[moved] == (name, OTHER_VILLAGE, born)
        assert members(new, moved) == members(old, moved)
        # The old village learns that the child left, and nothing else of the new village's.
        assert send(town, old, tmp_path / "t2.ccsync", to=VILLAGE).status == "applied"
        assert files(old)[moved][1] == OTHER_VILLAGE
        assert not set(files(new)) - {moved} & set(files(old))
    finally:
        for store in (new, old, town, county):
            store.close()
