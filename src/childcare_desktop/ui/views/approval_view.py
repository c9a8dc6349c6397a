"""审核 at a town or county: what the villages submitted and waits for this station's review,
what changed side by side with the file as it is now, 通过 and 退回 (with the reason), and the
evidence attached; an item the county's rules reserve shows at the town as 待县级确认."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.domain.child import CHILD_FIELDS, Child
from ...core.domain.review_events import held
from ...core.services.approval import Approval, ReviewItem
from ...core.services.children import Children
from ...core.storage.store import Store
from .. import i18n
from ..dialogs.evidence import EvidenceDialog
from ..dialogs.return_reason import ReturnDialog
from ..models.care_model import CareModel, RecordRole
from ..tasks import CHILDREN, SYNC, Changes, Tasks
from ..widgets import plain_label
from .due_table import TitledTable
from .seen import RefreshWhenSeen

# The fields whose values are codes of a vocabulary, and that vocabulary.
_CODED = {
    "sex": "sex",
    "guardianship": "guardianship",
    "status": "status",
    "close_reason": "close_reason",
    "health": "health",
    "schooling": "schooling",
    "hukou_type": "hukou_type",
    "no_id_reason": "no_id_reason",
    "risk_override": "risk",
}
# The subject of an item, by its kind: a category, a grade, a reason for closing.
_SUBJECT = {
    "category_added": "category",
    "category_ended": "category",
    "guardianship_changed": "guardianship",
    "closed_file": "close_reason",
}


def item_title(item: ReviewItem) -> str:
    """新增类别：事实无人抚养儿童 / category added: …"""
    kind = i18n.label("review_kind", item.kind)
    if item.subject and item.kind in _SUBJECT:
        return i18n.clause(kind, i18n.label(_SUBJECT[item.kind], item.subject))
    return kind


def shown_value(field: str, value: object, places: dict[str, str] | None = None) -> str:
    """A value of a file as a person reads it: codes in words, lists joined, yes or no, a
    village by its name (a twelve-digit code alone was cut short in a narrow column)."""
    if value is None or value == "" or value == []:
        return ""
    if field == "village_code" and places and value in places:
        return i18n.bracket(places[value], str(value))
    if field == "categories":
        return i18n.join(i18n.label("category", c) for c in value)
    if field == "assistance":
        return i18n.join(i18n.label("assistance", c) for c in value)
    if isinstance(value, list):
        return i18n.join(str(v) for v in value)
    if isinstance(value, bool):
        return i18n.label("yes_no", "yes" if value else "no")
    if field in _CODED:
        return i18n.label(_CODED[field], str(value))
    return str(value)


def value_now(child: Child | None, field: str, today) -> object:
    """What the file holds of `field` now, shaped as a submission's changes give it."""
    if child is None:
        return None
    if field == "categories":
        return held(child, today)
    if field == "members":
        return [m.name for m in child.members]
    if field == "assistance":
        return [a.kind for a in child.assistance]
    return getattr(child, field, None)


# The order of the file's own fields (name, sex, birth date …), then its parts.
_FILE_ORDER = {f: i for i, f in enumerate((*CHILD_FIELDS, "categories", "members", "assistance"))}


def _in_file_order(change: tuple[str, object]) -> int:
    return _FILE_ORDER.get(change[0], len(_FILE_ORDER))


