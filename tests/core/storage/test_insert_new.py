"""Rows known to be new, written by `driver.insert_new` (`COPY` on a server): stored as the plain
INSERT statement stores them, a held key refused as that statement refuses it; and ids looked up
by `rows.present`, more of them than one statement of SQLite may name."""

from __future__ import annotations

import pytest
from sqlalchemy import Table
from sqlalchemy.exc import IntegrityError

from childcare_desktop.core.domain.child import new_uuid
from childcare_desktop.core.storage import driver
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.sync.rows import CHUNK, present
from tests.conftest import VILLAGE

# Text that a COPY's own format would take for something else unless escaped.
AWKWARD = "王\t小\n明 \\N \\t 'a' \"b\" %s ? ;\r"


def _row(table: Table, given: dict) -> tuple:
    """Every column of `table`: the given value, else its default, else empty text."""
    values = []
    for c in table.columns:
        if c.name in given:
            values.append(given[c.name])
        elif c.default is not None and c.default.is_scalar:
            values.append(c.default.arg)
        else:
            values.append(None if c.nullable else "")
    return tuple(values)


def _child(uuid: str, **given) -> tuple:
    return _row(
        t.child, {"uuid": uuid, "name": "甲", "sex": "male", "village_code": VILLAGE} | given
    )


def _stored(conn, table: Table, uuid: str) -> tuple:
    names = ", ".join(f'"{c.name}"' for c in table.columns if c.name != "uuid")
    sql = f'SELECT {names} FROM "{table.name}" WHERE uuid = ?'
    return tuple(conn.exec_driver_sql(sql, (uuid,)).one())


def _plain_insert(conn, table: Table, row: tuple) -> None:
    names = ", ".join(f'"{c.name}"' for c in table.columns)
    marks = ", ".join("?" for _ in table.columns)
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', [row])


def test_new_rows_are_stored_as_the_insert_statement_stores_them(store):
    columns = [c.name for c in t.child.columns]
    given = {
        "name": AWKWARD, "notes": AWKWARD, "ethnicity": "", "birth_date": "2015-01-02",
        "hukou_registered": False, "boarding": True, "interval_days": 30, "closed_on": None,
        "next_due": "2026-02-28", "search_text": "jia 甲",
    }  # fmt: skip
    copied, inserted = new_uuid(), new_uuid()
    helped = {"kind": "dibao", "amount_month": 612.5, "start": "2024-03-01", "note": AWKWARD}
    help_copied = _row(t.assistance, helped | {"uuid": new_uuid(), "child_uuid": copied})
    help_inserted = _row(t.assistance, helped | {"uuid": new_uuid(), "child_uuid": copied})
    with store.write() as conn:
        driver.insert_new(conn, "child", columns, [_child(copied, **given)])
        _plain_insert(conn, t.child, _child(inserted, **given))
        assistance = [c.name for c in t.assistance.columns]
        driver.insert_new(conn, "assistance", assistance, [help_copied])
        _plain_insert(conn, t.assistance, help_inserted)
    with store.read() as conn:
        child = _stored(conn, t.child, copied)
        assert child == _stored(conn, t.child, inserted)
        helps = [_stored(conn, t.assistance, row[0]) for row in (help_copied, help_inserted)]
    assert helps[0] == helps[1]
    assert child[columns.index("name") - 1] == AWKWARD
    assert child[columns.index("birth_date") - 1] == "2015-01-02"


def test_a_held_key_is_refused_as_by_the_insert_statement_and_nothing_is_written(store):
    held, fresh = new_uuid(), new_uuid()
    columns = [c.name for c in t.child.columns]
    with store.write() as conn:
        driver.insert_new(conn, "child", columns, [_child(held)])
    with pytest.raises(IntegrityError), store.write() as conn:
        driver.insert_new(conn, "child", columns, [_child(fresh), _child(held)])
    with store.read() as conn:
        found = conn.exec_driver_sql("SELECT uuid FROM child").scalars().all()
    assert found == [held]


def test_present_finds_the_held_ids_among_more_than_one_statement_names(store):
    held = [new_uuid() for _ in range(CHUNK + 5)]
    columns = [c.name for c in t.child.columns]
    with store.write() as conn:
        driver.insert_new(conn, "child", columns, [_child(u) for u in held])
    asked = [new_uuid() for _ in range(CHUNK)] + held[::2]
    with store.read() as conn:
        assert present(conn, "SELECT uuid FROM child WHERE uuid {}", asked) == set(held[::2])
        assert present(conn, "SELECT uuid FROM child WHERE uuid {}", []) == set()
