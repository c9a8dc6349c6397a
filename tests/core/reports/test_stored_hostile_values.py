"""Values an older version let into a store (hidden characters in a name, findings that are not
an object) are printed as text by every report and export, never failing the document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import insert, select, update

from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.services.care import Care
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.services.roster import Roster
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.visits_repo import visit_row
from tests.core.reports import poppler
from tests.inprocess import childcare_json

NAME = "李\x00想\u202e"

pytestmark = pytest.mark.sqlite_only(
    "values no form would save, written into the file directly: a server refuses them"
)


def spoil(store) -> str:
    """A child named with a NUL and a direction override, its visits' findings not an object."""
    fill_demo(store, 3, seed=4, today=date.today())
    with store.write() as conn:
        uuid = conn.execute(select(t.child.c.uuid).order_by(t.child.c.uuid)).scalars().first()
        conn.execute(update(t.child).where(t.child.c.uuid == uuid).values(name=NAME))
        for day, findings in ((2, "居住一般，未填表"), (3, '["一般"]'), (4, '{"living": 3}')):
            visit = Visit(uuid, date.today().replace(day=day), "home", visitor="王主任")
            conn.execute(insert(t.visit).values(visit_row(visit) | {"findings": findings}))
    return uuid


def test_the_child_file_prints_such_values_as_text(store, tmp_path: Path):
    uuid = spoil(store)
    out = tmp_path / "child.pdf"
    Reports(store).child_file(uuid, out)
    flat = poppler.flat_text(out)
    assert "李" in flat and "想" in flat
    assert "居住一般，未填表" in flat and '["一般"]' in flat


def test_the_roster_exports_and_reports_survive_such_values(store, tmp_path: Path):
    spoil(store)
    reports = Reports(store)
    assert reports.roster(tmp_path / "roster.xlsx").rows == 3
    assert reports.roster(tmp_path / "roster.pdf").rows == 3
    assert reports.ledger(date.today().strftime("%Y-%m"), tmp_path / "ledger.pdf").pages
    assert reports.summary(tmp_path / "summary.pdf")[0].rows == 3
    Roster(store).export(tmp_path / "ledger.xlsx")
    assert_listed_and_shown(store)


def spoil_codes(store) -> str:
    """Codes no form offers (sex, health, schooling, guardianship, a visit's mode) and a birth
    date at the end of the calendar, as an older version's import could store them."""
    fill_demo(store, 3, seed=7, today=date.today())
    with store.write() as conn:
        uuid = conn.execute(select(t.child.c.uuid).order_by(t.child.c.uuid)).scalars().first()
        conn.execute(
            update(t.child)
            .where(t.child.c.uuid == uuid)
            .values(sex="x", health="odd", schooling="zz", guardianship="??")
        )
        conn.execute(update(t.visit).where(t.visit.c.child_uuid == uuid).values(mode="mail"))
        other = conn.execute(select(t.child.c.uuid).order_by(t.child.c.uuid)).scalars().all()[1]
        conn.execute(
            update(t.child).where(t.child.c.uuid == other).values(birth_date=date(9999, 12, 31))
        )
    return uuid


def test_codes_no_form_offers_and_a_date_at_the_calendars_end_are_printed(store, tmp_path):
    uuid = spoil_codes(store)
    reports = Reports(store)
    reports.child_file(uuid, tmp_path / "child.pdf")
    assert "odd" in poppler.flat_text(tmp_path / "child.pdf")
    assert reports.roster(tmp_path / "roster.xlsx").rows == 3
    assert reports.roster(tmp_path / "roster.pdf").rows == 3
    assert reports.ledger(date.today().strftime("%Y-%m"), tmp_path / "ledger.pdf").pages
    assert reports.summary(tmp_path / "summary.pdf")[0].rows == 3
    Roster(store).export(tmp_path / "ledger.xlsx")
    assert_listed_and_shown(store)


def assert_listed_and_shown(store) -> None:
    """`childcare children list --json`, `children show --json` of each child and the list of
    children due for a visit (`visits due --json`) still answer."""
    assert isinstance(childcare_json(store, "visits", "due"), list)
    listed = childcare_json(store, "children", "list")
    assert len(listed) == 3
    for child in listed:
        shown = childcare_json(store, "children", "show", "--child", child["uuid"])
        assert (shown["uuid"], shown["name"]) == (child["uuid"], child["name"])


def test_a_wish_in_a_state_no_form_offers_is_printed_with_the_childs_file(store, tmp_path):
    """A wish state an older version let a received change set: the child's file and the list
    of wishes show it as its text instead of failing."""
    fill_demo(store, 3, seed=4, today=date.today())
    with store.read() as conn:
        uuid = conn.execute(select(t.child.c.uuid).order_by(t.child.c.uuid)).scalars().first()
    care = Care(store)
    kept = care.add_wish(uuid, "一个书包")
    care.add_wish(uuid, "一套文具")
    with store.write() as conn:
        conn.execute(update(t.wish).where(t.wish.c.uuid == kept.uuid).values(state="lost"))
    assert [row.wish.state for row in care.wishes(uuid)] == ["collected", "lost"]
    Reports(store).child_file(uuid, tmp_path / "child.pdf")
    flat = poppler.flat_text(tmp_path / "child.pdf")
    assert "一个书包" in flat and "lost" in flat
