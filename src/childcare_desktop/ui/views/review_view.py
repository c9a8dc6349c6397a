"""Dynamic management (动态管理): the review list, closing or re-categorising with a reason."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.domain.categories import CATEGORY_CODES
from ...core.services.care_work import CareWork
from ...core.services.review import ReviewItem
from .. import i18n
from ..dialogs.close_file import CloseFileDialog
from ..models.care_model import CareModel, RecordRole
from ..tasks import CHILDREN, VISITS, Changes, Tasks
from ..widgets import plain_label
from .due_table import TitledTable
from .seen import RefreshWhenSeen


class RecategoriseDialog(QDialog):
    """Tick the categories the child keeps; the note (why) is required."""

    def __init__(self, item: ReviewItem, held: list[str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("调整类别"))
        self.boxes = {code: QCheckBox(i18n.label("category", code)) for code in CATEGORY_CODES}
        for code, box in self.boxes.items():
            box.setChecked(code in held and code not in item.codes)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("调整原因（必填）"))
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok.setEnabled(False)
        self.note.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(item.name))
        for box in self.boxes.values():
            layout.addWidget(box)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def codes(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]


class ReviewView(RefreshWhenSeen, QWidget):
    open_child = Signal(str)

    def __init__(self, work: CareWork, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.work = work
        self.tasks = tasks
        self.dialog: QDialog | None = None
        model = CareModel(
            [
                self.tr("姓名"),
                self.tr("复核原因"),
                self.tr("涉及类别"),
                self.tr("日期"),
                self.tr("说明"),
            ],
            lambda r: [
                r.name,
                i18n.label("review_reason", r.reason),
                i18n.join(i18n.label("category", c) for c in r.codes),
                r.since.isoformat() if r.since else "",
                r.note,
            ],
            lambda r: r.child_uuid,
            self,
        )
        self.list = TitledTable(self.tr("待复核儿童"), model)
        self.list.activated.connect(self.open_child)
        self.close_button = QPushButton(self.tr("销档(&C)……"))
        self.recategorise_button = QPushButton(self.tr("调整类别(&K)……"))
        self.close_button.clicked.connect(self.close_current)
        self.recategorise_button.clicked.connect(self.recategorise_current)
        bar = QHBoxLayout()
        bar.addWidget(
            plain_label(self.tr("到龄、父母返乡或迁出的儿童：销档或调整类别，记录原因。"))
        )
        bar.addStretch(1)
        bar.addWidget(self.recategorise_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.list, 1)
        self.refresh_after(tasks, CHILDREN, VISITS)
        self.refresh_when_seen()

    def refresh(self) -> None:
        self.tasks.read(self.work.review.items, self._show)

    def current_item(self) -> ReviewItem | None:
        index = self.list.table.currentIndex()
        return index.data(RecordRole) if index.isValid() else None

    def close_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        self.dialog = CloseFileDialog(item.name, self)
        self.dialog.reason.set_code(item.reason)
        review = self.work.review

        def closed() -> None:
            reason, note = self.dialog.reason.code(), self.dialog.note.text()
            self._write(item, lambda: review.close(item.child_uuid, reason, note))

        self.dialog.accepted.connect(closed)
        self.dialog.open()

    def recategorise_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        children = self.work.children
        self.tasks.read(
            lambda: children.get(item.child_uuid), lambda c: self._recategorise(item, c)
        )

    def _recategorise(self, item: ReviewItem, child) -> None:
        codes = [s.code for s in child.categories if s.end is None]
        self.dialog = RecategoriseDialog(item, codes, self)
        review = self.work.review

        def kept() -> None:
            codes, note = self.dialog.codes(), self.dialog.note.text()
            self._write(
                item, lambda: review.recategorise(item.child_uuid, codes, item.reason, note)
            )

        self.dialog.accepted.connect(kept)
        self.dialog.open()

    def _write(self, item: ReviewItem, job) -> None:
        changes = Changes.of(CHILDREN, children=[item.child_uuid])
        self.tasks.write(job, lambda _child: None, changes=changes)

    def _show(self, items: list[ReviewItem]) -> None:
        self.list.model.set_rows(items)
        self.list.set_count(len(items))
        self.list.select_first()
