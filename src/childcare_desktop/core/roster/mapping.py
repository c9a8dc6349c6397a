"""Finding the header of a ledger and what each column means: a plain mapping a person can adjust.

Ledgers carry title and information lines above the header, and often a two-row header (父亲
over 姓名/状况/务工地/联系电话). Every row near the top is tried, alone and with the row below
it; the reading that understands the most columns wins.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .layout import field_for, field_label
from .sheet import RosterError, Sheet
from .values import text

_SEARCH_ROWS = 30
_MIN_FIELDS = 2


@dataclass(frozen=True)
class Column:
    index: int  # 0-based; Excel column index + 1
    header: str  # as the officer sees it: "父亲/联系电话" for a grouped column
    field: str  # a key of layout.FIELD_KEYS; "" = not understood, kept in the notes

    @property
    def label(self) -> str:
        return field_label(self.field)


@dataclass(frozen=True)
class Mapping:
    header_rows: tuple[int, ...]  # Excel row numbers of the header (one or two)
    columns: tuple[Column, ...]

    @property
    def first_data_row(self) -> int:
        return self.header_rows[-1] + 1

    @property
    def unknown(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.field)

    def with_field(self, index: int, field: str) -> Mapping:
        """The mapping with column `index` meaning `field` (what the GUI's choice box does)."""
        columns = tuple(replace(c, field=field) if c.index == index else c for c in self.columns)
        return replace(self, columns=columns)

    def header_of(self, field: str) -> str:
        return next((c.header for c in self.columns if c.field == field), "")


def detect_mapping(sheet: Sheet) -> Mapping:
    """The best reading of the header; RosterError when no row names the child's name column."""
    rows = _with_merges_spread(sheet)
    best: tuple[tuple[int, int], Mapping] | None = None
    for i in range(min(_SEARCH_ROWS, len(rows))):
        candidates = [_single(rows, i)]
        if i + 1 < len(rows):
            candidates.append(_double(rows, i))
        for mapping in candidates:
            # On a tie the one-row reading wins: a title line over the header is no group.
            fields = {c.field for c in mapping.columns if c.field not in ("", "skip")}
            score = (len(fields), -len(mapping.header_rows))
            if best is None or score > best[0]:
                best = (score, mapping)
    if best is None or best[0][0] < _MIN_FIELDS or not best[1].header_of("name"):
        raise RosterError("roster_no_header")
    return _without_repeats(best[1])


def _single(rows: list[list[object]], i: int) -> Mapping:
    columns = []
    for j, cell in enumerate(rows[i]):
        header = text(cell)
        if header:
            columns.append(Column(j, header, field_for(header)))
    return Mapping((i + 1,), tuple(columns))


def _double(rows: list[list[object]], i: int) -> Mapping:
    """Row i over row i + 1. A group header stands over the sub-headers to its right until the
    next header; a header with nothing under it is a column of its own."""
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
            columns.append(Column(j, header, field_for(header)))
    return Mapping((i + 1, i + 2), tuple(columns))


def _with_merges_spread(sheet: Sheet) -> list[list[object]]:
    """The top rows with each merged range's value copied into every cell of the range."""
    rows = [list(r) for r in sheet.rows[: _SEARCH_ROWS + 1]]
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
        keep = column.field in ("", "skip", "seq") or column.field not in seen
        seen.add(column.field)
        columns.append(column if keep else replace(column, field=""))
    return replace(mapping, columns=tuple(columns))
