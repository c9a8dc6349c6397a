"""Concerns and mandatory reports: whom to call, reported at once or later, follow-up notes,
closing needs its outcome."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from childcare_desktop.core.domain.care import ReportContact
from childcare_desktop.core.domain.child import FamilyMember
from childcare_desktop.core.errors import NotFound, ValidationFailed
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.concerns import Concerns
from childcare_desktop.core.storage import audit
from tests.core.services.care_support import add_child, parent
from tests.core.sync.merging import TODAY, TOWN, VILLAGE, send, station
from tests.core.sync.merging import child as village_child


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
    concern = concerns.add(child.uuid, "alone", clock.day, "放学后独自在家")
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
        concerns.add(child.uuid, "weather", clock.day + timedelta(days=1), "下雨")
    with pytest.raises(NotFound):
        concerns.add("no-such-child", "other_serious", clock.day, "不明")
    concern = concerns.add(child.uuid, "abandoned", clock.day, "连续一周无人照料")
    concerns.close(concern.uuid, "已返校")
    with store.read() as conn:
        actions = [(e.action, e.entity) for e in audit.entries(conn) if e.entity == "concern"]
    assert actions == [("create", "concern"), ("close", "concern")]


def test_a_concern_needs_its_kind_and_what_was_noticed(concerns, child, clock, store):
    with pytest.raises(ValidationFailed) as refused:
        concerns.add(child.uuid, "", clock.day, "  ")
    assert [(p.field, p.code) for p in refused.value.problems] == [
        ("kind", "required"),
        ("description", "required"),
    ]
    assert concerns.for_child(child.uuid) == []
    with store.read() as conn:
        assert [e for e in audit.entries(conn) if e.entity == "concern"] == []
    assert Children(store, clock).rows([child.uuid])[0].risk == "low"


def test_a_concern_reported_at_once_is_recorded_with_its_report(concerns, child, clock):
    with pytest.raises(ValidationFailed) as refused:
        concerns.add(child.uuid, "abuse", clock.day, "手臂有淤青", "police", None)
    assert [(p.field, p.code) for p in refused.value.problems] == [("reported_on", "required")]
    with pytest.raises(ValidationFailed) as refused:
        concerns.add(child.uuid, "abuse", clock.day, "手臂有淤青", "", clock.day)
    assert [(p.field, p.code) for p in refused.value.problems] == [("target", "required")]
    assert concerns.for_child(child.uuid) == []
    concern = concerns.add(
        child.uuid, "abuse", clock.day, "手臂有淤青", "police", clock.day, " JJ-1 "
    )
    assert [(r.target, r.reported_on, r.receipt) for r in concern.reports] == [
        ("police", clock.day, "JJ-1")
    ]
    assert concerns.get(concern.uuid) == concern


def test_a_concern_recorded_before_the_call_is_reported_later(concerns, child, clock):
    clock.advance(-2)
    concern = concerns.add(child.uuid, "missing", clock.day, "晚上没有回家")
    assert concern.reports == ()
    assert [r.concern.reports for r in concerns.open_concerns()] == [()]
    clock.advance(2)
    with pytest.raises(ValidationFailed) as refused:
        concerns.report(concern.uuid, "hotline", clock.day + timedelta(days=1))
    assert refused.value.problems[0].code == "future_date"
    reported = concerns.report(concern.uuid, "hotline", clock.day, "12355-77")
    assert [(r.target, r.reported_on) for r in reported.reports] == [("hotline", clock.day)]
    assert concerns.open_concerns()[0].concern.reports == reported.reports


def test_follow_up_notes_are_kept_in_order_until_the_concern_is_closed(
    concerns, child, clock, store
):
    clock.advance(-5)
    concern = concerns.add(child.uuid, "alone", clock.day, "父母外出，独自在家")
    clock.advance(5)
    concerns.note(concern.uuid, "电话联系父亲，答应月底回家", clock.day)
    noted = concerns.note(concern.uuid, " 入户看望，祖母暂住照看 ", clock.day - timedelta(days=3))
    assert [(n.noted_on, n.text) for n in noted.notes] == [
        (clock.day - timedelta(days=3), "入户看望，祖母暂住照看"),
        (clock.day, "电话联系父亲，答应月底回家"),
    ]
    for text, day, code in (
        ("  ", clock.day, "required"),
        ("太早", clock.day - timedelta(days=6), "end_before_start"),
        ("明天", clock.day + timedelta(days=1), "future_date"),
    ):
        with pytest.raises(ValidationFailed) as refused:
            concerns.note(concern.uuid, text, day)
        assert refused.value.problems[0].code == code
    closed = concerns.close(concern.uuid, "父亲已返乡照看")
    assert (closed.notes, closed.follow_up) == (noted.notes, "父亲已返乡照看")
    with pytest.raises(ValidationFailed) as refused:
        concerns.note(concern.uuid, "结案后又记")
    assert refused.value.problems[0].code == "concern_closed"
    with store.read() as conn:
        logged = [e.entity for e in audit.entries(conn) if e.entity.startswith("concern")]
    assert logged == ["concern", "concern_note", "concern_note", "concern"]


def test_a_closing_cannot_be_dated_after_today(concerns, child, clock):
    concern = concerns.add(child.uuid, "unnatural_harm", clock.day, "摔伤")
    with pytest.raises(ValidationFailed) as refused:
        concerns.close(concern.uuid, "已痊愈", clock.day + timedelta(days=1))
    assert refused.value.problems[0].code == "future_date"
    assert concerns.get(concern.uuid).is_open


def test_follow_up_notes_travel_to_the_town_with_their_concern(tmp_path):
    village, town = station(tmp_path, VILLAGE), station(tmp_path, TOWN)
    try:
        kid = Children(village, today=lambda: TODAY).save(village_child())
        at_village = Concerns(village, today=lambda: TODAY)
        concern = at_village.add(kid.uuid, "alone", TODAY, "独自在家")
        at_village.note(concern.uuid, "已联系祖母", TODAY)
        send(village, town)
        assert Concerns(town, today=lambda: TODAY).get(concern.uuid) == at_village.get(concern.uuid)
    finally:
        village.close()
        town.close()


def test_the_facts_raise_a_situation_for_a_person_to_confirm(store, clock, concerns):
    """未保法 §21 ¶2: a child of 11 whose parents are both away and whom nobody at home can
    look after is raised to be confirmed; recording the concern, or saying why it is not one,
    takes it off the list."""
    children = Children(store, clock)

    def away():
        return (parent("father", "migrant"), parent("mother", "migrant"))

    alone = add_child(children, ("left_behind",), "fair", date(2015, 1, 1), 1, "刘小红", away())
    cared = add_child(
        children, ("left_behind",), "fair", date(2015, 1, 1), 2, "刘小兰",
        (*away(), FamilyMember("grandmother", "陈桂英", situation="home")),
    )  # fmt: skip
    small = add_child(children, ("orphan",), "none", date(2022, 5, 1), 3, "刘小宝")
    add_child(children, ("orphan",), "none", date(2009, 5, 1), 4, "刘大宝")
    found = concerns.to_confirm()
    assert [(x.child_name, x.found.kind, x.found.reason) for x in found] == [
        ("刘小宝", "unattended", "assessed_unguarded"),
        ("刘小红", "alone", "nobody_at_home"),
        ("刘大宝", "abandoned", "assessed_unguarded"),
    ]
    assert cared.uuid not in {x.child_uuid for x in found}
    concern = concerns.add(alone.uuid, "alone", clock.day, "父母外出，无人照看")
    with pytest.raises(ValidationFailed):
        concerns.dismiss(small.uuid, "unattended", "  ")
    concerns.dismiss(small.uuid, "unattended", "已核实：外婆每天来家照看")
    assert [x.child_name for x in concerns.to_confirm()] == ["刘大宝"]
    with store.read() as conn:
        assert audit.entries(conn)[-1].entity_uuid == small.uuid
    # Closed while the file still says nobody is at home: raised again until the file says who.
    concerns.close(concern.uuid, "已联系父亲")
    assert "刘小红" in [x.child_name for x in concerns.to_confirm()]
    carer = FamilyMember("carer", "李阿姨", situation="home")
    children.save(
        replace(children.get(alone.uuid), members=(*children.get(alone.uuid).members, carer))
    )
    assert [x.child_name for x in concerns.to_confirm()] == ["刘大宝"]
    # 18 years old: no longer a minor.
    clock.day = date(2027, 5, 1)
    assert concerns.to_confirm() == []
    with pytest.raises(NotFound):
        concerns.dismiss("no-such-child", "alone", "不明")
