"""The English translation covers the GUI: every string translated, and every context one that
Qt asks for at run time (a class of the GUI, or a context named in `translate`), so no string
stays Chinese in the English GUI because lupdate filed it under another name."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "childcare_en.ts"
UI = ROOT / "src" / "childcare_desktop" / "ui"


def contexts_asked_for() -> set[str]:
    names: set[str] = set()
    for source in UI.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        names.update(re.findall(r"^class (\w+)\(", text, re.MULTILINE))
        names.update(re.findall(r"translate\(\s*\"(\w+)\"", text))
    return names


def test_every_string_is_translated_under_a_context_qt_asks_for():
    tree = ET.parse(TS)
    known = contexts_asked_for()
    stray, untranslated = [], []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            if name not in known:
                stray.append((name, message.findtext("source")))
            done = translation is not None and translation.get("type") != "unfinished"
            if not (done and (translation.text or translation.findall("numerusform"))):
                untranslated.append((name, message.findtext("source")))
    assert stray == []
    assert untranslated == []


def test_lists_and_clauses_follow_the_language(qapp):
    from childcare_desktop.ui import i18n
    from childcare_desktop.ui.models.visits_model import reason_text

    assert reason_text("orphan", 30) == "孤儿，每30天"
    assert i18n.join(["孤儿", "留守儿童"]) == "孤儿、留守儿童"
    translator = i18n.install_translator(qapp, "en")
    i18n.set_language("en")
    try:
        assert reason_text("orphan", 30) == "orphan, every 30 days"
        assert i18n.join(["orphan", "left-behind child"]) == "orphan, left-behind child"
    finally:
        i18n.set_language("zh")
        qapp.removeTranslator(translator)


def qt_words_shown() -> tuple[list[str], list[str]]:
    """What Qt itself writes: a standard OK/Cancel box, and a line edit's context menu."""
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

    standard = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(standard.Ok | standard.Cancel)
    line = QLineEdit()  # the menu is the line edit's child: it must outlive the reading
    menu = line.createStandardContextMenu()
    buttons = [box.button(standard.Ok).text(), box.button(standard.Cancel).text()]
    actions = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    line.deleteLater()
    return buttons, actions


def test_qt_s_own_words_are_chinese_in_the_chinese_window(make_app):
    make_app()  # as the program starts: the officer's language is Chinese unless chosen
    buttons, actions = qt_words_shown()
    assert buttons == ["确定", "取消"]
    assert actions[:2] == ["撤消(&U)", "重做(&R)"]
    assert "粘贴(&P)" in actions


def test_the_file_dialogs_labels_are_chinese_and_the_program_s_own_words_pass(make_app):
    """The Chinese PySide6 ships predates the file dialog's keys (&Look in:), which stayed
    English; the words the program wrote itself (Chinese already) are left as they are."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog

    make_app()
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    label = QFileDialog.DialogLabel
    shown = [dialog.labelText(which) for which in (label.LookIn, label.FileName, label.FileType)]
    assert shown == ["查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："]
    assert QCoreApplication.translate("MainWindow", "档案") == "档案"
    dialog.deleteLater()


def test_qt_s_own_words_stay_english_in_the_english_window(make_app, data_dir):
    from childcare_desktop.core.paths import ui_settings_path
    from childcare_desktop.ui import ui_settings

    ui_settings.save(ui_settings_path(data_dir), ui_settings.UiSettings(language="en"))
    make_app()
    buttons, actions = qt_words_shown()
    assert buttons == ["OK", "Cancel"]
    assert "&Paste" in actions
