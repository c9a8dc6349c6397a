"""The first-run wizard: who this station is, the passphrase, and the recovery code shown once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ...core.domain.station_setup import check_passphrase_strength, check_setup
from ...core.errors import CoreError, ValidationFailed
from .. import i18n
from ..tasks import Tasks
from ..widgets import FieldGrid, plain_label

ROLES = ("village", "town", "county")


class StationPage(QWizardPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("本站信息"))
        self.setSubTitle(
            self.tr("请填写本站的级别、统计用区划代码、名称和儿童主任（督导员）姓名。")
        )
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(i18n.label("role", role), role)
        self.division = QLineEdit()
        self.division.setMaxLength(12)
        self.division.setPlaceholderText(self.tr("村 12 位，镇 9 位，县 6 位"))
        self.station_name = QLineEdit()
        self.officer = QLineEdit()
        self.grid = FieldGrid(self)
        self.grid.add("role", self.tr("级别"), self.role)
        self.grid.add("division", self.tr("区划代码"), self.division)
        self.grid.add("name", self.tr("本站名称"), self.station_name)
        self.grid.add("officer", self.tr("负责人姓名"), self.officer)
        self.division.textEdited.connect(lambda _text: self.grid.errors["division"].clear_text())

    def values(self) -> tuple[str, str, str, str]:
        return (self.role.currentData(), self.division.text().strip(),
                self.station_name.text(), self.officer.text())  # fmt: skip

    def validatePage(self) -> bool:
        for error in self.grid.errors.values():
            error.clear_text()
        problems = check_setup(*self.values())
        for problem in problems:
            self.grid.errors[problem.field].show_text(i18n.problem_text(problem))
        return not problems


class PassphrasePage(QWizardPage):
    """Creating the store derives a key, which takes a moment: it runs on the write queue."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("设置密码"))
        self.setSubTitle(self.tr("儿童信息加密保存。每次打开程序都要输入这个密码，至少 8 位。"))
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.grid = FieldGrid(self)
        self.grid.add("first", self.tr("密码"), self.first)
        self.grid.add("second", self.tr("再输一次"), self.second)
        self.status = plain_label()
        self.grid.addWidget(self.status, 2, 0, 1, 3)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("创建"))

    def validatePage(self) -> bool:
        if self._wizard.setup is not None:
            return True
        for error in self.grid.errors.values():
            error.clear_text()
        passphrase = self.first.text()
        try:
            check_passphrase_strength(passphrase)
        except CoreError as err:
            self.grid.errors["first"].show_text(i18n.error_text(err))
            return False
        if passphrase != self.second.text():
            self.grid.errors["second"].show_text(i18n.message("passphrase_mismatch"))
            return False
        if not self._wizard.busy:
            self._wizard.create(passphrase)
        return False


class RecoveryPage(QWizardPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("恢复码"))
        self.setSubTitle(self.tr("忘记密码时，只有这个恢复码能打开数据。它只显示这一次。"))
        self.code = plain_label()
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.code.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.code.setFont(font)
        note = plain_label(
            self.tr(
                "请把恢复码抄下或打印出来，和本站的名称一起放进村（居）委会的保险柜。"
                "不要保存在这台电脑上，也不要拍照发到群里。"
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code)
        layout.addWidget(note)
        layout.addStretch(1)

    def initializePage(self) -> None:
        setup = self.wizard().setup
        self.code.setText(setup.recovery_code if setup else "")


class SetupWizard(QWizard):
    """Creates the store; `store` and `setup` are set once it exists."""

    def __init__(self, store_path: Path, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.store_path = store_path
        self.tasks = tasks
        self.store = None  # the new Store, once made
        self.setup = None  # its SetupResult: the recovery code to show once
        self.busy = False
        self.setWindowTitle(self.tr("儿童关爱服务 — 首次设置"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.station_page = StationPage()
        self.passphrase_page = PassphrasePage(self)
        self.recovery_page = RecoveryPage()
        for page in (self.station_page, self.passphrase_page, self.recovery_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.resize(760, 520)

    def create(self, passphrase: str) -> None:
        role, code, name, officer = self.station_page.values()
        self._set_busy(True)
        self.tasks.write(
            lambda: _init_station(self.store_path, passphrase, role, code, name, officer),
            self._created,
            self._failed,
            ended=lambda: self._set_busy(False),
        )

    def _created(self, outcome: tuple) -> None:
        self.store, self.setup = outcome
        self.next()

    def _failed(self, error: CoreError) -> None:
        if isinstance(error, ValidationFailed):
            self.restart()
            self.station_page.validatePage()
        else:
            self.passphrase_page.status.setText(i18n.error_text(error))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.passphrase_page.status.setText(self.tr("正在创建加密数据……") if busy else "")
        for which in (QWizard.WizardButton.CommitButton, QWizard.WizardButton.CancelButton):
            self.button(which).setEnabled(not busy)


def _init_station(*args):
    # Imported on the worker thread: the store layer loads while the key is derived.
    from ...core.services.station import init_station

    return init_station(*args)
