"""The family tab of the child's file: parents, grandparents and carers, each in a small dialog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ...core.domain import vocab
from ...core.domain.child import Child, FamilyMember
from ...core.errors import FieldProblem
from .. import i18n
from ..models.records_model import RecordsModel
from ..widgets import (
    CodeCombo,
    DateField,
    ErrorLabel,
    FieldGrid,
    date_format_text,
    fit_to_screen,
    scrolled,
)
from .child_section import ChildSection

# The member's own problems, with field names relative to the member (`phone`, not members[0].phone)
MemberCheck = Callable[[FamilyMember], list[FieldProblem]]


def member_caption(field: str) -> str:
    captions = {
        "relation": QCoreApplication.translate("MemberDialog", "关系"),
        "name": QCoreApplication.translate("MemberDialog", "姓名"),
        "id_number": QCoreApplication.translate("MemberDialog", "身份证号"),
        "birth_date": QCoreApplication.translate("MemberDialog", "出生日期"),
        "phone": QCoreApplication.translate("MemberDialog", "联系电话"),
        "work_place": QCoreApplication.translate("MemberDialog", "务工地"),
        "situation": QCoreApplication.translate("MemberDialog", "状况"),
        "entrust_signed_on": QCoreApplication.translate("MemberDialog", "签订日期"),
        "kinship": QCoreApplication.translate("MemberDialog", "与儿童关系"),
        "address": QCoreApplication.translate("MemberDialog", "居住地址"),
        "left_on": QCoreApplication.translate("MemberDialog", "外出时间"),
    }
    return captions.get(field, field)


class MemberDialog(QDialog):
    def __init__(self, member: FamilyMember, check: MemberCheck, parent=None) -> None:
        super().__init__(parent)
        self.member = member
        self._check = check
        self.setWindowTitle(self.tr("家庭成员或照护人"))
        # A 祖父/外祖父 an earlier version stored stays what it was until someone says which side.
        old = (member.relation,) if member.relation in vocab.OLD_RELATIONS else ()
        self.relation = CodeCombo("relation", vocab.RELATIONS + old)
        self.name = QLineEdit()
        self.kinship = QLineEdit()
        self.kinship.setPlaceholderText(self.tr("如：舅舅"))
        self.address = QLineEdit()
        self.left_on = DateField()
        self.id_number = QLineEdit()
        self.birth_date = DateField()
        self.phone = QLineEdit()
        self.work_place = QLineEdit()
        self.situation = CodeCombo("situation", vocab.SITUATIONS)
        self.guardian_capable = QCheckBox(self.tr("有监护能力"))
        self.entrust_signed = QCheckBox(self.tr("已签订委托监护确认书"))
        self.entrust_signed_on = DateField()
        self.grid = FieldGrid(check=self._problems)
        for field, widget in (
            ("relation", self.relation), ("kinship", self.kinship), ("name", self.name),
            ("id_number", self.id_number), ("birth_date", self.birth_date),
            ("phone", self.phone), ("address", self.address), ("work_place", self.work_place),
            ("situation", self.situation), ("left_on", self.left_on),
        ):  # fmt: skip
            self.grid.add(field, member_caption(field), widget)
        self.grid.add("guardian_capable", self.tr("监护能力"), self.guardian_capable)
        self.grid.add("entrust_signed", self.tr("委托监护"), self.entrust_signed)
        self.grid.add("entrust_signed_on", member_caption("entrust_signed_on"),
                      self.entrust_signed_on)  # fmt: skip
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(self.grid))
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(640, 520))
        self._load(member)

    def _load(self, m: FamilyMember) -> None:
        self.relation.set_code(m.relation)
        self.kinship.setText(m.kinship)
        self.address.setText(m.address)
        self.left_on.set_value(m.left_on)
        self.name.setText(m.name)
        self.id_number.setText(m.id_number)
        self.birth_date.set_value(m.birth_date)
        self.phone.setText(m.phone)
        self.work_place.setText(m.work_place)
        self.situation.set_code(m.situation)
        self.guardian_capable.setChecked(m.guardian_capable)
        self.entrust_signed.setChecked(m.entrust_signed)
        self.entrust_signed_on.set_value(m.entrust_signed_on)

    def edited(self) -> FamilyMember:
        return replace(
            self.member,
            relation=self.relation.code(),
            kinship=self.kinship.text().strip(),
            address=self.address.text().strip(),
            left_on=self.left_on.value(),
            name=self.name.text().strip(),
            id_number=self.id_number.text().strip(),
            birth_date=self.birth_date.value(),
            phone=self.phone.text().strip(),
            work_place=self.work_place.text().strip(),
            situation=self.situation.code(),
            guardian_capable=self.guardian_capable.isChecked(),
            entrust_signed=self.entrust_signed.isChecked(),
            entrust_signed_on=self.entrust_signed_on.value(),
        )

    def accept(self) -> None:
        """Refused, with each message beside its field, until the member is right."""
        problems = self._problems()
        for field, error in self.grid.errors.items():
            error.show_text(problems.get(field, ""))
        if not problems:
            self.member = self.edited()
            super().accept()

    def _problems(self) -> dict[str, str]:
        """Each wrong field's words: an unreadable date, then what the member's checks find."""
        found = {p.field: i18n.problem_text(p) for p in self._check(self.edited())}
        for field, widget in (("birth_date", self.birth_date), ("left_on", self.left_on),
                              ("entrust_signed_on", self.entrust_signed_on)):  # fmt: skip
            if not widget.is_valid():
                found[field] = date_format_text()
        return found


class FamilySection(ChildSection):
    def __init__(self, check: MemberCheck, parent=None) -> None:
        super().__init__(parent)
        self._check = check
        self.model = RecordsModel(
            [self.tr("关系"), self.tr("姓名"), self.tr("状况"), self.tr("联系电话"),
             self.tr("务工地"), self.tr("监护能力"), self.tr("委托监护确认书")],
            self._cells,
            self,
        )  # fmt: skip
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda _index: self.edit_member())
        self.error = ErrorLabel()
        self.grid.errors["members"] = self.error
        self.add_button = QPushButton(self.tr("添加成员"))
        self.edit_button = QPushButton(self.tr("修改"))
        self.remove_button = QPushButton(self.tr("删除"))
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_member)
        self.remove_button.clicked.connect(self.remove_member)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = self.body
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def load(self, child: Child) -> None:
        self.model.set_rows(child.members)

    def apply(self, child: Child) -> Child:
        return replace(child, members=self.model.records())

    def show_problems(self, problems: list[tuple[int, FieldProblem]]) -> None:
        """Problems of members, by row: the rows turn red and the messages are listed."""
        members = self.model.records()
        lines = [
            self.tr("第 %1 人（%2）：").replace("%1", str(i + 1)).replace("%2", members[i].name)
            + member_caption(p.field) + " " + i18n.problem_text(p)
            for i, p in problems
        ]  # fmt: skip
        self.error.show_text("\n".join(lines))
        self.model.mark({i for i, _ in problems})

    def add_member(self) -> None:
        self._open(FamilyMember(relation="father", name=""), None)

    def edit_member(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self._open(self.model.records()[row], row)

    def remove_member(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self.model.remove(row)
            self._changed()

    def _open(self, member: FamilyMember, row: int | None) -> None:
        dialog = MemberDialog(member, self._check, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.model.put(row, dialog.member)
        self._changed()

    def _changed(self) -> None:
        self.error.clear_text()
        self.changed.emit()

    def _cells(self, m: FamilyMember) -> list[str]:
        yes, no = self.tr("是"), self.tr("否")
        signed = (m.entrust_signed_on.isoformat() if m.entrust_signed_on else yes) if (
            m.entrust_signed) else no  # fmt: skip
        relation = i18n.label("relation", m.relation) + (f"（{m.kinship}）" if m.kinship else "")
        return [relation, m.name, i18n.label("situation", m.situation),
                m.phone, m.work_place, yes if m.guardian_capable else no,
                signed]  # fmt: skip
