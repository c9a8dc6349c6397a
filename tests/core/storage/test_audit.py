"""The audit log: every change is recorded without its values; tampering is found."""

import json
from datetime import date

from sqlalchemy import text

from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage import audit
from tests.conftest import VILLAGE


def make_history(store):
    service = Children(store)
    child = service.save(
        Child(
            "赵小红",
            "female",
            date(2015, 1, 1),
            VILLAGE,
            no_id_reason="no_hukou",
            current_address="新陂村1组",
        )
    )
    service.save(child.with_changes(current_address="新陂村2组", guardianship="fair"))
    service.close(child.uuid, "moved_away")
    service.reopen(child.uuid)
    return child


def test_create_update_close_reopen_are_recorded_with_fields_not_values(store):
    child = make_history(store)
    with store.read() as conn:
        entries = audit.entries(conn)
        raw = json.dumps(
            [tuple(r) for r in conn.execute(text("SELECT * FROM audit"))], ensure_ascii=False
        )
    assert [e.action for e in entries] == ["create", "update", "close", "reopen"]
    # On a server several officers share the store: each is named with their database role.
    who = "李主任" if store.engine.dialect.name == "sqlite" else "李主任 (childcare_test)"
    assert all(e.entity_uuid == child.uuid and e.who == who for e in entries)
    assert set(entries[1].fields) == {"current_address", "guardianship"}
    assert "新陂村2组" not in raw and "赵小红" not in raw
    with store.read() as conn:
        assert audit.verify(conn) is None


def test_an_altered_entry_is_found(store):
    make_history(store)
    with store.write() as conn:
        conn.execute(text("UPDATE audit SET action = 'update' WHERE seq = 3"))
    with store.read() as conn:
        assert audit.verify(conn).seq == 3


def test_a_removed_entry_is_found_in_the_middle_and_at_the_end(store):
    make_history(store)
    with store.write() as conn:
        conn.execute(text("DELETE FROM audit WHERE seq = 4"))
    with store.read() as conn:
        assert (audit.verify(conn).seq, audit.verify(conn).missing) == (4, True)
    with store.write() as conn:
        conn.execute(text("DELETE FROM audit WHERE seq = 2"))
    with store.read() as conn:
        assert (audit.verify(conn).seq, audit.verify(conn).missing) == (2, True)
