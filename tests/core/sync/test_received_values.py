"""A received value is held to the rules of a typed one: changes written by an enrolled station's
own program (its real key, its own batch writer) with values no form would let a person save."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

import pytest
from sqlalchemy import select, update

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.services import sync
from childcare_desktop.core.services.care import Care
from childcare_desktop.core.services.concerns import Concerns
from childcare_desktop.core.services.rounds import Rounds
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.changes import ChangeWriter
from childcare_desktop.core.storage.jsontext import loads
from childcare_desktop.core.storage.store import Store
from childcare_desktop.core.storage.visits_repo import visit_row

from .stations import OTHER_VILLAGE, TOWN, VILLAGE, dump, enrolled


@pytest.fixture
def town(tmp_path):
    store = enrolled(tmp_path, "town", TOWN, "宁新镇")
    yield store
    store.close()


@pytest.fixture
def village(tmp_path, town):
    store = enrolled(tmp_path, "village", VILLAGE, "新陂村", town, children=2)
    yield store
    store.close()


@pytest.fixture
def neighbour(tmp_path, town):
    store = enrolled(tmp_path, "village", OTHER_VILLAGE, "大岭村", town, children=2)
    yield store
    store.close()


def first_child(store: Store) -> str:
    with store.read() as conn:
        return conn.execute(select(t.child.c.uuid).order_by(t.child.c.uuid)).scalars().first()


def written(store: Store, out, entity: str, uuid: str, fields: dict, append_only=False):
    """The station's own program records `fields` and writes its next batch to `out`."""
    with store.write() as conn:
        writer = ChangeWriter(conn)
        writer.record(entity, uuid, fields, append_only=append_only)
        writer.flush()
    sync.export(store, out)
    return out


def visit_fields(child_uuid: str, **values) -> tuple[str, dict]:
    row = visit_row(Visit(child_uuid, date(2026, 3, 2), "home", findings={"living": "一般"}))
    return row["uuid"], row | values


def refused(town: Store, path, field: str) -> None:
    before = dump(town)
    (result,) = sync.import_files(town, [path])
    assert (result.status, result.reason, result.station) == ("rejected", "bad_field", VILLAGE)
    assert result.detail == {"field": field, "station": VILLAGE}
    assert dump(town) == before


@pytest.mark.parametrize("name", ["李\x00想", "李想\u202e", "\u202e李\x00想"])
def test_a_name_with_hidden_characters_is_refused_with_its_batch(tmp_path, town, village, name):
    out = written(village, tmp_path / "v1.ccsync", "child", first_child(village), {"name": name})
    refused(town, out, "child.name")


@pytest.mark.parametrize(
    ("entity", "field", "value"),
    [
        ("child", "birth_date", "9999-12-31"),
        ("child", "birth_date", "9999-06-01"),
        ("child", "consent_on", "2200-01-01"),
        ("visit", "visit_date", "9999-12-31"),
        ("visit", "next_planned", "9999-12-31"),
        ("visit", "findings", "living: 一般"),
        ("visit", "findings", '["一般"]'),
        ("visit", "findings", '{"living": 3}'),
        ("visit", "findings", '{"weather": "晴"}'),
        ("child", "sex", "x"),
        ("visit", "mode", "mail"),
        ("child", "name", ""),
        ("child", "name", "   "),
        ("child", "name", "李" * 41),
        ("child", "id_number", "441481201501010000"),
        ("child", "id_number", "12345"),
        ("member", "id_number", "44148119800101001X"),
        ("member", "phone", "call me"),
        ("visit", "recorded_at", "10015-01-01T00:00:00"),
        ("visit", "recorded_at", "yesterday"),
    ],
)
def test_a_value_out_of_range_or_shape_is_refused(tmp_path, town, village, entity, field, value):
    uuid = first_child(village)
    if entity == "visit":
        uuid, fields = visit_fields(uuid, **{field: value})
        out = written(village, tmp_path / "v1.ccsync", "visit", uuid, fields, append_only=True)
    else:
        if entity == "member":
            with village.read() as conn:
                uuid = conn.execute(select(t.member.c.uuid).order_by(t.member.c.uuid)).scalar()
        out = written(village, tmp_path / "v1.ccsync", entity, uuid, {field: value})
    refused(town, out, f"{entity}.{field}")


