"""Small widgets shared by the forms: plain labels, error labels, code pickers, date fields."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from . import i18n

ERROR_STYLE = "color: #c00000;"


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows user text as characters, never as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


class ErrorLabel(QLabel):
    """The red words beside a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_text(self) -> None:
        self.show_text("")


class CodeCombo(QComboBox):
    """A choice among codes of one vocabulary, shown with its words; `blank` offers "not set"."""

    def __init__(self, kind: str, codes, blank: str | None = None, parent=None) -> None:
        super().__init__(parent)
        if blank is not None:
            self.addItem(blank, "")
        for code in codes:
            self.addItem(i18n.label(kind, code), code)

    def code(self) -> str:
        return self.currentData() or ""

    def set_code(self, code: str) -> None:
        index = self.findData(code)
        self.setCurrentIndex(max(index, 0))


_DATE_TYPING = QRegularExpression(r"^\d{0,4}(-\d{0,2}(-\d{0,2})?)?$")


class DateField(QLineEdit):
    """A date typed as YYYY-MM-DD; empty means not set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(_DATE_TYPING, self))
        self.setPlaceholderText(QCoreApplication.translate("DateField", "年-月-日"))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000-00-00000"))

    def value(self) -> date | None:
        """The date, or None when empty or not a real date (see `is_valid`)."""
        try:
            return date.fromisoformat(self.text().strip())
        except ValueError:
            return None

    def is_valid(self) -> bool:
        return not self.text().strip() or self.value() is not None

    def set_value(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")


def date_format_text() -> str:
    return QCoreApplication.translate("DateField", "日期应写成 年-月-日，如 2015-06-01")


class FieldGrid(QGridLayout):
    """Rows of caption | input | red message, so that each message sits beside its field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnStretch(1, 2)
        self.setColumnStretch(2, 1)
        self.errors: dict[str, ErrorLabel] = {}
        self._rows = 0

    def add(self, field: str, caption: str, widget: QWidget) -> ErrorLabel:
        row = self._rows
        self._rows += 1
        label = QLabel(caption)
        label.setBuddy(widget)
        error = ErrorLabel()
        self.addWidget(label, row, 0)
        self.addWidget(widget, row, 1)
        self.addWidget(error, row, 2)
        self.errors[field] = error
        return error
