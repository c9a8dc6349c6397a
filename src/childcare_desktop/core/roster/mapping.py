"""Finding the header of a ledger and what each column means: a plain mapping a person can adjust.

Ledgers carry title and information lines above the header, and often a two-row header (父亲
over 姓名/状况/务工地/联系电话). Every row near the top is tried, alone and with the row below
it; the reading that understands the most columns wins. When it finds no name column, the officer
says which row is the header and which column holds the names: no ledger is imported without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .layout import LEDGER, Vocabulary, clean
from .sheet import RosterError, Sheet
from .values import text

_SEARCH_ROWS = 30
_MIN_FIELDS = 2


@dataclass(frozen=True)
class Column:
    index: int  # 0-based; Excel column index + 1
    header: str  # as the officer sees it: "父亲/联系电话" for a grouped column
    field: str  # a key of the vocabulary's; "" = not understood, kept in the notes


@dataclass(frozen=True)
class Mapping:
    header_rows: tuple[int, ...]  # Excel row numbers of the header (one or two)
    columns: tuple[Column, ...]
    remembered: bool = False  # the fields are the officer's from an earlier import
    # What the columns may mean: the ledger's unless the sheet is of another kind.
    vocabulary: Vocabulary = field(default=LEDGER, repr=False)

    @property
    def first_data_row(self) -> int:
        return self.header_rows[-1] + 1

    @property
    def unknown(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.field)

    @property
    def ledger_columns(self) -> tuple[Column, ...]:
        """The columns of the ledger itself: a corrected error workbook has the same ones as
        the ledger it came from (its two added columns, 原行号 and 错误原因, left out)."""
        added = self.vocabulary.added_headers
        return tuple(c for c in self.columns if clean(c.header) not in added)

    def with_field(self, index: int, field: str) -> Mapping:
        """The mapping with column `index` meaning `field` (what the GUI's choice box does).
        A column that had the field before goes to the notes: a field is one column's."""

        def chosen(column: Column) -> Column:
            if column.index == index:
                return replace(column, field=field)
            if column.field == field and field not in self.vocabulary.shared:
                return replace(column, field="")
            return column

        return replace(self, columns=tuple(map(chosen, self.columns)), remembered=False)

    def with_fields(self, fields: Sequence[str]) -> Mapping:
        """The ledger columns meaning `fields`, in order, as chosen at an earlier import."""
        given = dict(zip((c.index for c in self.ledger_columns), fields, strict=True))
        columns = tuple(replace(c, field=given.get(c.index, c.field)) for c in self.columns)
        return replace(self, columns=columns, remembered=True)

    def header_of(self, field: str) -> str:
        return next((c.header for c in self.columns if c.field == field), "")


def readings(
    sheet: Sheet, row: int | None = None, vocabulary: Vocabulary = LEDGER
) -> list[Mapping]:
    """Every way the top rows read as a header, each row alone and over the row below it, top
    first; with `row`, only the header starting at that Excel row."""
    rows = _with_merges_spread(sheet, max(_SEARCH_ROWS, row or 0) + 1)
    starts = range(min(_SEARCH_ROWS, len(rows))) if row is None else range(row - 1, row)
    found = []
    for i in starts:
        if i < len(rows):
            found.append(_single(rows, i, vocabulary))
        if i + 1 < len(rows):
            found.append(_double(rows, i, vocabulary))
    return found


def guess_mapping(sheet: Sheet, row: int | None = None, vocabulary: Vocabulary = LEDGER) -> Mapping:
    """The reading that understands the most columns (with `row`, of the header starting there),
    whether or not it found the name column."""
    # On a tie the one-row reading wins (max keeps the first): a title line over the header
    # is no group.
    best = max(readings(sheet, row, vocabulary), key=_score, default=None)
    if best is None:
        return Mapping((row or 1,), (), vocabulary=vocabulary)
    return _without_repeats(best)


def detect_mapping(sheet: Sheet) -> Mapping:
    """The best reading of the header; RosterError when no row names the child's name column."""
    mapping = guess_mapping(sheet)
    if _score(mapping)[0] < _MIN_FIELDS:
        raise RosterError("roster_no_header")
    return require_name(mapping)


def require_name(mapping: Mapping) -> Mapping:
    """`mapping`, when it has the child's name column; RosterError: no child can be told apart
    without it, so no ledger is imported without it."""
    if not mapping.header_of("name"):
        raise RosterError("roster_no_header")
    return mapping


def _score(mapping: Mapping) -> tuple[int, int]:
    fields = {c.field for c in mapping.columns if c.field not in ("", "skip")}
    return len(fields), -len(mapping.header_rows)


def _single(rows: list[list[object]], i: int, vocabulary: Vocabulary) -> Mapping:
    field_for = vocabulary.field_for
    columns = []
    for j, cell in enumerate(rows[i]):
        header = text(cell)
        if header:
            columns.append(Column(j, header, field_for(header, "")))
    return Mapping((i + 1,), tuple(columns), vocabulary=vocabulary)


def _double(rows: list[list[object]], i: int, vocabulary: Vocabulary) -> Mapping:
    """Row i over row i + 1. A group header stands over the sub-headers to its right until the
    next header; a header with nothing under it is a column of its own."""
    field_for = vocabulary.field_for
    top = [text(c) for c in rows[i]]
    sub = [text(c) for c in rows[i + 1]]
    width = max(len(top), len(sub))
    top += [""] * (width - len(top))
    sub += [""] * (width - len(sub))
    columns = []
    group = ""
    for j in range(width):
        if top[j]:
            group = top[j] if sub[j] else ""
        if sub[j] and group and group != sub[j]:
            columns.append(Column(j, f"{group}/{sub[j]}", field_for(sub[j], group)))
        elif sub[j] or top[j]:
            header = sub[j] or top[j]
            columns.append(Column(j, header, field_for(header, "")))
    return Mapping((i + 1, i + 2), tuple(columns), vocabulary=vocabulary)


def _with_merges_spread(sheet: Sheet, count: int) -> list[list[object]]:
    """The first `count` rows with each merged range's value copied into every cell of it."""
    rows = [list(r) for r in sheet.rows[:count]]
    for (r0, c0), (r1, c1) in sheet.merged:
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            rows[r] += [""] * (c1 + 1 - len(rows[r]))
            for c in range(c0, c1 + 1):
                rows[r][c] = value
    return rows


def _without_repeats(mapping: Mapping) -> Mapping:
    """A field taken by two columns keeps the first; the second goes to the notes."""
    seen: set[str] = set()
    columns = []
    for column in mapping.columns:
        keep = column.field in mapping.vocabulary.shared or column.field not in seen
        seen.add(column.field)
        columns.append(column if keep else replace(column, field=""))
    return replace(mapping, columns=tuple(columns))
