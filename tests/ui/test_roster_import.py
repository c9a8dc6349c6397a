"""The ledger import dialog as an officer uses it: pick a file, see the bad rows, map columns,
import, cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.roster import Roster
from childcare_desktop.core.services.station import station_info
from childcare_desktop.ui.dialogs.roster_import import TAB_ERRORS, TAB_WARNINGS, RosterImportDialog
from childcare_desktop.ui.models import ledger_model as lm
from childcare_desktop.ui.tasks import Tasks
from childcare_desktop.ui.views.main_window import MainWindow
from tests.core.roster.ledgers import HEADER, child_row, id_for, write_xlsx

from .conftest import listed_names

GOOD = ["张小明", "李小红", "王小刚"]
BAD = ["赵错号", "钱错性", "孙数字"]


def ledger(folder, extra_header: str = "", extra: str = ""):
    """Three good rows and three bad ones under a merged title line, as villages keep them."""
    wrong_checksum = id_for(serial=4)[:-1] + ("1" if id_for(serial=4)[-1] != "1" else "2")
    rows = [
        child_row(1, GOOD[0]),
        child_row(2, GOOD[1], sex="female"),
        child_row(3, GOOD[2]),
        child_row(4, BAD[0], 身份证号码=wrong_checksum),
        child_row(5, BAD[1], 性别="女"),
        child_row(6, BAD[2], 身份证号码=4.41481201203041e17),
    ]
    header = HEADER + ([extra_header] if extra_header else [])
    rows = [r + ([extra] if extra_header else []) for r in rows]
    return write_xlsx(folder / "新陂村台账.xlsx", [["新陂村儿童台账"], header, *rows], ("A1:I1",))


@pytest.fixture
def tasks(qapp):
    tasks = Tasks()
    yield tasks
    tasks.wait()


@pytest.fixture
def dialog(qtbot, store, tasks, check_model):
    dialog = RosterImportDialog(Roster(store), tasks)
    qtbot.addWidget(dialog)
    check_model(dialog.model)
    dialog.show()
    return dialog


def pick_file(qtbot, dialog, path, monkeypatch) -> None:
    """Choose `path` in the file dialog (the system's dialog is answered for the officer)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.import_button.isEnabled())


def shown_rows(dialog) -> list[tuple[str, str, bool, str]]:
    model = dialog.model
    return [
        (
            model.index(r, lm.COL_ROW).data(),
            model.index(r, lm.COL_NAME).data(),
            model.index(r, lm.COL_NAME).data(lm.BadRole),
            model.index(r, lm.COL_PROBLEMS).data(),
        )
        for r in range(model.rowCount())
    ]


def test_preview_marks_the_bad_rows_then_the_import_fills_the_main_list(
    qtbot, store, tasks, dialog, tmp_path, monkeypatch
):
    window = MainWindow(Children(store), station_info(store), tasks)
    qtbot.addWidget(window)
    qtbot.waitSignal(window.view.searched, timeout=20000).wait()  # its first, empty list
    dialog.imported.connect(window.view.refresh)  # the hook the main window is to make
    source = ledger(tmp_path)
    pick_file(qtbot, dialog, source, monkeypatch)

    rows = shown_rows(dialog)
    assert [(n, name, bad) for n, name, bad, _ in rows] == [
        (str(n), name, name in BAD) for n, name in enumerate(GOOD + BAD, start=3)
    ]
    problems = {name: text for _, name, _, text in rows}
    assert "身份证号码：" in problems["赵错号"] and "校验位" in problems["赵错号"]
    assert problems["钱错性"].startswith("性别：")
    assert "存成了数字" in problems["孙数字"]
    assert all(problems[name] == "" for name in GOOD)
    bad_row = dialog.model.index(3, lm.COL_PROBLEMS)
    assert bad_row.data(Qt.ItemDataRole.BackgroundRole) == lm.BAD_BACKGROUND
    assert not dialog.model.index(3, lm.COL_ROW).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert dialog.model.index(0, lm.COL_PROBLEMS).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "可以导入 3 行，有错误 3 行" in dialog.counts_label.text()
    assert dialog.header_label.text() == "表头在第 2 行"
    assert Children(store).summaries() == []  # a preview writes nothing

    qtbot.mouseClick(dialog.only_bad, Qt.MouseButton.LeftButton)
    assert [name for _, name, _, _ in shown_rows(dialog)] == BAD
    qtbot.mouseClick(dialog.only_bad, Qt.MouseButton.LeftButton)

    moved: list[int] = []
    dialog.progress.valueChanged.connect(moved.append)
    with qtbot.waitSignals([dialog.imported, window.view.searched], order="strict", timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    said = dialog.result_label.text()
    assert "新增 3 名，更新 0 名，没有变化 0 名" in said
    assert "有 3 行没有导入" in said and "请打开错误清单修改后再导入" in said
    error_file = tmp_path / "新陂村台账_错误行.xlsx"
    assert str(error_file) in said and error_file.exists()
    assert dialog.open_errors_button.isVisible()
    assert moved and moved[-1] > 0
    assert not dialog.import_button.isEnabled()  # the same preview is not imported twice
    assert sorted(s.name for s in Children(store).summaries()) == sorted(GOOD)
    assert sorted(listed_names(window)) == sorted(GOOD)


def test_a_column_not_understood_can_be_given_its_meaning(
    qtbot, store, dialog, tmp_path, monkeypatch
):
    pick_file(qtbot, dialog, ledger(tmp_path, "现居地", "新陂村三组"), monkeypatch)
    index = next(c.index for c in dialog.preview.mapping.columns if c.header == "现居地")
    assert dialog.preview.mapping.columns[-1].field == ""
    assert "不认识的列“现居地”" in dialog.warnings_label.text()
    assert "提醒 1 条" in dialog.counts_label.text()

    combo = dialog.combos[index]
    assert combo.currentText() == "（写入备注）"
    combo.setCurrentIndex(combo.findText("现住址"))
    qtbot.waitUntil(lambda: dialog.preview.mapping.header_of("current_address") == "现居地")
    qtbot.waitUntil(dialog.import_button.isEnabled)
    assert "提醒 0 条" in dialog.counts_label.text()
    assert dialog.combos[index].currentText() == "现住址"
    assert all(r.child.current_address == "新陂村三组" for r in dialog.preview.rows)


def test_files_that_cannot_be_read_are_said_in_plain_words_and_the_dialog_goes_on(
    qtbot, dialog, tmp_path, monkeypatch
):
    damaged = tmp_path / "台账.xlsx"
    damaged.write_bytes(b"this is no workbook")
    dialog.load(damaged)
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() == "文件 台账.xlsx 打不开或已损坏"
    assert not dialog.import_button.isEnabled()

    document = tmp_path / "名单.docx"
    document.write_bytes(b"PK")
    dialog.load(document)
    qtbot.waitUntil(lambda: "不是 xlsx、xls 或 csv 文件" in dialog.error.text())
    assert dialog.model.rowCount() == 0

    pick_file(qtbot, dialog, ledger(tmp_path), monkeypatch)
    assert not dialog.error.isVisible()
    assert dialog.model.rowCount() == 6


def test_cancel_leaves_nothing_written_and_says_so(qtbot, store, tasks, dialog, tmp_path):
    dialog.load(ledger(tmp_path))
    qtbot.waitUntil(dialog.import_button.isEnabled)
    # Another write holds the single write queue, so Cancel is pressed while the import waits.
    gate = threading.Event()
    tasks.write(gate.wait, lambda _r: None)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.progress.isVisible() and not dialog.close_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=20000)
    assert dialog.result_label.text() == "导入已取消，没有写入任何数据"
    assert not dialog.error.isVisible()
    assert Children(store).summaries() == []
    assert not (tmp_path / "新陂村台账_错误行.xlsx").exists()
    assert dialog.import_button.isEnabled()  # the officer may still import the same preview


def test_closing_during_an_import_cancels_it_then_closes(qtbot, store, tasks, dialog, tmp_path):
    dialog.load(ledger(tmp_path))
    qtbot.waitUntil(dialog.import_button.isEnabled)
    gate = threading.Event()
    tasks.write(gate.wait, lambda _r: None)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    dialog.reject()
    assert dialog.isVisible()  # not before the store is back as it was
    gate.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    assert Children(store).summaries() == []


def test_rows_taken_as_one_child_are_said_after_the_import(
    qtbot, store, tasks, dialog, tmp_path, monkeypatch
):
    """A row that finds a kept file by its ID number and a later row that finds it by name and
    birth date are both applied: the result says which later row was taken with which."""
    Roster(store).import_file(write_xlsx(tmp_path / "a.xlsx", [HEADER, child_row(1, "褚一")]))
    rows = [HEADER, child_row(1, "褚一一"), child_row(2, "褚一", 身份证号码="", 监护情况="差")]
    pick_file(qtbot, dialog, write_xlsx(tmp_path / "b.xlsx", rows), monkeypatch)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    said = dialog.result_label.text()
    assert "新增 0 名，更新 1 名" in said
    assert "第 3 行：与第 2 行是同一名儿童，已合并" in said


# A ledger as a school-minded officer heads it: 学生 for the child's name, which the reader does
# not know, under a title and an information line.
STUDENT_HEADER = [("学生" if h == "姓名" else h) for h in HEADER]


def student_ledger(folder):
    """Four children: one well written, one whose guardianship is a word the program does not
    know (a warning: imported all the same), one with a wrong check digit (refused), and one
    without an ID number, identified by name and birth date."""
    number = id_for(serial=3)
    wrong = number[:-1] + ("1" if number[-1] != "1" else "2")
    rows = [
        ["新陂村留守儿童花名册"],
        ["填报单位：新陂村民委员会"],
        STUDENT_HEADER,
        child_row(1, "张小明"),
        child_row(2, "李小红", sex="female", 监护情况="看不清"),
        child_row(3, "钱错号", 身份证号码=wrong),
        child_row(4, "孙无号", 身份证号码=""),
    ]
    return write_xlsx(folder / "花名册.xlsx", rows, ("A1:I1",))


def choose(qtbot, combo, text: str) -> None:
    """Open the choice box, go to `text` with the arrow keys and press Enter, as a person does."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    target = combo.findText(text)
    assert target >= 0, f"{text} is not a choice"
    key = Qt.Key.Key_Down if target > view.currentIndex().row() else Qt.Key.Key_Up
    for _ in range(combo.count()):
        if view.currentIndex().row() == target:
            break
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())


def listed(model) -> list[tuple[str, str, str]]:
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def column_of(dialog, header: str) -> int:
    return next(c.index for c in dialog.preview.mapping.columns if c.header == header)


def test_a_header_not_known_is_mapped_by_hand_and_warnings_are_listed_apart_from_errors(
    qtbot, store, dialog, tmp_path, monkeypatch, check_model
):
    for model in (dialog.errors_model, dialog.warnings_model):
        check_model(model)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    path = student_ledger(tmp_path)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.mapping_box.isEnabled())

    # No name column found: the officer is told what to do, and nothing can be imported yet.
    assert dialog.header_label.text() == "表头在第 3 行"
    assert dialog.header_row.value() == 3 and dialog.header_row.text() == "第 3 行"
    assert "没有找到儿童姓名的列" in dialog.error.text() and dialog.error.isVisible()
    assert not dialog.import_button.isEnabled()
    student = dialog.combos[column_of(dialog, "学生")]
    assert student.currentText() == "（写入备注）"

    choose(qtbot, student, "姓名")
    qtbot.waitUntil(lambda: dialog.preview.mapping.header_of("name") == "学生")
    qtbot.waitUntil(dialog.import_button.isEnabled)
    assert not dialog.error.isVisible()
    assert dialog.combos[column_of(dialog, "学生")].currentText() == "姓名"
    assert "可以导入 3 行，有错误 1 行" in dialog.counts_label.text()

    # Errors and warnings each in their own list, with the row and the column.
    tabs = dialog.views.tabBar()
    assert dialog.views.tabText(TAB_ERRORS) == "错误 1 条（这些行不会导入）"
    assert dialog.views.tabText(TAB_WARNINGS) == "提醒 1 条（1 行照样导入，请之后补全）"
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(TAB_ERRORS).center())
    assert dialog.views.currentIndex() == TAB_ERRORS
    ((row, column, said),) = listed(dialog.errors_model)
    assert (row, column) == ("6", "身份证号码") and "校验位" in said
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(TAB_WARNINGS).center())
    assert dialog.views.currentIndex() == TAB_WARNINGS
    ((row, column, said),) = listed(dialog.warnings_model)
    assert (row, column) == ("5", "监护情况") and "看不清" not in column and said
    assert dialog.errors_model.headerData(2, Qt.Orientation.Horizontal) == "错误"
    assert dialog.warnings_model.headerData(2, Qt.Orientation.Horizontal) == "提醒"

    with qtbot.waitSignal(dialog.imported, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "新增 3 名" in dialog.result_label.text()
    assert sorted(s.name for s in Children(store).summaries()) == sorted(
        ["张小明", "李小红", "孙无号"]
    )


def test_a_field_passed_over_on_the_way_is_taken_from_no_other_column(
    qtbot, dialog, tmp_path, monkeypatch
):
    """Choices made one after the other before the rows are read again (the arrow keys on a
    closed choice box): only the last stands, and 性别 keeps its column."""
    pick_any(qtbot, dialog, student_ledger(tmp_path), monkeypatch)
    student = column_of(dialog, "学生")
    dialog.change_field(student, "sex")
    dialog.change_field(student, "name")
    qtbot.waitUntil(lambda: dialog.preview.mapping.header_of("name") == "学生")
    assert dialog.preview.mapping.header_of("sex") == "性别"


def test_the_columns_chosen_are_used_again_when_the_corrected_error_list_is_opened(
    qtbot, store, tasks, dialog, tmp_path, monkeypatch
):
    source = student_ledger(tmp_path)
    pick_any(qtbot, dialog, source, monkeypatch)
    choose(qtbot, dialog.combos[column_of(dialog, "学生")], "姓名")
    qtbot.waitUntil(dialog.import_button.isEnabled)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    error_file = dialog.result.error_file
    assert error_file == str(tmp_path / "花名册_错误行.xlsx")
    dialog.close()

    book = load_workbook(error_file)
    sheet = book.worksheets[0]
    assert sheet.cell(2, 2).value == "钱错号"
    sheet.cell(2, STUDENT_HEADER.index("身份证号码") + 1, id_for(serial=3))
    book.save(error_file)

    again = RosterImportDialog(Roster(store), tasks)
    qtbot.addWidget(again)
    again.show()
    pick_any(qtbot, again, Path(error_file), monkeypatch)
    assert again.combos[column_of(again, "学生")].currentText() == "姓名"
    assert again.remembered_label.isVisible()
    assert not again.error.isVisible() and again.import_button.isEnabled()
    with qtbot.waitSignal(again.imported, timeout=20000):
        qtbot.mouseClick(again.import_button, Qt.MouseButton.LeftButton)
    assert "新增 1 名" in again.result_label.text()
    assert "钱错号" in {s.name for s in Children(store).summaries()}


def test_the_header_row_can_be_moved_when_the_reader_took_another_line(
    qtbot, store, dialog, tmp_path, monkeypatch
):
    """An instruction line above the header names two columns the reader knows; the header
    itself only one: the officer moves the header down a row and maps the name."""
    rows = [["类别", "备注"], ["学生", "身份证", "户口"], ["张小明", id_for(), "新陂村"]]
    pick_any(qtbot, dialog, write_xlsx(tmp_path / "名单.xlsx", rows), monkeypatch)
    assert dialog.header_row.value() == 1 and not dialog.import_button.isEnabled()

    qtbot.keyClick(dialog.header_row, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: dialog.preview.mapping.header_rows == (2,))
    qtbot.waitUntil(dialog.mapping_box.isEnabled)
    assert dialog.header_label.text() == "表头在第 2 行"
    assert [c.header for c in dialog.preview.mapping.columns] == ["学生", "身份证", "户口"]
    choose(qtbot, dialog.combos[0], "姓名")
    qtbot.waitUntil(dialog.import_button.isEnabled)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert [s.name for s in Children(store).summaries()] == ["张小明"]


def pick_any(qtbot, dialog, path, monkeypatch) -> None:
    """Choose `path` and wait for its preview, whether or not it can be imported as it is."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.mapping_box.isEnabled())
