"""The main window: the list of children, the actions on a file, and who this station is."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QToolBar

from ...core.domain.child import Child
from ...core.errors import CoreError
from ...core.services.children import Children
from ...core.services.station import StationInfo
from .. import i18n
from ..dialogs.child_form import ChildForm
from ..dialogs.close_file import CloseFileDialog
from ..tasks import Tasks
from ..widgets import plain_label
from .children_view import ChildrenView

_MNEMONIC = re.compile(r"\(&\w\)")


class MainWindow(QMainWindow):
    def __init__(self, children: Children, station: StationInfo, tasks: Tasks, parent=None):
        super().__init__(parent)
        self.children = children
        self.station = station
        self.form: ChildForm | None = None
        self.setWindowTitle(self.tr("儿童关爱服务") + " — " + station.name)
        self.view = ChildrenView(children, tasks)
        self.setCentralWidget(self.view)
        self.new_action = self._action(self.tr("新建档案(&N)"), QKeySequence.StandardKey.New)
        self.open_action = self._action(self.tr("打开档案(&O)"), QKeySequence.StandardKey.Open)
        self.close_file_action = self._action(self.tr("销档(&C)……"))
        self.reopen_action = self._action(self.tr("恢复在册(&R)"))
        self.find_action = self._action(self.tr("查找(&F)"), QKeySequence.StandardKey.Find)
        self.settings_action = self._action(self.tr("设置(&S)……"), QKeySequence("Ctrl+,"))
        self.quit_action = self._action(self.tr("退出(&Q)"), QKeySequence.StandardKey.Quit)
        self.new_action.triggered.connect(self.new_child)
        self.open_action.triggered.connect(self.open_current)
        self.close_file_action.triggered.connect(self.close_current)
        self.reopen_action.triggered.connect(self.reopen_current)
        self.find_action.triggered.connect(self._focus_search)
        self.quit_action.triggered.connect(self.close)
        self.view.open_requested.connect(self.open_child)
        self.view.current_changed.connect(self._update_actions)
        self._build_menus()
        who = self.tr("本站：%1（%2）    负责人：%3")
        who = who.replace("%1", station.name).replace("%2", station.code)
        self.statusBar().addWidget(plain_label(who.replace("%3", station.officer)))
        self.resize(1200, 760)
        self._update_actions()
        self.view.refresh()
        self.view.search.setFocus()

    def new_child(self) -> None:
        village = self.station.code if self.station.role == "village" else ""
        self._open_form(Child(name="", sex="", birth_date=None, village_code=village), True)

    def open_current(self) -> None:
        uuid = self.view.current_uuid()
        if uuid:
            self.open_child(uuid)

    def open_child(self, uuid: str) -> None:
        try:
            child = self.children.get(uuid)
        except CoreError as err:
            self._warn(err)
            return
        self._open_form(child, False)

    def close_current(self) -> None:
        row = self.view.current_row()
        if row is None or row.status != "active":
            return
        dialog = CloseFileDialog(row.name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            reason, note = dialog.reason.code(), dialog.note.text()
            self._change(lambda: self.children.close(row.uuid, reason, note))

    def reopen_current(self) -> None:
        row = self.view.current_row()
        if row is not None and row.status == "closed":
            self._change(lambda: self.children.reopen(row.uuid))

    def _open_form(self, child: Child, is_new: bool) -> None:
        village_fixed = self.station.role == "village"
        self.form = ChildForm(self.children, child, village_fixed, is_new, self)
        self.form.saved.connect(self.view.refresh)
        self.form.finished.connect(self._form_closed)
        self.form.open()

    def _form_closed(self) -> None:
        if self.form is not None:
            self.form.deleteLater()
            self.form = None
        self.view.table.setFocus()

    def _change(self, change) -> None:
        try:
            child = change()
        except CoreError as err:
            self._warn(err)
            return
        self.view.refresh(child.uuid)

    def _warn(self, err: CoreError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("出错了"), i18n.error_text(err),
                          QMessageBox.StandardButton.Ok, self)  # fmt: skip
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def _update_actions(self) -> None:
        row = self.view.current_row()
        self.open_action.setEnabled(row is not None)
        self.close_file_action.setEnabled(row is not None and row.status == "active")
        self.reopen_action.setEnabled(row is not None and row.status == "closed")

    def _focus_search(self) -> None:
        self.view.search.setFocus()
        self.view.search.selectAll()

    def _action(self, text: str, shortcut=None) -> QAction:
        action = QAction(text, self)
        # The toolbar shows the words without the menu's "(&N)" mnemonic.
        action.setIconText(_MNEMONIC.sub("", text))
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def _build_menus(self) -> None:
        files = self.menuBar().addMenu(self.tr("档案(&F)"))
        for action in (self.new_action, self.open_action, self.close_file_action,
                       self.reopen_action):  # fmt: skip
            files.addAction(action)
        files.addSeparator()
        files.addAction(self.quit_action)
        tools = self.menuBar().addMenu(self.tr("工具(&T)"))
        tools.addAction(self.find_action)
        tools.addAction(self.settings_action)
        bar = QToolBar(self.tr("工具栏"))
        bar.setObjectName("main_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setMovable(False)
        for action in (self.new_action, self.open_action, self.close_file_action,
                       self.reopen_action, self.settings_action):  # fmt: skip
            bar.addAction(action)
        self.addToolBar(bar)
