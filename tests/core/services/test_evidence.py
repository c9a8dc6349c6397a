"""证明材料 attached to a submission: its type told by its first bytes (never its name), the
size limit, the hash checked when it is read back, attached only by the village that submitted;
on the way: up to the town, refused on arrival when its content is not the file its fields name,
and never sent down to another village."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import replace

import pytest
from sqlalchemy import select, update

from childcare_desktop.core.domain.review import EVIDENCE_MAX_BYTES
from childcare_desktop.core.errors import CoreError, StoreError, ValidationFailed
from childcare_desktop.core.services import evidence
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.sync import scope
from childcare_desktop.core.sync.changeset import ChangeRecord
from childcare_desktop.core.sync.merge import changes_since
from tests.core.services.test_approval import DAY, Exchange, new_child
from tests.core.sync.stations import COUNTY, OTHER_VILLAGE, TOWN, VILLAGE, dump, enrolled
from tests.core.sync.test_authority import forged

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


@pytest.fixture
def county(tmp_path):
    store = enrolled(tmp_path, "county", COUNTY, "兴宁市")
    yield store
    store.close()


@pytest.fixture
def town(tmp_path, county):
    store = enrolled(tmp_path, "town", TOWN, "宁新镇", county)
    yield store
    store.close()


@pytest.fixture
def village(tmp_path, town):
    store = enrolled(tmp_path, "village", VILLAGE, "新陂村", town)
    yield store
    store.close()


@pytest.fixture
def move(tmp_path):
    return Exchange(tmp_path)


def submitted(store) -> str:
    """The submission of a new child's file at `store`."""
    kid = new_child(store)
    with store.read() as conn:
        s = t.submission.c
        return conn.execute(select(s.uuid).where(s.child_uuid == kid.uuid)).scalar_one()


def write(folder, name: str, data: bytes):
    path = folder / name
    path.write_bytes(data)
    return path


def problem(raised) -> str:
    (only,) = raised.value.problems
    return only.code


def test_pictures_and_pdfs_are_told_by_their_first_bytes(village, tmp_path):
    sub = submitted(village)
    # A PDF named as a picture is a PDF; a picture named .pdf is a picture.
    pdf = evidence.attach(village, sub, write(tmp_path, "死亡证明.jpg", PDF))
    jpeg = evidence.attach(village, sub, write(tmp_path, "scan.pdf", JPEG))
    png = evidence.attach(village, sub, write(tmp_path, "家.png", PNG))
    assert (pdf.media_type, jpeg.media_type, png.media_type) == (
        "application/pdf",
        "image/jpeg",
        "image/png",
    )
    assert jpeg.size == len(JPEG) and jpeg.sha256 == hashlib.sha256(JPEG).hexdigest()
    listed = evidence.list_for(village, sub)
    assert [e.name for e in listed] == ["scan.pdf", "家.png", "死亡证明.jpg"]
    assert not hasattr(listed[0], "content")
    assert evidence.content(village, jpeg.id) == JPEG
    out = tmp_path / "out" / "back.pdf"
    out.parent.mkdir()
    assert evidence.save(village, pdf.id, out) == len(PDF) and out.read_bytes() == PDF

    for name, data in (("a.jpg", b"GIF89a" + JPEG), ("b.pdf", b"PDF-1.4"), ("c.png", b"")):
        with pytest.raises(ValidationFailed) as refused:
            evidence.attach(village, sub, write(tmp_path, name, data))
        assert problem(refused) == "evidence_wrong_type"
    assert len(evidence.list_for(village, sub)) == 3


def test_the_size_limit_and_an_unreadable_file(village, tmp_path):
    sub = submitted(village)
    at_limit = JPEG + b"\x00" * (EVIDENCE_MAX_BYTES - len(JPEG))
    assert evidence.attach(village, sub, write(tmp_path, "a.jpg", at_limit)).size == (
        EVIDENCE_MAX_BYTES
    )
    with pytest.raises(ValidationFailed) as too_large:
        evidence.attach(village, sub, write(tmp_path, "b.jpg", at_limit + b"\x00"))
    assert problem(too_large) == "evidence_too_large"
    assert too_large.value.problems[0].params == {"name": "b.jpg", "max_mb": "2"}
    with pytest.raises(ValidationFailed) as missing:
        evidence.attach(village, sub, tmp_path / "gone.pdf")
    assert problem(missing) == "evidence_unreadable"
    assert len(evidence.list_for(village, sub)) == 1


