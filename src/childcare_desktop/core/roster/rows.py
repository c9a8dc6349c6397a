"""Turning the data rows of a ledger into children's files, each row with its problems.

A row is checked by the same rules as the child form (`validate_child`); every problem names
the Excel row and the column header the officer sees, so the ledger can be fixed where it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from itertools import compress
from operator import itemgetter

from ...words import LABELS, message, problem_text
from ..domain import division, idnumber
from ..domain.categories import CategorySpan
from ..domain.child import Assistance, Child, FamilyMember
from ..domain.completeness import mark
from ..domain.eligibility import contradicted
from ..domain.validation import WARNINGS, phone_ok, validate_child
from ..errors import FieldProblem
from . import values as v
from .layout import GROUPS
from .mapping import Mapping
from .merge import ADDED_CATEGORIES, apply_row
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
    "hukou_type": v.HUKOU_TYPE_WORDS,
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

    @cached_property  # asked of every row by the plan, the result and the preview
    def ok(self) -> bool:
        return not any(p.blocking for p in self.problems)


@dataclass(frozen=True)
class Context:
    """What a row needs from the store: the default village, known villages, and the date."""

    village_code: str  # for a row that names no village: the village station's own; "" else
    villages: dict[str, str]  # village name or code → code
    today: date
    # A town's or county's own code: a village code under it is taken even when not yet known.
    station_code: str = ""
    shared_names: frozenset[str] = frozenset()  # names of several known villages


def read_rows(sheet: Sheet, mapping: Mapping, context: Context) -> list[LedgerRow]:
    """Every data row below the header; blank rows and totals or signature lines are left out."""
    columns = _Columns.of(mapping)
    wanted, pick, width = columns.indexes, columns.pick, columns.width
    text = v.text
    result = []
    for i in range(mapping.first_data_row - 1, len(sheet.rows)):
        cells = sheet.rows[i]
        if len(cells) >= width:
            raw = pick(cells)
        else:  # a short row: the cells past its end are blank
            raw = [cells[j] if j < len(cells) else "" for j in wanted]
        # Most cells are text: stripped here, the others read by v.text (a third of a million).
        texts = [c.strip() if type(c) is str else text(c) for c in raw]
        if not any(texts) or _is_footer(cells):
            continue
        result.append(_read_row(i + 1, tuple(cells), raw, texts, columns, context))
    return result


@dataclass(frozen=True)
class _Columns:
    """The mapping as a row is read: worked out once per ledger, not once per row."""

    mapping: Mapping
    # The cells read from each row: first one column per field key (the last column of a key
    # two columns were given), then the columns kept in the notes, then the columns a later
    # one of the same key overrides (read only to tell a blank row).
    indexes: tuple[int, ...]
    keys: tuple[str, ...]  # the field key of each of the first len(keys) cells
    extras: tuple[tuple[int, str], ...]  # (position in `indexes`, header): kept in the notes
    headers: dict[str, str]  # field key → the header of its (first) column
    # (group, its field keys as `_members` reads them, those of its keys the ledger has)
    groups: tuple[tuple[str, tuple[str, ...], frozenset[str]], ...]
    # Word cells repeat down a ledger (男, 较好, 农村留守儿童): each text is read once.
    words: dict[str, dict[str, tuple[object, str | None]]]
    categories: dict[str, tuple[list[str], list[str]]]
    situations: dict[str, tuple[str, str, str | None]]
    choices: dict[tuple[str, str], tuple[list[str], list[str]]]

    @classmethod
    def of(cls, mapping: Mapping) -> _Columns:
        wanted = [c for c in mapping.columns if c.field not in ("seq", "skip")]
        headers: dict[str, str] = {}
        for c in mapping.columns:
            headers.setdefault(c.field, c.header)
        last: dict[str, int] = {}  # a key given twice: the later column's cell is the one read
        for c in wanted:
            if c.field:
                last[c.field] = c.index
        overridden = [c.index for c in wanted if c.field and last[c.field] != c.index]
        notes = [c for c in wanted if not c.field]
        indexes = (*last.values(), *(c.index for c in notes), *overridden)
        keys = tuple(last)
        groups = tuple(
            (group, keys_of, frozenset(k for k in keys if k.startswith(f"{group}.")))
            for group, keys_of in _MEMBER_KEYS
        )
        return cls(
            mapping,
            indexes,
            keys,
            tuple((len(keys) + k, c.header) for k, c in enumerate(notes)),
            headers,
            tuple(g for g in groups if g[2]),
            {},
            {},
            {},
            {},
        )

    @cached_property
    def pick(self) -> Callable[[list], tuple]:
        """The cells read, from a row at least `width` cells long."""
        if len(self.indexes) > 1:
            return itemgetter(*self.indexes)
        return lambda cells: tuple(cells[j] for j in self.indexes)

    @cached_property
    def width(self) -> int:
        return max(self.indexes, default=-1) + 1

    def word(self, field: str, text: str, words: dict[str, object]) -> tuple[object, str | None]:
        seen = self.words.setdefault(field, {})
        if text not in seen:
            seen[text] = v.read_word(text, words)
        return seen[text]

    def situation(self, text: str) -> tuple[str, str, str | None]:
        seen = self.situations
        if text not in seen:
            seen[text] = v.read_situation(text)
        return seen[text]

    def category_codes(self, text: str) -> tuple[list[str], list[str], list[str]]:
        if text not in self.categories:
            self.categories[text] = v.read_categories(text)
        return self.categories[text]

    def chosen(self, field: str, text: str, words: dict[str, str]) -> tuple[list[str], list[str]]:
        """The boxes ticked in a cell (家庭经济来源, 救助帮扶情况) and the words not understood."""
        key = (field, text)
        if key not in self.choices:
            self.choices[key] = v.read_choices(text, words)
        return self.choices[key]


def _is_footer(cells: list[object]) -> bool:
    for cell in cells:
        first = cell.strip() if type(cell) is str else v.text(cell)
        if first:
            return first.startswith(FOOTER_WORDS)
    return False


def _read_row(
    number: int, cells: tuple, raw: list, texts: list[str], columns: _Columns, context: Context
) -> LedgerRow:
    """A row is refused only when the child cannot be identified or a fact contradicts another;
    a detail missing or not understood is a warning, its text kept in the notes and the field
    marked as still to be completed."""
    problems: list[RowProblem] = []
    kept: list[str] = []  # the text of cells not understood, for the notes
    pending: set[str] = set()
    headers = columns.headers

    def problem(field: str, code: str, **params: str) -> None:
        fp = FieldProblem(field, code, params)
        header = headers.get(field, "")
        problems.append(RowProblem(number, header, code, problem_text(fp), code not in WARNINGS))

    def keep(field: str, cell: str) -> None:
        kept.append(f"{headers.get(field, '')}：{cell}")

    def unread(field: str, code: str, cell: str, **params: str) -> None:
        """A cell not understood: a warning, its text kept, the field still to be completed."""
        said = message("kept_in_notes", problem=problem_text(FieldProblem(field, code, params)))
        problems.append(RowProblem(number, headers.get(field, ""), code, said, False))
        if field not in pending:  # a cell with two words not understood is kept once
            keep(field, cell)
        pending.add(field)
        present.discard(field)

    keys = columns.keys
    values = dict(zip(keys, raw, strict=False))  # the first len(keys) cells are the fields
    text = dict(zip(keys, texts, strict=False))
    extras = [f"{header}：{texts[k]}" for k, header in columns.extras if texts[k]]
    present = set(compress(keys, texts))
    # A row without a name or a sex is still read: the checks below report what is missing.
    fields: dict[str, object] = {"name": "", "sex": ""}
    for key in _TEXT_FIELDS:
        if key in present:
            fields[key] = text[key]
    number_text, no_id_reason, code = v.read_id(values.get("id_number"))
    if code:
        problem("id_number", code)
    fields["id_number"] = number_text
    fields["no_id_reason"] = "" if number_text else (no_id_reason or "unknown")
    id_check = idnumber.check(number_text, context.today) if number_text else None
    id_ok = bool(id_check and id_check.ok)
    for key, words in _WORD_FIELDS.items():
        if key in present:
            found, code = columns.word(key, text[key], words)
            if not code:
                fields[key] = found
            elif key == "sex" and not id_ok:  # no sex, no number to read it from: not identified
                problem(key, "word_unknown", word=text[key], allowed=_allowed(key))
            else:
                unread(key, "word_unknown", text[key], word=text[key], allowed=_allowed(key))
    fields["birth_date"] = _birth_date(values.get("birth_date"), id_check, present, problem)
    if id_ok and not fields["sex"]:
        fields["sex"] = id_check.sex
        present.add("sex")
    fields["village_code"] = _village(text.get("village", ""), context, problem)
    cell = text.get("categories", "")
    codes, ambiguous, unknown = columns.category_codes(cell)
    if ambiguous or unknown:
        # The words understood are added; none is ended on a guess of what the others meant.
        allowed = _allowed("category")
        for word in ambiguous:
            unread("categories", "category_ambiguous", cell, word=word, allowed=allowed)
        for word in unknown:
            unread("categories", "category_unknown", cell, word=word, allowed=allowed)
        if codes:
            present.add(ADDED_CATEGORIES)
    for key, kind, words in _CHOICE_FIELDS:
        chosen, unknown = columns.chosen(key, text.get(key, ""), words)
        for word in unknown:
            unread(key, "word_unknown", text[key], word=word, allowed=_allowed(kind))
        fields[key] = chosen
    members = _members(values, text, present, columns, context.today, keep, unread)
    visit_dates = _visit_dates(values.get("last_visit"), context.today, text, unread)
    notes = "；".join(([text["notes"]] if "notes" in present else []) + extras + kept)
    if notes:
        present.add("notes")
    fields["to_complete"] = mark(pending) if pending else ""
    if pending:
        present.add("to_complete")
    aid = fields.pop("aid")
    fields["income_sources"] = ",".join(fields["income_sources"])
    fields["assistance"] = tuple(Assistance(kind) for kind in aid)
    fields["registered_on"] = context.today  # what a new file says; an update keeps its own
    fields["notes"] = notes
    fields["categories"] = tuple(CategorySpan(code, context.today) for code in codes)
    child = Child(**fields, members=members)
    # A category the row's own facts deny is imported as written, and said (国发〔2016〕13号 …);
    # a parent whose situation the ledger does not give is no fact (the file says 在家 for it).
    if codes:
        stated = tuple(m for m in members if f"{m.relation}.situation" in present)
        # The file the facts are read from, made as the child was (replace() costs twice that).
        facts = (
            child
            if len(stated) == len(members)
            else Child(**fields, uuid=child.uuid, members=stated)
        )
        for verdict in contradicted(facts, codes, context.today):
            fp = FieldProblem("categories", "category_not_supported",
                              {"category": verdict.code, "fact": verdict.reason})  # fmt: skip
            header = headers.get("categories", "")
            problems.append(RowProblem(number, header, fp.code, problem_text(fp), False))
    found = validate_child(child, context.today)
    if found:
        # A cell already reported as unreadable is not reported again as empty; nor a village
        # already said to be missing (a town's ledger without a 所属村 column).
        unreadable = {p.column for p in problems}
        village_said = any(p.code.startswith("village_") for p in problems)
        for fp in found:
            at = problem_at(number, fp, child, columns.mapping)
            if at.column and at.column in unreadable:
                continue
            if not (fp.field == "village_code" and village_said):
                problems.append(at)
    return LedgerRow(number, cells, child, frozenset(present), visit_dates, tuple(problems))


# Cells where several of the form's boxes may be ticked: (field key, vocabulary, words).
_CHOICE_FIELDS = (
    ("income_sources", "income_source", v.INCOME_WORDS),
    ("aid", "assistance", v.AID_WORDS),
)


def _allowed(kind: str) -> str:
    """The words a coded column understands, as the officer would write them."""
    return "、".join(zh for code, (zh, _en) in LABELS[kind].items() if code)


def _birth_date(cell, id_check: idnumber.IdCheck | None, present: set[str], problem) -> date | None:
    """The birth date cell, or the one inside a valid ID number when the cell is empty or
    gives only a year and month (出生年月)."""
    found, code = v.read_date(cell)
    if code:
        problem("birth_date", code)
        return None
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


def _village(name: str, context: Context, problem) -> str:
    """The village code a 所属村 cell names (a known village's name or code, or the code of a
    village under this station); a village station's own when the cell is blank."""
    if not name:
        if not context.village_code:
            problem("village", "village_missing")
        return context.village_code
    code = context.villages.get(name)
    if code is None:
        written = v.plain(name)
        if context.station_code and _village_under(written, context.station_code):
            return written
        shared = name in context.shared_names
        problem("village", "village_shared_name" if shared else "village_unknown", village=name)
        return context.village_code
    return code


