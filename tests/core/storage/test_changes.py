"""Every write leaves a change in the log, based on the heads it saw."""

import json
import re
from datetime import date

from sqlalchemy import select

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child, FamilyMember
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.changes import next_clock
from tests.conftest import VILLAGE


def changes(store):
    with store.read() as conn:
        return conn.execute(select(t.change).order_by(t.change.c.counter)).mappings().all()


def test_a_new_child_and_an_edit_are_logged_with_their_bases(store):
    service = Children(store)
    born = date(2016, 5, 6)
    saved = service.save(
        Child(
            "李想",
            "female",
            born,
            VILLAGE,
            id_number=idnumber.make("441481", born, 3, "female"),
            members=(FamilyMember("mother", "王芳", phone="13800001111"),),
        )
    )
    first = changes(store)
    assert [(c["entity"], c["base"]) for c in first] == [("child", "[]"), ("member", "[]")]
    assert json.loads(first[0]["fields"])["name"] == "李想"

    service.save(saved.with_changes(current_address="新陂村2组"))
    last = changes(store)[-1]
    assert last["entity"] == "child"
    assert json.loads(last["fields"]) == {"current_address": "新陂村2组"}
    assert json.loads(last["base"]) == [f"{VILLAGE}:1"]
    assert last["clock"] > first[-1]["clock"]


def test_saving_without_changes_logs_nothing(store):
    service = Children(store)
    born = date(2016, 5, 6)
    saved = service.save(Child("李想", "female", born, VILLAGE, no_id_reason="no_hukou"))
    count = len(changes(store))
    service.save(saved)
    assert len(changes(store)) == count


def test_removing_a_member_leaves_a_tombstone_without_personal_data(store):
    service = Children(store)
    saved = service.save(
        Child(
            "李想",
            "female",
            date(2016, 5, 6),
            VILLAGE,
            no_id_reason="no_hukou",
            members=(FamilyMember("father", "李大山", phone="13800001111"),),
        )
    )
    service.save(saved.with_changes(members=()))
    tomb = changes(store)[-1]
    assert tomb["entity"] == "member"
    assert json.loads(tomb["fields"]) == {"_deleted": True, "child_uuid": saved.uuid}


def test_the_clock_never_goes_back_when_the_wall_clock_does():
    later = next_clock("", now_ms=2_000)
    earlier_wall = next_clock(later, now_ms=1_000)
    assert earlier_wall > later
    assert next_clock(earlier_wall, now_ms=3_000) > earlier_wall


def test_the_clock_stays_in_its_format_when_the_wall_clock_lags_behind_it():
    """A station whose clock took up a time ahead of its wall clock and then records more than
    100,000 changes keeps writing clocks other stations accept (ChangeRecord checks the form)."""
    full = "1795396117385.99999"
    after = next_clock(full, now_ms=1_000)
    assert after == "1795396117386.00000"
    assert re.fullmatch(r"[0-9]{13}\.[0-9]{5}", after) and after > full
