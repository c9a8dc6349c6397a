"""The ledger import dialog as an officer uses it: pick a file, see the bad rows, import, cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QFileDialog

from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.roster import Roster
from childcare_desktop.core.services.station import station_info
from childcare_desktop.ui.dialogs.roster_import import RosterImportDialog
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
def dialog(qtbot, store, tasks):
    dialog = RosterImportDialog(Roster(store), tasks)
    qtbot.addWidget(dialog)
    QAbstractItemModelTester(dialog.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
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
