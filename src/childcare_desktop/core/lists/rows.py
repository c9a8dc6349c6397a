"""Reading a department's list: each data row as the person it names and the facts it states.

A row's person (name, ID number, birth date, sex, village) is what the matcher compares with
the registry; its facts are what the list says of that child, as codes of the program's own
vocabularies, keyed by the list's field keys (lists/vocabulary.py):

    schooling       a code of vocab.SCHOOLING, or "in_school" (在读: the level not said)
    left_behind, boarding, no_hukou     "yes" | "no"
    hukou_status    "normal" | "dead" | "cancelled" | "moved_out"
    father.situation, mother.situation     a code of vocab.SITUATIONS, or "living" (正常)
    disability_type the kind's word (肢体, 智力 …); disability_grade "1".."4"
    assistance      "dibao" | "tekun" | "orphan" | "de_facto_unsupported"
    ruling          "revoked" | "appointed"; ruling_whom "father" | "mother" | "both"
    dates           ISO text; the other fields as written

Nothing is guessed: a cell not understood is left out of the facts and named among the row's
problems, with its column's header.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping as Facts
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..domain.eligibility import disability_grade
from ..matching import Person
from ..roster import values as v
from ..roster.mapping import Mapping, guess_mapping
from ..roster.rows import FOOTER_WORDS
from ..roster.sheet import Sheet, read_sheet
from .vocabulary import LISTS, PARENTS, header_state

__all__ = ["Facts", "ListRow", "listed_address", "read_file", "read_rows"]

SCHOOLING_WORDS = v.SCHOOLING_WORDS | {
    "在读": "in_school", "在校": "in_school", "在籍": "in_school", "正常": "in_school",
    "辍学": "dropout", "失学": "dropout", "休学": "not_in_school", "未入学": "not_enrolled",
    "未就学": "not_enrolled", "退学": "dropout", "离校": "not_in_school",
}  # fmt: skip
HUKOU_STATUS_WORDS = {
    "正常": "normal", "在册": "normal", "死亡": "dead", "已死亡": "dead", "注销": "cancelled",
    "已注销": "cancelled", "户口注销": "cancelled", "迁出": "moved_out", "已迁出": "moved_out",
    "户口迁出": "moved_out",
}  # fmt: skip
ASSISTANCE_WORDS = {
    "低保": "dibao", "低保户": "dibao", "最低生活保障": "dibao", "农村低保": "dibao",
    "城市低保": "dibao", "城乡低保": "dibao", "低保对象": "dibao", "特困": "tekun",
    "特困供养": "tekun", "特困人员": "tekun", "特困供养人员": "tekun", "孤儿": "orphan",
    "散居孤儿": "orphan", "集中供养孤儿": "orphan", "事实无人抚养": "de_facto_unsupported",
    "事实无人抚养儿童": "de_facto_unsupported",
}  # fmt: skip
DISABILITY_KINDS = ("视力", "听力", "言语", "肢体", "智力", "精神", "多重")
# A parent's state as the police write it: 正常 says the parent is alive and free.
PARENT_WORDS = {"正常": "living", "健在": "living", "在世": "living", "羁押": "imprisoned",
                "强制隔离戒毒": "drug_rehab"}  # fmt: skip
_WHOM = {"父亲": ("father",), "父": ("father",), "母亲": ("mother",), "母": ("mother",),
         "父母": ("father", "mother"), "父母双方": ("father", "mother"),
         "双方": ("father", "mother")}  # fmt: skip
_TEXT_FIELDS = ("hukou_place", "current_address", "school", "grade", "household_head",
                "guardian_name", "disability_cert")  # fmt: skip
_DATE_FIELDS = ("assistance_start", "ruling_date")
_PERSON_FIELDS = ("name", "id_number", "birth_date", "sex", "village", "seq", "skip", "")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ListRow:
    line: int  # the Excel row number
    person: Person  # its key is the line number as text
    facts: Facts[str, str]
    problems: tuple[tuple[str, str], ...] = field(default=())  # (column header, problem code)


def listed_address(facts: Facts[str, str]) -> str:
    """Where a row says the child lives: the current address, else the hukou's place."""
    return facts.get("current_address") or facts.get("hukou_place") or ""


def read_file(path: Path, villages: dict[str, str] | None = None) -> tuple[Mapping, list[ListRow]]:
    """A list's file read with the header the reader finds (for a caller with no officer to ask,
    as a screening round loading the household register)."""
    sheet = read_sheet(path)
    mapping = guess_mapping(sheet, vocabulary=LISTS)
    return mapping, read_rows(sheet, mapping, villages or {})


def read_rows(sheet: Sheet, mapping: Mapping, villages: dict[str, str]) -> list[ListRow]:
    """Every data row below the header; blank rows and totals or signature lines are left out.
    `villages`: village name or code → code, for a row's 所属村."""
    columns = [(c.index, c.header, c.field) for c in mapping.columns if c.field not in ("", "skip")]
    rows = []
    for i in range(mapping.first_data_row - 1, len(sheet.rows)):
        cells = sheet.rows[i]
        texts = [v.text(c) for c in cells]
        if not any(texts) or next(t for t in texts if t).startswith(FOOTER_WORDS):
            continue
        rows.append(_read_row(i + 1, cells, columns, villages))
    return rows


