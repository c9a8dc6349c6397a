"""A received value is held to the rules of a typed one: changes written by an enrolled station's
own program (its real key, its own batch writer) with values no form would let a person save."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.services import sync
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.changes import ChangeWriter
from childcare_desktop.core.storage.store import Store
from childcare_desktop.core.storage.visits_repo import visit_row

from .stations import OTHER_VILLAGE, TOWN, VILLAGE, dump, enroll, station


def _station(tmp_path, role: str, code: str, name: str, parent: Store | None = None) -> Store:
    folder = tmp_path / code
    folder.mkdir()
    store = station(folder, role, code, name)
    if parent is not None:
        enroll(parent, store, folder)
        fill_demo(store, 2, seed=int(code[-3:]))
    return store


@pytest.fixture
def town(tmp_path):
    store = _station(tmp_path, "town", TOWN, "宁新镇")
    yield store
    store.close()


@pytest.fixture
def village(tmp_path, town):
    store = _station(tmp_path, "village", VILLAGE, "新陂村", town)
    yield store
    store.close()


@pytest.fixture
def neighbour(tmp_path, town):
    store = _station(tmp_path, "village", OTHER_VILLAGE, "大岭村", town)
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
