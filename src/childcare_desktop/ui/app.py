"""The GUI's composition root: settings, language, font, set-up or unlock, then the list; the
idle lock, the checks and the daily backup after unlocking, and restoring a backup."""

from __future__ import annotations

import argparse
import importlib
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget

from ..core.errors import CoreError
from ..core.paths import data_dir as find_data_dir
from ..core.paths import store_path, ui_settings_path
from ..core.storage.examine import examine
from . import i18n, ui_settings
from .collect import collect_on_gui_thread
from .dialogs.unlock import UnlockDialog
from .lock import IdleWatcher
from .logbook import Logbook
from .tasks import Tasks

if TYPE_CHECKING:
    from ..core.services.safety import CheckReport
    from ..core.storage.store import Store
    from .dialogs.setup_wizard import SetupWizard
    from .lock import ScreenLock
    from .views.main_window import MainWindow

# Loaded while the officer types the passphrase, so that the first window shows at once
# (only Qt and a few small modules before it) and the main window is ready after unlocking.
PRELOAD_AFTER_MS = 100
AFTER_FIRST_WINDOW = (
    "childcare_desktop.ui.views.main_window",
    "childcare_desktop.ui.dialogs.settings",
    "childcare_desktop.core.services.safety",
    "childcare_desktop.ui.dialogs.passphrase",
    "childcare_desktop.ui.dialogs.audit_view",
    "childcare_desktop.ui.dialogs.backups",
)


def _load_in_background() -> None:
    def load() -> None:
        for name in AFTER_FIRST_WINDOW:
            importlib.import_module(name)

    threading.Thread(target=load, name="preload", daemon=True).start()


