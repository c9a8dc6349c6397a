"""The child's file (一人一档): tabs of fields, save with errors beside them, close and re-open;
with the care services at hand, a tab of its visits and care work."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ...core.domain.child import Child, FamilyMember
from ...core.domain.completeness import completed_by_edit, marked, to_complete
from ...core.domain.validation import WARNINGS, blocking
from ...core.errors import CoreError, FieldProblem, ValidationFailed
from ...core.services.care_work import CareWork
from ...core.services.children import Children
from .. import i18n
from ..tasks import CHILDREN, Changes, Tasks
from ..widgets import ErrorLabel, date_format_text, fit_to_screen, plain_label
from .child_basic import BasicSection, HealthSchoolSection
from .child_care import AssistanceNotesSection, CareSection
from .child_family import FamilySection
from .child_section import ChildSection
from .child_visits import ChildVisitsTab
from .close_file import CloseFileDialog

_MEMBER_FIELD = re.compile(r"^members\[(\d+)\]\.(.+)$")


class ChildForm(QDialog):
    """Edits one file; `saved` carries the uuid after each save, close or re-open, and after a
    visit or care record written from the visits tab. Every write goes through the one writer
    (an import may be writing): the form waits for it without holding the window."""

    saved = Signal(str)

    def __init__(
        self,
        children: Children,
        child: Child,
        village_fixed: bool,
        is_new: bool,
        parent=None,
        *,
        tasks: Tasks,
        work: CareWork | None = None,
        visitor: str = "",
    ) -> None:
        super().__init__(parent)
        self.children = children
        self.tasks = tasks
        self.writing = False
        self._focus: QWidget | None = None  # where the officer was when a write began
        self.child = child
        self.is_new = True
        self.dirty = False
        self.basic = BasicSection(village_fixed)
        self.health = HealthSchoolSection()
        self.family = FamilySection(self._member_problems)
        self.care = CareSection(children.set_categories, children.today)
        self.assistance = AssistanceNotesSection()
        self.sections: list[ChildSection] = [
            self.basic,
            self.health,
            self.family,
            self.care,
            self.assistance,
        ]
        self.tabs = QTabWidget()
        for section, title in zip(self.sections, (
            self.tr("基本信息"), self.tr("健康与就学"), self.tr("家庭成员与照护人"),
            self.tr("类别与监护"), self.tr("救助与备注"),
        ), strict=True):  # fmt: skip
            self.tabs.addTab(section, title)
            section.changed.connect(self._mark_dirty)
            section.grid.check = self._field_problems
        # The facts are in other tabs: the categories' tab says what they show when it opens.
        self.tabs.currentChanged.connect(self._tab_shown)
        self.visits: ChildVisitsTab | None = None
        if work is not None:
            self.visits = ChildVisitsTab(work, tasks, visitor)
            self.visits.changed.connect(self._care_changed)
            self.tabs.addTab(self.visits, self.tr("走访与关爱"))
        self.heading = plain_label()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.status = plain_label()
        # What a ledger left out (待补充): said until typed in, or confirmed as it stands.
        self.to_complete = plain_label()
        self.to_complete.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("已核实，不再提示"))
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self.confirm_details)
        self.confirmed = False
        details = QHBoxLayout()
        details.addWidget(self.to_complete, 1)
        details.addWidget(self.confirm_button)
        self.general_error = ErrorLabel()
        self.save_button = QPushButton(self.tr("保存"))
        self.close_file_button = QPushButton(self.tr("销档……"))
        self.reopen_button = QPushButton(self.tr("恢复在册"))
        self.leave_button = QPushButton(self.tr("关闭"))
        self.save_button.clicked.connect(lambda: self.save())  # not with `clicked`'s flag
        self.close_file_button.clicked.connect(self.close_file)
        self.reopen_button.clicked.connect(self.reopen)
        self.leave_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.close_file_button, self.reopen_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.leave_button.setAutoDefault(False)
        buttons.addWidget(self.leave_button)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addLayout(details)
        layout.addWidget(self.general_error)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, QSize(1000, 680))
        self.load(child, is_new)
        self.basic.name.setFocus()

    def load(self, child: Child, is_new: bool = False, with_visits: bool = True) -> None:
        self.child = child
        self.is_new = is_new
        self.confirmed = False
        for section in self.sections:
            section.load(child)
        self._clear_errors()
        self._show_header()
        self.dirty = False
        if self.visits is not None and with_visits:
            self.visits.show_child(child.uuid, child.name, saved=not is_new)

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Save when every field is right, then run `then`; otherwise show why beside each
        field and refuse (`then` does not run)."""
        if self.writing:
            return
        self._clear_errors()
        unreadable = {field for s in self.sections for field, w in s.date_fields().items()
                      if not w.is_valid()}  # fmt: skip
        child = self.edited()
        problems = [p for p in self.children.check(child) if p.field not in unreadable]
        self._show_problems(problems, unreadable)
        if unreadable or blocking(problems):
            return
        warnings = [p for p in problems if p.code in WARNINGS]
        children = self.children
        self._write(lambda: children.save(child), child.uuid, warnings, then)

    def edited(self) -> Child:
        child = self.child
        for section in self.sections:
            child = section.apply(child)
        if self.confirmed:
            return replace(child, to_complete="")
        return completed_by_edit(self.child, child)

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.care:
            self.care.show_facts(self.edited())

    def confirm_details(self) -> None:
        """The officer has checked the marked details as they stand: saving takes the marks off
        (a disability's type and grade stay asked for until they are typed)."""
        self.confirmed = True
        self._mark_dirty()
        self._show_to_complete(replace(self.child, to_complete=""))

    def close_file(self) -> None:
        if self.dirty:
            self.save(then=self.close_file)
            return
        dialog = CloseFileDialog(self.child.name, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        children, uuid = self.children, self.child.uuid
        reason, note = dialog.reason.code(), dialog.note.text()
        self._write(lambda: children.close(uuid, reason, note), uuid)

    def reopen(self) -> None:
        if self.dirty:
            self.save(then=self.reopen)
            return
        children, uuid = self.children, self.child.uuid
        self._write(lambda: children.reopen(uuid), uuid)

    def reject(self) -> None:
        """Leaving (Esc, the close button, the window's cross) asks first when edits are unsaved;
        while a save is being written, it waits for it."""
        if self.writing:
            return
        if self.dirty:
            choice = self._ask_unsaved()
            if choice == QMessageBox.StandardButton.Cancel:
                return
            if choice == QMessageBox.StandardButton.Save:
                self.save(then=super().reject)
                return
        super().reject()

    def _ask_unsaved(self) -> QMessageBox.StandardButton:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("未保存的修改"))
        box.setText(self.tr("这份档案有未保存的修改。要保存吗？"))
        Button = QMessageBox.StandardButton
        box.setStandardButtons(Button.Save | Button.Discard | Button.Cancel)
        box.button(Button.Save).setText(self.tr("保存"))
        box.button(Button.Discard).setText(self.tr("不保存"))
        box.button(Button.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(Button.Save)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        for which in (Button.Save, Button.Discard):
            if clicked is box.button(which):
                return which
        return Button.Cancel

    def _write(self, change, uuid: str, warnings=(), then=None) -> None:
        """One write of this file through the writer; the fields wait meanwhile, so that what
        is typed is not lost under the saved version."""
        self._set_writing(True)
        self.tasks.write(
            change,
            lambda child: self._written(child, warnings, then),
            self._refused,
            ended=lambda: self._set_writing(False),
            changes=Changes.of(CHILDREN, children=[uuid]),
        )

    def _written(self, child: Child, warnings, then) -> None:
        self.load(child)
        self._show_problems(list(warnings), set())
        self.saved.emit(child.uuid)
        if then is not None:
            then()

    def _refused(self, error: CoreError) -> None:
        if isinstance(error, ValidationFailed):
            self._show_problems(error.problems, set())
        else:
            self.general_error.show_text(i18n.error_text(error))

    def _set_writing(self, writing: bool) -> None:
        focus = self.focusWidget()
        self.writing = writing
        for widget in (self.tabs, self.save_button, self.confirm_button):
            widget.setEnabled(not writing)
        if writing:
            self._focus = focus
            self.close_file_button.setEnabled(False)
            self.reopen_button.setEnabled(False)
            return
        self._show_header()
        if self._focus is not None and isValid(self._focus):
            self._focus.setFocus()

    def _care_changed(self, uuid: str) -> None:
        """A visit may have reassessed the guardianship: the form takes the new grade, so that a
        later save does not put the old one back; other unsaved edits stay."""
        self.tasks.read(lambda: self.children.get(uuid), self._care_reread)
        self.saved.emit(uuid)

    def _care_reread(self, stored: Child) -> None:
        if self.dirty:
            self.care.guardianship.set_code(stored.guardianship)
        else:
            self.load(stored, with_visits=False)  # the tab has read its lists again itself

    def _mark_dirty(self) -> None:
        self.dirty = True

    def _member_problems(self, member: FamilyMember) -> list[FieldProblem]:
        """A member's own problems, checked on their own so that the dialog can point at them."""
        probe = replace(self.child, members=(member,))
        found = []
        for problem in blocking(self.children.check(probe)):
            match = _MEMBER_FIELD.match(problem.field)
            if match:
                found.append(FieldProblem(match[2], problem.code, problem.params))
        return found

    def _field_problems(self) -> dict[str, str]:
        """Each field's words as a save would find them now: a message beside a field that is
        being corrected stays while the field is wrong and goes once it is right."""
        unreadable = {field: date_format_text() for s in self.sections
                      for field, w in s.date_fields().items() if not w.is_valid()}  # fmt: skip
        found = {}
        for problem in self.children.check(self.edited()):
            field = "categories" if problem.field.startswith("categories[") else problem.field
            found[field] = i18n.problem_text(problem)  # the last, as a save shows it
        return found | unreadable

    def _show_problems(self, problems: list[FieldProblem], unreadable: set[str]) -> None:
        first_tab = None
        members: list[tuple[int, FieldProblem]] = []
        general: list[str] = []
        for field in unreadable:
            section = self._section_of(field)
            section.errors[field].show_text(date_format_text())
            first_tab = first_tab if first_tab is not None else self.sections.index(section)
        for problem in problems:
            match = _MEMBER_FIELD.match(problem.field)
            field = "categories" if problem.field.startswith("categories[") else problem.field
            section = self.family if match else self._section_of(field)
            if match:
                members.append((int(match[1]), FieldProblem(match[2], problem.code,
                                                            problem.params)))  # fmt: skip
            elif section is None:
                general.append(i18n.problem_text(problem))
            else:
                section.errors[field].show_text(i18n.problem_text(problem))
            if section is not None and first_tab is None and problem.code not in WARNINGS:
                first_tab = self.sections.index(section)
        if members:
            self.family.show_problems(members)
        if general:
            self.general_error.show_text("\n".join(general))
        if first_tab is not None:
            self.tabs.setCurrentIndex(first_tab)

    def _section_of(self, field: str) -> ChildSection | None:
        for section in self.sections:
            if field in section.errors:
                return section
        return None

    def _clear_errors(self) -> None:
        self.general_error.clear_text()
        for section in self.sections:
            for error in section.errors.values():
                error.clear_text()
        self.family.model.mark(set())

    def _show_to_complete(self, child: Child) -> None:
        details = to_complete(child)
        words = i18n.join(i18n.label("detail", key) for key in details)
        self.to_complete.setText(self.tr("待补充：") + words if details else "")
        self.to_complete.setVisible(bool(details))
        self.confirm_button.setVisible(bool(marked(child)))

    def _show_header(self) -> None:
        child = self.child
        name = child.name or self.tr("新建档案")
        self.heading.setText(name)
        self.setWindowTitle(self.tr("儿童档案") + " — " + name)
        if self.is_new:
            status = self.tr("新建，尚未保存")
        elif child.status == "closed":
            status = i18n.label("status", "closed") + self.tr("：") + i18n.label(
                "close_reason", child.close_reason)  # fmt: skip
            if child.closed_on:
                status += "  " + child.closed_on.isoformat()
            if child.close_note:
                status += "  " + child.close_note
        else:
            status = i18n.label("status", child.status)
        self.status.setText(self.tr("状态：") + status)
        self._show_to_complete(child)
        self.close_file_button.setEnabled(not self.is_new and child.status == "active")
        self.reopen_button.setEnabled(not self.is_new and child.status == "closed")
