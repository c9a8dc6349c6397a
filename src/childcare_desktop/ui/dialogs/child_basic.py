"""The first tabs of the child's file: who the child is, health and schooling."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QWidget

from ...core.domain import idnumber, vocab
from ...core.domain.child import Child
from .. import i18n
from ..widgets import CodeCombo, DateField
from .child_section import ChildSection


class CodeChecks(QWidget):
    """Boxes to tick among the codes of a vocabulary (以上选项可多选), kept as codes joined by
    commas in the vocabulary's order."""

    def __init__(self, kind: str, codes, parent=None) -> None:
        super().__init__(parent)
        self.boxes = {code: QCheckBox(i18n.label(kind, code)) for code in codes}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for box in self.boxes.values():
            row.addWidget(box)
        row.addStretch(1)

    def codes(self) -> str:
        return ",".join(code for code, box in self.boxes.items() if box.isChecked())

    def set_codes(self, codes: str) -> None:
        chosen = set(codes.split(","))
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)


class BasicSection(ChildSection):
    def __init__(self, village_fixed: bool, parent=None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.sex = CodeCombo("sex", vocab.SEXES, blank=self.tr("请选择"))
        self.ethnicity = QLineEdit()
        self.birth_date = DateField()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(24)
        self.no_id_reason = CodeCombo("no_id_reason", vocab.NO_ID_REASONS, blank="—")
        self.hukou_registered = QCheckBox(self.tr("已登记户口"))
        self.hukou_place = QLineEdit()
        self.hukou_type = CodeCombo("hukou_type", vocab.HUKOU_TYPES, blank="—")
        self.income_sources = CodeChecks("income_source", vocab.INCOME_SOURCES)
        self.current_address = QLineEdit()
        self.village_code = QLineEdit()
        self.village_code.setMaxLength(12)
        # A village station registers its own children only; a town or county chooses the village.
        self.village_code.setReadOnly(village_fixed)
        g = self.grid
        g.add("name", self.tr("姓名"), self.name)
        g.add("sex", self.tr("性别"), self.sex)
        g.add("ethnicity", self.tr("民族"), self.ethnicity)
        g.add("id_number", self.tr("身份证号"), self.id_number)
        g.add("no_id_reason", self.tr("无身份证号原因"), self.no_id_reason)
        g.add("birth_date", self.tr("出生日期"), self.birth_date)
        g.add("hukou_registered", self.tr("户籍"), self.hukou_registered)
        g.add("hukou_place", self.tr("户籍地"), self.hukou_place)
        g.add("hukou_type", self.tr("户籍性质"), self.hukou_type)
        g.add("current_address", self.tr("现住址"), self.current_address)
        g.add("income_sources", self.tr("家庭经济来源"), self.income_sources)
        g.add("village_code", self.tr("所属村（居）代码"), self.village_code)
        layout = self.body
        layout.addLayout(g)
        layout.addStretch(1)
        self.id_number.textEdited.connect(self._fill_from_id)
        self.watch(self.name, self.sex, self.ethnicity, self.birth_date, self.id_number,
                   self.no_id_reason, self.hukou_registered, self.hukou_place,
                   self.hukou_type, *self.income_sources.boxes.values(),
                   self.current_address, self.village_code)  # fmt: skip

    def load(self, child: Child) -> None:
        self.name.setText(child.name)
        self.sex.set_code(child.sex)
        self.ethnicity.setText(child.ethnicity)
        self.birth_date.set_value(child.birth_date)
        self.id_number.setText(child.id_number)
        self.no_id_reason.set_code(child.no_id_reason)
        self.hukou_registered.setChecked(child.hukou_registered)
        self.hukou_place.setText(child.hukou_place)
        self.hukou_type.set_code(child.hukou_type)
        self.income_sources.set_codes(child.income_sources)
        self.current_address.setText(child.current_address)
        self.village_code.setText(child.village_code)

    def apply(self, child: Child) -> Child:
        return replace(
            child,
            name=self.name.text(),
            sex=self.sex.code(),
            ethnicity=self.ethnicity.text().strip(),
            birth_date=self.birth_date.value(),
            id_number=self.id_number.text(),
            no_id_reason=self.no_id_reason.code(),
            hukou_registered=self.hukou_registered.isChecked(),
            hukou_place=self.hukou_place.text().strip(),
            hukou_type=self.hukou_type.code(),
            income_sources=self.income_sources.codes(),
            current_address=self.current_address.text().strip(),
            village_code=self.village_code.text().strip(),
        )

    def date_fields(self) -> dict[str, DateField]:
        return {"birth_date": self.birth_date}

    def _fill_from_id(self, text: str) -> None:
        """A valid number tells the birth date and sex: fill them when still empty."""
        result = idnumber.check(text)
        if not result.ok:
            return
        if not self.birth_date.text().strip():
            self.birth_date.set_value(result.birth_date)
        if not self.sex.code():
            self.sex.set_code(result.sex or "")


class HealthSchoolSection(ChildSection):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.health = CodeCombo("health", vocab.HEALTH)
        self.disability_type = QLineEdit()
        self.disability_grade = QLineEdit()
        self.illness = QLineEdit()
        self.schooling = CodeCombo("schooling", vocab.SCHOOLING)
        self.school = QLineEdit()
        self.boarding = QCheckBox(self.tr("住校"))
        g = self.grid
        g.add("health", self.tr("健康状况"), self.health)
        g.add("disability_type", self.tr("残疾类别"), self.disability_type)
        g.add("disability_grade", self.tr("残疾等级"), self.disability_grade)
        g.add("illness", self.tr("所患疾病"), self.illness)
        g.add("schooling", self.tr("就学情况"), self.schooling)
        g.add("school", self.tr("学校"), self.school)
        g.add("boarding", self.tr("寄宿"), self.boarding)
        layout = self.body
        layout.addLayout(g)
        layout.addStretch(1)
        self.watch(self.health, self.disability_type, self.disability_grade, self.illness,
                   self.schooling, self.school, self.boarding)  # fmt: skip

    def load(self, child: Child) -> None:
        self.health.set_code(child.health)
        self.disability_type.setText(child.disability_type)
        self.disability_grade.setText(child.disability_grade)
        self.illness.setText(child.illness)
        self.schooling.set_code(child.schooling)
        self.school.setText(child.school)
        self.boarding.setChecked(child.boarding)

    def apply(self, child: Child) -> Child:
        return replace(
            child,
            health=self.health.code(),
            disability_type=self.disability_type.text().strip(),
            disability_grade=self.disability_grade.text().strip(),
            illness=self.illness.text().strip(),
            schooling=self.schooling.code(),
            school=self.school.text().strip(),
            boarding=self.boarding.isChecked(),
        )
