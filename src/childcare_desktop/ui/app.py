"""The GUI's composition root: settings, language, font, set-up or unlock, then the list."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ..core.paths import data_dir as find_data_dir
from ..core.paths import store_path, ui_settings_path
from ..core.services.children import Children
from ..core.services.station import station_info
from ..core.storage.store import Store
from . import i18n, ui_settings
from .dialogs.settings import SettingsDialog
from .dialogs.setup_wizard import SetupWizard
from .dialogs.unlock import UnlockDialog
from .tasks import Tasks
from .views.main_window import MainWindow


class AppController(QObject):
    """Owns the store and the windows; the first window is the wizard or the unlock dialog."""

    def __init__(self, app: QApplication, data: Path) -> None:
        super().__init__()
        self.app = app
        self.data = data
        self.settings = ui_settings.load(ui_settings_path(data))
        self.tasks = Tasks(self)
        self.store: Store | None = None
        self.window: MainWindow | None = None
        self.wizard: SetupWizard | None = None
        self.unlock: UnlockDialog | None = None
        i18n.set_language(self.settings.language)
        self.translator: QTranslator | None = i18n.install_translator(app, self.settings.language)
        self.font_family = i18n.register_cjk_font()
        i18n.apply_font(app, self.font_family, self.settings.font_size)

    def start(self) -> None:
        path = store_path(self.data)
        if Store.exists(path):
            self.unlock = UnlockDialog(path, self.tasks)
            self.unlock.accepted.connect(lambda: self._open_main(self.unlock.store))
            self.unlock.rejected.connect(self.app.quit)
            self.unlock.show()
        else:
            self.wizard = SetupWizard(path, self.tasks)
            self.wizard.accepted.connect(lambda: self._open_main(self.wizard.store))
            self.wizard.rejected.connect(self._wizard_cancelled)
            self.wizard.show()

    def shutdown(self) -> None:
        """Close the windows and the store and take the translator back (tests build many apps)."""
        for window in (self.window, self.wizard, self.unlock):
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

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.settings = dialog.chosen()
        ui_settings.save(ui_settings_path(self.data), self.settings)
        i18n.apply_font(self.app, self.font_family, self.settings.font_size)

    def _open_main(self, store: Store | None) -> None:
        if store is None:
            return
        self.store = store
        self.window = MainWindow(Children(store), station_info(store), self.tasks)
        self.window.settings_action.triggered.connect(self.open_settings)
        self.window.show()

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
    controller = AppController(app, find_data_dir(data))
    controller.start()
    return controller


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="childcare-desktop")
    parser.add_argument("--data-dir", help="the folder of the store and the settings")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication(sys.argv[:1])
    controller = build_app(args.data_dir)
    if controller.font_family is None:
        box = QMessageBox(QMessageBox.Icon.Warning, "childcare-desktop", i18n.MISSING_FONT_TEXT)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
    code = app.exec()
    controller.shutdown()
    return code
