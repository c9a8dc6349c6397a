"""The 同步 menu: enrollment, writing and reading batch files, conflicts."""

from __future__ import annotations

from PySide6.QtCore import QObject

from .base import add_menu, keep_open, make_action

# The sync dialogs (and the key and file code under them) load when first opened: a village
# syncs once a month.


class SyncActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.enroll_action = make_action(window, self.tr("登记与证书(&C)……"))
        self.export_action = make_action(window, self.tr("导出同步文件(&E)……"), "Ctrl+E")
        self.import_action = make_action(window, self.tr("导入同步文件(&I)……"))
        self.conflicts_action = make_action(window, self.tr("处理冲突(&F)……"))
        self.enroll_action.triggered.connect(self.enroll)
        self.export_action.triggered.connect(self.export)
        self.import_action.triggered.connect(self.import_files)
        self.conflicts_action.triggered.connect(self.conflicts)
        add_menu(
            window,
            self.tr("同步(&Y)"),
            [
                self.enroll_action,
                None,
                self.export_action,
                self.import_action,
                self.conflicts_action,
            ],
        )

    def enroll(self) -> None:
        from ..dialogs.sync_enroll import EnrollDialog

        w = self.window
        keep_open(w, EnrollDialog(w.store, w.tasks, w))

    def export(self) -> None:
        from ..dialogs.sync_export import ExportDialog

        w = self.window
        keep_open(w, ExportDialog(w.store, w.tasks, w))

    def import_files(self) -> None:
        from ..dialogs.sync_import import ImportDialog

        w = self.window
        keep_open(w, ImportDialog(w.store, w.tasks, w))

    def conflicts(self) -> None:
        from ..dialogs.conflicts import ConflictsDialog

        w = self.window
        keep_open(w, ConflictsDialog(w.store, w.tasks, w))