def test_the_other_files_of_the_import_go_on(tmp_path, town, village, neighbour):
    bad = written(village, tmp_path / "v1.ccsync", "child", first_child(village),
                  {"birth_date": "9999-12-31"})  # fmt: skip
    good = tmp_path / "n1.ccsync"
    sync.export(neighbour, good)
    first, second = sync.import_files(town, [bad, good])
    assert (first.status, first.reason) == ("rejected", "bad_field")
    assert (second.status, second.station) == ("applied", OTHER_VILLAGE)
    with town.read() as conn:
        kept = conn.execute(select(t.child.c.uuid).where(t.child.c.village_code == OTHER_VILLAGE))
        assert len(kept.all()) == 2


def with_id_number(store: Store) -> tuple[str, str, date, str]:
    """(uuid, ID number, birth date, sex) of the first child whose file has a number."""
    with store.read() as conn:
        c = t.child.c
        row = conn.execute(
            select(c.uuid, c.id_number, c.birth_date, c.sex)
            .where(c.id_number != "")
            .order_by(c.uuid)
        ).first()
    return tuple(row)


@pytest.fixture
def held(tmp_path, town, village):
    """The town holds the village's children as they were registered."""
    first = tmp_path / "v0.ccsync"
    sync.export(village, first)
    (result,) = sync.import_files(town, [first])
    assert result.status == "applied"
    return with_id_number(village)


def _other(sex: str) -> str:
    return "female" if sex == "male" else "male"


def disagreeing(kind: str, number: str, born: date, sex: str) -> dict:
    """A change that leaves the child's number, birth date and sex disagreeing."""
    earlier = born - timedelta(days=400)
    return {
        "birth_date": {"birth_date": (born + timedelta(days=1)).isoformat()},
        "sex": {"sex": _other(sex)},
        "number_of_another_day": {"id_number": idnumber.make(number[:6], earlier, 7, sex)},
        "number_of_the_other_sex": {"id_number": idnumber.make(number[:6], born, 7, _other(sex))},
        "sex_and_birth_date": {"sex": _other(sex), "birth_date": "2016-02-29"},
    }[kind]


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        ("birth_date", "child.birth_date"),
        ("sex", "child.sex"),
        ("number_of_another_day", "child.id_number"),
        ("number_of_the_other_sex", "child.id_number"),
        ("sex_and_birth_date", "child.birth_date"),
    ],
)
def test_a_field_disagreeing_with_the_stored_id_number_is_refused(
    tmp_path, town, village, held, kind, field
):
    """One field set, the other already held at the town: the form would refuse the pair."""
    uuid = held[0]
    out = written(village, tmp_path / "v1.ccsync", "child", uuid, disagreeing(kind, *held[1:]))
    refused(town, out, field)


def test_a_new_child_whose_number_disagrees_with_its_birth_date_is_refused(tmp_path, town, village):
    uuid, _, born, _ = with_id_number(village)
    fresh = str(uuid4())
    with village.read() as conn:
        row = conn.execute(select(t.change.c.fields).where(t.change.c.entity_uuid == uuid)).first()
    fields = {k: v for k, v in loads(row[0]).items() if k != "uuid"}
    fields["birth_date"] = (born + timedelta(days=31)).isoformat()
    out = written(village, tmp_path / "v1.ccsync", "child", fresh, fields)
    refused(town, out, "child.birth_date")


@pytest.mark.parametrize("one_change", [True, False])
def test_a_correction_of_the_number_and_the_birth_date_is_applied(
    tmp_path, town, village, held, one_change
):
    """The number and the date corrected together, in one change or one after the other in the
    same batch: the batch leaves them agreeing, so it is applied."""
    uuid, number, born, sex = held
    right = born - timedelta(days=400)
    fields = {
        "id_number": idnumber.make(number[:6], right, 7, sex),
        "birth_date": right.isoformat(),
    }
    with village.write() as conn:
        writer = ChangeWriter(conn)
        if one_change:
            writer.record("child", uuid, fields)
        else:
            writer.record("child", uuid, {"id_number": fields["id_number"]})
            writer.record("child", uuid, {"birth_date": fields["birth_date"]})
        writer.flush()
    out = tmp_path / "v1.ccsync"
    sync.export(village, out)
    (result,) = sync.import_files(town, [out])
    assert (result.status, result.reason) == ("applied", "")
    with town.read() as conn:
        c = t.child.c
        stored = conn.execute(select(c.id_number, c.birth_date).where(c.uuid == uuid)).one()
    assert tuple(stored) == (fields["id_number"], right)


