"""核对部门名单: a department's list checked against the registry, then its worklist decided.

The person picks the file and the department, checks what each column means (the ledger
import's mapping box, with the lists' own vocabulary), and presses 核对: the rows are matched and
the worklist kept, nothing in any file changed. The worklist shows in three tabs (未登记, 不一致,
已匹配); 接受 changes the child's file as the item says, or sends a row not registered to the
screening round chosen (the only open one unless the person chooses otherwise); 忽略 asks why.
Several rows are decided together; a row sent to a round whose village neither the list nor its
address gives makes the dialog ask the village, once for the rows accepted together, and say
where each went. Reading and checking run off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import CoreError, ValidationFailed
from ...core.lists.worklist import list_words, value_words
from ...core.roster.mapping import Mapping
from ...core.services.crosscheck import (
    SOURCES,
    Accepted,
    Crosscheck,
    Item,
    ListPreview,
    Worklist,
)
from ...core.services.screening import Screening, ScreeningRound
from .. import i18n
from ..models.rows_model import RowsModel
from ..tasks import CHILDREN, Changes, Tasks
from ..widgets import ErrorLabel, fit_to_screen, plain_label
from .column_mapping import ColumnMappingBox

TAB_UNREGISTERED, TAB_DIFFERENT, TAB_MATCHED = range(3)
COL_LINE, COL_NAME, COL_CHILD, COL_HOW, COL_WHAT, COL_FILE, COL_LIST, COL_STATE = range(8)


class WorklistModel(RowsModel):
    """Items of one kind (or two) of a worklist, a line each."""

    def headers(self) -> list[str]:
        return [
            self.tr("行号"), self.tr("名单上的姓名"), self.tr("档案"), self.tr("如何匹配"),
            self.tr("事项"), self.tr("档案中"), self.tr("名单上"), self.tr("处理"),
        ]  # fmt: skip

    @property
    def items(self) -> tuple[Item, ...]:
        return self.records()

    def cells(self, item: Item) -> list[str]:
        # The file with its village: two files of one name and birth date are told apart.
        village = item.child_village
        child = i18n.bracket(item.child_name, village) if village else item.child_name
        how = f"{i18n.label('list_how', item.how)} {item.score:.2f}" if item.how else ""
        kind = i18n.label("list_item_kind", item.kind)
        what = kind if item.kind in ("matched", "unregistered") else (
            f"{kind}：{i18n.label('list_field', item.field)}"
        )  # fmt: skip
        language = i18n.language()
        state = i18n.label("list_item_state", item.state) if item.state else ""
        return [
            str(item.line),
            item.person.name,
            child,
            how,
            what,
            value_words(item.field, item.file_value, language),
            list_words(item.field, item.list_value, item.file_value, language),
            f"{state}（{item.reason}）" if item.reason else state,
        ]


class ListCheckDialog(QDialog):
    def __init__(
        self,
        check: Crosscheck,
        tasks: Tasks,
        parent: QWidget | None = None,
        screening: Screening | None = None,
    ) -> None:
        super().__init__(parent)
        self.check = check
        self.screening = screening or Screening(check.store, check.today)
        self.tasks = tasks
        self.preview: ListPreview | None = None
        self._path: Path | None = None
        self.work: Worklist | None = None
        self._proposed: Mapping | None = None
        self._chosen: dict[int, str] = {}
        self._busy = False
        self.setWindowTitle(self.tr("核对部门名单"))
        self.file_label = plain_label(self.tr("还没有选择文件"))
        self.choose_button = QPushButton(self.tr("选择名单文件(&L)…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.source = QComboBox()
        for code in SOURCES:
            self.source.addItem(i18n.label("list_source", code), code)
        source_caption = plain_label(self.tr("名单来源(&U)："))
        source_caption.setBuddy(self.source)
        self.error = ErrorLabel()
        self.mapping_box = ColumnMappingBox(self.tr("（按上次核对同样表头的名单时的选择）"))
        self.mapping_box.field_chosen.connect(self.change_field)
        self.mapping_box.header_row_chosen.connect(lambda row: self._read(None, row))
        self.counts_label = plain_label()
        self.check_button = QPushButton(self.tr("核对(&K)"))
        self.check_button.clicked.connect(self.start_check)
        self.models = [WorklistModel(self) for _ in range(3)]
        self.tables = [self._table(m) for m in self.models]
        self.tabs = QTabWidget()
        for table in self.tables:
            self.tabs.addTab(table, "")
        self._name_tabs()
        self.accept_button = QPushButton(self.tr("接受(&J)"))
        self.accept_button.clicked.connect(self.accept_item)
        self.dismiss_button = QPushButton(self.tr("忽略(&G)…"))
        self.dismiss_button.clicked.connect(self.dismiss_item)
        self.round_choice = QComboBox()
        # A round's whole title: 2026年困境儿童排查 was cut to 2026年困境.
        self.round_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.round_choice.addItem(self.tr("不加入排查"), "")
        self.round_caption = plain_label(self.tr("未登记的加入排查(&P)："))
        self.round_caption.setBuddy(self.round_choice)
        self.said = plain_label()
        self.said.setWordWrap(True)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        self.tabs.currentChanged.connect(self._show_state)
        self._lay_out(source_caption)
        fit_to_screen(self, QSize(1040, 720))
        self._show_state()
        self.tasks.read(self.screening.rounds_to_add_to, self._show_rounds)

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择部门名单"), "", self.tr("名单 (*.xlsx *.xls *.csv);;所有文件 (*)")
        )
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path) -> None:
        self.file_label.setText(str(path))
        self._path = path
        self.work = None
        self._show_work()
        self._read(None)

    def change_field(self, index: int, field: str) -> None:
        if self._proposed is None:
            return
        self._chosen.pop(index, None)
        self._chosen[index] = field
        mapping = self._proposed
        for chosen_index, chosen_field in self._chosen.items():
            mapping = mapping.with_field(chosen_index, chosen_field)
        self._read(mapping)

    def start_check(self) -> None:
        preview, source = self.preview, self.source.currentData()
        if preview is None or self._busy:
            return
        self._run(lambda: self.check.check(preview, source), self._checked, write=True)

    def accept_item(self, village: str = "") -> None:
        items = self._chosen_items()
        if not items:
            return
        unregistered = any(i.kind == "unregistered" for i in items)
        to_round = self.round_choice.currentData() if unregistered else ""
        uuids, check = [i.uuid for i in items], self.check
        self._run(
            lambda: check.accept_many(uuids, to_round, village),
            self._accepted,
            write=True,
            failed=lambda error: self._accept_failed(error, to_round),
        )

    def _accepted(self, accepted: Accepted) -> None:
        lines = []
        for item, where in accepted.placed:
            how = i18n.label("screening_place", where.how)
            village = where.village_name or where.village_code
            lines.append(
                self.tr("%1 列入排查：%2（%3）")
                .replace("%1", item.person.name)
                .replace("%2", village)
                .replace("%3", how)
            )
        self.said.setText("\n".join(lines))
        self._decided(None)

    def _accept_failed(self, error: CoreError, to_round: str) -> None:
        """No village for a row sent to the round: the officer chooses one, then the rows
        are accepted again together."""
        needs = isinstance(error, ValidationFailed) and any(
            p.code == "screening_village_required" for p in error.problems
        )
        if not needs or not to_round:
            self._failed(error)
            return
        screening = self.screening
        self.tasks.read(lambda: screening.villages(to_round), self._ask_village)

    def _ask_village(self, villages: dict[str, str]) -> None:
        codes = list(villages)
        names = [villages[c] or c for c in codes]
        if not codes:
            return
        name, given = QInputDialog.getItem(
            self,
            self.tr("选择村（居）"),
            self.tr("名单没有写明所属村（居），住址中也找不到。\n请选择这些儿童所在的村（居）："),
            names,
            0,
            False,
        )
        if given and name in names:
            self.accept_item(codes[names.index(name)])

    def _show_rounds(self, rounds: list[ScreeningRound]) -> None:
        for found in rounds:
            until = self.tr("截止 %1").replace("%1", found.deadline.isoformat())
            self.round_choice.addItem(f"{found.title}  {until}", found.uuid)
        if len(rounds) == 1:
            self.round_choice.setCurrentIndex(1)

    def dismiss_item(self) -> None:
        items = self._chosen_items()
        if not items:
            return
        reason, given = QInputDialog.getText(
            self, self.tr("忽略"), self.tr("忽略的理由："), QLineEdit.EchoMode.Normal
        )
        if given:
            check = self.check
            self._run(
                lambda: [check.dismiss(i.uuid, reason) for i in items], self._decided, write=True
            )

    def _read(self, mapping: Mapping | None, header_row: int | None = None) -> None:
        path = self._path
        proposing = mapping is None
        self._run(
            lambda: self.check.preview(path, mapping, header_row=header_row),
            lambda preview: self._previewed(preview, proposing),
        )

    def _previewed(self, preview: ListPreview, proposing: bool) -> None:
        self.preview = preview
        if proposing:
            self._proposed, self._chosen = preview.mapping, {}
        self.mapping_box.show_mapping(preview.mapping, len(preview.sheet.rows))
        counts = self.tr("共 %1 行").replace("%1", str(len(preview.rows)))
        self.counts_label.setText(counts)
        if not preview.mapping.header_of("name"):
            self.error.show_text(
                self.tr("没有找到姓名的列：请在下面指出哪一列是姓名（在它的选择框里选“姓名”）。")
            )
        self._show_state()  # `ended` ran before the preview was here

    def _checked(self, work: Worklist) -> None:
        self.work = work
        self._show_work()

    def _decided(self, _items) -> None:
        if self.work is not None:
            uuid = self.work.list.uuid
            self._run(lambda: self.check.worklist(uuid), self._checked)

    def _show_work(self) -> None:
        work = self.work
        kinds = (("unregistered",), ("difference", "contradiction"), ("matched",))
        for model, kind, table in zip(self.models, kinds, self.tables, strict=True):
            model.set_rows(work.of_kind(*kind) if work else ())
            table.resizeColumnsToContents()  # 与档案矛盾：出生日期 is read whole
        self._name_tabs()
        self._show_state()

    def _name_tabs(self) -> None:
        names = (self.tr("未登记（%1）"), self.tr("不一致（%1）"), self.tr("已匹配（%1）"))
        for i, (name, model) in enumerate(zip(names, self.models, strict=True)):
            self.tabs.setTabText(i, name.replace("%1", str(model.rowCount())))

    def _chosen_items(self) -> list[Item]:
        """The rows selected in the tab shown that are still to decide."""
        tab = self.tabs.currentIndex()
        rows = sorted(i.row() for i in self.tables[tab].selectionModel().selectedRows())
        items = [self.models[tab].items[r] for r in rows]
        return [i for i in items if i.state == "open"]

    def _run(self, work, done, write: bool = False, failed=None) -> None:
        self._busy = True
        self.error.clear_text()
        self._show_state()
        submit = self.tasks.write if write else self.tasks.read
        extra = {"changes": Changes.of(CHILDREN)} if write else {}
        submit(work, done, failed or self._failed, ended=self._ended, **extra)

    def _failed(self, error: CoreError) -> None:
        self.error.show_text(i18n.error_text(error))

    def _ended(self) -> None:
        self._busy = False
        self._show_state()

    def _show_state(self, *_args) -> None:
        ready = not self._busy
        named = self.preview is not None and bool(self.preview.mapping.header_of("name"))
        self.check_button.setEnabled(ready and named)
        self.mapping_box.setVisible(self.preview is not None)
        self.mapping_box.setEnabled(ready)
        self.choose_button.setEnabled(ready)
        deciding = ready and self.work is not None and self.tabs.currentIndex() != TAB_MATCHED
        self.accept_button.setEnabled(deciding)
        self.dismiss_button.setEnabled(deciding)
        self.round_choice.setEnabled(ready and self.tabs.currentIndex() == TAB_UNREGISTERED)

    def _table(self, model: WorklistModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)  # Tab leaves the table, Ctrl+Tab turns the tabs
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_STATE, QHeaderView.ResizeMode.Stretch)
        return table

    def _lay_out(self, source_caption) -> None:
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("名单文件：")))
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        second = QHBoxLayout()
        second.addWidget(source_caption)
        second.addWidget(self.source)
        second.addWidget(self.counts_label, 1)
        second.addWidget(self.check_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        buttons.addWidget(self.round_caption)
        buttons.addWidget(self.round_choice)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.error)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.said)
        layout.addLayout(buttons)
