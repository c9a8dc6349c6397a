"""Photos in the visit form: picked, listed, saved with the visit, seen in the visit history,
kept by a correction; a file too large is refused beside the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.services.visits import MAX_PHOTO_BYTES, PhotoFile
from childcare_desktop.ui.dialogs import visit_photos
from childcare_desktop.ui.dialogs.child_form import ChildForm
from childcare_desktop.ui.dialogs.visit_form import VisitForm
from childcare_desktop.ui.models.visit_history_model import COL_PHOTOS
from tests.core.services.care_support import add_child
from tests.core.services.test_visit_photos import png
from tests.ui.conftest import TODAY


@pytest.fixture
def picked(monkeypatch):
    """The files the officer will choose in the file dialog."""
    chosen: list = []
    monkeypatch.setattr(visit_photos, "pick_photo_files", lambda parent: list(chosen))
    return chosen


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def listed(photo_list) -> list[str]:
    return [photo_list.list.item(i).text() for i in range(photo_list.list.count())]


def test_a_photo_attached_in_the_form_is_saved_listed_and_shown(
    qtbot, work, tasks, picked, tmp_path, check_model
):
    child = add_child(work.children, ("orphan",))
    photo = tmp_path / "祖母家的厨房.png"
    photo.write_bytes(png(side=64))
    form = ChildForm(work.children, child, True, False, work=work, tasks=tasks, visitor="李主任")
    qtbot.addWidget(form, before_close_func=lambda f: setattr(f, "dirty", False))
    form.show()
    tab = form.visits
    check_model(tab.history)
    form.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.reason.text() != "")
    click(qtbot, tab.log_button)
    visit_form = tab.dialog
    picked.append(photo)
    click(qtbot, visit_form.photos.add_button)
    assert listed(visit_form.photos) == ["祖母家的厨房.png（1 KB）"]
    assert not visit_form.errors["photos"].isVisible()
    with qtbot.waitSignal(tab.shown):
        click(qtbot, visit_form.save_button)
    assert tab.history.index(0, COL_PHOTOS).data() == "1张"
    (record,) = work.visits.history(child.uuid)
    assert [p.taken_name for p in record.photos] == ["祖母家的厨房.png"]
    assert work.visits.photo_data(record.photos[0].uuid) == photo.read_bytes()
    tab.history_table.setCurrentIndex(tab.history.index(0, 0))
    assert tab.photos_button.isEnabled()
    click(qtbot, tab.photos_button)
    viewer = tab.dialog
    qtbot.waitUntil(lambda: not viewer.picture.pixmap().isNull())
    assert viewer.names.item(0).text() == "祖母家的厨房.png（1 KB）"
    assert viewer.picture.pixmap().width() > 64  # fitted to the window, not left tiny


def test_a_file_too_large_is_refused_beside_the_field_and_not_read(
    qtbot, work, tasks, picked, tmp_path
):
    child = add_child(work.children)
    huge = tmp_path / "全家福.jpg"
    with huge.open("wb") as out:  # sparse: the form must refuse it by its size alone
        out.truncate(MAX_PHOTO_BYTES + 1)
    not_photo = tmp_path / "笔记.png"
    not_photo.write_text("不是照片", "utf-8")
    form = VisitForm(work.visits, tasks, child.uuid, child.name)
    qtbot.addWidget(form)
    form.show()
    picked.extend([huge, not_photo])
    click(qtbot, form.photos.add_button)
    error = form.errors["photos"]
    assert error.isVisible()
    assert error.text() == (
        "照片“全家福.jpg”超过 8 MB，未添加\n“笔记.png”不是 JPEG 或 PNG 照片，未添加"
    )
    assert listed(form.photos) == []


def test_a_correction_lists_the_photos_and_one_taken_off_stays_on_the_old_version(
    qtbot, work, tasks
):
    child = add_child(work.children)
    first = work.visits.log(
        Visit(child.uuid, TODAY, "home", actions="送冬衣"),
        [PhotoFile("a.png", png(b"a")), PhotoFile("b.png", png(b"b"))],
    )
    form = VisitForm(work.visits, tasks, child.uuid, child.name, correcting=first)
    qtbot.addWidget(form)
    form.show()
    assert listed(form.photos) == ["a.png（1 KB）", "b.png（1 KB）"]
    form.photos.list.setCurrentRow(1)
    click(qtbot, form.photos.remove_button)
    assert listed(form.photos) == ["a.png（1 KB）"]
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    new, old = work.visits.history(child.uuid)
    assert [p.taken_name for p in new.photos] == ["a.png"] and new.current
    assert [p.taken_name for p in old.photos] == ["a.png", "b.png"]
