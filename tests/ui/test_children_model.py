"""The main list's model: Qt's own model checks, paging, masking and the overdue colour."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import Qt

from childcare_desktop.core.domain.child import FamilyMember
from childcare_desktop.core.services.children import ChildQuery, Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.ui.models import children_model as cm
from childcare_desktop.ui.models.records_model import MARKED, RecordsModel
from childcare_desktop.ui.tasks import Tasks
from childcare_desktop.ui.views.children_view import ChildrenView


@pytest.fixture
def children(store):
    fill_demo(store, 300, seed=3)
    return Children(store)


def show(model, children, query: ChildQuery) -> None:
    """What the view does with a search's answer: the count and the first page."""
    model.set_result(
        query, children.count_matching(query), {0: children.page(query, 0, cm.PAGE_SIZE)}
    )


def test_the_model_passes_qt_model_checks_through_resets_and_pages(qtbot, children, check_model):
    model = cm.ChildrenModel(children)
    check_model(model)
    everyone = ChildQuery(status="all")
    show(model, children, everyone)
    assert model.rowCount() == 300
    for row in (0, 199, 200, 299):  # both sides of a page boundary
        for column in range(cm.COLUMN_COUNT):
            model.index(row, column).data()
    listed = [model.row_record(i).uuid for i in range(300)]
    assert listed == children.find(everyone)  # pages join up in the list's order
    show(model, children, ChildQuery(text="z"))
    show(model, children, ChildQuery(text="no such child"))
    assert model.rowCount() == 0


def test_a_child_is_found_at_its_place_in_any_page(children):
    model = cm.ChildrenModel(children)
    query = ChildQuery(status="all")
    show(model, children, query)
    uuids = children.find(query)
    for row in (0, 17, 199, 200, 288):
        assert model.row_of(uuids[row]) == row
        assert children.position(query, uuids[row]) == row
    assert model.row_of("not-a-child") == -1


def test_rows_are_fetched_a_page_at_a_time(children, monkeypatch):
    model = cm.ChildrenModel(children)
    show(model, children, ChildQuery(status="all"))
    asked: list[int] = []
    page = children.page
    monkeypatch.setattr(
        children, "page", lambda q, offset, limit: asked.append(offset) or page(q, offset, limit)
    )
    model.index(0, cm.COL_NAME).data()
    model.index(5, cm.COL_AGE).data()
    assert asked == []  # the first page came with the search
    model.index(250, cm.COL_NAME).data()
    model.index(260, cm.COL_NAME).data()
    assert asked == [cm.PAGE_SIZE]


def test_cells_show_words_masked_numbers_and_an_overdue_date_in_red(children):
    model = cm.ChildrenModel(children)
    uuids = children.find(ChildQuery(status="all"))
    show(model, children, ChildQuery(status="all"))
    child = children.get(uuids[0])
    row = model.row_record(0)
    assert model.index(0, cm.COL_NAME).data() == child.name
    assert model.index(0, cm.COL_SEX).data() == {"male": "男", "female": "女"}[child.sex]
    assert model.index(0, cm.COL_ID).data() == row.id_masked != child.id_number
    assert model.index(0, cm.COL_NAME).data(cm.UuidRole) == uuids[0]
    overdue = [i for i in range(300) if (r := model.row_record(i)).next_due
               and r.next_due < date.today() and r.status == "active"]  # fmt: skip
    assert overdue, "the demo data has overdue children"
    colour = model.index(overdue[0], cm.COL_NEXT_DUE).data(Qt.ItemDataRole.ForegroundRole)
    assert colour == cm.OVERDUE
    assert model.index(overdue[0], cm.COL_NAME).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.headerData(cm.COL_NAME, Qt.Orientation.Horizontal) == "姓名"


def test_records_model_passes_qt_model_checks(check_model):
    model = RecordsModel(["关系", "姓名"], lambda m: [m.relation, m.name])
    check_model(model)
    members = [FamilyMember(relation="father", name=f"父{i}") for i in range(5)]
    model.set_rows(members)
    model.mark({1, 3})
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) == MARKED
    assert model.index(0, 1).data() == "父0"
    model.set_rows(members[:2])
    assert model.records() == tuple(members[:2])
    model.put(None, members[4])
    model.put(0, members[3])
    model.remove(1)
    assert model.records() == (members[3], members[4])


def test_due_dates_before_today_only_count_as_overdue(children):
    model = cm.ChildrenModel(children)
    show(model, children, ChildQuery(status="active"))
    later = [i for i in range(model.rowCount())
             if (r := model.row_record(i)).next_due and r.next_due >= date.today()]  # fmt: skip
    assert later
    assert model.index(later[0], cm.COL_NEXT_DUE).data(Qt.ItemDataRole.ForegroundRole) is None


def test_a_search_brings_the_page_of_the_child_kept_selected(qtbot, children, monkeypatch):
    """The selected child stays selected after a search even far down the list, and showing
    it reads nothing on the GUI thread: its page came with the search."""
    view = ChildrenView(children, Tasks())
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    with qtbot.waitSignal(view.searched):
        view.refresh()
    kept = children.find(ChildQuery())[250]
    on_gui_thread: list[int] = []
    page = children.page

    def watched(query, offset, limit):
        if threading.current_thread() is threading.main_thread():
            on_gui_thread.append(offset)
        return page(query, offset, limit)

    monkeypatch.setattr(children, "page", watched)
    with qtbot.waitSignal(view.searched):
        view.refresh(keep=kept)
    assert view.current_uuid() == kept
    view.grab()
    assert on_gui_thread == []


def test_typing_starts_at_the_first_match_and_asking_again_keeps_the_child(qtbot, children):
    view = ChildrenView(children, Tasks())
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.searched):
        view.refresh()
    chosen = children.find(ChildQuery())[120]
    view.table.setCurrentIndex(view.model.index(view.model.row_of(chosen), cm.COL_NAME))
    with qtbot.waitSignal(view.searched):
        view.refresh()  # the same search again (after a write): the child stays chosen
    assert view.current_uuid() == chosen
    with qtbot.waitSignal(view.searched):
        view.search.setText(children.get(chosen).name[:1])
        view.refresh()  # other words typed: the list starts at its first match
    assert view.table.currentIndex().row() == 0
    assert view.model.row_record(0).uuid == view.current_uuid()


def test_a_search_answered_after_its_view_was_closed_is_dropped(qtbot, children):
    tasks = Tasks()
    view = ChildrenView(children, tasks)
    view.refresh()
    view.deleteLater()  # closed while both halves of the search are still being read
    qtbot.waitUntil(lambda: tasks.wait(10))
    qtbot.wait(50)  # the answers arrive; pytest-qt fails the test on any exception they raise


def test_coded_columns_are_wide_enough_for_their_words_in_english(qtbot, children):
    from childcare_desktop.ui import i18n

    i18n.set_language("en")
    try:
        view = ChildrenView(children, Tasks())
        qtbot.addWidget(view)
        metrics, header = view.table.fontMetrics(), view.table.horizontalHeader()
        for column, word in ((cm.COL_GUARDIANSHIP, "not assessed"), (cm.COL_RISK, "medium")):
            assert header.sectionSize(column) > metrics.horizontalAdvance(word)
    finally:
        i18n.set_language("zh")
