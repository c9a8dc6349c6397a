"""Merging two possible duplicates: both files side by side, what differs marked, and the
supervisor says which file stays before anything is merged (取消 merges nothing)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from ...core.services.duplicate_sides import COMPARED, FileSide, differing, side_by_side
from .. import i18n
from ..tasks import Tasks
from ..widgets import ErrorLabel, fit_to_screen, plain_label, scrolled

DIFFERS_STYLE = "background: #fff1c2; font-weight: bold;"


class DuplicateMergeDialog(QDialog):
    """`kept` and `duplicate` are the chosen files' uuids once accepted."""

    def __init__(self, store, tasks: Tasks, first: str, second: str, parent=None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.sides: tuple[FileSide, FileSide] | None = None
        self.kept = self.duplicate = ""
        self.setWindowTitle(self.tr("合并可能重复的档案"))
        intro = plain_label(
            self.tr(
                "这两份档案可能是同一个孩子的（身份证号相同，或姓名和出生日期相同、相近）。"
                "请逐项核对，选出保留的一份；另一份将作为重复档案销档，"
                "它的走访和报告仍然保留，合并可以撤销。黄色的项目两份不一样。"
            )
        )
        intro.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.keep_first = QRadioButton(self.tr("保留这份"))
        self.keep_second = QRadioButton(self.tr("保留这份"))
        self.choice = QButtonGroup(self)
        for button in (self.keep_first, self.keep_second):
            self.choice.addButton(button)
            button.setEnabled(False)
        self.choice.buttonToggled.connect(lambda *_args: self._update_merge())
        # At their own size: a radio button answers clicks on its circle and words only.
        self.grid.addWidget(self.keep_first, 0, 1, Qt.AlignmentFlag.AlignLeft)
        self.grid.addWidget(self.keep_second, 0, 2, Qt.AlignmentFlag.AlignLeft)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, tuple[QLabel, QLabel]] = {}
        for row, (field, caption) in enumerate(self._captions().items(), start=1):
            self.captions[field] = plain_label(caption)
            self.values[field] = (plain_label("…"), plain_label("…"))
            self.grid.addWidget(self.captions[field], row, 0)
            for column, value in enumerate(self.values[field], start=1):
                value.setWordWrap(True)
                self.grid.addWidget(value, row, column)
        self.grid.setRowStretch(len(COMPARED) + 1, 1)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox()
        self.merge_button = buttons.addButton(
            self.tr("合并"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setDefault(True)
        self.merge_button.setEnabled(False)
        self.cancel_button = buttons.addButton(
            self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scrolled(self.grid), 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(760, 560))
        tasks.read(lambda: side_by_side(store, first, second, date.today()), self._show, self.error)

    def _captions(self) -> dict[str, str]:
        return {
            "name": self.tr("姓名"),
            "sex": self.tr("性别"),
            "birth_date": self.tr("出生日期"),
            "id_masked": self.tr("身份证号"),
            "village": self.tr("村（居）"),
            "members": self.tr("家庭成员"),
            "categories": self.tr("儿童类别"),
            "last_visit": self.tr("最近走访"),
            "visits": self.tr("走访次数"),
            "concerns": self.tr("强制报告（未结）"),
            "registered_on": self.tr("登记日期"),
        }

    def _show(self, sides: tuple[FileSide, FileSide]) -> None:
        self.sides = sides
        changed = set(differing(*sides))
        for field in COMPARED:
            for side, label in zip(sides, self.values[field], strict=True):
                label.setText(self._text(side, field))
            marked = field in changed
            for label in (self.captions[field], *self.values[field]):
                label.setProperty("differs", marked)
                label.setStyleSheet(DIFFERS_STYLE if marked else "")
        for button in (self.keep_first, self.keep_second):
            button.setEnabled(True)

    def _text(self, side: FileSide, field: str) -> str:
        value = getattr(side, field)
        if field == "sex":
            return i18n.label("sex", value) if value else "—"
        if field == "members":
            return (
                "\n".join(
                    i18n.bracket(
                        f"{i18n.label('relation', m.relation)} {m.name}",
                        i18n.label("situation", m.situation),
                    )
                    for m in value
                )
                or "—"
            )
        if field == "categories":
            return i18n.join(i18n.label("category", c) for c in value) or "—"
        if field == "concerns":
            return (
                self.tr("%1（未结 %2）")
                .replace("%1", str(value))
                .replace("%2", str(side.open_concerns))
            )
        if isinstance(value, date):
            return value.isoformat()
        return str(value) if value not in (None, "") else "—"

    def differing_fields(self) -> set[str]:
        """The fields shown as differing (marked for the eye by their colour)."""
        return {f for f, label in self.captions.items() if label.property("differs")}

    def _update_merge(self) -> None:
        self.merge_button.setEnabled(self.choice.checkedButton() is not None)

    def accept(self) -> None:
        chosen = self.choice.checkedButton()
        if self.sides is None or chosen is None:
            return
        first, second = self.sides
        kept, duplicate = (first, second) if chosen is self.keep_first else (second, first)
        self.kept, self.duplicate = kept.uuid, duplicate.uuid
        super().accept()