@pytest.mark.parametrize("edit", [{"school": "新陂小学"}, {"sex": "same"}])
def test_a_disagreement_an_older_version_stored_does_not_refuse_other_edits(
    tmp_path, town, village, held, edit
):
    """A birth date an older version let disagree with the number is `childcare check`'s to
    name: a later edit of the child that does not touch the pair still goes through."""
    uuid, _, born, sex = held
    wrong = (born + timedelta(days=1)).isoformat()
    for store in (village, town):  # both logs, or the village's next batch would equivocate
        with store.write() as conn:
            conn.exec_driver_sql(
                "UPDATE change SET fields = json_set(fields, '$.birth_date', ?) "
                "WHERE entity = 'child' AND entity_uuid = ? AND fields LIKE '%birth_date%'",
                (wrong, uuid),
            )
            conn.execute(
                update(t.child)
                .where(t.child.c.uuid == uuid)
                .values(birth_date=born + timedelta(days=1))
            )
    fields = {"sex": sex} if edit == {"sex": "same"} else edit
    out = written(village, tmp_path / "v1.ccsync", "child", uuid, fields)
    (result,) = sync.import_files(town, [out])
    assert (result.status, result.reason) == ("applied", "")


def a_record_of(store: Store, entity: str) -> str:
    """The uuid of a record of `entity` the station's own services made (or the demo holds)."""
    child = first_child(store)
    made = {
        "wish": lambda: Care(store).add_wish(child, "一个书包"),
        "referral": lambda: Care(store).add_referral(child, "school", "辍学风险"),
        "concern": lambda: Concerns(store).add(child, "alone", date(2026, 3, 1), "独自在家"),
        "visit_round": lambda: Rounds(store).create("春节走访", "left_behind", date(2026, 3, 1),
                                                    date(2026, 1, 1)),
    }  # fmt: skip
    if entity in made:
        return made[entity]().uuid
    with store.read() as conn:
        table = t.member if entity == "member" else t.category
        return conn.execute(select(table.c.uuid).order_by(table.c.uuid)).scalars().first()


@pytest.mark.parametrize(
    ("entity", "field"),
    [
        ("member", "relation"),
        ("member", "situation"),
        ("category", "code"),
        ("wish", "state"),
        ("referral", "target"),
        ("referral", "status"),
        ("concern", "kind"),
        ("visit_round", "category"),
    ],
)
def test_a_code_no_form_offers_for_a_part_of_the_file_is_refused(
    tmp_path, town, village, entity, field
):
    uuid = a_record_of(village, entity)
    refused(
        town,
        written(village, tmp_path / "v1.ccsync", entity, uuid, {field: "x"}),
        f"{entity}.{field}",
    )


def test_a_concern_of_a_kind_an_earlier_version_offered_is_received(tmp_path, town, village):
    uuid = a_record_of(village, "concern")
    out = written(village, tmp_path / "v1.ccsync", "concern", uuid, {"kind": "dropout"})
    (result,) = sync.import_files(town, [out])
    assert (result.status, result.reason) == ("applied", "")


def test_a_pair_two_stations_corrected_at_once_waits_for_a_person(tmp_path, town, village, held):
    """The town gives a child without a number its number and birth date while the village,
    at the same time, enters another birth date: each station wrote what its form accepts.
    The birth date is in conflict, and the shown one disagrees with the number; the village's
    batch is applied with the conflict kept for a person to resolve, as it would be had it come
    before the town's edit, instead of being refused until someone edits the file."""
    uuid, number, born, _ = held
    cleared = written(village, tmp_path / "v1.ccsync", "child", uuid,
                      {"id_number": "", "no_id_reason": "unknown"})  # fmt: skip
    assert sync.import_files(town, [cleared])[0].status == "applied"
    with town.write() as conn:
        writer = ChangeWriter(conn)
        writer.record("child", uuid, {"id_number": number, "birth_date": born.isoformat()})
        writer.flush()
    later = (born + timedelta(days=3)).isoformat()
    out = written(village, tmp_path / "v2.ccsync", "child", uuid, {"birth_date": later})
    (result,) = sync.import_files(town, [out])
    assert (result.status, result.reason, result.conflicts) == ("applied", "", 1)
    with town.read() as conn:
        c = t.child.c
        shown = conn.execute(select(c.id_number, c.birth_date).where(c.uuid == uuid)).one()
    assert tuple(shown) == (number, date.fromisoformat(later))
