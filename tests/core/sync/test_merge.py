"""Merging changes between real stations: whole records, idempotence, order, conflicts,
deletions, equivocation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select, update

from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.child import Assistance, FamilyMember
from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.domain.visit_policy import VisitPolicy
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.concerns import Concerns
from childcare_desktop.core.services.visits import Visits
from childcare_desktop.core.storage import derived_repo, settings
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.sync.errors import SyncError
from childcare_desktop.core.sync.merge import (
    Equivocation,
    apply_changes,
    changes_since,
    version_vector,
)
from tests.core.sync.merging import (
    COUNTY,
    TODAY,
    TOWN,
    VILLAGE,
    VILLAGE_2,
    child,
    open_conflicts,
    records,
    send,
    station,
)


@pytest.fixture
def village(tmp_path):
    store = station(tmp_path, VILLAGE)
    yield store
    store.close()


@pytest.fixture
def town(tmp_path):
    store = station(tmp_path, TOWN)
    yield store
    store.close()


@pytest.fixture
def county(tmp_path):
    store = station(tmp_path, COUNTY)
    yield store
    store.close()


def children(store):
    return Children(store, today=lambda: TODAY)


def registered(store, **extra):
    # No hukou yet: held as left-behind with the officer's reason, which travels with the span.
    why = "户口正在补办，父母均在外务工"
    kid = child(
        assistance=(Assistance("dibao", amount_month=300.0, start=date(2025, 1, 1)),),
        hukou_registered=False,
        **{"categories": (CategorySpan("left_behind", date(2025, 3, 1), reason=why),), **extra},
    )
    saved = children(store).save(kid)
    Visits(store, today=lambda: TODAY).log(
        Visit(saved.uuid, date(2026, 10, 2), "home", visitor="李主任", findings={"safety": "好"})
    )
    return saved


def test_a_file_registered_in_the_village_arrives_whole_at_the_town(village, town):
    kid = registered(village)
    result = send(village, town)
    assert result.applied == 5 and result.duplicates == 0 and result.conflicts_opened == 0
    assert result.touched_children == (kid.uuid,)
    assert children(town).get(kid.uuid) == children(village).get(kid.uuid)
    assert records(town) == records(village)
    # The derived columns are computed at the town too: the visit counts for the due date.
    with town.read() as conn:
        last, due = conn.execute(
            select(t.child.c.last_visit, t.child.c.next_due).where(t.child.c.uuid == kid.uuid)
        ).one()
    assert last == date(2026, 10, 2) and due is not None


def test_applying_the_same_changes_again_is_a_no_op(village, town):
    registered(village)
    with village.read() as conn:
        changes = changes_since(conn, {})
    with town.write() as conn:
        apply_changes(conn, changes, TODAY)
    before = records(town)
    with town.write() as conn:
        again = apply_changes(conn, list(reversed(changes)) + changes, TODAY)
    assert (again.applied, again.duplicates, again.touched_children) == (0, 2 * len(changes), ())
    assert records(town) == before


def test_any_order_gives_the_same_records_and_conflicts(tmp_path, village, town, county):
    other = station(tmp_path, VILLAGE_2)
    try:
        kid = registered(village)
        send(village, town)
        send(town, other)
        children(village).save(children(village).get(kid.uuid).with_changes(school="一小"))
        children(other).save(children(other).get(kid.uuid).with_changes(school="二小"))
        registered(other, name="王小", serial=9, village=VILLAGE_2)
        with village.read() as conn:
            first = changes_since(conn, {})
        with other.read() as conn:
            second = changes_since(conn, {})
        with town.write() as conn:
            apply_changes(conn, second, TODAY)
            apply_changes(conn, first, TODAY)
        with county.write() as conn:
            apply_changes(conn, list(reversed(first)), TODAY)
            apply_changes(conn, list(reversed(second)), TODAY)
        assert records(town) == records(county)
        assert open_conflicts(town) == open_conflicts(county) != set()
    finally:
        other.close()


def test_a_concurrent_edit_is_a_conflict_shown_alike_everywhere_and_resolved_once(
    village, town, county
):
    kid = registered(village)
    send(village, town)
    children(village).save(children(village).get(kid.uuid).with_changes(current_address="一组"))
    children(town).save(children(town).get(kid.uuid).with_changes(current_address="二组"))
    opened = send(village, town)
    assert opened.conflicts_opened == 1
    send(town, county)
    send(town, village)
    shown = {children(s).get(kid.uuid).current_address for s in (village, town, county)}
    assert len(shown) == 1
    assert open_conflicts(village) == open_conflicts(town) == open_conflicts(county)
    ((_, _, field, heads, _),) = open_conflicts(town)
    assert field == "current_address" and len(heads.split(",")) == 2

    from childcare_desktop.core.services.conflicts import Conflicts

    (conflict,) = Conflicts(town, today=lambda: TODAY).open()
    assert [v.value for v in conflict.values] == [
        conflict.shown,
        *{"一组", "二组"} - {conflict.shown},
    ]
    village_value = next(v for v in conflict.values if v.station == VILLAGE)
    Conflicts(town, today=lambda: TODAY).pick(conflict.id, village_value.change_id)
    assert open_conflicts(town) == set()
    send(town, county)
    send(town, village)
    send(village, town)
    for store in (village, town, county):
        assert open_conflicts(store) == set()
        assert children(store).get(kid.uuid).current_address == "一组"
    assert records(village) == records(town) == records(county)


def test_an_edit_concurrent_with_a_deletion_keeps_the_record(village, town):
    kid = registered(village)
    send(village, town)
    # The village removes the mother while the town corrects her phone number.
    children(village).save(children(village).get(kid.uuid).with_changes(members=()))
    at_town = children(town).get(kid.uuid)
    mother = replace(at_town.members[0], phone="13900002222")
    children(town).save(at_town.with_changes(members=(mother,)))
    send(village, town)
    send(town, village)
    for store in (village, town):
        assert [m.phone for m in children(store).get(kid.uuid).members] == ["13900002222"]
    assert records(village) == records(town)
    # Removed again once the edit was seen: now the deletion follows everything, and holds.
    children(village).save(children(village).get(kid.uuid).with_changes(members=()))
    send(village, town)
    assert children(town).get(kid.uuid).members == ()
    assert records(village) == records(town)


def test_a_deletion_after_an_edit_from_elsewhere_deletes_everywhere(village, town):
    kid = registered(village)
    send(village, town)
    at_town = children(town).get(kid.uuid)
    children(town).save(
        at_town.with_changes(members=(replace(at_town.members[0], phone="13900002222"),))
    )
    send(town, village)
    children(village).save(children(village).get(kid.uuid).with_changes(members=()))
    send(village, town)
    assert children(town).get(kid.uuid).members == ()
    assert records(village) == records(town)


def test_a_category_span_removed_and_added_back_is_no_conflict(village, town):
    kid = registered(village)
    send(village, town)
    span = kid.categories[0]
    children(village).save(children(village).get(kid.uuid).with_changes(categories=()))
    children(village).save(
        children(village).get(kid.uuid).with_changes(categories=(replace(span, end=TODAY),))
    )
    send(village, town)
    assert open_conflicts(town) == set()
    assert children(town).get(kid.uuid).categories == (replace(span, end=TODAY),)
    assert records(village) == records(town)


def test_visits_from_two_stations_never_conflict(village, town):
    kid = registered(village)
    send(village, town)
    for store in (village, town):
        Visits(store, today=lambda: TODAY).log(Visit(kid.uuid, date(2026, 11, 1), "phone"))
    send(village, town)
    send(town, village)
    assert open_conflicts(town) == open_conflicts(village) == set()
    assert len(Visits(town).history(kid.uuid)) == 3
    assert records(village) == records(town)


def test_a_change_id_held_with_other_content_is_an_equivocation(village, town):
    kid = registered(village)
    with village.read() as conn:
        changes = changes_since(conn, {})
    with town.write() as conn:
        apply_changes(conn, changes, TODAY)
    forged = replace(changes[0], fields=changes[0].fields | {"name": "别人"})
    before = records(town)
    with pytest.raises(Equivocation) as raised, town.write() as conn:
        apply_changes(conn, [changes[1], forged], TODAY)
    assert raised.value.code == "equivocation"
    with pytest.raises(Equivocation), town.write() as conn:
        apply_changes(conn, [replace(changes[1], clock="9" * 13 + ".00000"), changes[1]], TODAY)
    assert records(town) == before
    assert children(town).get(kid.uuid).name == "李想"


def test_a_part_of_a_file_not_held_is_refused(village, town):
    registered(village)
    with village.read() as conn:
        parts = [c for c in changes_since(conn, {}) if c.entity != "child"]
    with pytest.raises(SyncError) as raised, town.write() as conn:
        apply_changes(conn, parts, TODAY)
    assert raised.value.code == "missing_record"


def test_the_version_vector_stops_at_the_first_gap(village, town):
    registered(village)
    children(village).save(children(village).get(next(iter(records(village)["child"]))[0]))
    with village.read() as conn:
        changes = changes_since(conn, {})
    with town.write() as conn:
        apply_changes(conn, [c for c in changes if c.counter != 3], TODAY)
        assert version_vector(conn) == {VILLAGE: 2}
        assert [c.counter for c in changes_since(conn, {VILLAGE: 2})] == [4, 5]
        apply_changes(conn, changes, TODAY)
        assert version_vector(conn) == {VILLAGE: 5}


def test_after_a_merge_the_local_clock_is_past_everything_received(village, town):
    with town.write() as conn:
        conn.execute(update(t.station).values(clock="9999999999999.00000"))
    kid = registered(town)
    send(town, village)
    saved = children(village).save(children(village).get(kid.uuid).with_changes(school="一小"))
    with village.read() as conn:
        clocks = conn.execute(select(t.change.c.station, t.change.c.clock)).all()
    own = max(c for s, c in clocks if s == VILLAGE)
    assert own > max(c for s, c in clocks if s == TOWN)
    assert saved.school == "一小"


def test_a_local_edit_of_a_field_in_conflict_closes_it_there_and_after_it_travels(village, town):
    kid = registered(village)
    send(village, town)
    children(village).save(children(village).get(kid.uuid).with_changes(school="一小"))
    children(town).save(children(town).get(kid.uuid).with_changes(school="二小"))
    send(village, town)
    send(town, village)
    assert open_conflicts(village) == open_conflicts(town) != set()
    children(town).save(children(town).get(kid.uuid).with_changes(school="三小"))
    assert open_conflicts(town) == set()
    with town.read() as conn:
        closed = conn.execute(select(t.conflict.c.resolved_by)).scalars().all()
    assert closed[0].startswith(f"{TOWN}:")
    send(town, village)
    assert open_conflicts(village) == set()
    assert children(village).get(kid.uuid).school == "三小"


DERIVED = [t.child.c[name] for name in derived_repo.DERIVED_COLUMNS]


def derived_columns(store) -> dict[str, tuple]:
    with store.read() as conn:
        rows = conn.execute(select(t.child.c.uuid, *DERIVED)).all()
    return {r[0]: tuple(r[1:]) for r in rows}


def test_children_new_at_the_town_are_derived_as_the_village_reads_them(village, town):
    """A merge works out the derived columns of the children it creates from the rows in hand;
    the village works them out from its tables. Each rule is exercised: the newest version of a
    corrected visit and the plan made on the last day, a carer's phone before a parent's, the
    earliest open concern, a category that ended and one that goes on."""
    visits = Visits(village, today=lambda: TODAY)
    members = (
        FamilyMember("father", "吴大", phone="13800000001", situation="migrant"),
        FamilyMember("mother", "王芳", situation="migrant"),
        FamilyMember("carer", "吴奶奶", phone="13900000002"),
    )
    spans = (
        CategorySpan("left_behind", date(2025, 3, 1)),
        CategorySpan("poor_family", date(2024, 1, 1), date(2025, 1, 1)),
    )
    kid = children(village).save(child(members=members, categories=spans))
    plain = children(village).save(child("吴二", serial=5))
    wrong = visits.log(Visit(kid.uuid, date(2026, 11, 20), "home", next_planned=date(2026, 12, 30)))
    visits.correct(
        wrong.visit.uuid, Visit(kid.uuid, date(2026, 11, 2), "home", next_planned=date(2027, 1, 5))
    )
    visits.log(Visit(kid.uuid, date(2026, 11, 2), "phone", next_planned=date(2026, 12, 1)))
    visits.log(Visit(kid.uuid, date(2026, 10, 1), "home"))
    concerns = Concerns(village, today=lambda: TODAY)
    concerns.add(kid.uuid, "alone", date(2026, 11, 10), "独自在家")
    closed = concerns.add(kid.uuid, "alone", date(2026, 9, 1), "独自在家")
    concerns.close(closed.uuid, "已解决", date(2026, 9, 3))
    concerns.add(kid.uuid, "alone", date(2026, 11, 15), "独自在家")
    with village.write() as conn:
        derived_repo.refresh_derived(conn, None, TODAY, settings.visit_policy(conn))
    result = send(village, town)
    assert set(result.touched_children) == {kid.uuid, plain.uuid}
    at_village, at_town = derived_columns(village), derived_columns(town)
    assert at_town == at_village
    mine = dict(zip(derived_repo.DERIVED_COLUMNS, at_town[kid.uuid], strict=True))
    assert mine["last_visit"] == date(2026, 11, 2) and mine["contact_phone"] == "13900000002"
    assert mine["categories_now"] == "left_behind" and mine["risk"] == "high"
    assert mine["next_due"] == date(2026, 11, 10)  # the earliest concern still open


def test_under_a_home_visit_rule_the_town_derives_the_village_s_due_dates(village, town):
    """Both stations ask a home visit (入户) of left-behind children with fair guardianship:
    the merge's rows in hand and the village's tables count the same last home visit, so a
    phone call after it changes nothing and a home visit corrected into a phone call no longer
    counts; the last visit of any kind is still the last visit."""
    policy = VisitPolicy(home=frozenset({"left_behind_fair"}))
    for store in (village, town):
        with store.write() as conn:
            settings.put_visit_policy(conn, policy)
    visits = Visits(village, today=lambda: TODAY)
    called = children(village).save(child())
    corrected = children(village).save(child("吴二", serial=5))
    visits.log(Visit(called.uuid, date(2026, 10, 1), "home"))
    visits.log(Visit(called.uuid, date(2026, 11, 2), "phone"))
    visits.log(Visit(corrected.uuid, date(2026, 9, 20), "home"))
    wrong = visits.log(Visit(corrected.uuid, date(2026, 11, 5), "home"))
    visits.correct(wrong.visit.uuid, Visit(corrected.uuid, date(2026, 11, 5), "phone"))
    send(village, town)
    at_village, at_town = derived_columns(village), derived_columns(town)
    assert at_town == at_village
    due = {
        uid: dict(zip(derived_repo.DERIVED_COLUMNS, values, strict=True))
        for uid, values in at_town.items()
    }
    assert (due[called.uuid]["next_due"], due[called.uuid]["last_visit"]) == (
        date(2026, 10, 31),
        date(2026, 11, 2),
    )
    assert (due[corrected.uuid]["next_due"], due[corrected.uuid]["due_reason"]) == (
        date(2026, 10, 20),
        "left_behind_fair",
    )
