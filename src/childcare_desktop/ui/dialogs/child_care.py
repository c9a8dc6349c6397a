"""The care tabs of the child's file: categories and guardianship, assistance and notes.

Beside the categories, what the file's facts say of them (`eligibility`): a category held that
they no longer support, and one they support that is not held; a category ticked against them
needs its reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ...core.domain import vocab
from ...core.domain.categories import CATEGORY_CODES, CategorySpan
from ...core.domain.child import Assistance, Child
from ...core.domain.eligibility import assess
from .. import i18n
from ..models.records_model import RecordsModel
from ..widgets import (
    CodeCombo,
    DateField,
    ErrorLabel,
    FieldGrid,
    date_format_text,
    fit_to_screen,
    plain_label,
    scrolled,
)
from .child_section import ChildSection

SetCategories = Callable[[Child, list[str], str], Child]


class CareSection(ChildSection):
    """Categories are ticked for today; the service turns the ticks into dated spans."""

    def __init__(self, set_categories: SetCategories, today, parent=None) -> None:
        super().__init__(parent)
        self._set_categories = set_categories
        self._today = today
        self.boxes = {code: QCheckBox(i18n.label("category", code)) for code in CATEGORY_CODES}
        ticks = QGridLayout()
        for i, box in enumerate(self.boxes.values()):
            ticks.addWidget(box, i // 3, i % 3)
        self.category_error = ErrorLabel()
        self.facts = plain_label()
        self.facts.setWordWrap(True)
        self.category_reason = QLineEdit()
        self.category_reason.setPlaceholderText(self.tr("勾选与档案事实不符的类别时，写明理由"))
        self.history = plain_label()
        self.history.setWordWrap(True)
        group = QGroupBox(self.tr("儿童类别（可多选）"))
        group_layout = QVBoxLayout(group)
        group_layout.addLayout(ticks)
        group_layout.addWidget(self.category_error)
        group_layout.addWidget(self.facts)
        reason_row = QHBoxLayout()
        reason_row.addWidget(plain_label(self.tr("类别理由")))
        reason_row.addWidget(self.category_reason, 1)
        group_layout.addLayout(reason_row)
        group_layout.addWidget(self.history)
        self.grid.errors["categories"] = self.category_error
        for box in self.boxes.values():
            box.toggled.connect(lambda _on: self.grid.recheck("categories"))
        self.guardianship = CodeCombo("guardianship", vocab.GUARDIANSHIP, blank=i18n.label(
            "guardianship", ""))  # fmt: skip
        self.risk_override = CodeCombo("risk", vocab.RISKS, blank=self.tr("按规则判定"))
        self.risk_override_reason = QLineEdit()
        self.consent_on = DateField()
        self.consent_by = QLineEdit()
        g = self.grid
        g.add("guardianship", self.tr("监护情况"), self.guardianship)
        g.add("risk_override", self.tr("风险等级（人工调整）"), self.risk_override)
        g.add("risk_override_reason", self.tr("调整理由"), self.risk_override_reason)
        g.add("consent_on", self.tr("监护人同意建档日期"), self.consent_on)
        g.add("consent_by", self.tr("同意人"), self.consent_by)
        layout = self.body
        layout.addWidget(group)
        layout.addLayout(g)
        layout.addStretch(1)
        self.watch(*self.boxes.values(), self.category_reason, self.guardianship,
                   self.risk_override, self.risk_override_reason, self.consent_on,
                   self.consent_by)  # fmt: skip

    def load(self, child: Child) -> None:
        today = self._today()
        held = {s.code for s in child.categories if s.holds_on(today)}
        for code, box in self.boxes.items():
            box.setChecked(code in held)
        self.category_reason.clear()
        self.history.setText(self._history_text(child.categories))
        self.show_facts(child)
        self.guardianship.set_code(child.guardianship)
        self.risk_override.set_code(child.risk_override)
        self.risk_override_reason.setText(child.risk_override_reason)
        self.consent_on.set_value(child.consent_on)
        self.consent_by.setText(child.consent_by)

    def apply(self, child: Child) -> Child:
        ticked = [code for code, box in self.boxes.items() if box.isChecked()]
        child = self._set_categories(child, ticked, self.category_reason.text())
        return replace(
            child,
            guardianship=self.guardianship.code(),
            risk_override=self.risk_override.code(),
            risk_override_reason=self.risk_override_reason.text().strip(),
            consent_on=self.consent_on.value(),
            consent_by=self.consent_by.text().strip(),
        )

    def date_fields(self) -> dict[str, DateField]:
        return {"consent_on": self.consent_on}

    def show_facts(self, child: Child) -> None:
        """What the facts of `child` (as the form holds it) say of its categories."""
        today = self._today()
        held = {s.code: s.reason for s in child.categories if s.holds_on(today)}
        against, perhaps = [], []  # what no longer fits first: it is the one to act on
        for verdict in assess(child, today).values():
            category = i18n.label("category", verdict.code)
            fact = i18n.label("category_fact", verdict.reason)
            if verdict.code in held and not verdict.supported:
                line = self.tr("不再符合%1：%2").replace("%1", category).replace("%2", fact)
                if held[verdict.code]:  # the officer's reason, said beside it
                    line += self.tr("（理由：%1）").replace("%1", held[verdict.code])
                against.append(line)
            elif verdict.code not in held and verdict.supported:
                perhaps.append(
                    self.tr("可能属于%1：%2").replace("%1", category).replace("%2", fact)
                )
        self.facts.setText("\n".join(against + perhaps))

    def _history_text(self, spans: tuple[CategorySpan, ...]) -> str:
        if not spans:
            return ""
        lines = [self.tr("类别记录：")]
        for span in sorted(spans, key=lambda s: (s.start, s.code)):
            end = span.end.isoformat() if span.end else self.tr("至今")
            reason = self.tr("（理由：%1）").replace("%1", span.reason) if span.reason else ""
            label = i18n.label("category", span.code)
            lines.append(f"{label}  {span.start.isoformat()} — {end}{reason}")
        return "\n".join(lines)


class AssistanceDialog(QDialog):
    def __init__(self, item: Assistance, parent=None) -> None:
        super().__init__(parent)
        self.item = item
        self.setWindowTitle(self.tr("救助"))
        self.kind = CodeCombo("assistance", vocab.ASSISTANCE)
        self.kind.set_code(item.kind)
        self.amount = QDoubleSpinBox()
        self.amount.setRange(0, 100_000)
        self.amount.setDecimals(2)
        self.amount.setSuffix(self.tr(" 元/月"))
        self.amount.setValue(item.amount_month)
        self.start = DateField()
        self.start.set_value(item.start)
        self.end = DateField()
        self.end.set_value(item.end)
        self.note = QLineEdit(item.note)
        self.grid = FieldGrid()
        self.grid.add("kind", self.tr("救助类别"), self.kind)
        self.grid.add("amount_month", self.tr("每月金额"), self.amount)
        self.grid.add("start", self.tr("开始日期"), self.start)
        self.grid.add("end", self.tr("结束日期"), self.end)
        self.grid.add("note", self.tr("说明"), self.note)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(self.grid))
        layout.addWidget(buttons)
        fit_to_screen(self)

    def accept(self) -> None:
        bad = False
        for field, widget in (("start", self.start), ("end", self.end)):
            self.grid.errors[field].show_text("" if widget.is_valid() else date_format_text())
            bad = bad or not widget.is_valid()
        start, end = self.start.value(), self.end.value()
        if start and end and end < start:
            self.grid.errors["end"].show_text(i18n.message("end_before_start"))
            bad = True
        if bad:
            return
        self.item = replace(self.item, kind=self.kind.code(), amount_month=self.amount.value(),
                            start=start, end=end, note=self.note.text().strip())  # fmt: skip
        super().accept()


class AssistanceNotesSection(ChildSection):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = RecordsModel(
            [self.tr("救助类别"), self.tr("每月金额（元）"), self.tr("开始"), self.tr("结束"),
             self.tr("说明")],
            lambda a: [i18n.label("assistance", a.kind), f"{a.amount_month:.2f}",
                       a.start.isoformat() if a.start else "",
                       a.end.isoformat() if a.end else "", a.note],
            self,
        )  # fmt: skip
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda _index: self.edit_item())
        add, edit, remove = (QPushButton(self.tr("添加救助")), QPushButton(self.tr("修改")),
                             QPushButton(self.tr("删除")))  # fmt: skip
        add.clicked.connect(lambda: self._open(Assistance(kind="dibao"), None))
        edit.clicked.connect(self.edit_item)
        remove.clicked.connect(self.remove_item)
        buttons = QHBoxLayout()
        for button in (add, edit, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        layout = self.body
        layout.addWidget(plain_label(self.tr("救助情况")))
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        layout.addWidget(plain_label(self.tr("备注")))
        layout.addWidget(self.notes, 1)
        self.watch(self.notes)

    def load(self, child: Child) -> None:
        self.model.set_rows(child.assistance)
        self.notes.setPlainText(child.notes)

    def apply(self, child: Child) -> Child:
        return replace(child, assistance=self.model.records(), notes=self.notes.toPlainText())

    def edit_item(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self._open(self.model.records()[row], row)

    def remove_item(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self.model.remove(row)
            self.changed.emit()

    def _open(self, item: Assistance, row: int | None) -> None:
        dialog = AssistanceDialog(item, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.model.put(row, dialog.item)
        self.changed.emit()