class AppController(QObject):
    """Owns the store and the windows; the first window is the wizard or the unlock dialog."""

    def __init__(self, app: QApplication, data: Path) -> None:
        super().__init__()
        self.app = app
        self.data = data
        self.logbook = Logbook(data)
        self.settings = ui_settings.load(ui_settings_path(data))
        self.tasks = Tasks(self)
        self.store: Store | None = None
        self.window: MainWindow | None = None
        self.wizard: SetupWizard | None = None
        self.unlock: UnlockDialog | None = None
        self.trouble: QMessageBox | None = None
        self.screen_lock: ScreenLock | None = None
        self.busy: QProgressDialog | None = None
        self.idle = IdleWatcher(app, self.settings.idle_minutes, self)
        self.idle.idle.connect(self.lock_now)
        i18n.set_language(self.settings.language)
        self.translator: QTranslator | None = i18n.install_translator(app, self.settings.language)
        self.font_family = i18n.register_cjk_font()
        i18n.apply_font(app, self.font_family, self.settings.font_size)

    def start(self) -> None:
        path = store_path(self.data)
        # Loaded once the first window is up: loading sooner would slow its first paint.
        QTimer.singleShot(PRELOAD_AFTER_MS, _load_in_background)
        try:
            present = examine(path)
        except CoreError as error:
            self._say_store_trouble(error)
            return
        if present:
            self.unlock = UnlockDialog(path, self.tasks)
            self.unlock.accepted.connect(lambda: self._open_main(self.unlock.store))
            self.unlock.rejected.connect(self.app.quit)
            self.unlock.show()
        else:
            from .dialogs.setup_wizard import SetupWizard

            self.wizard = SetupWizard(path, self.tasks)
            self.wizard.accepted.connect(lambda: self._open_main(self.wizard.store))
            self.wizard.rejected.connect(self._wizard_cancelled)
            self.wizard.show()

    def _say_store_trouble(self, error: CoreError) -> None:
        """The store's files are there but cannot be opened as they are: said, with the way
        out (a backup); the set-up wizard is not offered, it would make a store over them."""
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("数据文件打不开"),
                          i18n.error_text(error))  # fmt: skip
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close)
        box.button(QMessageBox.StandardButton.Open).setText(self.tr("从备份恢复……"))
        box.button(QMessageBox.StandardButton.Close).setText(self.tr("退出"))
        box.finished.connect(lambda _code: self._store_trouble_answered(box))
        self.trouble = box
        box.show()

    def _store_trouble_answered(self, box: QMessageBox) -> None:
        if self.trouble is not box:  # closed by shutdown
            return
        self.trouble = None
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Open):
            self.open_backups(self.tr("数据文件打不开，请选一份备份恢复。"))
        if self.store is None and self.busy is None:  # no backup restored: nothing to show
            self.app.quit()
        box.deleteLater()  # last: the backups dialog's own event loop would delete it sooner

    def shutdown(self) -> None:
        """Close the windows and the store and take the translator back (tests build many apps)."""
        self.idle.stop()
        windows = (self.window, self.wizard, self.unlock, self.trouble)
        self.trouble = None
        for window in windows:
            if window is not None:
                window.close()
                window.deleteLater()
        self.window = self.wizard = self.unlock = None
        self.tasks.wait()
        if self.store is not None:
            self.store.close()
            self.store = None
        if self.translator is not None:
            self.app.removeTranslator(self.translator)
            self.translator = None
        self.logbook.close()

    def open_settings(self) -> None:
        from .dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.settings, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.settings = dialog.chosen()
        ui_settings.save(ui_settings_path(self.data), self.settings)
        i18n.apply_font(self.app, self.font_family, self.settings.font_size)
        self.idle.set_minutes(self.settings.idle_minutes)

    def lock_now(self) -> None:
        """Hide every record until the passphrase is typed again (idle time, or Ctrl+L)."""
        if self.screen_lock is None or self.screen_lock.locked:
            return
        self.idle.stop()
        self.screen_lock.lock()

    def change_passphrase(self) -> None:
        from .dialogs.passphrase import PassphraseDialog

        dialog = PassphraseDialog(self.store.path, self.tasks, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._tell(self.tr("密码已修改。下次打开和解锁时请用新密码。"))

    def open_audit(self) -> None:
        from .dialogs.audit_view import AuditViewDialog

        AuditViewDialog(self.store, self.tasks, self.window).exec()

    def open_backups(self, damage: str = "") -> None:
        from .dialogs.backups import BackupsDialog

        path = store_path(self.data)
        dialog = BackupsDialog(path, self.store, self.tasks, damage, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.restore_choice is not None:
            self.restore_backup(*dialog.restore_choice)

    def restore_backup(self, source: Path, passphrase: str) -> None:
        """Close the store, put the checked backup in its place, open it and show it again."""
        path = store_path(self.data)
        geometry = self.window.saveGeometry() if self.window is not None else None
        # Shown before the main window goes, so that the program never has no window at all.
        self.busy = QProgressDialog(self.tr("正在从备份恢复……"), "", 0, 0)
        self.busy.setCancelButton(None)
        self.busy.setWindowTitle(self.tr("从备份恢复"))
        self.busy.setMinimumDuration(0)
        self.busy.show()
        self._close_main()

        def restore_and_open() -> Store:
            from ..core.services import safety
            from ..core.storage.store import Store

            safety.restore(path, source, passphrase)
            return Store.open(path, passphrase)

        self.tasks.write(
            restore_and_open,
            lambda store: self._restored(store, source, geometry),
            self._restore_failed,
            ended=self._restore_ended,
        )

    def _restored(self, store: Store, source: Path, geometry) -> None:
        self._open_main(store)
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        self.window.statusBar().showMessage(self.tr("已从备份恢复：%1").replace("%1", source.name))

    def _restore_ended(self) -> None:
        self._end_busy()
        # However the restore ended, the program keeps a window: when the store did not open
        # (closed before the restore), it opens again through the unlock dialog.
        QTimer.singleShot(0, self._start_if_closed)

    def _start_if_closed(self) -> None:
        if self.store is None:
            self.start()

    def _restore_failed(self, error: CoreError) -> None:
        self._tell(self.tr("没能恢复备份：%1").replace("%1", i18n.error_text(error)))

    def _end_busy(self) -> None:
        if self.busy is not None:
            self.busy.close()
            self.busy.deleteLater()
            self.busy = None

    def _close_main(self) -> None:
        self.idle.stop()
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
        self.window = self.screen_lock = None
        self.tasks.wait()
        if self.store is not None:
            self.store.close()
            self.store = None

    def _open_main(self, store: Store | None) -> None:
        if store is None:
            return
        from ..core.services.children import Children
        from ..core.services.station import station_info
        from .views.main_window import MainWindow

        self.store = store
        self.window = MainWindow(Children(store), station_info(store), self.tasks)
        self.window.settings_action.triggered.connect(self.open_settings)
        self._add_safety_menu(self.window)
        from .lock import ScreenLock

        self.screen_lock = ScreenLock(self.window, store.path, self.tasks)
        self.screen_lock.unlocked.connect(self.idle.start)
        self.screen_lock.dialog.quit_asked.connect(self.app.quit)
        self.window.show()
        self.idle.start()
        self._check_store(store)

    def _add_safety_menu(self, window: QWidget) -> None:
        menu = window.menuBar().addMenu(self.tr("安全(&A)"))
        for text, shortcut, slot in (
            (self.tr("锁定(&L)"), QKeySequence("Ctrl+L"), self.lock_now),
            (self.tr("修改密码(&P)……"), None, self.change_passphrase),
            (self.tr("操作记录(&U)……"), None, self.open_audit),
            (self.tr("备份与恢复(&B)……"), None, lambda: self.open_backups()),
        ):
            action = QAction(text, window)
            if shortcut is not None:
                action.setShortcut(shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)

    def _check_store(self, store: Store) -> None:
        """Both integrity checks off the GUI thread; the daily backup only of a sound store."""
        from ..core.services import safety

        self.tasks.read(lambda: safety.check(store), lambda report: self._checked(store, report))

    def _checked(self, store: Store, report: CheckReport) -> None:
        if store is not self.store:  # closed meanwhile (restore, or the program quit)
            return
        if report.integrity != "ok" or report.cipher_integrity != "ok":
            complaint = report.integrity if report.integrity != "ok" else report.cipher_integrity
            self._offer_backups(complaint)
            return
        if report.audit_broken_at is not None:
            text = self.tr("操作记录第 %1 条被改动或删除过。请告诉上级。")
            self._tell(text.replace("%1", str(report.audit_broken_at)))
        from ..core.services import safety

        self.tasks.write(lambda: safety.backup_daily(store), lambda _path: None)

    def _offer_backups(self, complaint: str) -> None:
        text = self.tr(
            "数据文件检查没有通过（%1）。\n"
            "程序不会改动这个文件，也不会再为它做备份。\n"
            "请从最近的完好备份恢复：在下一个窗口里选最上面的一份。"
        ).replace("%1", complaint)
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("数据文件损坏"), text,
                          QMessageBox.StandardButton.NoButton, self.window)  # fmt: skip
        box.setTextFormat(Qt.TextFormat.PlainText)
        choose = box.addButton(self.tr("查看备份……"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("稍后"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is choose:
            damage = self.tr("数据文件检查没有通过（%1），请从完好的备份恢复。")
            self.open_backups(damage.replace("%1", complaint))

    def _tell(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("儿童关爱服务"), text,
                          QMessageBox.StandardButton.Ok, self.window)  # fmt: skip
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def _wizard_cancelled(self) -> None:
        # The store may exist already when the wizard is left on its last page.
        if self.wizard is not None and self.wizard.store is not None:
            self._open_main(self.wizard.store)
        else:
            self.app.quit()


def build_app(data: Path | str | None = None) -> AppController:
    """Everything but the event loop, so that tests can drive the windows."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("childcare-desktop")
    collect_on_gui_thread(app)
    controller = AppController(app, find_data_dir(data))
    controller.start()
    return controller


def _quit_when_shown(controller: AppController) -> None:
    """An installation's check: the first window is up and painted; say which one, then quit."""
    window = controller.unlock or controller.wizard or controller.trouble
    if window is None or not window.isVisible():
        print("no window was shown", file=sys.stderr)
        controller.app.exit(1)
        return
    window.grab()
    if sys.stdout is not None:  # a windowed program on Windows has no standard output
        print(type(window).__name__, flush=True)
    controller.app.quit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="childcare-desktop")
    parser.add_argument("--data-dir", help="the folder of the store and the settings")
    parser.add_argument(
        "--quit-when-shown",
        action="store_true",
        help="open the first window, print its name once painted and quit (checks an install)",
    )
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication(sys.argv[:1])
    controller = build_app(args.data_dir)
    if args.quit_when_shown:
        QTimer.singleShot(0, lambda: _quit_when_shown(controller))
        if controller.font_family is None:
            print(i18n.MISSING_FONT_TEXT, file=sys.stderr)
    elif controller.font_family is None:
        box = QMessageBox(QMessageBox.Icon.Warning, "childcare-desktop", i18n.MISSING_FONT_TEXT)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
    code = app.exec()
    controller.shutdown()
    return code
