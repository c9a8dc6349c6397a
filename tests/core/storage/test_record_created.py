"""Records created in bulk are logged exactly as when they are recorded one by one."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from childcare_desktop.core.storage import changes as changes_module
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.changes import ChangeWriter


class _Undo(Exception):
    pass


def _rows():
    return [
        {"uuid": "m-1", "child_uuid": "c-1", "name": "王芳", "phone": "", "born": date(1990, 1, 2)},
        {"uuid": "m-2", "child_uuid": "c-1", "name": "李强", "phone": "138", "capable": False},
        # The same record twice in one batch: the second is based on the first.
        {"uuid": "m-1", "child_uuid": "c-1", "name": "王芳芳", "phone": "139", "capable": True},
        {"uuid": "m-0", "child_uuid": "c-0", "name": "张三"},  # recorded before the batch
    ]


def _logged(store, write) -> tuple[list[tuple], list[tuple], tuple]:
    """What `write(writer)` leaves in the log, the heads and the station, then undone."""
    found = {}
    with pytest.raises(_Undo), store.write() as conn:
        writer = ChangeWriter(conn)
        writer.record("member", "m-0", {"uuid": "m-0", "name": "张三"}, new=True)
        write(writer)
        writer.flush()
        logged = conn.execute(select(t.change).order_by(t.change.c.counter))
        found["changes"] = [tuple(r) for r in logged]
        found["heads"] = [tuple(r) for r in conn.execute(select(t.entity_head))]
        station = t.station.c
        found["station"] = tuple(conn.execute(select(station.change_counter, station.clock)).one())
        raise _Undo
    return found["changes"], found["heads"], found["station"]


def test_record_created_logs_as_record_does(store, monkeypatch):
    monkeypatch.setattr(changes_module.time, "time", lambda: 1_900_000_000.0)
    one_by_one = _logged(
        store,
        lambda writer: [writer.record("member", r["uuid"], r, new=True) for r in _rows()],
    )
    in_bulk = _logged(store, lambda writer: writer.record_created("member", _rows()))
    assert in_bulk == one_by_one
    changes = in_bulk[0]
    assert [c[3] for c in changes] == ["m-0", "m-1", "m-2", "m-1", "m-0"]
    # A record created again is based on its first creation, the others on nothing.
    ids = [f'["{c[0]}:{c[1]}"]' for c in changes]
    assert [c[6] for c in changes] == ["[]", "[]", "[]", ids[1], ids[0]]


def test_record_appended_logs_as_record_does(store, monkeypatch):
    monkeypatch.setattr(changes_module.time, "time", lambda: 1_900_000_000.0)
    visits = [{"uuid": f"v-{i}", "child_uuid": "c-1", "notes": ""} for i in range(3)]
    one_by_one = _logged(
        store,
        lambda writer: [writer.record("visit", v["uuid"], v, append_only=True) for v in visits],
    )
    in_bulk = _logged(store, lambda writer: writer.record_appended("visit", visits))
    assert in_bulk == one_by_one
    assert [c[6] for c in in_bulk[0]][1:] == ["[]"] * 3
