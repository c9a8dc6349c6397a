"""A village officer's first day, typed like a person: set-up, a child's file, search, restart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QWizard

from childcare_desktop import words
from childcare_desktop.core.paths import store_path
from childcare_desktop.ui.dialogs.report_preview import ReportPreview
from childcare_desktop.ui.models.children_model import COL_NAME
from tests.conftest import PASSPHRASE
from tests.core.reports import poppler

from .conftest import (
    BOY_ID,
    listed_names,
    run_wizard,
    type_recovery_groups,
    type_text,
    unlock_with,
)


def test_wizard_shows_a_bad_division_code_beside_the_field(qtbot, make_app, data_dir):
    controller = make_app()
    wizard = controller.wizard
    page = wizard.station_page
    qtbot.keyClicks(page.division, "4414811032")  # ten digits: a village code has twelve
    type_text(qtbot, page.station_name, "新陂村")
    type_text(qtbot, page.officer, "李主任")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    error = page.grid.errors["division"]
    assert wizard.currentPage() is page
    assert error.isVisible()
    assert error.text() == words.message("division_length", "zh", length="12")
    qtbot.keyClicks(page.division, "01")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.passphrase_page


def test_wizard_refuses_a_short_or_mismatched_passphrase(qtbot, make_app):
    controller = make_app()
    wizard = controller.wizard
    page = wizard.station_page
    qtbot.keyClicks(page.division, "441481103201")
    type_text(qtbot, page.station_name, "新陂村")
    type_text(qtbot, page.officer, "李主任")
    wizard.next()
    pass_page = wizard.passphrase_page
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.keyClicks(pass_page.first, "short")
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert pass_page.grid.errors["first"].text() == words.message("passphrase_too_short", min="8")
    qtbot.keyClicks(pass_page.first, "-and-long")
    qtbot.keyClicks(pass_page.second, "something else")
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert pass_page.grid.errors["second"].text() == words.message("passphrase_mismatch")
    assert wizard.currentPage() is pass_page
    assert not store_path(controller.data).exists()


def test_set_up_add_a_child_find_it_and_find_it_again_after_a_restart(qtbot, make_app, data_dir):
    controller = make_app()
    window = run_wizard(qtbot, controller)
    assert "新陂村" in window.windowTitle()
    assert controller.wizard.setup.recovery_code in controller.wizard.recovery_page.code.text()

    window.new_action.trigger()
    form = window.form
    basic = form.basic
    type_text(qtbot, basic.name, "张小明")
    qtbot.keyClicks(basic.id_number, BOY_ID[:-1] + ("0" if BOY_ID[-1] != "0" else "1"))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    error = basic.errors["id_number"]
    assert error.isVisible()
    assert error.text() == words.message("id_checksum")
    assert form.isVisible()
    assert window.children.count() == 0

    basic.id_number.clear()
    qtbot.keyClicks(basic.id_number, BOY_ID)
    assert basic.birth_date.text() == "2015-06-01"  # filled from the number
    assert basic.sex.code() == "male"
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not error.isVisible()
    assert window.children.count() == 1
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()
    qtbot.waitUntil(lambda: listed_names(window) == ["张小明"])

    window.children.save(
        form.child.with_changes(uuid="other", name="李红", id_number="", no_id_reason="no_hukou",
                                members=(), sex="female")
    )  # fmt: skip
    window.view.refresh()
    qtbot.waitUntil(lambda: len(listed_names(window)) == 2)
    qtbot.keyClicks(window.view.search, "zxm")
    qtbot.waitUntil(lambda: listed_names(window) == ["张小明"])
    window.view.search.clear()
    qtbot.keyClicks(window.view.search, "lihong")
    qtbot.waitUntil(lambda: listed_names(window) == ["李红"])

    controller.shutdown()
    again = make_app()
    assert again.wizard is None
    unlock_with(qtbot, again)
    qtbot.waitUntil(lambda: again.window is not None)
    qtbot.waitUntil(lambda: sorted(listed_names(again.window)) == ["张小明", "李红"])
    row = again.window.view.model.row_record(listed_names(again.window).index("张小明"))
    assert row.id_masked != BOY_ID and row.id_masked.startswith(BOY_ID[:4])


def test_a_name_that_looks_like_html_shows_as_those_characters(qtbot, make_app):
    name = "<b>x</b><img src=y>"
    window = run_wizard(qtbot, make_app())
    window.new_action.trigger()
    form = window.form
    qtbot.keyClicks(form.basic.name, name)
    qtbot.keyClicks(form.basic.id_number, BOY_ID)
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.heading.text() == name
    showing = [label for label in form.findChildren(QLabel) if name in label.text()]
    assert showing
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in showing)
    form.reject()
    qtbot.waitUntil(lambda: listed_names(window) == [name])
    assert window.view.model.index(0, COL_NAME).data(Qt.ItemDataRole.DisplayRole) == name


def test_the_recovery_code_is_saved_as_a_page_and_two_of_its_groups_typed_back(
    qtbot, make_app, monkeypatch, tmp_path
):
    controller = make_app()
    wizard = controller.wizard
    page = wizard.station_page
    qtbot.keyClicks(page.division, "441481103201")
    type_text(qtbot, page.station_name, "新陂村")
    type_text(qtbot, page.officer, "李主任")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(wizard.passphrase_page.first, PASSPHRASE)
    qtbot.keyClicks(wizard.passphrase_page.second, PASSPHRASE)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page)
    code = wizard.setup.recovery_code

    # 打印/保存恢复码: the page in the report preview, saved where the officer chooses.
    qtbot.mouseClick(wizard.recovery_page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.findChild(ReportPreview) is not None)
    preview = wizard.findChild(ReportPreview)
    assert preview.page_count() == 1
    saved = tmp_path / "U盘" / "恢复码.pdf"
    saved.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(saved), ""))
    )
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert code in poppler.text(saved) and "新陂村" in poppler.text(saved)
    qtbot.mouseClick(preview.close_button, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    confirm = wizard.confirm_page
    assert wizard.currentPage() is confirm
    first, second = confirm.asked
    assert f"第 {first} 组和第 {second} 组" in confirm.subTitle()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    qtbot.keyClick(confirm.first, Qt.Key.Key_Escape)  # the code would be lost: not left so
    assert wizard.isVisible() and controller.window is None

    groups = code.split("-")
    wrong = groups[first - 1][:3] + ("2" if groups[first - 1][3] != "2" else "3")
    qtbot.keyClicks(confirm.first, wrong)
    qtbot.keyClicks(confirm.second, groups[second - 1].lower())  # case does not matter
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    refused = confirm.grid.errors["first"]
    assert wizard.currentPage() is confirm and controller.window is None
    assert refused.isVisible() and f"第 {first} 组" in refused.text()
    assert not confirm.grid.errors["second"].isVisible()

    qtbot.keyClick(confirm.first, Qt.Key.Key_Backspace)
    assert not refused.isVisible()  # the field is being typed again
    qtbot.keyClicks(confirm.first, groups[first - 1][3])

    # Not copied after all: back to the code, which is shown again, and no further back.
    back = wizard.button(QWizard.WizardButton.BackButton)
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.recovery_page
    assert code in wizard.recovery_page.code.text()
    assert not back.isVisible() or not back.isEnabled()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    type_recovery_groups(qtbot, wizard, code)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.window is not None)
    assert "新陂村" in controller.window.windowTitle()
