"""Turning the data rows of a ledger into children's files, each row with its problems.

A row is checked by the same rules as the child form (`validate_child`); every problem names
the Excel row and the column header the officer sees, so the ledger can be fixed where it is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ...words import problem_text
from ..domain import idnumber
from ..domain.categories import CategorySpan
from ..domain.child import Child, FamilyMember
from ..domain.validation import WARNINGS, validate_child
from ..errors import FieldProblem
from . import values as v
from .layout import GROUPS
from .mapping import Mapping
from .merge import apply_row
from .sheet import Sheet

# A line below the data whose first cell starts with one of these is a total or a signature.
FOOTER_WORDS = ("合计", "总计", "小计", "填表人", "审核人", "复核人", "制表人", "填报人",
                "负责人", "单位负责人", "填表日期", "制表日期", "填报日期", "填报单位")  # fmt: skip
_TEXT_FIELDS = ("name", "ethnicity", "hukou_place", "current_address", "disability_type",
                "illness", "school")  # fmt: skip
_WORD_FIELDS = {
    "sex": v.SEX_WORDS,
    "guardianship": v.GUARDIANSHIP_WORDS,
    "health": v.HEALTH_WORDS,
    "schooling": v.SCHOOLING_WORDS,
}


@dataclass(frozen=True)
class RowProblem:
    row: int  # Excel row number
    column: str  # header text; "" when the problem belongs to no column
    code: str
    message: str
    blocking: bool = True


@dataclass(frozen=True)
class LedgerRow:
    row: int  # Excel row number
    cells: tuple[object, ...]  # the row as read, for the error workbook
    child: Child
    present: frozenset[str]  # field keys this row gives a value for; blank cells erase nothing
    visit_dates: tuple[date, ...]
    problems: tuple[RowProblem, ...]

    @property
    def ok(self) -> bool:
        return not any(p.blocking for p in self.problems)


@dataclass(frozen=True)
class Context:
    """What a row needs from the store: the default village, known villages, and the date."""

    village_code: str
    villages: dict[str, str]  # village name or code → code
    today: date


def read_rows(sheet: Sheet, mapping: Mapping, context: Context) -> list[LedgerRow]:
    """Every data row below the header; blank rows and totals or signature lines are left out."""
    wanted = [c for c in mapping.columns if c.field not in ("seq", "skip")]
    result = []
    for i in range(mapping.first_data_row - 1, len(sheet.rows)):
        cells = sheet.rows[i]
        row = {c.index: cells[c.index] if c.index < len(cells) else "" for c in wanted}
        if not any(v.text(value) for value in row.values()) or _is_footer(cells):
            continue
        result.append(_read_row(i + 1, tuple(cells), row, mapping, context))
    return result


def _is_footer(cells: list[object]) -> bool:
    first = next((t for t in (v.text(c) for c in cells) if t), "")
    return first.startswith(FOOTER_WORDS)


def _read_row(
    number: int, cells: tuple, row: dict[int, object], mapping: Mapping, context: Context
) -> LedgerRow:
    problems: list[RowProblem] = []

    def problem(field: str, code: str, **params: str) -> None:
        fp = FieldProblem(field, code, params)
        header = mapping.header_of(field)
        problems.append(RowProblem(number, header, code, problem_text(fp), code not in WARNINGS))

    values: dict[str, object] = {}
    extras = []
    for column in mapping.columns:
        if column.index not in row:
            continue
        cell = row[column.index]
        if not column.field:
            if v.text(cell):
                extras.append(f"{column.header}：{v.text(cell)}")
        else:
            values[column.field] = cell
    present = {key for key, cell in values.items() if v.text(cell)}
    fields: dict[str, object] = {}
    for key in _TEXT_FIELDS:
        if key in present:
            fields[key] = v.text(values[key])
    for key, words in _WORD_FIELDS.items():
        found, code = v.read_word(values.get(key), words)
        if code:
            problem(key, code)
        elif key in present:
            fields[key] = found
    number_text, no_id_reason, code = v.read_id(values.get("id_number"))
    if code:
        problem("id_number", code)
    fields["id_number"] = number_text
    fields["no_id_reason"] = "" if number_text else (no_id_reason or "unknown")
    fields["birth_date"] = _birth_date(values.get("birth_date"), number_text, present, problem)
    id_check = idnumber.check(number_text, context.today) if number_text else None
    if id_check and id_check.ok and not fields.get("sex"):
        fields["sex"] = id_check.sex
        present.add("sex")
    fields["village_code"] = _village(values.get("village"), context, problem)
    codes, unknown = v.read_categories(values.get("categories"))
    for word in unknown:
        problem("categories", "category_unknown", word=word)
    notes = "；".join(([v.text(values["notes"])] if "notes" in present else []) + extras)
    if notes:
        present.add("notes")
    child = Child(
        **fields,
        notes=notes,
        categories=tuple(CategorySpan(code, context.today) for code in codes),
        members=_members(values, present, problem),
    )
    visit_dates = _visit_dates(values.get("last_visit"), context.today, problem)
    # A cell already reported as unreadable is not reported again as empty.
    unreadable = {p.column for p in problems}
    for fp in validate_child(child, context.today):
        found = problem_at(number, fp, child, mapping)
        if not (found.column and found.column in unreadable):
            problems.append(found)
    return LedgerRow(number, cells, child, frozenset(present), visit_dates, tuple(problems))


def _birth_date(cell, number_text: str, present: set[str], problem) -> date | None:
    """The birth date cell, or the one inside a valid ID number when the cell is empty or
    gives only a year and month (出生年月)."""
    found, code = v.read_date(cell)
    if code:
        problem("birth_date", code)
        return None
    id_check = idnumber.check(number_text) if number_text else None
    from_id = id_check.birth_date if id_check and id_check.ok else None
    if isinstance(found, v.PartialDate):
        if from_id is None:
            problem("birth_date", "date_incomplete")
            return None
        if (from_id.year, from_id.month) != (found.year, found.month):
            problem("birth_date", "id_birth_mismatch", id_birth=str(from_id))
            return None
        return from_id
    if found is None and from_id is not None:
        present.add("birth_date")
        return from_id
    return found


def _village(cell, context: Context, problem) -> str:
    name = v.text(cell)
    if not name:
        return context.village_code
    code = context.villages.get(name)
    if code is None:
        problem("village", "village_unknown", village=name)
        return context.village_code
    return code


def _members(values: dict[str, object], present: set[str], problem) -> tuple[FamilyMember, ...]:
    members = []
    for group, _head in GROUPS:
        if not any(key.startswith(f"{group}.") for key in present):
            continue
        get = values.get
        situation, code = v.read_word(get(f"{group}.situation"), v.SITUATION_WORDS)
        if code:
            problem(f"{group}.situation", code)
        signed, code = v.read_word(get(f"{group}.entrust_signed"), v.YES_WORDS)
        if code:
            problem(f"{group}.entrust_signed", code)
        members.append(
            FamilyMember(
                relation=group,
                name=v.text(get(f"{group}.name")),
                id_number=idnumber.normalize(v.text(get(f"{group}.id_number"))),
                phone=v.plain(get(f"{group}.phone")),
                work_place=v.text(get(f"{group}.work_place")),
                situation=situation or "home",
                entrust_signed=bool(signed),
            )
        )
    return tuple(members)


def _visit_dates(cell, today: date, problem) -> tuple[date, ...]:
    found, code = v.read_date(cell)
    if isinstance(found, v.PartialDate):
        code = "date_incomplete"
    if code:
        problem("last_visit", code)
        return ()
    if found is not None and found > today:
        problem("last_visit", "future_date")
        return ()
    return (found,) if found else ()


def problem_at(number: int, fp: FieldProblem, child: Child, mapping: Mapping) -> RowProblem:
    """A problem of the child's file, placed at the ledger column it came from."""
    field = fp.field.split("[", 1)[0]
    if fp.field.startswith("members["):
        index = int(fp.field[len("members[") : fp.field.index("]")])
        field = f"{child.members[index].relation}.{fp.field.rsplit('.', 1)[1]}"
    field = {"village_code": "village", "no_id_reason": "id_number"}.get(field, field)
    header = mapping.header_of(field)
    if not header and "." in field:  # a member's name missing: point at the member's columns
        group = field.split(".")[0] + "."
        header = next((c.header for c in mapping.columns if c.field.startswith(group)), "")
    return RowProblem(number, header, fp.code, problem_text(fp), fp.code not in WARNINGS)


def merge_into(base: LedgerRow, later: LedgerRow, today: date) -> LedgerRow:
    """The same child twice in one file: one child, the later row's values filling in."""
    child = apply_row(base.child, later.child, later.present, today)
    held = {s.code for s in child.categories}
    extra = tuple(s for s in base.child.categories if s.code not in held)
    return replace(
        base,
        child=replace(child, categories=child.categories + extra),
        present=base.present | later.present,
        visit_dates=tuple(sorted(set(base.visit_dates) | set(later.visit_dates))),
    )
