"""Who may sign the records of 审核 and of the team (issue 17): a village submits for its own
children, never approves itself; a town decides for its villages at the town's level; a station
keeps the registry of its own officers, not another's."""

from __future__ import annotations

from datetime import date

import pytest

from childcare_desktop.core.domain.child import new_uuid
from childcare_desktop.core.storage import bulk
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.changes import ChangeWriter
from childcare_desktop.core.storage.store import Store

from .stations import COUNTY, OTHER_VILLAGE, TOWN, VILLAGE, enrolled
from .test_authority import first_child, send


@pytest.fixture
def town(tmp_path):
    county = enrolled(tmp_path, "county", COUNTY, "兴宁市")
    store = enrolled(tmp_path, "town", TOWN, "宁新镇", county)
    yield store
    store.close()
    county.close()


@pytest.fixture
def village(tmp_path, town):
    store = enrolled(tmp_path, "village", VILLAGE, "新陂村", town, children=3)
    yield store
    store.close()


TODAY = date.today().isoformat()


def _record(store: Store, entity: str, fields: dict) -> str:
    """The station's own program writes a new record of `entity` and logs it (as a service
    would)."""
    uuid = new_uuid()
    with store.write() as conn:
        bulk.insert_rows(conn, t.metadata.tables[entity], [{"uuid": uuid, **fields}])
        writer = ChangeWriter(conn)
        writer.record(entity, uuid, {"_new": True, **fields})
        writer.flush()
    return uuid


def _submission(child: str) -> dict:
    return {"child_uuid": child, "village_code": VILLAGE, "kind": "new_file", "subject": "",
            "changes": "{}", "submitted_on": TODAY, "submitted_by": "李主任"}  # fmt: skip


def _decision(submission: str, child: str, level: str) -> dict:
    return {"submission_uuid": submission, "child_uuid": child, "level": level,
            "verdict": "approved", "reason": "", "decided_on": TODAY,
            "decided_by": "x"}  # fmt: skip


def test_a_village_that_approves_its_own_submission_is_refused(tmp_path, town, village):
    child = first_child(village)
    submitted = _record(village, "submission", _submission(child))
    _record(village, "decision", _decision(submitted, child, "town"))
    result = send(village, town, tmp_path / "v1.ccsync")
    assert (result.status, result.reason) == ("rejected", "outside_authority")


def test_a_town_decides_at_its_own_level_and_the_decision_goes_down(tmp_path, town, village):
    child = first_child(village)
    submitted = _record(village, "submission", _submission(child))
    assert send(village, town, tmp_path / "v1.ccsync").status == "applied"
    _record(town, "decision", _decision(submitted, child, "town"))
    assert send(town, village, tmp_path / "t1.ccsync", to=VILLAGE).status == "applied"


def test_a_town_that_signs_a_county_decision_is_refused(tmp_path, town, village):
    child = first_child(village)
    submitted = _record(village, "submission", _submission(child))
    assert send(village, town, tmp_path / "v1.ccsync").status == "applied"
    _record(town, "decision", _decision(submitted, child, "county"))
    result = send(town, village, tmp_path / "t1.ccsync", to=VILLAGE)
    assert (result.status, result.reason) == ("rejected", "outside_authority")


def test_a_village_keeps_its_own_officers_not_another_villages(tmp_path, town, village):
    officer = {"division_code": VILLAGE, "duty": "director", "name": "李主任", "phone": "",
               "appointed_on": TODAY, "left_on": None, "note": ""}  # fmt: skip
    _record(village, "officer", officer)
    assert send(village, town, tmp_path / "v1.ccsync").status == "applied"
    _record(village, "officer", {**officer, "division_code": OTHER_VILLAGE, "name": "王主任"})
    result = send(village, town, tmp_path / "v2.ccsync")
    assert (result.status, result.reason) == ("rejected", "outside_authority")
