"""Small widgets shared by the forms: plain labels, error labels, code pickers, date fields, and
the scroll area and sizing that keep every window on a small screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRegularExpression, QSize, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

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


_WIDE_CHOICE = 20  # characters: a choice longer than this does not set the box's width


class CodeCombo(QComboBox):
    """A choice among codes of one vocabulary, shown with its words; `blank` offers "not set"."""

    def __init__(self, kind: str, codes, blank: str | None = None, parent=None) -> None:
        super().__init__(parent)
        if blank is not None:
            self.addItem(blank, "")
        for code in codes:
            self.addItem(i18n.label(kind, code), code)
        longest = max((len(self.itemText(i)) for i in range(self.count())), default=0)
        if longest > _WIDE_CHOICE:
            # Words as long as the law's (强制报告的情形) would widen the whole form past the
            # screen: the box keeps a usual width, the open list shows each choice whole, and
            # the chosen one is read whole in the tooltip.
            self.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.setMinimumContentsLength(_WIDE_CHOICE)
            view = self.view()
            view.setMinimumWidth(
                view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width()
            )
            self.setToolTip(self.currentText())
            self.currentTextChanged.connect(self.setToolTip)

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
    """Rows of caption | input | red message, so that each message sits beside its field.

    A message speaks of the field as it was when the form was checked; once the person edits the
    field, it is checked again and the message goes as soon as the field is right, without
    waiting for 保存. A form that can check itself at once gives `check` (each wrong field's
    words, as a save would find them); without one, a date field checks its own writing and any
    other field's message goes at its first edit."""

    def __init__(
        self, parent: QWidget | None = None, check: Callable[[], dict[str, str]] | None = None
    ) -> None:
        super().__init__(parent)
        self.setColumnStretch(1, 2)
        self.setColumnStretch(2, 1)
        self.errors: dict[str, ErrorLabel] = {}
        self.check = check
        self._rows = 0

    def add(self, field: str, caption: str, widget: QWidget, below: bool = False) -> ErrorLabel:
        """`below`: the message goes under a field too wide to leave it room beside (a grid of
        ticks), where it would be squeezed and cut off."""
        row = self._rows
        self._rows += 2 if below else 1
        label = QLabel(caption)
        label.setBuddy(widget)
        error = ErrorLabel()
        self.addWidget(label, row, 0)
        if below:
            self.addWidget(widget, row, 1, 1, 2)
            self.addWidget(error, row + 1, 1, 1, 2)
        else:
            self.addWidget(widget, row, 1)
            self.addWidget(error, row, 2)
        self.errors[field] = error
        edited = edit_signal(widget)
        if edited is not None:
            edited.connect(lambda *_value: self.recheck(field, widget))
        return error

    def recheck(self, field: str, widget: QWidget | None = None) -> None:
        """`field` was edited: a message stays only while its field is still wrong. With the
        form's check every message shown is asked again, for one field can put another right
        (the ID number a birth date disagreed with)."""
        if self.check is not None:
            shown = {name: error for name, error in self.errors.items() if error.text()}
            if shown:
                found = self.check()
                for name, error in shown.items():
                    error.show_text(found.get(name, ""))
            return
        error = self.errors[field]
        if error.text() and not (isinstance(widget, DateField) and not widget.is_valid()):
            error.clear_text()


def edit_signal(widget: QWidget):
    """The signal a field gives when the person changes it (None for a widget that has none)."""
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.valueChanged
    return None


# What the system draws around a window (Windows 10 at 100%: a 31-pixel title bar and thin
# borders): the largest window that fits is this much smaller than the free area of the screen.
WINDOW_FRAME = QSize(16, 40)


def fit_to_screen(window: QWidget, wished: QSize | None = None) -> None:
    """Open `window` at the size wished, or larger where its content asks for more (a large
    font), but never larger than the free area of its screen: a form taller than a 1366×768
    laptop would otherwise open with its buttons below the screen's edge."""
    room = window.screen().availableGeometry().size() - WINDOW_FRAME
    # A body whose fields were added or grew after it was laid out (words read in the
    # background) would be asked its size as it was then: the layouts ask again.
    for body in window.findChildren(ScrolledBody):
        body.updateGeometry()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    size = window.sizeHint() if wished is None else wished.expandedTo(window.sizeHint())
    window.resize(size.boundedTo(room))
    if window.isVisible():  # grown where it stood: brought back whole onto the screen
        area, frame = window.screen().availableGeometry(), window.frameGeometry()
        x = max(area.left(), min(frame.left(), area.right() + 1 - frame.width()))
        y = max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height()))
        window.move(window.pos() + QPoint(x - frame.left(), y - frame.top()))


class ScrolledBody(QScrollArea):
    def sizeHint(self) -> QSize:
        # QScrollArea asks for at most 36×24 lines of text: a form would scroll on a screen
        # with room for all of it. The vertical bar's width is asked for too, so that when it
        # shows it never forces a horizontal one.
        bar = self.verticalScrollBar().sizeHint().width()
        return self.widget().sizeHint() + QSize(bar, 0)


def scrolled(body: QWidget | QLayout) -> QScrollArea:
    """A form's fields in a scroll area without a frame: it asks for the room of the whole form
    and scrolls when the screen (or a large font) leaves less, so that the buttons kept outside
    it stay in sight."""
    if isinstance(body, QLayout):
        holder = QWidget()
        holder.setLayout(body)
        body = holder
    area = ScrolledBody()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(body)
    return area
