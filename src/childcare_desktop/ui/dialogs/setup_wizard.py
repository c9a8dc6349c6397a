"""The first-run wizard: who this station is and where its data is kept (this PC, or a county's
shared PostgreSQL server), the passphrase, the recovery code shown once (to copy, print or save as
a one-page PDF) and two of its groups typed back from the paper."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...core.domain.station_setup import (
    check_passphrase_strength,
    check_setup,
    groups_to_confirm,
    recovery_group_matches,
)
from ...core.errors import CoreError, StoreError, ValidationFailed
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
        self._add_where()

    def _add_where(self) -> None:
        """This PC (the default, a village's and a town's way) or a shared server, whose address
        is checked as it is typed; the password never goes into it."""
        self.local = QRadioButton(self.tr("本机（加密数据文件）"))
        self.shared = QRadioButton(self.tr("共享服务器（PostgreSQL，县级多人同时使用）"))
        self.local.setChecked(True)
        where = QWidget()
        column = QVBoxLayout(where)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.local)
        column.addWidget(self.shared)
        self.grid.add("where", self.tr("数据保存在"), where)
        self.server = QLineEdit()
        self.server.setPlaceholderText(self.tr("postgresql://用户名@主机/数据库"))
        self.grid.add("server", self.tr("服务器地址"), self.server)
        row = self.grid.rowCount() - 1
        self.server_caption = self.grid.itemAtPosition(row, 0).widget()
        self.server_note = plain_label(
            self.tr(
                "数据库的密码请放在 PGPASSWORD 环境变量或 pgpass 文件里，不要写进地址。"
                "地址只保存在这台电脑上。"
            )
        )
        self.server_note.setWordWrap(True)
        self.grid.addWidget(self.server_note, self.grid.rowCount(), 1, 1, 2)
        self.server.textChanged.connect(lambda _text: self._check_server())
        self.shared.toggled.connect(self._show_server)
        self._show_server(False)

    def _show_server(self, shared: bool) -> None:
        for widget in (self.server_caption, self.server, self.server_note):
            widget.setVisible(shared)
        if shared:
            self.server.setFocus()
        else:
            self.grid.errors["server"].clear_text()

    def _check_server(self) -> bool:
        problem = server_problem(self.server.text().strip())
        self.grid.errors["server"].show_text(problem)
        return not problem

    def server_address(self) -> str | None:
        """The server's URL as typed, or None when the data is kept on this PC."""
        return self.server.text().strip() if self.shared.isChecked() else None

    def values(self) -> tuple[str, str, str, str]:
        return (self.role.currentData(), self.division.text().strip(),
                self.station_name.text(), self.officer.text())  # fmt: skip

    def validatePage(self) -> bool:
        for error in self.grid.errors.values():
            error.clear_text()
        problems = check_setup(*self.values())
        for problem in problems:
            self.grid.errors[problem.field].show_text(i18n.problem_text(problem))
        server_right = not self.shared.isChecked() or self._check_server()
        return not problems and server_right


def server_problem(address: str) -> str:
    """What is wrong with a server's address, in words, or "" when it may be used."""
    # Imported when first asked: the store layer would slow the wizard's first paint.
    from ...core.storage.server import is_server, server_url

    try:
        if not is_server(address):
            raise StoreError("server_url_bad", url=address)
        try:
            server_url(address)
        except ValueError:  # a port that is no number ("…@host:/db", as it is being typed)
            raise StoreError("server_url_bad", url=address) from None
    except StoreError as err:
        return i18n.error_text(err)
    return ""


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
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("恢复码"))
        self.setSubTitle(self.tr("忘记密码时，只有这个恢复码能打开数据。它只显示这一次。"))
        self.code = plain_label()
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.code.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.code.setFont(font)
        self.note = note = plain_label()
        note.setWordWrap(True)
        self.print_button = QPushButton(self.tr("打印/保存恢复码……"))
        self.print_button.clicked.connect(self.print_code)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addStretch(1)

    def initializePage(self) -> None:
        setup = self._wizard.setup
        self.code.setText(setup.recovery_code if setup else "")
        role = setup.station.role if setup else self._wizard.station_page.values()[0]
        self.note.setText(
            self.tr(
                "请把恢复码抄下或打印出来，和本站的名称一起放进%1的保险柜。"
                "不要保存在这台电脑上，也不要拍照发到群里。"
            ).replace("%1", i18n.label("station_office", role))
        )

    def print_code(self) -> None:
        """The one-page PDF in the report preview, which prints it or saves it where the
        officer chooses (a USB stick, to print elsewhere)."""
        # Imported when asked for: the preview's PDF renderer and the store layer would slow
        # the wizard's first paint.
        from ...core.services.station import print_recovery_code
        from .report_preview import make_and_preview

        setup = self._wizard.setup
        make_and_preview(
            self, self._wizard.tasks, self.tr("恢复码"), lambda out: print_recovery_code(setup, out)
        )


