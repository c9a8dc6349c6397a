"""What the small care forms share (wish, referral, visit round): fields with their errors beside
them, the child the record is for, Save and Cancel, and the write run off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QDialogButtonBox, QVBoxLayout

from ...core.errors import CoreError, ValidationFailed
from .. import i18n
from ..tasks import CARE, Changes, Tasks
from ..widgets import DateField, ErrorLabel, FieldGrid, date_format_text, fit_to_screen, scrolled


class ChildChoice(QComboBox):
    """The child a record is for: fixed when the form is opened from the child's file, picked
    by typing part of the name when it is opened from a station-wide list."""

    def __init__(self, choices: Sequence[tuple[str, str]], parent=None) -> None:
        super().__init__(parent)
        for uuid, name in choices:
            self.addItem(name, uuid)
        fixed = len(choices) == 1
        self.setEnabled(not fixed)
        if not fixed:
            self.setEditable(True)
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self.completer().setFilterMode(Qt.MatchFlag.MatchContains)
            self.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            self.setCurrentIndex(-1)
            self.lineEdit().setPlaceholderText(self.tr("输入姓名查找"))

    def uuid(self) -> str:
        """The chosen child, or "" while the typed text names no child on the list."""
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        return self.itemData(index) if index >= 0 else ""


class CareDialog(QDialog):
    """A subclass lays out `grid`, and its `save` checks what it can read, then calls `submit`."""

    saved = Signal(object)  # the record written

    def __init__(self, tasks: Tasks, title: str, parent=None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(title)
        self.grid = FieldGrid()
        self.general_error = ErrorLabel()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        body = QVBoxLayout()
        body.addLayout(self.grid)
        body.addWidget(self.general_error)
        body.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(body))
        layout.addWidget(self.buttons)
        # Once the button is in the dialog: made default before, the dialog would not know it,
        # and Qt would make the first button after the focus its default (a form's own 选择……).
        self.save_button.setDefault(True)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("字") * 36)

    def setVisible(self, visible: bool) -> None:
        # Sized on first showing, where Qt would size it: the subclass adds its fields after
        # this class's __init__, and until they are shown the layouts count them as hidden.
        first = visible and not self.testAttribute(Qt.WidgetAttribute.WA_Resized)
        super().setVisible(visible)
        if first:
            fit_to_screen(self)

    def grow_to_content(self) -> None:
        """After words read in the background are shown (the numbers to call), the form grows
        to hold them, within the screen, instead of squeezing its fields out of sight."""
        if self.isVisible():
            fit_to_screen(self, self.size())

    def save(self) -> None:
        raise NotImplementedError

    def clear_errors(self) -> None:
        self.general_error.clear_text()
        for error in self.grid.errors.values():
            error.clear_text()

    def dates_readable(self, fields: dict[str, DateField], required: Sequence[str] = ()) -> bool:
        """Shows the date format beside each date that cannot be read or is missing."""
        bad = [
            n for n, f in fields.items() if not f.is_valid() or (n in required and not f.value())
        ]
        for name in bad:
            self.grid.errors[name].show_text(date_format_text())
        return not bad

    def submit(self, write: Callable[[], object], changes: Changes | None = None) -> None:
        """`changes` default to the care lists' (a concern's also touch the child's risk)."""
        self.save_button.setEnabled(False)
        self.tasks.write(
            write,
            self._saved,
            self._failed,
            ended=lambda: self.save_button.setEnabled(True),
            changes=changes or Changes.of(CARE),
        )

    def _saved(self, record: object) -> None:
        self.saved.emit(record)
        self.accept()

    def _failed(self, error: CoreError) -> None:
        if isinstance(error, ValidationFailed):
            for problem in error.problems:
                target = self.grid.errors.get(problem.field, self.general_error)
                target.show_text(i18n.problem_text(problem))
        else:
            self.general_error.show_text(i18n.error_text(error))
