"""A record created in bulk and then changed, read, deleted or met again in the same writer is
logged as if it had been created one by one: the writer keeps no heads for it until then."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from childcare_desktop.core.storage import changes as changes_module
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.changes import PUT_HEADS, ChangeWriter


class _Undo(Exception):
    pass


def _rows() -> list[dict]:
    return [
        {"uuid": f"m-{i}", "child_uuid": "c-1", "name": f"成员{i}", "phone": ""} for i in range(6)
    ]


def _then(writer: ChangeWriter) -> None:
    writer.record("member", "m-1", {"phone": "139"})  # changed after its creation
    writer.load_heads([("member", "m-2"), ("member", "m-3")])
    writer.record("member", "m-2", {"_deleted": True, "child_uuid": "c-1"})
    writer.record("member", "m-2", {"uuid": "m-2", "name": "又来了"}, new=True)  # made again
    writer.record("member", "m-3", {"name": "改名", "phone": "138"})


def _logged(store, create) -> dict:
    """What creating the rows by `create(writer, rows)`, then `_then`, leaves in the store,
    then undone. m-4 was known before (it has a heads row: its creation is based on it) and
    m-5 has a conflict open (its creation ends it)."""
    found = {}
    with pytest.raises(_Undo), store.write() as conn:
        conn.exec_driver_sql(PUT_HEADS, ("member", "m-4", '{"*":["X:7"],"name":["Y:2"]}'))
        conn.execute(
            t.conflict.insert().values(
                entity="member",
                entity_uuid="m-5",
                field="name",
                heads='["X:1","Y:1"]',
                shown="X:1",
                opened_at="2026-01-01T00:00:00",
            )
        )
        writer = ChangeWriter(conn)
        create(writer, _rows())
        _then(writer)
        writer.flush()
        c, h, k = t.change.c, t.entity_head.c, t.conflict.c
        found["changes"] = [tuple(r) for r in conn.execute(select(t.change).order_by(c.counter))]
        found["heads"] = sorted(
            tuple(r) for r in conn.execute(select(h.entity, h.entity_uuid, h.heads))
        )
        found["conflicts"] = [tuple(r) for r in conn.execute(select(k.entity_uuid, k.resolved_by))]
        raise _Undo
    return found


def test_created_in_bulk_then_changed_is_logged_as_one_by_one(store, monkeypatch):
    monkeypatch.setattr(changes_module.time, "time", lambda: 1_900_000_000.0)

    def one_by_one(writer, rows):
        for r in rows:
            writer.record("member", r["uuid"], r, new=True)

    def in_bulk(writer, rows):
        writer.record_created("member", rows)

    expected = _logged(store, one_by_one)
    assert _logged(store, in_bulk) == expected
    changes = expected["changes"]
    ids = {c[3]: f"{c[0]}:{c[1]}" for c in changes[:6]}  # each member's creation
    assert changes[6][6] == f'["{ids["m-1"]}"]'  # the change is based on the creation
    assert changes[7][6] == f'["{ids["m-2"]}"]'  # and so is the deletion
    assert changes[4][6] == '["X:7","Y:2"]'  # m-4 made again after what was known of it
    heads = {uuid: text for _entity, uuid, text in expected["heads"]}
    assert heads["m-1"] == f'{{"*":["{ids["m-1"]}"],"phone":["{changes[6][0]}:{changes[6][1]}"]}}'
    assert heads["m-4"] == f'{{"*":["{ids["m-4"]}"]}}'  # its old heads row replaced
    assert "m-0" not in heads and "m-5" not in heads  # their creation alone: no heads row
    assert expected["conflicts"] == [("m-5", ids["m-5"])]
