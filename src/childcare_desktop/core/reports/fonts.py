"""The one font every PDF uses: a CJK font that covers Latin and digits, embedded as a subset."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..fonts import find_cjk_font
from .errors import ReportError

FONT = "ReportCJK"


@cache
def report_font() -> str:
    """Register the font once per process (parsing a CJK collection takes a while) and name it."""
    found = find_cjk_font()
    if found is None:
        raise ReportError("no_cjk_font")
    pdfmetrics.registerFont(TTFont(FONT, str(found.path), subfontIndex=found.index))
    # No bold face ships with most CJK fonts; map bold and italic to the same face so that
    # reportlab never falls back to Helvetica, which has no Chinese and is not embedded.
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    return FONT