def _village_under(code: str, station: str) -> bool:
    return division.check("village", code) is None and division.belongs_to(code, station)


_MEMBER_PARTS = ("situation", "entrust_signed", "work_place", "phone", "id_number", "name",
                 "birth_date", "kinship", "address", "left_on")  # fmt: skip


def _members(
    values: dict[str, object],
    text: dict[str, str],
    present: set[str],
    columns: _Columns,
    today: date,
    keep,
    unread,
) -> tuple[FamilyMember, ...]:
    """The family members a row names; a phone or ID number that cannot be right is kept in the
    notes, not on the member."""
    members = []
    get = text.get
    for group, keys, mapped in columns.groups:
        if present.isdisjoint(mapped):  # the row names no one of this group
            continue
        (situation_key, signed_key, work_key, phone_key, id_key, name_key,
         born_key, kinship_key, address_key, left_key) = keys  # fmt: skip
        said = get(situation_key, "")
        situation, place, code = columns.situation(said)
        if code:
            unread(situation_key, "word_unknown", said, word=said, allowed=_allowed("situation"))
            situation = "other"
        elif situation == "other":
            keep(situation_key, said)  # 改嫁, 离家出走: 其他, and the word says which
        work_place = get(work_key, "") or place
        if place and work_key not in present:
            present.add(work_key)
        signed, code = columns.word(signed_key, get(signed_key, ""), v.YES_WORDS)
        if code:
            unread(signed_key, "word_unknown", get(signed_key), word=get(signed_key),
                   allowed="是、否")  # fmt: skip
        # A cell's text is the cell as v.text reads it: a blank one holds no phone, no date.
        phone = get(phone_key, "")
        phone = v.plain(phone) if phone else ""
        if phone and not phone_ok(phone):
            unread(phone_key, "phone_invalid", phone)
            phone = ""
        written_id = get(id_key, "")
        id_number = idnumber.normalize(written_id) if written_id else ""
        found = idnumber.check(id_number, today).code if id_number else None
        if found and found != "id_old_15":
            unread(id_key, found, written_id)
            id_number = ""
        born = (
            _member_date(values[born_key], born_key, today, text, unread) if get(born_key) else None
        )
        left = (
            _member_date(values[left_key], left_key, today, text, unread) if get(left_key) else None
        )
        members.append(
            FamilyMember(
                relation=group,
                name=get(name_key, ""),
                birth_date=born,
                kinship=get(kinship_key, ""),
                address=get(address_key, ""),
                left_on=left,
                id_number=id_number,
                phone=phone,
                work_place=work_place,
                situation=situation or "home",
                entrust_signed=bool(signed),
            )
        )
    return tuple(members)


