"""The dashboard's two charts, drawn with QPainter in the window's own font (no chart library):
a bar per village (or town) of its children owed a visit, split by how the visits went, and
twelve months of children visited on time. A click on a part of a bar asks for the list behind
it; a click on a month, for that month."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...core.reports.dashboard_figures import STATE_COLOURS, STATES, DivisionFigures, TrendPoint
from .. import i18n

PAD = 6
AXIS = QColor("#606060")


class VillageBars(QWidget):
    """One row per division: its name, a bar of its children owed a visit in the month (on
    time, late, overdue, still to visit) and the number owed."""

    part_clicked = Signal(str, str)  # the division's code, the state clicked

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("village_bars")
        self._rows: tuple[DivisionFigures, ...] = ()
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_rows(self, rows: tuple[DivisionFigures, ...]) -> None:
        self._rows = tuple(rows)
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + PAD

    def _legend_height(self) -> int:
        return self.fontMetrics().height() + 2 * PAD

    def sizeHint(self) -> QSize:
        return QSize(420, self._legend_height() + self._row_height() * max(1, len(self._rows)))

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def _layout(self) -> tuple[int, int, int]:
        """The x where bars start, their full width, and the most owed (the scale)."""
        metrics = self.fontMetrics()
        names = max((metrics.horizontalAdvance(r.name) for r in self._rows), default=0)
        numbers = metrics.horizontalAdvance("00000")
        left = names + 2 * PAD
        return (
            left,
            max(10, self.width() - left - numbers - 2 * PAD),
            max((r.due for r in self._rows), default=0),
        )

    def part_rect(self, code: str, state: str) -> QRect:
        """Where a division's part of a state is drawn (empty when it has none)."""
        for row, part, rect in self._parts():
            if row.code == code and part == state:
                return rect
        return QRect()

    def _parts(self):
        left, width, most = self._layout()
        top, height = self._legend_height(), self._row_height()
        for i, row in enumerate(self._rows):
            x = left
            y = top + i * height + PAD // 2
            for state in STATES:
                count = row.figure(state)
                length = round(width * count / most) if most else 0
                if count and length < 2:
                    length = 2  # a part with children in it stays visible, and clickable
                yield row, state, QRect(x, y, length, height - PAD)
                x += length

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        metrics = self.fontMetrics()
        self._paint_legend(painter)
        left = self._layout()[0]
        height = self._row_height()
        for i, row in enumerate(self._rows):
            y = self._legend_height() + i * height
            name = QRect(0, y, left - PAD, height)
            painter.setPen(self.palette().windowText().color())
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(name, align, row.name)
        ends: dict[str, int] = {}
        for row, state, rect in self._parts():
            if rect.width() > 0:
                painter.fillRect(rect, QColor(STATE_COLOURS[state]))
            ends[row.code] = rect.right()
        painter.setPen(self.palette().windowText().color())
        for i, row in enumerate(self._rows):
            y = self._legend_height() + i * height
            x = ends.get(row.code, left) + PAD
            painter.drawText(QRect(x, y, metrics.horizontalAdvance("00000") + PAD, height),
                             Qt.AlignmentFlag.AlignVCenter, str(row.due))  # fmt: skip
        painter.setPen(AXIS)
        bottom = self._legend_height() + height * len(self._rows)
        painter.drawLine(left - 1, self._legend_height(), left - 1, bottom)
        if not self._rows:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("无数据"))
        painter.end()

    def _paint_legend(self, painter: QPainter) -> None:
        metrics = self.fontMetrics()
        box = metrics.height() - 4
        x, y = PAD, PAD
        for state in STATES:
            painter.fillRect(QRect(x, y + 2, box, box), QColor(STATE_COLOURS[state]))
            x += box + PAD // 2
            text = i18n.label("dashboard_figure", state)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRect(x, y, metrics.horizontalAdvance(text) + 2, metrics.height()),
                             Qt.AlignmentFlag.AlignVCenter, text)  # fmt: skip
            x += metrics.horizontalAdvance(text) + 3 * PAD

    def _part_at(self, event: QMouseEvent):
        point = event.position().toPoint()
        for row, state, rect in self._parts():
            if rect.contains(point):
                return row, state
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        found = self._part_at(event)
        if found is not None and event.button() == Qt.MouseButton.LeftButton:
            self.part_clicked.emit(found[0].code, found[1])
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self._part_at(event)
        if found is None:
            QToolTip.hideText()
            self.unsetCursor()
        else:
            row, state = found
            words = f"{row.name} {i18n.label('dashboard_figure', state)} {row.figure(state)}"
            QToolTip.showText(event.globalPosition().toPoint(), words, self)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        super().mouseMoveEvent(event)


class TrendChart(QWidget):
    """Twelve months of children visited on time, a column each, the number above it."""

    month_clicked = Signal(str)  # YYYY-MM

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("trend_chart")
        self._points: tuple[TrendPoint, ...] = ()
        self._current = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_points(self, points: tuple[TrendPoint, ...], current: str = "") -> None:
        self._points, self._current = tuple(points), current
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 8 * self.fontMetrics().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 6 * self.fontMetrics().height())

    def column_rect(self, month: str) -> QRect:
        for point, rect in self._columns():
            if point.month == month:
                return rect
        return QRect()

    def _columns(self):
        line = self.fontMetrics().height()
        top, bottom = line + PAD, self.height() - line - PAD
        most = max((p.on_time for p in self._points), default=0)
        if not self._points:
            return
        step = (self.width() - 2 * PAD) / len(self._points)
        for i, point in enumerate(self._points):
            height = round((bottom - top) * point.on_time / most) if most else 0
            x = round(PAD + i * step + step * 0.15)
            yield point, QRect(x, bottom - height, max(2, round(step * 0.7)), height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = self.fontMetrics()
        line = metrics.height()
        bottom = self.height() - line - PAD
        text = self.palette().windowText().color()
        # Each month's label has its column's share of the axis: a word that does not fit
        # there (十一月 beside 十二月 on a narrow window) is shortened to its number.
        room = int((self.width() - 2 * PAD) / len(self._points)) if self._points else 0
        for point, rect in self._columns():
            current = point.month == self._current
            colour = QColor(STATE_COLOURS["on_time"])
            painter.fillRect(rect, colour.darker(130) if current else colour)
            painter.setPen(text)
            above = QRect(rect.x() - PAD, rect.y() - line, rect.width() + 2 * PAD, line)
            painter.drawText(above, Qt.AlignmentFlag.AlignCenter, str(point.on_time))
            middle = rect.center().x()
            below = QRect(middle - room // 2, bottom + 2, room, line)
            label = self.month_label(point.month, room)
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, label)
        painter.setPen(AXIS)
        painter.drawLine(PAD, bottom, self.width() - PAD, bottom)
        if not self._points:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("无数据"))
        painter.end()

    def month_label(self, month: str, room: int) -> str:
        """The month's word (十一月: "11月"), or its number alone where the word does not fit
        in `room` pixels with a gap to its neighbours."""
        number = str(int(month[5:]))
        word = self.tr("%1月").replace("%1", number)
        gap = self.fontMetrics().horizontalAdvance(" ")
        return word if self.fontMetrics().horizontalAdvance(word) + gap <= room else number

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        for found, rect in self._columns():
            wide = QRect(rect.x(), 0, rect.width(), self.height())
            if wide.contains(point) and event.button() == Qt.MouseButton.LeftButton:
                self.month_clicked.emit(found.month)
        super().mousePressEvent(event)
