"""The ledger's columns: field keys, their Chinese headers, and the words ledgers use for them.

A field key is what a column means: a child field ("name", "birth_date" …), a family member's
field ("father.phone"), "seq" (the 序号 column, ignored), "skip" (ignored on purpose) or "" (not
understood: kept in the notes). The export writes `LAYOUT`; the reader accepts every synonym.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

# Child fields in the order of the export, with the header written.
CHILD_COLUMNS: tuple[tuple[str, str], ...] = (
    ("seq", "序号"),
    ("name", "姓名"),
    ("sex", "性别"),
    ("ethnicity", "民族"),
    ("birth_date", "出生日期"),
    ("id_number", "身份证号码"),
    ("hukou_place", "户籍地"),
    ("hukou_type", "户籍性质"),
    ("current_address", "现住址"),
    ("categories", "儿童类别"),
    ("guardianship", "监护情况"),
    ("health", "健康状况"),
    ("disability_type", "残疾类别"),
    ("illness", "所患疾病"),
    ("schooling", "就学情况"),
    ("school", "就读学校"),
    ("income_sources", "家庭经济来源"),
    ("aid", "救助帮扶情况"),
)
TAIL_COLUMNS: tuple[tuple[str, str], ...] = (("last_visit", "最近走访日期"), ("notes", "备注"))
# The 2016 登记表 (民发〔2016〕42号 附件1) asks each grandparent's 姓名 and 出生日期, the
# parents' 当前务工地点 and 公民身份证号码, and the carer's 公民身份证号码, 与被监护人关系 and
# 居住地地址; 外出时间 is asked by the
# provinces' forms that hold parents to half a year away.
GROUPS: tuple[tuple[str, str], ...] = (
    ("father", "父亲"),
    ("mother", "母亲"),
    ("carer", "委托照护人"),
    ("pat_grandpa", "祖父"),
    ("pat_grandma", "祖母"),
    ("mat_grandpa", "外祖父"),
    ("mat_grandma", "外祖母"),
)
_PARENT = (
    ("name", "姓名"),
    ("situation", "状况"),
    ("work_place", "务工地"),
    ("phone", "联系电话"),
    ("id_number", "公民身份证号码"),
    ("left_on", "外出时间"),
)
_GRANDPARENT = (("name", "姓名"), ("birth_date", "出生日期"))
GROUP_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "father": _PARENT,
    "mother": _PARENT,
    "carer": (
        ("name", "姓名"),
        ("phone", "联系电话"),
        ("id_number", "公民身份证号码"),
        ("kinship", "与被监护人关系"),
        ("address", "居住地地址"),
        ("entrust_signed", "委托监护确认书"),
    ),
    **{g: _GRANDPARENT for g in ("pat_grandpa", "pat_grandma", "mat_grandpa", "mat_grandma")},
}


def _layout() -> tuple[tuple[str, str, str], ...]:
    """(field key, group header, header) for every exported column, left to right."""
    columns = [(key, "", head) for key, head in CHILD_COLUMNS]
    for group, group_head in GROUPS:
        columns += [(f"{group}.{f}", group_head, head) for f, head in GROUP_FIELDS[group]]
    return tuple(columns + [(key, "", head) for key, head in TAIL_COLUMNS])


LAYOUT = _layout()
# A town or county keeps children of several villages: its roster says whose each child is.
VILLAGE_COLUMN = ("village", "", "所属村")
LAYOUT_WITH_VILLAGE = (LAYOUT[0], VILLAGE_COLUMN, *LAYOUT[1:])

CHILD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "no", "no."),
    "name": ("姓名", "儿童姓名", "名字", "学生姓名"),
    "sex": ("性别",),
    "ethnicity": ("民族",),
    "birth_date": ("出生日期", "出生年月", "出生年月日", "生日", "出生时间"),
    "id_number": (
        "身份证号",
        "身份证号码",
        "公民身份号码",
        "公民身份证号码",
        "身份证",
        "证件号码",
        "身份证件号码",
        "儿童身份证号",
        "儿童身份证号码",
    ),
    "hukou_place": ("户籍地", "户籍地址", "户籍所在地", "户口所在地"),
    "hukou_type": ("户籍性质", "户口性质", "户籍类型", "户口类型"),
    "current_address": ("现住址", "家庭住址", "现居住地", "居住地址", "住址", "家庭地址"),
    "categories": ("儿童类别", "类别", "儿童类型", "类型", "困境类型", "人员类别"),
    "guardianship": ("监护情况", "监护类型", "监护状况", "监护等级"),
    "health": ("健康状况", "身体状况", "健康情况"),
    "disability_type": ("残疾类别", "残疾类型", "残疾情况"),
    "illness": ("所患疾病", "疾病名称", "患病情况"),
    "schooling": ("就学情况", "就学状况", "在校情况", "学段", "就读情况"),
    "school": ("就读学校", "学校", "所在学校", "学校名称"),
    "income_sources": ("家庭经济来源", "家庭主要经济来源", "经济来源", "收入来源"),
    "aid": ("救助帮扶情况", "救助帮扶", "享受救助情况", "救助情况"),
    "village": (
        "村",
        "村居",
        "所属村",
        "所在村",
        "村名",
        "村社区",
        "所属村居",
        "村委会",
        "所属村委会",
        "村居委会",
    ),
    "last_visit": ("最近走访日期", "最近走访时间", "走访日期", "最后走访日期", "上次走访日期"),
    "notes": ("备注", "说明"),
    # The two columns an error workbook adds: importing a corrected error workbook works.
    "skip": ("原行号", "错误原因"),
}
GROUP_SYNONYMS: dict[str, tuple[str, ...]] = {
    "father": ("父亲",),
    "mother": ("母亲",),
    "carer": (
        "委托照护人",
        "照护人",
        "委托监护人",
        "实际照护人",
        "受委托照护人",
        "受委托监护人",
        "监护人",
    ),
    # The words of a ledger for each side's grandparents (爷爷 is the father's father).
    "pat_grandpa": ("祖父", "爷爷"),
    "pat_grandma": ("祖母", "奶奶"),
    "mat_grandpa": ("外祖父", "外公", "姥爷"),
    "mat_grandma": ("外祖母", "外婆", "姥姥"),
}
MEMBER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字"),
    "situation": ("状况", "情况", "现状", "去向", "状态", "现状况"),
    "work_place": (
        "务工地",
        "务工地点",
        "务工地址",
        "工作地",
        "工作地点",
        "外出务工地",
        "当前务工地点",
    ),
    "phone": ("联系电话", "电话", "手机", "手机号", "手机号码", "联系方式"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "公民身份证号码"),
    "birth_date": ("出生日期", "出生年月日"),
    "kinship": ("与被监护人关系", "与儿童关系", "与留守儿童关系", "关系"),
    "address": ("居住地地址", "居住地址", "住址", "现住址", "家庭住址"),
    "left_on": ("外出时间", "外出务工时间", "外出日期", "离家时间"),
    "entrust_signed": ("委托监护确认书", "委托书", "是否签订委托监护确认书", "确认书"),
}

_CHILD = {word: key for key, words in CHILD_SYNONYMS.items() for word in words}
_GROUP = {word: key for key, words in GROUP_SYNONYMS.items() for word in words}
_MEMBER = {word: key for key, words in MEMBER_SYNONYMS.items() for word in words}
# Longest first, so that 委托照护人 is tried before 照护人.
_GROUP_PREFIXES = sorted(_GROUP, key=len, reverse=True)
_BRACKETS = re.compile(r"[(（\[【].*?[)）\]】]")
_NOISE = re.compile(r"[\s*:：_]+")


def clean(header: str) -> str:
    """A header as compared: NFKC, no spaces or line breaks, no bracketed hints, lower case."""
    text = unicodedata.normalize("NFKC", header)
    return _NOISE.sub("", _BRACKETS.sub("", text)).lower()


def field_for(header: str, group: str = "") -> str:
    """The field key a header means ("" when not understood). `group` is the header above it
    in a two-row header (父亲 over 姓名); a group that is no family member (基本情况) is
    only a heading."""
    head, top = clean(header), clean(group)
    if top and top != head and top in _GROUP:
        return f"{_GROUP[top]}.{_MEMBER[head]}" if head in _MEMBER else ""
    if head in _CHILD:
        return _CHILD[head]
    if head in _GROUP:
        return f"{_GROUP[head]}.name"  # a single 父亲 column holds the father's name
    for prefix in _GROUP_PREFIXES:  # 父亲姓名, 母亲联系电话 …
        rest = head.removeprefix(prefix)
        if rest != head and rest in _MEMBER:
            return f"{_GROUP[prefix]}.{_MEMBER[rest]}"
    return ""


def is_group_word(header: str) -> bool:
    return clean(header) in _GROUP


def field_label(key: str) -> str:
    """The Chinese name of a field key, for the mapping the GUI shows."""
    names = dict(CHILD_COLUMNS + TAIL_COLUMNS) | {"village": "所属村", "skip": "（不导入）"}
    if key in names:
        return names[key]
    group, _, member_field = key.partition(".")
    groups = dict(GROUPS)
    if group in groups:
        member_names = {k: words[0] for k, words in MEMBER_SYNONYMS.items()}
        member_names |= {k: v for fields in GROUP_FIELDS.values() for k, v in fields}
        return f"{groups[group]}{member_names.get(member_field, member_field)}"
    return "（写入备注）"


FIELD_KEYS: tuple[str, ...] = tuple(
    [key for key, _ in CHILD_COLUMNS]
    + ["village"]
    + [f"{g}.{f}" for g, _ in GROUPS for f in MEMBER_SYNONYMS if f != "entrust_signed"]
    + ["carer.entrust_signed"]
    + [key for key, _ in TAIL_COLUMNS]
    + ["skip", ""]
)


@dataclass(frozen=True)
class Vocabulary:
    """What the columns of one kind of sheet may mean: the ledger's, or a department's list's.
    The header reader, the mapping a person adjusts and the choices remembered take it."""

    field_for: Callable[[str, str], str]  # (header, the group header above it) → field key
    field_label: Callable[[str], str]  # field key → its Chinese name
    keys: tuple[str, ...]  # what a column may be chosen to mean, as offered
    remembered_as: str  # the station's setting that keeps the choices people made
    # Headers of the columns the program's own error workbook adds beside the sheet's (cleaned).
    added_headers: frozenset[str] = frozenset()
    # Fields several columns may have; any other field is one column's.
    shared: frozenset[str] = frozenset({"", "skip", "seq"})


LEDGER = Vocabulary(
    field_for,
    field_label,
    FIELD_KEYS,
    "roster_mappings",
    frozenset(clean(h) for h in CHILD_SYNONYMS["skip"]),
)