def _member_date(cell, key: str, today: date, text: dict[str, str], unread) -> date | None:
    """A member's date (出生日期, 外出时间): a date that cannot be read, is only a year and month
    or lies ahead is kept in the notes, the field still to be completed."""
    found, code = v.read_date(cell)
    if isinstance(found, v.PartialDate):
        found, code = None, "date_incomplete"
    if found is not None and found > today:
        found, code = None, "future_date"
    if code:
        unread(key, code, text.get(key, ""))
    return found


# Each member group's field keys, as `_members` reads them: made once, not for every row.
_MEMBER_KEYS = tuple(
    (group, tuple(f"{group}.{f}" for f in _MEMBER_PARTS)) for group, _head in GROUPS
)


def _visit_dates(cell, today: date, text: dict[str, str], unread) -> tuple[date, ...]:
    found, code = v.read_date(cell)
    if isinstance(found, v.PartialDate):
        code = "date_incomplete"
    if found is not None and not code and found > today:
        code = "future_date"
    if code:
        unread("last_visit", code, text.get("last_visit", ""))
        return ()
    return (found,) if found else ()


def problem_at(number: int, fp: FieldProblem, child: Child, mapping: Mapping) -> RowProblem:
    """A problem of the child's file, placed at the ledger column it came from."""
    field = fp.field.split("[", 1)[0]
    if fp.field.startswith("members["):
        index = int(fp.field[len("members[") : fp.field.index("]")])
        field = f"{child.members[index].relation}.{fp.field.rsplit('.', 1)[1]}"
    field = {"village_code": "village", "no_id_reason": "id_number"}.get(field, field)
    # A disability without its type, in a ledger with no such column: said at 健康状况.
    header = mapping.header_of(field) or (
        field == "disability_type" and mapping.header_of("health")
    )
    if not header and "." in field:  # a member's name missing: point at the member's columns
        group = field.split(".")[0] + "."
        header = next((c.header for c in mapping.columns if c.field.startswith(group)), "")
    return RowProblem(number, header, fp.code, problem_text(fp), fp.code not in WARNINGS)


def merge_into(base: LedgerRow, later: LedgerRow, today: date) -> LedgerRow:
    """The same child twice in one file: the later row applied to the child the first made, as
    importing the two rows one after the other would."""
    return replace(
        base,
        child=apply_row(base.child, later.child, later.present, today),
        present=base.present | later.present,
        visit_dates=tuple(sorted(set(base.visit_dates) | set(later.visit_dates))),
    )
