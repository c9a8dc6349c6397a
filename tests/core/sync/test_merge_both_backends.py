"""The same batch merged into a town on SQLite and a town on PostgreSQL leaves the same town:
every synced record and the change log (read through their columns, so that what the server
holds sealed is compared opened), the heads of every record, and the same open conflicts with
the same value shown. And a village's batch files, checked and applied at its town on either."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from childcare_desktop.core.domain.search import search_text
from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.services import sync
from childcare_desktop.core.services.children import ChildQuery, Children
from childcare_desktop.core.services.conflicts import Conflicts
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.visits import Visits
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.jsontext import loads
from childcare_desktop.core.storage.store import Store
from childcare_desktop.core.sync import entities
from childcare_desktop.core.sync.changeset import ChangeRecord
from childcare_desktop.core.sync.merge import apply_changes, changes_since, version_vector
from tests.core.sync import stations
from tests.core.sync.merging import (
    TODAY,
    TOWN,
    VILLAGE,
    VILLAGE_2,
    child,
    open_conflicts,
    records,
    send,
    station,
)
from tests.pg import POSTGRESQL


def children(store: Store) -> Children:
    return Children(store, today=lambda: TODAY)


def batches(tmp_path: Path) -> list[list[ChangeRecord]]:
    """A village of demo children edited, then a second village's edit made concurrently with
    the first's, an edit of a family member the first removes meanwhile, and a deletion: what the
    two villages send their town, as two batches."""
    first, second = station(tmp_path, VILLAGE), station(tmp_path, VILLAGE_2)
    try:
        fill_demo(first, 12, seed=5, today=TODAY)
        own = children(first).save(child())
        uuids = children(first).find(ChildQuery(status="all"))
        a, b, c = (children(first).get(u) for u in uuids[:3])
        children(first).save(replace(a, school="中心小学", boarding=not a.boarding))
        children(first).save(b.with_changes(categories=()))  # a deletion: its spans go
        Visits(first, today=lambda: TODAY).log(Visit(c.uuid, date(2026, 11, 2), "phone"))
        send(first, second)
        # Concurrently: the same field edited in both villages; a member removed in the first
        # while the second corrects her phone.
        children(first).save(replace(children(first).get(a.uuid), current_address="一组"))
        children(second).save(replace(children(second).get(a.uuid), current_address="二组"))
        children(first).save(children(first).get(own.uuid).with_changes(members=()))
        at_second = children(second).get(own.uuid)
        mother = replace(at_second.members[0], phone="13900002222")
        children(second).save(at_second.with_changes(members=(mother,)))
        children(first).close(c.uuid, "moved_away")
        with first.read() as conn:
            from_first = changes_since(conn, {})
            held = version_vector(conn)
        with second.read() as conn:
            from_second = changes_since(conn, held)
        return [from_first, from_second]
    finally:
        first.close()
        second.close()


def merged(town: Store, sent: list[list[ChangeRecord]]) -> Store:
    for changes in sent:
        with town.write() as conn:
            apply_changes(conn, changes, TODAY)
    return town


def state(store: Store) -> dict[str, dict]:
    """The town as a comparable value: each table's rows by primary key, values as read."""
    found = {}
    with store.read() as conn:
        for table in (*entities.TABLES.values(), t.change):
            key = [c.name for c in table.primary_key]
            found[table.name] = {
                tuple(row[k] for k in key): dict(row)
                for row in conn.execute(select(table)).mappings()
            }
        found["entity_head"] = {
            (row.entity, row.entity_uuid): {f: sorted(ids) for f, ids in loads(row.heads).items()}
            for row in conn.execute(select(t.entity_head))
        }
    found["conflicts"] = {
        (c.entity, c.uuid, c.field): (
            c.shown,
            c.values[0].change_id,
            sorted((v.change_id, repr(v.value)) for v in c.values),
        )
        for c in Conflicts(store, today=lambda: TODAY).open()
    }
    return found


def as_on_server(table: str, row: dict) -> dict:
    """A row of the file as the server holds it: a child's search text there leaves out the ID
    number, sealed on a server (derived_repo.ids_searchable)."""
    if table != "child":
        return row
    return row | {"search_text": search_text(row["name"])}


@pytest.mark.postgresql
def test_the_same_batches_leave_the_same_town_on_both(tmp_path, pg_databases):
    sent = batches(tmp_path / "villages")
    on_file = merged(station(tmp_path / "file", TOWN), sent)
    on_server = merged(station(tmp_path / "server", TOWN, server=pg_databases()), sent)
    try:
        file_state, server_state = state(on_file), state(on_server)
        # What the batches were made to hold, so that the comparison compares something.
        assert len(file_state["child"]) == 13
        (conflict,) = file_state["conflicts"]
        assert conflict[2] == "current_address"
        kept = [m for m in file_state["member"].values() if m["phone"] == "13900002222"]
        assert len(kept) == 1
        assert any(c["status"] == "closed" for c in file_state["child"].values())
        for name, rows in file_state.items():
            assert server_state[name].keys() == rows.keys(), name
            for key, row in rows.items():
                assert server_state[name][key] == as_on_server(name, row), (name, key)
    finally:
        on_file.close()
        on_server.close()


def test_a_village_s_batch_files_apply_at_its_town_on_either_back_end(tmp_path, backend, request):
    """The second batch touches records the town holds: the authority check reads what the
    change log says of them (their child, their village), which a server holds sealed."""
    server = request.getfixturevalue("pg_databases")() if backend == POSTGRESQL else None
    town = stations.enrolled(tmp_path, "town", TOWN, "宁新镇", server=server)
    village = stations.enrolled(tmp_path, "village", VILLAGE, "新陂村", town, children=5)
    try:
        kid = children(village).get(children(village).find(ChildQuery(status="all"))[0])
        for seq in (1, 2):
            out = tmp_path / f"batch{seq}.ccsync"
            sync.export(village, out)
            (result,) = sync.import_files(town, [out], TODAY)
            assert (result.status, result.seq) == ("applied", seq), result
            phone = "13900002222"
            members = tuple(replace(m, phone=phone) for m in kid.members)
            children(village).save(kid.with_changes(members=members, categories=()))
        assert [m.phone for m in children(town).get(kid.uuid).members] == [phone] * len(members)
        assert records(town) == records(village)
        assert open_conflicts(town) == set()
    finally:
        village.close()
        town.close()
