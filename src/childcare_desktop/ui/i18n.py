"""Language and font of the GUI: the Qt translator, the CJK font, and the words for codes."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from .. import words
from ..core.errors import CoreError, FieldProblem
from ..core.fonts import find_cjk_font

# Qt's own words in Chinese, in the folder of translations PySide6 ships.
QT_WORDS = "qtbase_zh_CN"
# Chosen once at start (a language switch applies at the next start), read by every window.
_language = words.ZH


def set_language(lang: str) -> None:
    global _language
    _language = lang


def label(kind: str, code: str) -> str:
    return words.label(kind, code, _language)


def message(code: str, **params: str) -> str:
    return words.message(code, _language, **params)


def join(items) -> str:
    """A list in running text: 孤儿、留守儿童 / orphan, left-behind child."""
    return ("、" if _language == words.ZH else ", ").join(items)


def clause(*parts: str) -> str:
    """Parts of one sentence: 孤儿，每30天 / orphan, every 30 days."""
    return ("，" if _language == words.ZH else ", ").join(parts)


def bracket(text: str, inner: str) -> str:
    """A word with its aside: 待走访（3） / Due (3)."""
    return f"{text}（{inner}）" if _language == words.ZH else f"{text} ({inner})"


def language() -> str:
    return _language


def size_text(size: int) -> str:
    """A file's size as people read it: 12 KB, 3.4 MB (the same in both languages)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def error_text(error: CoreError) -> str:
    return words.error_text(error, _language)


def problem_text(problem: FieldProblem) -> str:
    return words.problem_text(problem, _language)


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Chinese is the source language of every tr() string, so the Chinese window loads only
    Qt's own words (OK/Cancel, the line edits' Undo/Copy/Paste, the file dialogs); other
    languages load the program's .qm file (Qt's own words are English already)."""
    if lang == words.ZH:
        return _install_qt_words(app)
    source = (
        resources.files("childcare_desktop.resources") / "translations" / f"childcare_{lang}.qm"
    )
    if not source.is_file():
        return None
    translator = QTranslator(app)
    # Read as bytes so a frozen build works too; Qt keeps a pointer, so the bytes stay with it.
    translator.qm_data = source.read_bytes()
    if not translator.load(translator.qm_data):
        return None
    app.installTranslator(translator)
    return translator


# Qt's own words that came after the Chinese PySide6 ships was made: the file dialog's labels
# gained their keys (&Look in:), and the shipped file knows them only without.
_QT_WORDS_SINCE = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
}


class _QtWords(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        since = _QT_WORDS_SINCE.get((context, source))
        # None, not "", for a word this file lacks: Qt then keeps the source or asks the next.
        return since or super().translate(context, source, disambiguation, n) or None


def _install_qt_words(app: QCoreApplication) -> QTranslator | None:
    """Qt's Chinese, as PySide6 ships it; without it (a build that left it out) Qt's buttons
    stay English and the program still runs."""
    translator = _QtWords(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QT_WORDS, folder):
        return None
    app.installTranslator(translator)
    return translator


def register_cjk_font() -> str | None:
    """Register a CJK font with Qt and return its family, or None when the machine has none."""
    found = find_cjk_font()
    if found is None:
        return None
    font_id = QFontDatabase.addApplicationFont(str(found.path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if found.family in families:
        return found.family
    return families[0] if families else None


def apply_font(app: QApplication, family: str | None, size: int) -> None:
    font = QFont(family) if family else QFont(app.font())
    font.setPointSize(size)
    app.setFont(font)


MISSING_FONT_TEXT = (
    "没有找到中文字体，界面上的汉字会显示成方框。\n"
    "请安装一种中文字体，例如 Linux 上的 fonts-wqy-microhei（文泉驿微米黑），"
    "Windows 自带的微软雅黑（Microsoft YaHei）或宋体（SimSun）。\n\n"
    "No Chinese font was found, so Chinese text would show as boxes.\n"
    "Install a CJK font, for example fonts-wqy-microhei (WenQuanYi Micro Hei) on Linux, "
    "or Microsoft YaHei / SimSun on Windows."
)
