"""The main list's model: Qt's own model checks, paging, masking and the overdue colour."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from childcare_desktop.core.domain.child import FamilyMember
from childcare_desktop.core.services.children import ChildQuery, Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.ui.models import children_model as cm
from childcare_desktop.ui.models.records_model import RecordsModel


@pytest.fixture
def children(store):
    fill_demo(store, 300, seed=3)
    return Children(store)


def test_the_model_passes_qt_model_checks_through_resets_and_pages(qtbot, children):
    model = cm.ChildrenModel(children)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    uuids = children.find(ChildQuery(status="all"))
    assert len(uuids) == 300
    model.set_uuids(uuids)
    for row in (0, 199, 200, 299):  # both sides of a page boundary
        for column in range(cm.COLUMN_COUNT):
            model.index(row, column).data()
    model.set_uuids(uuids[:17])
    model.set_uuids([])
    assert model.rowCount() == 0


def test_rows_are_fetched_a_page_at_a_time(children, monkeypatch):
    asked: list[int] = []
    rows = children.rows
    monkeypatch.setattr(children, "rows", lambda uuids: asked.append(len(uuids)) or rows(uuids))
    model = cm.ChildrenModel(children)
    model.set_uuids(children.find(ChildQuery(status="all")))
    assert asked == []
    model.index(0, cm.COL_NAME).data()
    model.index(5, cm.COL_AGE).data()
    assert asked == [cm.PAGE_SIZE]
    model.index(250, cm.COL_NAME).data()
    assert asked == [cm.PAGE_SIZE, 300 - cm.PAGE_SIZE]


def test_cells_show_words_masked_numbers_and_an_overdue_date_in_red(children):
    model = cm.ChildrenModel(children)
    uuids = children.find(ChildQuery(status="all"))
    model.set_uuids(uuids)
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


def test_records_model_passes_qt_model_checks():
    model = RecordsModel(["关系", "姓名"], lambda m: [m.relation, m.name])
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    members = [FamilyMember(relation="father", name=f"父{i}") for i in range(5)]
    model.set_records(members)
    model.mark({1, 3})
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) == Qt.GlobalColor.red
    assert model.index(0, 1).data() == "父0"
    model.set_records(members[:2])
    assert model.records() == tuple(members[:2])


def test_due_dates_before_today_only_count_as_overdue(children):
    model = cm.ChildrenModel(
        children,
    )
    model.set_uuids(children.find(ChildQuery(status="active")))
    later = [i for i in range(model.rowCount())
             if (r := model.row_record(i)).next_due and r.next_due >= date.today()]  # fmt: skip
    assert later
    assert model.index(later[0], cm.COL_NEXT_DUE).data(Qt.ItemDataRole.ForegroundRole) is None
