"""What every tab of the child's form does: load a file, apply its fields, say where errors go."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...core.domain.child import Child
from ..widgets import DateField, ErrorLabel, FieldGrid, edit_signal, scrolled


class ChildSection(QWidget):
    """A tab of the form. `errors` maps a field name of the core (`id_number`) to its label;
    a subclass lays out its fields in `body`, which scrolls inside the tab."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = FieldGrid()
        self.body = QVBoxLayout()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(self.body))

    @property
    def errors(self) -> dict[str, ErrorLabel]:
        return self.grid.errors

    def load(self, child: Child) -> None:
        raise NotImplementedError

    def apply(self, child: Child) -> Child:
        raise NotImplementedError

    def date_fields(self) -> dict[str, DateField]:
        """Date fields by field name, so that the form can refuse a date it cannot read."""
        return {}

    def watch(self, *widgets: QWidget) -> None:
        """Any edit in these widgets makes the form dirty."""
        for widget in widgets:
            edited = edit_signal(widget)
            if edited is not None:
                edited.connect(self.changed)