class ApprovalView(RefreshWhenSeen, QWidget):
    open_child = Signal(str)

    def __init__(
        self, approval: Approval, children: Children, store: Store, tasks: Tasks, parent=None
    ) -> None:
        super().__init__(parent)
        self.approval = approval
        self.children = children
        self.store = store
        self.tasks = tasks
        self.dialog = None
        waiting = CareModel(
            [
                self.tr("村（居）"),
                self.tr("姓名"),
                self.tr("报审事项"),
                self.tr("报送人"),
                self.tr("报送日期"),
                self.tr("状态"),
            ],
            lambda i: [
                i.village,
                i.child_name,
                item_title(i),
                i.submitted_by,
                i.submitted_on.isoformat(),
                i18n.label("review_state", i.state),
            ],
            lambda i: i.child,
            self,
        )
        self.list = TitledTable(self.tr("待审核"), waiting, stretch=2)
        self.list.activated.connect(self.open_child)
        changes = CareModel(
            [self.tr("项目"), self.tr("报送前"), self.tr("报送内容"), self.tr("档案现状")],
            lambda row: list(row[1:]),
            lambda row: "",
            self,
        )
        self.changes = TitledTable(self.tr("变更内容与档案现状"), changes, stretch=2)
        # Before, submitted and now share the width alike: side by side, none cut short.
        for column in (1, 2, 3):
            self.changes.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch
            )
        self.changes.table.setWordWrap(True)  # a long list of categories takes two lines
        self.changes.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.approve_button = QPushButton(self.tr("通过(&P)"))
        self.return_button = QPushButton(self.tr("退回(&U)……"))
        self.evidence_button = QPushButton(self.tr("证明材料(&E)……"))
        self.approve_button.clicked.connect(self.approve_current)
        self.return_button.clicked.connect(self.return_current)
        self.evidence_button.clicked.connect(self.evidence_of_current)
        self.note = plain_label()
        bar = QHBoxLayout()
        bar.addWidget(self.note, 1)
        for button in (self.evidence_button, self.return_button, self.approve_button):
            bar.addWidget(button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(self.changes)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.list.table.selectionModel().currentChanged.connect(self._chosen)
        self._update_buttons()
        self.refresh_after(tasks, CHILDREN, SYNC)
        self.refresh_when_seen()

    def refresh(self) -> None:
        self.tasks.read(self.approval.waiting, self._show)

    def current_item(self) -> ReviewItem | None:
        index = self.list.table.currentIndex()
        return index.data(RecordRole) if index.isValid() else None

    def approve_current(self) -> None:
        item = self._decidable()
        if item is not None:
            approval = self.approval
            self._write(item, lambda: approval.approve(item.id))

    def return_current(self) -> None:
        item = self._decidable()
        if item is None:
            return
        self.dialog = ReturnDialog(i18n.clause(item.child_name, item_title(item)), self)
        approval = self.approval

        def returned() -> None:
            reason = self.dialog.text()
            self._write(item, lambda: approval.return_(item.id, reason))

        self.dialog.accepted.connect(returned)
        self.dialog.open()

    def evidence_of_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.dialog = EvidenceDialog(self.store, self.tasks, item.id, False, self)
            self.dialog.open()

    def _decidable(self) -> ReviewItem | None:
        item = self.current_item()
        return item if item is not None and item.state == "submitted" else None

    def _write(self, item: ReviewItem, job) -> None:
        changes = Changes.of(CHILDREN, children=[item.child])
        self.tasks.write(job, lambda _decided: None, changes=changes)

    def _show(self, items: list[ReviewItem]) -> None:
        self.list.model.set_rows(items)
        self.list.set_count(len(items))
        reserved = sum(1 for i in items if i.state != "submitted")
        self.note.setText(
            self.tr("村里报送的新建档案、销档、类别和监护情况变更，逐条通过或退回。")
            if not reserved
            else self.tr("其中 %1 条须县级确认，本级不审核。").replace("%1", str(reserved))
        )
        self.list.select_first()
        self._chosen()

    def _chosen(self, *_args) -> None:
        item = self.current_item()
        self._update_buttons()
        if item is None:
            self.changes.model.set_rows([])
            self.changes.set_count(0)
            return
        children, today, approval = self.children, self.children.today(), self.approval
        self.tasks.read(
            lambda: (children.get(item.child), approval.places()),
            lambda found: self._compare(item, *found, today),
        )

    def _compare(self, item: ReviewItem, child: Child, places: dict[str, str], today) -> None:
        if self.current_item() is not item:
            return  # another item was chosen meanwhile
        rows = [
            (
                field,
                i18n.label("file", field),
                shown_value(field, before, places),
                shown_value(field, after, places),
                shown_value(field, value_now(child, field, today), places),
            )
            for field, (before, after) in sorted(item.changes.items(), key=_in_file_order)
        ]
        self.changes.model.set_rows(rows)
        self.changes.set_count(len(rows))

    def _update_buttons(self) -> None:
        decidable = self._decidable() is not None
        self.approve_button.setEnabled(decidable)
        self.return_button.setEnabled(decidable)
        self.evidence_button.setEnabled(self.current_item() is not None)
