"""Concerns and mandatory reports: whom to call, reports recorded, closing needs a follow-up."""

from datetime import timedelta

import pytest

from childcare_desktop.core.domain.care import ReportContact
from childcare_desktop.core.errors import NotFound, ValidationFailed
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.concerns import Concerns
from childcare_desktop.core.storage import audit
from tests.core.services.care_support import add_child


@pytest.fixture
def child(store, clock):
    return add_child(Children(store, clock), ("left_behind",), "good")


@pytest.fixture
def concerns(store, clock):
    return Concerns(store, clock)


def test_whom_to_report_to_is_the_stations_own_list(concerns):
    assert [c.number for c in concerns.contacts()][:2] == ["110", "12355"]
    mine = [
        ReportContact("police", "镇派出所", "0753-1234567"),
        ReportContact("hotline", "热线", "12345"),
    ]
    concerns.set_contacts(mine)
    assert concerns.contacts() == mine
    with pytest.raises(ValidationFailed):
        concerns.set_contacts([ReportContact("neighbour", "邻居", "1")])


def test_a_concern_records_its_reports(concerns, child, clock):
    concern = concerns.add(child.uuid, "abuse", clock.day, "邻居反映孩子被打")
    concerns.report(concern.uuid, "police", clock.day, "JJ2026-001")
    reported = concerns.report(concern.uuid, "civil_affairs", clock.day, note="电话告知督导员")
    assert [(r.target, r.receipt) for r in reported.reports] == [
        ("police", "JJ2026-001"),
        ("civil_affairs", ""),
    ]
    rows = concerns.open_concerns()
    assert [(r.child_name, r.concern.kind) for r in rows] == [(child.name, "abuse")]
    with pytest.raises(ValidationFailed):
        concerns.report(concern.uuid, "police", clock.day - timedelta(days=1))


def test_a_concern_cannot_be_closed_without_a_follow_up(concerns, child, clock):
    concern = concerns.add(child.uuid, "alone", clock.day)
    with pytest.raises(ValidationFailed) as refused:
        concerns.close(concern.uuid, "   ")
    assert refused.value.problems[0].code == "follow_up_required"
    assert concerns.get(concern.uuid).is_open
    closed = concerns.close(concern.uuid, "已联系父亲返乡照看")
    assert (closed.closed_on, closed.follow_up) == (clock.day, "已联系父亲返乡照看")
    assert concerns.open_concerns() == []
    with pytest.raises(ValidationFailed):
        concerns.close(concern.uuid, "再次结案")


def test_a_concern_is_checked_and_audited(concerns, child, clock, store):
    with pytest.raises(ValidationFailed):
        concerns.add(child.uuid, "weather", clock.day + timedelta(days=1))
    with pytest.raises(NotFound):
        concerns.add("no-such-child", "other", clock.day)
    concern = concerns.add(child.uuid, "dropout", clock.day)
    concerns.close(concern.uuid, "已返校")
    with store.read() as conn:
        actions = [(e.action, e.entity) for e in audit.entries(conn) if e.entity == "concern"]
    assert actions == [("create", "concern"), ("close", "concern")]
