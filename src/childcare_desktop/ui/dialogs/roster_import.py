"""Importing an Excel ledger (台账): pick the file, check the columns and every row, then import.

Nothing is written until the officer presses Import; the preview and the import run off the
GUI thread, and the import is one transaction that Cancel rolls back whole. The officer may say
where the header is and what any column means; the program keeps those choices for the next
ledger with the same headers. Errors (rows not imported) and warnings (rows imported, a detail to
complete) are listed apart, each with its row and column.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import CoreError
from ...core.roster.mapping import Mapping
from ...core.roster.rows import RowProblem
from ...core.services.roster import Cancelled, ImportResult, Preview, Roster
from .. import i18n
from ..models.ledger_model import COL_ID, COL_NAME, COL_PROBLEMS, COL_ROW, LedgerModel
from ..tasks import CHILDREN, VISITS, Changes, Tasks
from ..widgets import ErrorLabel, fit_to_screen, plain_label, scrolled
from .column_mapping import ColumnMappingBox

TAB_ROWS, TAB_ERRORS, TAB_WARNINGS = range(3)
PROBLEM_ROW, PROBLEM_COLUMN, PROBLEM_TEXT = range(3)


class _Progress(QObject):
    """Lives on the GUI thread: the worker emits, the bar moves on the GUI thread."""

    moved = Signal(int, int)


class RosterImportDialog(QDialog):
    imported = Signal()  # children were written: lists showing them should refresh

    def __init__(self, roster: Roster, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roster = roster
        self.tasks = tasks
        self.preview: Preview | None = None
        self.result: ImportResult | None = None
        self._path: Path | None = None
        # Every preview asked for gets a number; an answer to an older question is dropped.
        self._asked = 0
        # The columns as the program proposed them, and the officer's choices since, in the
        # order made: each preview replays them, so that passing over a field with the arrow
        # keys takes it from no other column.
        self._proposed: Mapping | None = None
        self._chosen: dict[int, str] = {}
        self._proposing = False
        self._reading = False
        self._cancel = threading.Event()
        self._importing = False
        self._close_when_done = False
        self.setWindowTitle(self.tr("导入台账"))

        self.file_label = plain_label(self.tr("还没有选择文件"))
        self.choose_button = QPushButton(self.tr("选择文件(&O)…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.error = ErrorLabel()
        self.mapping_box = ColumnMappingBox(self.tr("（按上次导入同样表头的台账时的选择）"))
        self.mapping_box.field_chosen.connect(self.change_field)
        self.mapping_box.header_row_chosen.connect(self.choose_header_row)
        self.header_row = self.mapping_box.header_row
        self.header_label = self.mapping_box.header_label
        self.remembered_label = self.mapping_box.remembered_label
        self.warnings_label = plain_label()
        self.warnings_label.setWordWrap(True)
        self.counts_label = plain_label()
        self.only_bad = QCheckBox(self.tr("只看有错误的行"))
        self.model = LedgerModel(self)
        self.only_bad.toggled.connect(self.model.set_only_bad)
        self.table = self._make_table()
        problem_headers = (self.tr("行号"), self.tr("列"))
        self.errors_model = ProblemsModel((*problem_headers, self.tr("错误")), self)
        self.warnings_model = ProblemsModel((*problem_headers, self.tr("提醒")), self)
        self.views = QTabWidget()
        self.views.addTab(self.table, "")
        self.views.addTab(self._problems_table(self.errors_model), "")
        self.views.addTab(self._problems_table(self.warnings_model), "")
        self._name_tabs(0, 0, 0)
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("取消导入"))
        self.cancel_button.clicked.connect(self.cancel_import)
        self.result_label = plain_label()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_errors_button = QPushButton(self.tr("打开错误清单"))
        self.open_errors_button.clicked.connect(self.open_error_file)
        self.import_button = QPushButton(self.tr("导入(&I)"))
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        self._lay_out()
        fit_to_screen(self, QSize(1040, 760))
        self._show_state()

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择台账文件"),
            str(self._path.parent) if self._path else "",
            self.tr("台账 (*.xlsx *.xls *.csv);;所有文件 (*)"),
        )
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path) -> None:
        """Read and check `path` in the background, with the column mapping it suggests."""
        self._path = path
        self.file_label.setText(str(path))
        self.result = None
        self._ask_preview(None)

    def choose_header_row(self, row: int) -> None:
        """The header starts at Excel row `row`: its columns are read again from there."""
        if self.preview is not None and row != self.preview.mapping.header_rows[0]:
            self._ask_preview(None, row)

    def change_field(self, index: int, field: str) -> None:
        """Column `index` of the file means `field`: the rows are read again with that."""
        if self._proposed is None:
            return
        self._chosen.pop(index, None)
        self._chosen[index] = field
        mapping = self._proposed
        for chosen_index, chosen_field in self._chosen.items():
            mapping = mapping.with_field(chosen_index, chosen_field)
        self._ask_preview(mapping)

    def start_import(self) -> None:
        preview = self.preview
        if preview is None or self._importing:
            return
        self._importing = True
        self._cancel.clear()
        self.result = None
        self.progress.setRange(0, 0)  # busy until the first figures arrive
        self._show_state()
        roster, cancel = self.roster, self._cancel
        progress = _Progress(self)
        progress.moved.connect(self._moved)
        self.tasks.write(
            lambda: roster.import_chosen(
                preview, progress=progress.moved.emit, cancelled=cancel.is_set
            ),
            self._import_done,
            self._import_failed,
            ended=self._import_ended,
            changes=Changes.of(CHILDREN, VISITS),
        )

    def cancel_import(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.result_label.setText(self.tr("正在取消……"))

    def open_error_file(self) -> None:
        if self.result is not None and self.result.error_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.result.error_file))

    def reject(self) -> None:
        # Closing mid-import cancels it; the window goes once the store is back as it was.
        if self._importing:
            self._close_when_done = True
            self.cancel_import()
            return
        self._asked += 1  # a preview still being read is no longer wanted
        self._reading = False
        super().reject()

    def _ask_preview(self, mapping: Mapping | None, header_row: int | None = None) -> None:
        self._asked += 1
        self._reading = True
        self._proposing = mapping is None
        asked, roster, path = self._asked, self.roster, self._path
        self.error.clear_text()
        self.result_label.setText(self.tr("正在读取文件……"))
        self._show_state()
        self.tasks.read(
            lambda: roster.preview(path, mapping, header_row=header_row),
            lambda preview: self._previewed(asked, preview),
            lambda error: self._preview_failed(asked, error),
            ended=lambda: self._read_ended(asked),
        )

    def _read_ended(self, asked: int) -> None:
        if asked == self._asked:
            self._reading = False
            self.result_label.clear()
            self._show_state()

    def _previewed(self, asked: int, preview: Preview) -> None:
        if asked != self._asked:
            return
        self._reading = False
        self.preview = preview
        if self._proposing:
            self._proposed, self._chosen = preview.mapping, {}
        self._show_mapping(preview.mapping)
        self.model.set_rows(preview.rows, preview.mapping)
        self._show_counts(preview)
        self._show_problems(preview)
        if not preview.mapping.header_of("name"):
            # Nothing can be imported before the officer says where the children's names are.
            said = self.tr(
                "没有找到儿童姓名的列：请在下面指出哪一列是姓名（在它的选择框里选“姓名”）；"
                "如果表头不在第 %1 行，请先改表头所在的行。"
            )
            self.error.show_text(said.replace("%1", str(preview.mapping.header_rows[0])))
        self.result_label.clear()
        self._show_state()

    def _preview_failed(self, asked: int, error: CoreError) -> None:
        if asked != self._asked:
            return
        self._reading = False
        self.result_label.clear()
        self.error.show_text(i18n.error_text(error))
        if self.preview is not None and self.preview.path == self._path:
            # A changed column made the file unreadable: the choice boxes go back to what the
            # table shows, so what is on screen is what an import would write.
            self._proposed, self._chosen = self.preview.mapping, {}
            self._show_mapping(self.preview.mapping)
        else:
            self.preview = None
            self._show_mapping(None)
            self.model.set_rows((), Mapping((1,), ()))
            self.counts_label.clear()
            self.warnings_label.clear()
            self.errors_model.set_problems(())
            self.warnings_model.set_problems(())
            self._name_tabs(0, 0, 0)
        self._show_state()

    def _moved(self, done: int, total: int) -> None:
        if self._importing:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _import_ended(self) -> None:
        self._importing = False
        self._show_state()
        # Closing was asked meanwhile: the window goes once the answer below is shown.
        if self._close_when_done:
            QTimer.singleShot(0, self._close_if_asked)

    def _import_done(self, result: ImportResult) -> None:
        self.result = result
        text = self.tr("导入完成：新增 %1 名，更新 %2 名，没有变化 %3 名。")
        text = text.replace("%1", str(result.imported)).replace("%2", str(result.updated))
        text = text.replace("%3", str(result.unchanged))
        # Rows found to be one child only when the import matched them (the preview cannot
        # know): the officer is told which rows were taken together.
        row_words = self.tr("第 %1 行：%2")
        for warning in result.warnings:
            if warning.code == "roster_duplicate_row":
                line = row_words.replace("%1", str(warning.row)).replace("%2", warning.message)
                text += "\n" + line
        if result.error_file:
            bad = self.tr("有 %1 行没有导入，已写入错误清单：%2")
            bad = bad.replace("%1", str(len({e.row for e in result.errors})))
            text += "\n" + bad.replace("%2", result.error_file)
            text += "\n" + self.tr("请打开错误清单修改后再导入。")
        self.result_label.setText(text)
        self._show_state()
        self.imported.emit()

    def _import_failed(self, error: CoreError) -> None:
        if isinstance(error, Cancelled):
            self.result_label.setText(i18n.error_text(error))
        else:
            self.result_label.clear()
            self.error.show_text(i18n.error_text(error))

    def _close_if_asked(self) -> None:
        if self._close_when_done:
            self._close_when_done = False
            self.reject()

    def _show_mapping(self, mapping: Mapping | None) -> None:
        rows = len(self.preview.sheet.rows) if self.preview is not None else 1
        self.mapping_box.show_mapping(mapping, rows)

    @property
    def combos(self) -> dict[int, QComboBox]:
        return self.mapping_box.combos

    def _show_counts(self, preview: Preview) -> None:
        bad = len(preview.bad_rows)
        notes = sum(1 for r in preview.rows for p in r.problems if not p.blocking)
        counts = self.tr("共 %1 行：可以导入 %2 行，有错误 %3 行（不会导入），提醒 %4 条")
        counts = counts.replace("%1", str(len(preview.rows))).replace(
            "%2", str(len(preview.rows) - bad)
        )
        self.counts_label.setText(
            counts.replace("%3", str(bad)).replace("%4", str(notes + len(preview.warnings)))
        )
        self.warnings_label.setText("\n".join(w.message for w in preview.warnings))
        self.warnings_label.setVisible(bool(preview.warnings))

    def _show_problems(self, preview: Preview) -> None:
        """Errors (the row is not imported) and warnings (imported; a detail to complete) apart."""
        problems = [p for r in preview.rows for p in r.problems]
        errors = [p for p in problems if p.blocking]
        warnings = [*preview.warnings, *(p for p in problems if not p.blocking)]
        self.errors_model.set_problems(errors)
        self.warnings_model.set_problems(warnings)
        warned_rows = {p.row for r in preview.rows if r.ok for p in r.problems}
        self._name_tabs(len(preview.rows), len(errors), len(warnings), len(warned_rows))

    def _name_tabs(self, rows: int, errors: int, warnings: int, warned_rows: int = 0) -> None:
        self.views.setTabText(TAB_ROWS, self.tr("所有的行（%1）").replace("%1", str(rows)))
        self.views.setTabText(
            TAB_ERRORS, self.tr("错误 %1 条（这些行不会导入）").replace("%1", str(errors))
        )
        warned = self.tr("提醒 %1 条（%2 行照样导入，请之后补全）")
        warned = warned.replace("%1", str(warnings)).replace("%2", str(warned_rows))
        self.views.setTabText(TAB_WARNINGS, warned)

    def _show_state(self) -> None:
        reading = self._reading
        ready = self.preview is not None and not reading
        self.choose_button.setEnabled(not self._importing)
        self.mapping_box.setEnabled(ready and not self._importing)
        self.mapping_box.setVisible(self.preview is not None or reading)
        named = ready and bool(self.preview and self.preview.mapping.header_of("name"))
        self.import_button.setEnabled(named and not self._importing and self.result is None)
        self.progress.setVisible(self._importing)
        self.cancel_button.setVisible(self._importing)
        self.cancel_button.setEnabled(self._importing)
        self.close_button.setEnabled(not self._importing)
        self.open_errors_button.setVisible(bool(self.result and self.result.error_file))

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_PROBLEMS, QHeaderView.ResizeMode.Stretch)
        metrics = table.fontMetrics()
        for column, sample in ((COL_ROW, "00000000"), (COL_NAME, "欧阳晓明明明"),
                               (COL_ID, "44148120120304123X0")):  # fmt: skip
            table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        return table

    def _problems_table(self, model: ProblemsModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PROBLEM_TEXT, QHeaderView.ResizeMode.Stretch)
        metrics = table.fontMetrics()
        table.setColumnWidth(PROBLEM_ROW, metrics.horizontalAdvance("00000000") + 24)
        table.setColumnWidth(PROBLEM_COLUMN, metrics.horizontalAdvance("委托照护人/联系电话") + 24)
        return table

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("台账文件：")))
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        counts = QHBoxLayout()
        counts.addWidget(self.counts_label, 1)
        counts.addWidget(self.only_bad)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_errors_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        body = QVBoxLayout()
        body.addLayout(top)
        body.addWidget(self.error)
        body.addWidget(self.mapping_box)
        body.addWidget(self.warnings_label)
        body.addLayout(counts)
        body.addWidget(self.views, 1)
        body.addLayout(running)
        body.addWidget(self.result_label)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(body), 1)
        layout.addLayout(buttons)


class ProblemsModel(QAbstractTableModel):
    """Problems of a previewed ledger, one a line: the Excel row, the column and what it says."""

    def __init__(self, headers: tuple[str, str, str], parent=None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._problems: list[RowProblem] = []

    def set_problems(self, problems) -> None:
        self.beginResetModel()
        self._problems = list(problems)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        problem = self._problems[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(problem.row), problem.column, problem.message)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == PROBLEM_TEXT:
            return problem.message
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PROBLEM_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
