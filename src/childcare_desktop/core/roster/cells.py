"""A value as every workbook the program writes holds it: user text stays text, never a formula.

The files travel to towns and counties, so a child named =HYPERLINK(…) must not become a live
link there. openpyxl stores any text starting with "=" as a formula and "#N/A" as an error; such
text, and text Excel would take for a formula once the officer edits the cell (+ - @, a leading
tab or carriage return), is written as a string with Excel's quote prefix, which keeps it text
when edited. Numbers and dates are left as they are.
"""

from __future__ import annotations

import re

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# OOXML text holds control characters as _xHHHH_ (an XML reader would turn a bare \r into \n,
# and openpyxl refuses the others); a _xHHHH_ the officer typed is escaped in turn, as Excel
# does, so that the reader (calamine) gives back exactly the text that was written.
_TYPED_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


def cell_value(sheet, value: object) -> object:
    """`value` to append to `sheet` (normal or write-only): text as text, the rest unchanged."""
    if not isinstance(value, str):
        return value
    text = _xml_text(value)
    if not value.startswith(_FORMULA_STARTS) and value not in ERROR_CODES:
        return text
    cell = WriteOnlyCell(sheet, text)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def _xml_text(text: str) -> str:
    if "_x" in text:
        text = _TYPED_ESCAPE.sub("_x005F_", text)
    if text.isprintable():  # most cells are: quicker to ask than to run the expression
        return text
    return _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
