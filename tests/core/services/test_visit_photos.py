"""Photos of a visit: stored inside the encrypted store, listed with the visit, carried to a
correction, refused when too large or not a photo, named in the audit, kept off the sync log."""

from __future__ import annotations

import json
import struct
import zlib
from dataclasses import replace

import pytest
from sqlalchemy import text

from childcare_desktop import words
from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.errors import NotFound, ValidationFailed
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.visits import MAX_PHOTO_BYTES, PhotoFile
from childcare_desktop.core.storage import audit
from tests.core.services.care_support import add_child

# Bytes no encrypted page would hold by chance: a PNG's text chunk keeps them as they are.
MARKER = b"photo-of-the-grandmother's-kitchen-" * 4


def png(note: bytes = MARKER, side: int = 4) -> bytes:
    """A real PNG of `side` x `side` grey pixels that carries `note` in a text chunk."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    pixels = b"".join(b"\x00" + b"\x80\x80\x80" * side for _ in range(side))
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"tEXt", b"Comment\x00" + note)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"jpeg body" * 10 + b"\xff\xd9"


@pytest.fixture
def child(store, clock):
    return add_child(Children(store, clock))


def test_photos_are_stored_with_the_visit_and_read_back_as_given(visits, child, clock):
    photo = png()
    record = visits.log(
        Visit(child.uuid, clock.day, "home"),
        [PhotoFile("厨房.png", photo), PhotoFile("IMG_0001.JPG", JPEG)],
    )
    assert [(p.taken_name, p.mime, p.size) for p in record.photos] == [
        ("厨房.png", "image/png", len(photo)),
        ("IMG_0001.JPG", "image/jpeg", len(JPEG)),
    ]
    assert visits.photo_data(record.photos[0].uuid) == photo
    assert visits.photo_data(record.photos[1].uuid) == JPEG
    assert visits.history(child.uuid)[0].photos == record.photos
    with pytest.raises(NotFound):
        visits.photo_data("no-such-photo")


def test_a_correction_keeps_the_photos_and_the_old_version_keeps_its_own(visits, child, clock):
    first = visits.log(
        Visit(child.uuid, clock.day, "home", actions="送冬衣"),
        [PhotoFile("a.png", png(b"a")), PhotoFile("b.png", png(b"b"))],
    )
    kept = visits.correct(first.visit.uuid, replace(first.visit, uuid="v2", actions="送冬衣和书包"))
    assert kept.photos == first.photos
    wrong = first.photos[1]
    fixed = visits.correct(
        "v2",
        replace(kept.visit, uuid="v3", supersedes=None),
        [PhotoFile("c.jpg", JPEG)],
        dropped=[wrong.uuid],
    )
    assert [p.taken_name for p in fixed.photos] == ["a.png", "c.jpg"]
    by_uuid = {h.visit.uuid: h for h in visits.history(child.uuid)}
    assert [p.taken_name for p in by_uuid["v2"].photos] == ["a.png", "b.png"]
    assert by_uuid[first.visit.uuid].photos == first.photos
    assert visits.photo_data(wrong.uuid) == png(b"b")  # nothing is deleted


def test_a_correction_logged_by_its_supersedes_keeps_the_photos_too(visits, child, clock):
    first = visits.log(Visit(child.uuid, clock.day, "home"), [PhotoFile("a.png", png())])
    again = visits.log(replace(first.visit, uuid="v2", supersedes=first.visit.uuid, mode="phone"))
    assert again.photos == first.photos


def test_an_oversized_file_is_refused_in_both_languages_and_nothing_is_written(
    visits, child, clock
):
    huge = PhotoFile("全家福.jpg", JPEG[:3] + bytes(MAX_PHOTO_BYTES))
    with pytest.raises(ValidationFailed) as refused:
        visits.log(Visit(child.uuid, clock.day, "home"), [PhotoFile("a.png", png()), huge])
    (problem,) = refused.value.problems
    assert (problem.field, problem.code) == ("photos", "photo_too_large")
    assert words.problem_text(problem) == "照片“全家福.jpg”超过 8 MB，未添加"
    assert words.problem_text(problem, words.EN) == (
        "the photo 全家福.jpg is larger than 8 MB: not added"
    )
    assert visits.history(child.uuid) == []


def test_a_file_that_is_not_a_jpeg_or_png_is_refused(visits, child, clock):
    with pytest.raises(ValidationFailed) as refused:
        visits.log(Visit(child.uuid, clock.day, "home"), [PhotoFile("notes.png", b"GIF89a...")])
    (problem,) = refused.value.problems
    assert (problem.code, words.problem_text(problem)) == (
        "photo_not_image",
        "“notes.png”不是 JPEG 或 PNG 照片，未添加",
    )


def test_the_photo_bytes_are_not_readable_in_the_store_file(store, store_path, visits, child):
    visits.log(Visit(child.uuid, child.registered_on, "home"), [PhotoFile("a.png", png())])
    with store.read() as conn:  # the bytes are in the store, readable through the key
        stored = conn.execute(text("SELECT data FROM visit_photo")).scalar_one()
    assert MARKER in stored
    store.close()
    on_disk = [p for p in store_path.parent.iterdir() if p.name.startswith(store_path.name)]
    assert store_path in on_disk
    for path in on_disk:
        assert MARKER not in path.read_bytes(), path.name


def test_adding_a_photo_is_audited_by_field_and_stays_off_the_sync_log(store, visits, child):
    record = visits.log(
        Visit(child.uuid, child.registered_on, "home"), [PhotoFile("秘密.png", png())]
    )
    photo = record.photos[0]
    with store.read() as conn:
        entries = audit.entries(conn)
        dumped = json.dumps(
            [tuple(r) for r in conn.execute(text("SELECT * FROM audit"))], ensure_ascii=False
        )
        logged = conn.execute(text("SELECT entity, fields FROM change")).all()
    added = [e for e in entries if e.entity == "visit_photo"]
    assert [(e.action, e.entity_uuid) for e in added] == [("create", photo.uuid)]
    assert set(added[0].fields) == {"visit_uuid", "taken_name", "mime", "size", "data"}
    visit_entry = next(e for e in entries if e.entity == "visit")
    assert "photos" in visit_entry.fields
    assert "秘密" not in dumped and MARKER.decode() not in dumped
    assert "visit" in {entity for entity, _ in logged}
    assert not any(entity.startswith("visit_photo") for entity, _ in logged)
    assert not any("秘密" in fields or photo.uuid in fields for _, fields in logged)
