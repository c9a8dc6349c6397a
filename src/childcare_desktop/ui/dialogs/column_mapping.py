"""The columns of a sheet and what each means, as a person checks and changes them: the header's
row, a choice box per column offering the mapping's vocabulary (a ledger's, a department
list's), and whether the choices are those made for the same headers before."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.roster.mapping import Mapping
from .. import i18n
from ..widgets import plain_label

PAIRS_PER_LINE = 3
LINES_SHOWN = 5  # more columns than this scroll: the rows below matter more


class ColumnMappingBox(QGroupBox):
    field_chosen = Signal(int, str)  # column index, field key
    header_row_chosen = Signal(int)  # the Excel row the header starts at

    def __init__(self, remembered_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("列的对应关系（看不对可以改）"))
        self.combos: dict[int, QComboBox] = {}
        self._grid = QGridLayout()
        inner = QWidget()
        inner.setLayout(self._grid)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setWidget(inner)
        self.header_label = plain_label()
        self.remembered_label = plain_label(remembered_text)
        self.header_row = QSpinBox()
        # One string, split around the number: "第 3 行" in Chinese, "row 3" in English.
        prefix, _, suffix = self.tr("第 %1 行").partition("%1")
        self.header_row.setPrefix(prefix)
        self.header_row.setSuffix(suffix)
        self.header_row.setKeyboardTracking(False)  # typing 12 reads row 12, not row 1 first
        self.header_row.valueChanged.connect(self.header_row_chosen)
        caption = plain_label(self.tr("改表头所在的行(&H)："))
        caption.setBuddy(self.header_row)
        line = QHBoxLayout()
        line.addWidget(self.header_label)
        line.addWidget(self.remembered_label)
        line.addStretch(1)
        line.addWidget(caption)
        line.addWidget(self.header_row)
        layout = QVBoxLayout(self)
        layout.addLayout(line)
        layout.addWidget(self._scroll)

    def show_mapping(self, mapping: Mapping | None, rows: int = 1) -> None:
        """Show `mapping`'s columns (none: clear); `rows`: how many rows the sheet has."""
        grid = self._grid
        while grid.count():
            grid.takeAt(0).widget().deleteLater()
        self.combos = {}
        if mapping is None:
            self.header_label.clear()
            return
        header = self.tr("表头在第 %1 行").replace(
            "%1", i18n.join(str(n) for n in mapping.header_rows)
        )
        self.header_label.setText(header)
        self.remembered_label.setVisible(mapping.remembered)
        self.header_row.blockSignals(True)  # showing the row is not choosing it
        self.header_row.setRange(1, max(rows, 1))
        self.header_row.setValue(mapping.header_rows[0])
        self.header_row.blockSignals(False)
        vocabulary = mapping.vocabulary
        for place, column in enumerate(mapping.columns):
            line, pair = divmod(place, PAIRS_PER_LINE)
            combo = QComboBox()
            for key in vocabulary.keys:
                combo.addItem(vocabulary.field_label(key), key)
            combo.setCurrentIndex(max(combo.findData(column.field), 0))
            combo.currentIndexChanged.connect(
                lambda _i, index=column.index, c=combo: self.field_chosen.emit(
                    index, c.currentData()
                )
            )
            caption = plain_label(column.header + " →")
            caption.setBuddy(combo)
            grid.addWidget(caption, line, pair * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(combo, line, pair * 2 + 1)
            self.combos[column.index] = combo
        self._fit()

    def _fit(self) -> None:
        grid = self._grid
        lines = min(grid.rowCount(), LINES_SHOWN)
        line = QComboBox().sizeHint().height() + max(grid.verticalSpacing(), 0)
        margins = grid.contentsMargins().top() + grid.contentsMargins().bottom()
        frame = 2 * self._scroll.frameWidth()
        self._scroll.setFixedHeight(lines * line + margins + frame)
