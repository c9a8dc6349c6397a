"""Words for the codes the core uses: error codes and vocabulary labels, in Chinese and English.

The one place where codes become words for both faces of the program (the GUI picks the
language from its settings; the CLI prints Chinese with the English beside it). Window chrome
is translated through Qt's tr() and the .ts files; codes are translated here.
"""

from __future__ import annotations

from ..core.errors import CoreError, FieldProblem
from .labels import LABELS
from .messages import MESSAGES

__all__ = [
    "EN",
    "LABELS",
    "MESSAGES",
    "ZH",
    "both",
    "error_text",
    "label",
    "label_both",
    "message",
    "problem_text",
]

ZH, EN = "zh", "en"

# Parameters that carry a code of a vocabulary: said in the message's own language.
_CODED_PARAMS = {"category": "category", "fact": "category_fact"}


def message(code: str, lang: str = ZH, **params: str) -> str:
    zh, en = MESSAGES.get(code, (code, code))
    params = {
        k: label(_CODED_PARAMS[k], v, lang) if k in _CODED_PARAMS else v for k, v in params.items()
    }
    template = zh if lang == ZH else en
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def both(code: str, **params: str) -> str:
    """Chinese, then English: what the CLI prints."""
    return f"{message(code, ZH, **params)} ({message(code, EN, **params)})"


def label_both(kind: str, code: str) -> str:
    """A label in Chinese, then English, as the CLI prints codes."""
    return f"{label(kind, code)} ({label(kind, code, EN)})"


def label(kind: str, code: str, lang: str = ZH) -> str:
    zh, en = LABELS[kind].get(code, (code, code))
    return zh if lang == ZH else en


def error_text(error: CoreError, lang: str = ZH) -> str:
    return message(error.code, lang, **error.params)


def problem_text(problem: FieldProblem, lang: str = ZH) -> str:
    return message(problem.code, lang, **problem.params)
