"""Rows inserted in bulk take the defaults of the columns they leave out, row by row."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from childcare_desktop.core.domain.child import Child, new_uuid
from childcare_desktop.core.storage import bulk
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.children_repo import child_row
from tests.conftest import VILLAGE


def test_a_row_that_leaves_out_a_column_the_first_gave_takes_its_default(store):
    defaults = {c.name: c.default.arg if c.default is not None else None for c in t.child.columns}
    child = Child("甲", "male", date(2015, 1, 2), VILLAGE, registered_on=date.today())
    derived = {"risk": "low", "search_text": "甲", "sort_key": "jia", "categories_now": ""}
    whole = defaults | child_row(child) | derived | {"due_reason": "", "contact_phone": ""}
    assert set(whole) == {c.name for c in t.child.columns}
    short = {k: v for k, v in whole.items() if k != "ethnicity"} | {"uuid": new_uuid()}
    with store.write() as conn:
        bulk.insert_rows(conn, t.child, [whole, short])
        kept = dict(conn.execute(select(t.child.c.uuid, t.child.c.ethnicity)).all())
    assert kept == {whole["uuid"]: "汉族", short["uuid"]: ""}