def test_the_record_its_change_and_the_audit_in_one_write(village, tmp_path):
    sub = submitted(village)
    attached = evidence.attach(village, sub, write(tmp_path, "证明.pdf", PDF))
    with village.read() as conn:
        change = conn.execute(
            select(t.change.c.fields).where(t.change.c.entity_uuid == attached.id)
        ).scalar_one()
        entry = conn.execute(
            select(t.audit.c.action, t.audit.c.fields, t.audit.c.detail).where(
                t.audit.c.entity_uuid == attached.id
            )
        ).one()
    fields = json.loads(change)
    assert base64.b64decode(fields["content"]) == PDF and fields["submission_uuid"] == sub
    assert entry.action == "create" and entry.detail == "evidence attached"
    encoded = base64.b64encode(PDF).decode()
    assert encoded not in entry.fields and "content" not in json.loads(entry.fields)


def test_bytes_that_no_longer_match_their_hash_are_not_given_out(village, tmp_path):
    sub = submitted(village)
    attached = evidence.attach(village, sub, write(tmp_path, "a.png", PNG))
    altered = base64.b64encode(PNG[:-1] + b"\x01").decode()
    with village.write() as conn:
        conn.execute(
            update(t.evidence).where(t.evidence.c.uuid == attached.id).values(content=altered)
        )
    with pytest.raises(StoreError) as damaged:
        evidence.content(village, attached.id)
    assert damaged.value.code == "evidence_damaged"


def test_only_the_village_that_submitted_attaches(village, town, move, tmp_path):
    sub = submitted(village)
    move(village, town)
    with pytest.raises(CoreError) as refused:
        evidence.attach(town, sub, write(tmp_path, "a.pdf", PDF))
    assert refused.value.code == "evidence_not_own_submission"
    with pytest.raises(CoreError) as unknown:
        evidence.attach(village, "no-such-submission", write(tmp_path, "a.pdf", PDF))
    assert unknown.value.code == "submission_not_found"


def test_evidence_travels_up_to_the_town_and_back_to_its_village(village, town, move, tmp_path):
    sub = submitted(village)
    attached = evidence.attach(village, sub, write(tmp_path, "证明.jpg", JPEG))
    move(village, town)
    assert evidence.list_for(town, sub) == [attached]
    assert evidence.content(town, attached.id) == JPEG
    move(town, village, to=VILLAGE)
    assert evidence.list_for(village, sub) == [attached]


def test_the_county_holds_what_the_towns_carry(village, town, county, move, tmp_path):
    """Carried in the village's signed envelope, which cannot be cut (the module says why)."""
    sub = submitted(village)
    attached = evidence.attach(village, sub, write(tmp_path, "证明.jpg", JPEG))
    move(village, town)
    move(town, county)
    assert evidence.content(county, attached.id) == JPEG


def test_altered_content_refuses_the_whole_batch(village, town, monkeypatch, tmp_path):
    """A hostile village signs a record whose content is not the file its hash names."""
    sub = submitted(village)
    evidence.attach(village, sub, write(tmp_path, "证明.jpg", JPEG))
    before = dump(town)
    other = base64.b64encode(JPEG[:-1] + b"\x00").decode()

    def swapped(changes: list[ChangeRecord]) -> list[ChangeRecord]:
        return [
            replace(c, fields={**c.fields, "content": other}) if c.entity == "evidence" else c
            for c in changes
        ]

    result = forged(monkeypatch, village, town, tmp_path / "b1.ccsync", swapped)
    assert (result.status, result.reason) == ("rejected", "evidence_altered")
    assert result.detail == {"station": VILLAGE}
    assert dump(town) == before
    # The same, honest, is taken whole.
    Exchange(tmp_path)(village, town)
    assert len(evidence.list_for(town, sub)) == 1


def test_evidence_never_goes_down_to_another_village(village, town, move, tmp_path):
    other = enrolled(tmp_path, "village", OTHER_VILLAGE, "上村", town)
    try:
        sub = submitted(village)
        attached = evidence.attach(village, sub, write(tmp_path, "证明.pdf", PDF))
        new_child(other, "李小红", 6, village=OTHER_VILLAGE)
        move(village, town)
        move(other, town)
        move(town, other, to=OTHER_VILLAGE)
        move(town, village, to=VILLAGE)
        assert held_evidence(other) == [] and held_evidence(village) == [attached.id]
    finally:
        other.close()


def test_evidence_stays_with_its_village_when_the_child_moves(village, town, move, tmp_path):
    """The child's file goes where the child went; what its first village submitted stays."""
    sub = submitted(village)
    evidence.attach(village, sub, write(tmp_path, "证明.pdf", PDF))
    move(village, town)
    service = Children(town, lambda: DAY)
    kid = evidence.list_for(town, sub)[0].child
    service.save(replace(service.get(kid), village_code=OTHER_VILLAGE))
    with town.read() as conn:
        going = scope.for_station(conn, changes_since(conn, {}), OTHER_VILLAGE)
    assert {c.entity for c in going} >= {"child", "category"}
    assert "evidence" not in {c.entity for c in going}


def held_evidence(store) -> list[str]:
    with store.read() as conn:
        return (
            conn.execute(select(t.change.c.entity_uuid).where(t.change.c.entity == "evidence"))
            .scalars()
            .all()
        )