class ConfirmPage(QWizardPage):
    """Two groups of the code, chosen at random, typed back from the paper: the wizard goes on
    only when the code was really written down or printed."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.asked: tuple[int, int] = (1, 2)
        self.setTitle(self.tr("核对恢复码"))
        self.first = QLineEdit()
        self.second = QLineEdit()
        self.first_caption = plain_label()
        self.second_caption = plain_label()
        self.grid = FieldGrid(self)
        for field, edit in (("first", self.first), ("second", self.second)):
            edit.setMaxLength(12)
            self.grid.add(field, "", edit)
            edit.textEdited.connect(lambda _text, f=field: self.grid.errors[f].clear_text())

    def initializePage(self) -> None:
        setup = self._wizard.setup
        self.asked = groups_to_confirm(setup.recovery_code) if setup else (1, 2)
        self.setSubTitle(
            self.tr("请对照抄下或打印的恢复码，输入第 %1 组和第 %2 组。")
            .replace("%1", str(self.asked[0]))
            .replace("%2", str(self.asked[1]))
        )
        for row, number in enumerate(self.asked):
            caption = self.grid.itemAtPosition(row, 0).widget()
            caption.setText(self.tr("第 %1 组").replace("%1", str(number)))
        for edit in (self.first, self.second):
            edit.clear()
        for error in self.grid.errors.values():
            error.clear_text()

    def validatePage(self) -> bool:
        code = self._wizard.setup.recovery_code
        right = True
        for field, edit, number in zip(
            ("first", "second"), (self.first, self.second), self.asked, strict=True
        ):
            if recovery_group_matches(code, number, edit.text()):
                self.grid.errors[field].clear_text()
                continue
            right = False
            self.grid.errors[field].show_text(
                self.tr("与恢复码的第 %1 组不一致，请对照纸上的恢复码").replace("%1", str(number))
            )
        return right


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
        # 上一步 stays on the last page: an officer asked for two groups they did not copy goes
        # back to the code (the passphrase page before it is a commit page, not gone back to).
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.station_page = StationPage()
        self.passphrase_page = PassphrasePage(self)
        self.recovery_page = RecoveryPage(self)
        self.confirm_page = ConfirmPage(self)
        pages = (self.station_page, self.passphrase_page, self.recovery_page, self.confirm_page)
        for page in pages:
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.resize(760, 520)

    def create(self, passphrase: str) -> None:
        role, code, name, officer = self.station_page.values()
        server, path = self.station_page.server_address(), self.store_path
        self._set_busy(True)
        self.tasks.write(
            lambda: _init_station(path, passphrase, role, code, name, officer, server=server),
            self._created,
            self._failed,
            ended=lambda: self._set_busy(False),
        )

    def _created(self, outcome: tuple) -> None:
        self.store, self.setup = outcome
        # From here the store exists and its code is shown only in this window: it is not
        # left (Esc, the cross) before two groups were typed back from the paper.
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.next()

    def reject(self) -> None:
        if self.setup is not None:
            return
        super().reject()

    def _failed(self, error: CoreError) -> None:
        if isinstance(error, ValidationFailed):
            self.restart()
            self.station_page.validatePage()
        else:
            self.passphrase_page.status.setText(i18n.error_text(error))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        if not busy:
            text = ""
        elif self.station_page.server_address() is None:
            text = self.tr("正在创建加密数据……")
        else:
            text = self.tr("正在连接服务器，创建加密数据……")
        self.passphrase_page.status.setText(text)
        for which in (QWizard.WizardButton.CommitButton, QWizard.WizardButton.CancelButton):
            self.button(which).setEnabled(not busy)


def _init_station(*args, **kwargs):
    # Imported on the worker thread: the store layer loads while the key is derived.
    from ...core.services.station import init_station
    from ...core.services.team import ensure_station_officer

    store, setup = init_station(*args, **kwargs)
    ensure_station_officer(store)
    return store, setup