def _read_row(line: int, cells: list[object], columns, villages: dict[str, str]) -> ListRow:
    said: dict[str, object] = {}
    facts: dict[str, str] = {}
    problems: list[tuple[str, str]] = []
    for index, header, key in columns:
        cell = cells[index] if index < len(cells) else ""
        if v.text(cell) == "":
            continue
        if key in _PERSON_FIELDS:
            problem = _read_person(key, cell, said, villages)
        else:
            problem = _read_fact(key, header, cell, facts)
        if problem:
            problems.append((header, problem))
    person = Person(
        str(line),
        _SPACES.sub("", str(said.get("name", ""))),
        str(said.get("id_number", "")),
        said.get("birth_date"),  # type: ignore[arg-type]
        str(said.get("sex", "")),
        str(said.get("village", "")),
    )
    return ListRow(line, person, facts, tuple(problems))


def _read_person(key: str, cell: object, said: dict, villages: dict[str, str]) -> str | None:
    if key == "name":
        said["name"] = v.text(cell)
    elif key == "id_number":
        number, _no_id, problem = v.read_id(cell)
        said["id_number"] = number
        return problem
    elif key == "birth_date":
        born, problem = v.read_date(cell)
        if isinstance(born, date):
            said["birth_date"] = born
        return problem or (None if isinstance(born, date) else "date_partial")
    elif key == "sex":
        sex, problem = v.read_word(cell, v.SEX_WORDS)
        said["sex"] = sex
        return problem
    elif key == "village":
        name = v.text(cell)
        said["village"] = villages.get(name, "")
        return None if said["village"] else "village_unknown"
    return None


def _read_fact(key: str, header: str, cell: object, facts: dict[str, str]) -> str | None:
    """Put what `cell` says into `facts`; the problem's code when it says nothing readable."""
    raw = unicodedata.normalize("NFKC", v.text(cell))
    if key in _TEXT_FIELDS:
        facts[key] = raw
    elif key in _DATE_FIELDS:
        day, problem = v.read_date(cell)
        if not isinstance(day, date):
            return problem or "date_partial"
        facts[key] = day.isoformat()
    elif key in ("left_behind", "boarding", "no_hukou"):
        return _put(facts, key, _yes_no(raw, header))
    elif key == "schooling":
        return _put(facts, key, SCHOOLING_WORDS.get(raw, ""))
    elif key == "hukou_status":
        return _put(facts, key, HUKOU_STATUS_WORDS.get(raw, ""))
    elif key in ("father.situation", "mother.situation"):
        return _parent(facts, key, header, raw)
    elif key == "parent_held":
        return _held(facts, header, raw)
    elif key == "disability_type":
        kind = next((k for k in DISABILITY_KINDS if raw.startswith(k)), "")
        return _put(facts, key, kind)
    elif key == "disability_grade":
        grade = disability_grade(raw)
        return _put(facts, key, str(grade) if grade else "")
    elif key == "assistance":
        return _put(facts, key, ASSISTANCE_WORDS.get(raw, ""))
    elif key == "ruling":
        return _ruling(facts, raw)
    return None


def _put(facts: dict[str, str], key: str, code: str) -> str | None:
    if not code:
        return "unknown_value"
    facts[key] = code
    return None


def _yes_no(raw: str, header: str) -> str:
    """是, √, 有 … or the header's own word (留守儿童 under 留守儿童) say yes; 否, ×, 无 say no."""
    if raw in ("不是", "非"):
        return "no"
    answer = v.YES_WORDS.get(raw.lower())
    if answer is None and raw and raw in header:
        answer = True
    return "" if answer is None else ("yes" if answer else "no")


def _parent(facts: dict[str, str], key: str, header: str, raw: str) -> str | None:
    asked = header_state(header.split("/")[-1])
    if asked:  # 父亲死亡: 是 — the header says the state, the cell whether it holds
        answer = _yes_no(raw, header)
        if answer == "yes":
            facts[key] = asked
        return None if answer else "unknown_value"
    code = PARENT_WORDS.get(raw) or v.read_situation(raw)[0]
    return _put(facts, key, code)


def _held(facts: dict[str, str], header: str, raw: str) -> str | None:
    """羁押 (or 服刑, 强制隔离戒毒, 失踪): the cell says whose — 父亲, 母亲, 父母."""
    whom = _WHOM.get(raw)
    if whom is None:
        return "unknown_value"
    for parent in whom:
        facts[f"{parent}.situation"] = header_state(header) or "imprisoned"
    return None


def _ruling(facts: dict[str, str], raw: str) -> str | None:
    """撤销监护资格 (of the father, the mother, or both when it does not say), 指定监护人."""
    if "撤销" in raw:
        named = [PARENTS[p] for p in ("父亲", "母亲") if p in raw]
        facts["ruling"] = "revoked"
        facts["ruling_whom"] = named[0] if len(named) == 1 else "both"
        return None
    if "指定" in raw or "变更" in raw:
        facts["ruling"] = "appointed"
        return None
    return "unknown_value"
