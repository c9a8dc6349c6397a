"""The form keeps every field the 2016 登记表 adds (民发〔2016〕42号 附件1): 户籍性质 and
家庭经济来源 on the first tab, and in the member dialog a carer's relation in words, the address
and the date a parent left; saved, a new form on the same file shows each again. A grandparent
an earlier version stored as 祖父/外祖父 stays so through the dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from childcare_desktop.core.domain.child import FamilyMember
from childcare_desktop.ui.dialogs.child_family import MemberDialog

from .conftest import type_text
from .test_child_form import children, open_form, saved_child  # noqa: F401 (fixtures)


def edited_member(qtbot, form, member: FamilyMember, kinship: str, address: str, left: str):
    dialog = MemberDialog(member, form._member_problems, form)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.kinship, kinship)
    type_text(qtbot, dialog.address, address)
    qtbot.keyClicks(dialog.left_on, left)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    return dialog.member


def test_the_form_saves_and_reopens_each_new_field(qtbot, tasks, children, saved_child):  # noqa: F811
    form = open_form(qtbot, tasks, children, saved_child)
    basic = form.basic
    basic.hukou_type.setFocus()
    basic.hukou_type.setCurrentIndex(basic.hukou_type.findData("agricultural"))
    for code in ("wages", "relatives"):
        box = basic.income_sources.boxes[code]
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert form.dirty
    father = edited_member(qtbot, form, FamilyMember("father", "王建军", situation="migrant"),
                           "", "", "2021-03-01")  # fmt: skip
    carer = edited_member(qtbot, form, FamilyMember("carer", "李国华"), "舅舅", "新陂村5组", "")
    grandma = FamilyMember("mat_grandma", "李玉珍", birth_date=date(1951, 4, 4))
    form.family.model.set_rows([father, carer, grandma])
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    saved = children.get(saved_child.uuid)
    assert (saved.hukou_type, saved.income_sources) == ("agricultural", "wages,relatives")
    assert [(m.relation, m.kinship, m.address, m.left_on) for m in saved.members] == [
        ("father", "", "", date(2021, 3, 1)),
        ("carer", "舅舅", "新陂村5组", None),
        ("mat_grandma", "", "", None),
    ]
    again = open_form(qtbot, tasks, children, saved)
    assert again.basic.hukou_type.currentText() == "农业"
    ticked = [c for c, box in again.basic.income_sources.boxes.items() if box.isChecked()]
    assert ticked == ["wages", "relatives"]
    cells = [again.family.model.index(r, 0).data() for r in range(3)]
    assert cells == ["父亲", "委托照护人（舅舅）", "外祖母"]
    reopened = MemberDialog(saved.members[1], again._member_problems, again)
    qtbot.addWidget(reopened)
    assert (reopened.kinship.text(), reopened.address.text()) == ("舅舅", "新陂村5组")
    reopened_father = MemberDialog(saved.members[0], again._member_problems, again)
    qtbot.addWidget(reopened_father)
    assert reopened_father.left_on.text() == "2021-03-01"


def test_a_date_left_ahead_of_today_is_refused_beside_its_field(
    qtbot,
    tasks,
    children,  # noqa: F811
    saved_child,  # noqa: F811
):
    form = open_form(qtbot, tasks, children, saved_child)
    dialog = MemberDialog(FamilyMember("mother", "李丽", situation="migrant"),
                          form._member_problems, form)  # fmt: skip
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.left_on, "2099-01-01")
    dialog.accept()
    assert dialog.grid.errors["left_on"].text() == "日期不能晚于今天"
    assert dialog.result() != dialog.DialogCode.Accepted


def test_a_grandfather_an_earlier_version_stored_keeps_his_relation(
    qtbot,
    tasks,
    children,  # noqa: F811
    saved_child,  # noqa: F811
):
    form = open_form(qtbot, tasks, children, saved_child)
    dialog = MemberDialog(FamilyMember("grandfather", "王德福"), form._member_problems, form)
    qtbot.addWidget(dialog)
    assert dialog.relation.currentText() == "祖父/外祖父"
    dialog.accept()
    assert dialog.member.relation == "grandfather"
